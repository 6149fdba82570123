// Each finding of the fuzzers and of the differential tests (issue 10), reduced to a small program,
// through the whole compiler: it must end in the compiler's own diagnostic (or an object file), never
// an exception. The raw inputs the fuzzers found are kept as regression inputs of FrontEndFuzzTest.
package org.fidembed.fuzz;

import org.fidembed.FrontEnd;
import org.fidembed.diag.Diagnostic;
import org.fidembed.driver.Compiler;
import org.fidembed.driver.Project;
import org.fidembed.llvm.LlvmSession;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FuzzFindingsTest {
    private static Compiler.Output compile(String source) {
        LlvmSession.Options llvm = new LlvmSession.Options("thumbv7m-none-eabi", "cortex-m3", "", "", false, "Oz");
        return Compiler.compile(List.of(new Project.Source("Find.fs", Path.of("Find.fs"), source.getBytes(StandardCharsets.UTF_8))),
                FrontEnd.TARGET, new Compiler.Options(llvm, false, false), n -> true);
    }

    private static String firstError(Compiler.Output o) {
        return o.diagnostics().sorted().stream().filter(Diagnostic::isError)
                .map(d -> d.loc().line() + ":" + d.loc().col() + ": " + d.message()).findFirst().orElse(null);
    }

    @Test
    void aNumberWithoutDigitsIsAnErrorNotACrash() {
        // parseNeverCrashes: the lexer gave `0x` a BigInteger where the parser expects an IntLiteral
        Compiler.Output o = compile("module M\n[<EntryPoint>]\nlet main _ =\n    let x = 0x\n    0\n");
        assertEquals("4:13: this number has no digits", firstError(o));
    }
}
