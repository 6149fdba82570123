// The compiler's own limits are errors, not crashes: very long operator chains, deep
// nesting, a file over 10 MB, invalid UTF-8, a type that doubles at every call, and a 100,000-element
// array literal, each in bounded
// time with a clear message or a correct result.
package org.fidembed.driver;

import org.fidembed.FrontEnd;
import org.fidembed.diag.Diagnostic;
import org.fidembed.llvm.LlvmSession;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LimitsTest {
    private static Compiler.Output compile(String name, byte[] source) {
        LlvmSession.Options llvm = LlvmSession.Options.forCpu("thumbv7m-none-eabi", "cortex-m3");
        return Compiler.compile(List.of(new Project.Source(name, Path.of(name), source)), FrontEnd.TARGET,
                Compiler.Options.of(llvm), n -> true);
    }

    private static String firstError(Compiler.Output o) {
        return o.diagnostics().sorted().stream().filter(Diagnostic::isError).map(d -> d.loc().line() + ":" + d.loc().col() + ": " + d.message()).findFirst().orElse(null);
    }

    @Test
    void aVeryLongOperatorChainIsAnErrorNotACrash() {
        String src = "module Chain\n[<EntryPoint>]\nlet main _ =\n    let x = " + String.join(" + ", java.util.Collections.nCopies(6000, "1")) + "\n    x\n";
        Compiler.Output o = compile("Chain.fs", src.getBytes(StandardCharsets.UTF_8));
        assertNull(o.object());
        assertTrue(firstError(o).contains("chains more than 5000 operators"), firstError(o));
        String rendered = o.diagnostics().sorted().get(0).render();
        assertTrue(rendered.lines().allMatch(l -> l.length() < 200), "a long line is shown as a window: " + rendered);
    }

    /** (x, x) applied 40 times doubles the type 40 times: refused at the expression, in bounded time. */
    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aTypeThatGrowsExponentiallyIsAnErrorAtTheExpression() {
        String src = "module Exp\n\nlet inline p x = (x, x)\n\n[<EntryPoint>]\nlet main _ =\n    let v = " + "p (".repeat(40) + "1" + ")".repeat(40)
                + "\n    0\n";
        Compiler.Output o = compile("Exp.fs", src.getBytes(StandardCharsets.UTF_8));
        assertNull(o.object());
        String e = firstError(o);
        assertTrue(e != null && e.matches("7:\\d+: the type of this expression has more than 4096 parts.*"), e);
        String ok = "module Exp\n\nlet inline p x = (x, x)\n\n[<EntryPoint>]\nlet main _ =\n    let v = p (p (p 1))\n    0\n";
        assertNotNull(compile("Ok.fs", ok.getBytes(StandardCharsets.UTF_8)).object(), "small nestings still compile");
    }

    @Test
    void deepNestingIsAnError() {
        String src = "module Deep\n[<EntryPoint>]\nlet main _ =\n    let x = " + "(".repeat(3000) + "1" + ")".repeat(3000) + "\n    x\n";
        Compiler.Output o = compile("Deep.fs", src.getBytes(StandardCharsets.UTF_8));
        assertNull(o.object());
        assertTrue(firstError(o).contains("nested too deeply"), firstError(o));
    }

    @Test
    void aFileOverTenMegabytesIsAnError() {
        StringBuilder sb = new StringBuilder("module Big\n");
        while (sb.length() <= 10_500_000) sb.append("// padding padding padding padding padding padding padding padding\n");
        sb.append("[<EntryPoint>]\nlet main _ = 0\n");
        Compiler.Output o = compile("Big.fs", sb.toString().getBytes(StandardCharsets.UTF_8));
        assertNull(o.object());
        assertTrue(firstError(o).contains("larger than 10 MB"), firstError(o));
    }

    @Test
    void invalidUtf8IsAnErrorAtTheByte() {
        byte[] bytes = "module U\n[<EntryPoint>]\nlet main _ = 0 // \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        Compiler.Output o = compile("U.fs", bytes);
        assertNull(o.object());
        assertTrue(firstError(o).startsWith("3:19: invalid UTF-8"), firstError(o));
    }

    @Test
    void aHundredThousandElementArrayLiteralCompiles() {
        StringBuilder sb = new StringBuilder("module Arr\nlet big = [| ");
        for (int i = 0; i < 100_000; i++) { if (i > 0) sb.append("; "); sb.append(i % 100); }
        sb.append(" |]\n[<EntryPoint>]\nlet main _ =\n    printfn \"%d\" (Array.sum big)\n    0\n");
        Compiler.Output o = compile("Arr.fs", sb.toString().getBytes(StandardCharsets.UTF_8));
        assertNull(firstError(o));
        assertNotNull(o.object());
        assertTrue(o.object().length > 100_000 * 4, "the array is in the object: " + o.object().length + " bytes");
    }
}
