// Coverage-guided fuzzing of the compiler on arbitrary bytes. Two targets:
//  - compileNeverCrashes: the whole pipeline through Compiler.compile (lexer, parser, type checker,
//    restrictions, lowering, LLVM's verifier and code generation);
//  - parseNeverCrashes: the lexer and parser alone, without the prelude: a thousand times faster, so
//    most of the fuzzing budget goes there.
// The only allowed outcomes are an object file (or AST) or the compiler's own diagnostics, in bounded
// time: an exception (internal error, LLVM verifier failure), a result without either, or a hang
// (the @Timeout, passed to libFuzzer as -timeout) is a finding.
//
// `mvn verify` runs each target's findings under src/test/resources/org/fidembed/fuzz/FrontEndFuzzTestInputs/
// as a regression test, and FuzzSeedsTest the seeds (the in-tree language suite and the examples, read
// where they live); tools/fuzz fuzzes one target (JAZZER_FUZZ=1) from those seeds and adds what it finds
// to that folder.
package org.fidembed.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.fidembed.FrontEnd;
import org.fidembed.ast.Ast;
import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.SourceFile;
import org.fidembed.parse.Parser;
import org.fidembed.syntax.Lexer;
import org.fidembed.driver.Compiler;
import org.fidembed.driver.Project;
import org.fidembed.llvm.LlvmSession;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontEndFuzzTest {
    private static final LlvmSession.Options ARM_OZ = LlvmSession.Options.forCpu("thumbv7m-none-eabi", "cortex-m3");
    private static final LlvmSession.Options ARM_O0 = LlvmSession.Options.forCpu("thumbv7m-none-eabi", "cortex-m3").withOptLevel("O0");

    /** Compiles one input; throws (a finding) on anything but an object file or error diagnostics. */
    static void compileOnce(byte[] source) {
        // Both optimization levels: O0 keeps the code as lowered, Oz runs LLVM's passes over it.
        LlvmSession.Options llvm = source.length % 2 == 0 ? ARM_OZ : ARM_O0;
        Compiler.Output o = Compiler.compile(List.of(new Project.Source("Fuzz.fs", Path.of("Fuzz.fs"), source)), FrontEnd.TARGET,
                Compiler.Options.of(llvm), n -> n.equals("SysTick"));
        assertTrue(o != null, "the compiler returned nothing");
        assertTrue(o.object() != null || o.diagnostics().hasErrors(), "no object file and no error");
        o.diagnostics().all().forEach(d -> assertTrue(d.loc() != null && d.message() != null && !d.message().isEmpty(), "a diagnostic without a location or message"));
    }

    /** The parser recurses on the tree (the compiler gives it a big stack); so does this target. */
    private static final java.util.concurrent.ExecutorService BIG_STACK = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> { Thread t = new Thread(null, r, "fuzz-parse", 512L << 20); t.setDaemon(true); return t; });

    static void parseOnce(byte[] source) throws Exception {
        java.util.concurrent.Future<?> f = BIG_STACK.submit(() -> {
            Diagnostics d = new Diagnostics();
            try {
                SourceFile sf = Lexer.decode("Fuzz.fs", source, false, d);
                Ast.FileAst ast = Parser.parse(sf, d);
                assertTrue(ast != null || d.hasErrors(), "no tree and no error");
            } catch (CompileAbort e) {
                assertTrue(d.hasErrors(), "aborted without an error");
            }
            return null;
        });
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw e;
        }
    }

    @FuzzTest(maxDuration = "6h")
    @DictionaryFile(resourcePath = "/org/fidembed/fuzz/fsharp.dict")
    @Timeout(60)
    void compileNeverCrashes(byte[] source) {
        compileOnce(source);
    }

    @FuzzTest(maxDuration = "6h")
    @DictionaryFile(resourcePath = "/org/fidembed/fuzz/fsharp.dict")
    @Timeout(60) // far above any parse: shorter ones fired on JVM pauses of a busy 2-core machine
    void parseNeverCrashes(byte[] source) throws Exception {
        parseOnce(source);
    }
}
