// Golden tests of lowering: small programs whose IR before optimisation (module body and start-up
// code, for the front-end test board) must equal the stored NAME.ll beside them. After a deliberate
// change, regenerate with: mvn -pl toolchain -am verify -Dtest=LoweringGoldenTest -Dfidembed.golden.update=true
package org.fidembed.lower;

import org.fidembed.FrontEnd;
import org.fidembed.diag.Diagnostic;
import org.fidembed.driver.Compiler;
import org.fidembed.driver.Project;
import org.fidembed.llvm.LlvmSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class LoweringGoldenTest {
    /** The folder of the programs and their IR, in the source tree (tests run in the module's folder). */
    private static final Path DIR = Path.of("src/test/resources/org/fidembed/lower/golden");
    private static final boolean UPDATE = Boolean.getBoolean("fidembed.golden.update");

    @ParameterizedTest
    @ValueSource(strings = {"Arith", "Closures", "Matches", "Hardware"})
    void irBeforeOptimisationIsTheStoredOne(String name) throws IOException {
        Path src = DIR.resolve(name + ".fs");
        LlvmSession.Options llvm = LlvmSession.Options.forCpu("thumbv7m-none-eabi", "cortex-m3");
        Compiler.Output o = Compiler.compile(List.of(new Project.Source(name + ".fs", src, Files.readAllBytes(src))), FrontEnd.TARGET,
                Compiler.Options.of(llvm).withKeepIr(true).withDebugInfo(false), n -> true); // without debug information: the IR stays readable
        List<Diagnostic> errors = o.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), () -> errors.get(0).render());
        assertNotNull(o.object(), "LLVM compiles the IR");
        Path golden = DIR.resolve(name + ".ll");
        if (UPDATE) {
            Files.writeString(golden, o.ir());
            assertEquals(o.ir(), Files.readString(golden));
            return;
        }
        if (!Files.exists(golden)) fail(golden + " is missing; regenerate with -Dfidembed.golden.update=true");
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(o.ir())) fail(firstDifference(golden, expected, o.ir()));
    }

    /** Where the IR differs from the stored file: the first differing line of each, and how to regenerate. */
    private static String firstDifference(Path golden, String expected, String actual) {
        List<String> e = expected.lines().toList(), a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) i++;
        return golden + " differs at line " + (i + 1) + ":\n  stored:  " + (i < e.size() ? e.get(i) : "(end)")
                + "\n  lowered: " + (i < a.size() ? a.get(i) : "(end)")
                + "\nif the change is intended, regenerate with -Dfidembed.golden.update=true and review the diff";
    }
}
