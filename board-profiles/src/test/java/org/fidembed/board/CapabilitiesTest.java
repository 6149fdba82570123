// The cores' [capabilities]: what each shipped core states (and that the QEMU probes' facts back it),
// the LLVM features they become, overrides that compose key by key from a board file or a project's
// layer like every other layer, and errors that name the file and the key.
package org.fidembed.board;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CapabilitiesTest {
    @TempDir
    Path dir;

    @Test
    void eachCoreStatesWhatItCanDo() {
        record Row(String board, Capabilities.Fpu fpu, boolean dsp, Capabilities.Mve mve, boolean atomics, boolean stackLimit) { }
        for (Row r : List.of(
                new Row("microbit", Capabilities.Fpu.NONE, false, Capabilities.Mve.NONE, false, false),
                new Row("lm3s6965evb", Capabilities.Fpu.NONE, false, Capabilities.Mve.NONE, true, false),
                new Row("netduinoplus2", Capabilities.Fpu.SINGLE, true, Capabilities.Mve.NONE, true, false),
                new Row("mps2-an500", Capabilities.Fpu.DOUBLE, true, Capabilities.Mve.NONE, true, false),
                new Row("mps2-an505", Capabilities.Fpu.SINGLE, true, Capabilities.Mve.NONE, true, true),
                new Row("mps3-an547", Capabilities.Fpu.DOUBLE, true, Capabilities.Mve.FLOAT, true, true),
                new Row("sifive-e", Capabilities.Fpu.NONE, false, Capabilities.Mve.NONE, true, false),
                new Row("opentitan", Capabilities.Fpu.NONE, false, Capabilities.Mve.NONE, false, false))) {
            Capabilities c = Profiles.load(r.board()).capabilities();
            assertEquals(new Capabilities(r.fpu(), r.dsp(), r.mve(), r.atomics(), r.stackLimit(), r.stackLimit()), c, r.board());
            assertEquals(r.mve() != Capabilities.Mve.NONE, c.vectorize(), r.board());
        }
    }

    @Test
    void capabilitiesBecomeLlvmFeaturesAfterTheCoresOwn() {
        assertEquals("+fp-armv8d16,+fp64,+dsp,+mve.fp", Profiles.load("mps3-an547").featureString());
        assertEquals("+fp-armv8d16,+fp64,+dsp,-mve", Profiles.load("mps2-an500").featureString());
        assertEquals("+fp-armv8d16sp,-fp64,+dsp,-mve", Profiles.load("mps2-an505").featureString());
        assertEquals("-fpregs,-dsp,-mve", Profiles.load("mps2-an385").featureString());
        assertEquals("+m,+c,-a", Profiles.load("opentitan").featureString());
        assertEquals("+m,+c,+a", Profiles.load("sifive-e").featureString());
        Capabilities integer = new Capabilities(Capabilities.Fpu.DOUBLE, true, Capabilities.Mve.INTEGER, true, true, true);
        assertEquals(List.of("+fp64", "+dsp", "+mve", "-mve.fp"), integer.llvmFeatures(Arch.CORTEX_M));
    }

    @Test
    void aBoardFileOverridesOneCapabilityAndKeepsTheRest() throws IOException {
        Path p = Files.writeString(dir.resolve("an547-scalar.toml"), """
                inherits = "board:mps3-an547"

                [capabilities]
                mve = "none"
                """);
        Target t = Profiles.load(p.toString());
        Capabilities base = Profiles.load("mps3-an547").capabilities();
        assertEquals(Capabilities.Mve.NONE, t.capabilities().mve());
        assertFalse(t.capabilities().vectorize());
        assertEquals(base.fpu(), t.capabilities().fpu(), "the core's fpu stays");
        assertTrue(t.capabilities().stackLimit(), "and its stack limit register");
        assertTrue(t.featureString().endsWith(",-mve"), t.featureString());
    }

    @Test
    void aProjectLayerComposesOverTheBoardAndItsErrorsNameTheProjectFile() throws IOException {
        Path toml = Files.writeString(dir.resolve("fid.toml"), "name = \"app\"\nsources = [\"A.fs\"]\n\n[capabilities]\nmve = \"integer\"\n");
        Target t = Profiles.load("mps3-an547", layer(toml, "mve", "integer"));
        assertEquals(Capabilities.Mve.INTEGER, t.capabilities().mve());
        assertEquals(Capabilities.Fpu.DOUBLE, t.capabilities().fpu());
        assertTrue(t.source().layers().contains(toml.toString()), t.source().layers().toString());

        Path bad = Files.writeString(dir.resolve("bad.toml"), "name = \"app\"\nsources = [\"A.fs\"]\n\n[capabilities]\nmve = \"wide\"\n");
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.load("mps3-an547", layer(bad, "mve", "wide")));
        assertEquals(bad + ":5: key 'capabilities.mve': expected one of \"none\", \"integer\", \"float\", found \"wide\"", e.getMessage());

        Path fpu = Files.writeString(dir.resolve("fpu.toml"), "name = \"app\"\nsources = [\"A.fs\"]\n\n[capabilities]\nfpu = \"none\"\n");
        ProfileException hard = assertThrows(ProfileException.class, () -> Profiles.load("netduinoplus2", layer(fpu, "fpu", "none")));
        assertTrue(hard.getMessage().startsWith(fpu + ":5: key 'capabilities.fpu': float-abi \"hard\" needs an FPU"), hard.getMessage());

        ObjectNode other = JsonNodeFactory.instance.objectNode();
        other.putObject("uart").put("base", 0);
        ProfileException table = assertThrows(ProfileException.class, () -> Profiles.load("mps3-an547", new ProfileLayer(toml.toString(), other)));
        assertTrue(table.getMessage().contains("a project sets only these tables over its board: capabilities"), table.getMessage());
    }

    @Test
    void capabilitiesThatTheArchitectureCannotHaveAreErrors() throws IOException {
        Path mve = Files.writeString(dir.resolve("rv-mve.toml"), "inherits = \"board:sifive-e\"\n\n[capabilities]\nmve = \"float\"\n");
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.load(mve.toString()));
        assertEquals(mve + ":4: key 'capabilities.mve': MVE is ARMv8.1-M's: expected \"none\" on RISC-V", e.getMessage());
        Path v6 = Files.writeString(dir.resolve("m0-atomics.toml"), "inherits = \"board:microbit\"\n\n[capabilities]\natomics = true\n");
        ProfileException a = assertThrows(ProfileException.class, () -> Profiles.load(v6.toString()));
        assertTrue(a.getMessage().contains("ARMv6-M has no LDREX/STREX"), a.getMessage());
        Path fpuOff = Files.writeString(dir.resolve("m7-soft.toml"), "inherits = \"board:mps2-an500\"\n\n[capabilities]\nfpu = \"none\"\n");
        ProfileException f = assertThrows(ProfileException.class, () -> Profiles.load(fpuOff.toString()));
        assertTrue(f.getMessage().startsWith(fpuOff + ":4: key 'capabilities.fpu'"), f.getMessage());
    }

    private static ProfileLayer layer(Path toml, String key, String value) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("capabilities").put(key, value);
        return new ProfileLayer(toml.toString(), root);
    }
}
