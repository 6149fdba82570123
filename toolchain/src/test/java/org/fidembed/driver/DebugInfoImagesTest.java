// Debug information never changes the firmware: every example builds to byte-identical BIN, HEX and
// UF2 images with and without DWARF, at the default level and at build --debug's; the ELF with it
// holds the line table and the F# names, and no absolute path.
package org.fidembed.driver;

import org.fidembed.image.ElfFile;
import org.fidembed.image.Images;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class DebugInfoImagesTest {
    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("examples")) ? here : here.getParent();
    }

    static Stream<Arguments> examples() throws Exception {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(repo().resolve("examples"))) {
            for (Path e : s.filter(p -> Files.exists(p.resolve("fid.toml"))).sorted().toList()) {
                if (e.getFileName().toString().equals("ram-overflow")) continue; // does not link, by design
                // lm3s6965evb and riscv32-virt where the example runs there, else the first board it names
                List<String> picked = new ArrayList<>();
                for (String b : List.of("lm3s6965evb", "riscv32-virt")) if (SerialBoardImagesTest.exampleIsFor(e, b)) picked.add(b);
                if (picked.isEmpty()) picked.add(SerialBoardImagesTest.exampleList(e, "boards").get(0));
                for (String b : picked) out.add(Arguments.of(e.getFileName().toString(), b, "Oz"));
            }
        }
        out.add(Arguments.of("traffic-light", "microbit", "O0"));
        out.add(Arguments.of("traffic-light", "sifive-e", "O0"));
        out.add(Arguments.of("hello", "netduinoplus2", "O2"));
        return out.stream();
    }

    private static Build.Result build(Path src, String board, String opt, boolean debug, Path out) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Build.Result r = Build.build(Build.Request.of(src).board(board).opt(opt).outDir(out).quiet(true).debugInfo(debug).build(), quiet, quiet);
        assertEquals(0, r.exitCode(), "build of " + src + " for " + board);
        return r;
    }

    @ParameterizedTest(name = "{0} on {1} at {2}")
    @MethodSource("examples")
    void imagesAreTheSameWithAndWithoutDebugInformation(String example, String board, String opt, @TempDir Path tmp) throws Exception {
        Path src = repo().resolve("examples").resolve(example);
        Build.Result with = build(src, board, opt, true, tmp.resolve("with"));
        Build.Result without = build(src, board, opt, false, tmp.resolve("without"));
        assertArrayEquals(Files.readAllBytes(without.bin()), Files.readAllBytes(with.bin()), "BIN");
        assertArrayEquals(Files.readAllBytes(without.hex()), Files.readAllBytes(with.hex()), "HEX");
        ElfFile a = ElfFile.parse("with", Files.readAllBytes(with.elf()));
        ElfFile b = ElfFile.parse("without", Files.readAllBytes(without.elf()));
        assertArrayEquals(Images.toUf2(b.image(), OptionalInt.of(0x1234)), Images.toUf2(a.image(), OptionalInt.of(0x1234)), "UF2");
        for (String s : List.of(".debug_info", ".debug_line", ".debug_abbrev")) {
            assertTrue(a.section(s).isPresent(), s + " in the ELF with debug information");
            assertTrue(b.section(s).isEmpty(), s + " in the ELF without");
        }
        String elf = new String(Files.readAllBytes(with.elf()), StandardCharsets.ISO_8859_1);
        assertFalse(elf.contains(repo().toString()), "an absolute path in the ELF");
        assertTrue(elf.contains("Fid.Runtime.fs"), "the prelude's compile unit");
    }
}
