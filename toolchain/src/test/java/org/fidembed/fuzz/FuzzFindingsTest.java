// Each finding of the fuzzers and of the differential tests, reduced to a small program,
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
        LlvmSession.Options llvm = LlvmSession.Options.forCpu("thumbv7m-none-eabi", "cortex-m3");
        return Compiler.compile(List.of(new Project.Source("Find.fs", Path.of("Find.fs"), source.getBytes(StandardCharsets.UTF_8))),
                FrontEnd.TARGET, Compiler.Options.of(llvm), n -> true);
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

    @Test
    void aCharacterQuoteBeforeALineContinuationIsAnErrorNotACrash() {
        // parseNeverCrashes: '\ then a newline was tried as an escape (a line continuation, which
        // counts a line), then undone without undoing the line count: a location before its line start
        Compiler.Output o = compile("module M\n[<EntryPoint>]\nlet main _ =\n    let c = '\\\nt'\n    0\n");
        assertNull(o.object());
        assertEquals("4:13: unexpected character '''", firstError(o));
    }

    @Test
    void aLineContinuationRightBeforeTheClosingQuoteIsAnErrorNotACrash() {
        // parseNeverCrashes: '\ newline ' read as a character literal whose escape (the continuation)
        // had moved the lexer to the next line: its location came before that line's start
        Compiler.Output o = compile("module M\n[<EntryPoint>]\nlet main _ =\n    let c = '\\\n'\n    0\n");
        assertNull(o.object());
        assertEquals("4:13: unexpected character '''", firstError(o));
    }

    @Test
    void aBrokenModuleHeaderIsAnErrorNotACrash() {
        // parseNeverCrashes: the parser's SyntaxError escaped from the file header (no declaration to resume at)
        Compiler.Output o = compile("module!Main\n\n[<EntryPoint>]\nlet main _ = 0\n");
        assertNull(o.object());
        assertNotNull(firstError(o));
        assertTrue(firstError(o).startsWith("1:7: "), firstError(o));
        assertNotNull(firstError(compile("namespace\n")));
    }
}
