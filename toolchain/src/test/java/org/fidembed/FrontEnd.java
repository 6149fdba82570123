// Test support: runs the front end (with the prelude) on a source string and returns the typed
// program or the diagnostics, without LLVM or a board.
package org.fidembed;

import org.fidembed.ast.Ast;
import org.fidembed.board.Arch;
import org.fidembed.board.BoardConstant;
import org.fidembed.board.CycleCounter;
import org.fidembed.board.Exit;
import org.fidembed.board.Uart;
import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostic;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.SourceFile;
import org.fidembed.driver.Prelude;
import org.fidembed.lower.TargetInfo;
import org.fidembed.parse.Parser;
import org.fidembed.typeck.Program;
import org.fidembed.typeck.TypeChecker;
import org.fidembed.rules.LanguageRules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

public final class FrontEnd {
    private FrontEnd() { }

    public static final TargetInfo TARGET = new TargetInfo("testboard", Arch.CORTEX_M, false, false,
            new Exit(Exit.Kind.ARM_SEMIHOSTING, OptionalLong.empty()), CycleCounter.DWT,
            List.of("InitialSP", "Reset", "NMI", "HardFault"), Map.of("SysTick", 15L), Uart.Kind.PL011,
            new LinkedHashMap<>(Map.of("Name", new BoardConstant.Text("testboard"),
                    "UartBase", new BoardConstant.Int(0x4000C000L, BoardConstant.IntType.UNATIVEINT))));

    public record Result(Program program, LanguageRules.Result rules, Diagnostics diags) {
        public List<Diagnostic> errors() { return diags.sorted().stream().filter(Diagnostic::isError).toList(); }
        public List<Diagnostic> warnings() { return diags.sorted().stream().filter(d -> !d.isError()).toList(); }
        public String firstError() { return errors().isEmpty() ? null : errors().get(0).loc().line() + ":" + errors().get(0).loc().col() + ": " + errors().get(0).message(); }
    }

    public static Result check(String source) {
        Diagnostics d = new Diagnostics();
        Program prog = null;
        LanguageRules.Result rules = null;
        try {
            List<Ast.FileAst> files = new ArrayList<>();
            List<Boolean> pre = new ArrayList<>();
            for (SourceFile f : Prelude.files(TARGET)) { files.add(Parser.parse(f, d)); pre.add(true); }
            SourceFile sf = org.fidembed.syntax.Lexer.decode("Test.fs", source.getBytes(StandardCharsets.UTF_8), false, d);
            files.add(Parser.parse(sf, d));
            pre.add(false);
            if (!d.hasErrors()) {
                prog = new TypeChecker(d, "testboard", n -> n.equals("SysTick")).check(files, pre);
                if (!d.hasErrors()) rules = LanguageRules.check(prog, d);
            }
        } catch (CompileAbort e) {
            // diagnostics tell
        }
        return new Result(prog, rules, d);
    }

    /** A program with `body` as the statements of main. */
    public static String main(String decls, String body) {
        StringBuilder sb = new StringBuilder("module Test\n\n").append(decls).append("\n\n[<EntryPoint>]\nlet main _ =\n");
        for (String line : body.split("\n")) sb.append("    ").append(line).append('\n');
        sb.append("    0\n");
        return sb.toString();
    }
}
