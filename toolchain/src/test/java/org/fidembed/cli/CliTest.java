// The command line's contract for bad input (docs/cli.md): missing file, unknown board, unknown
// option exit 2 with one line that says what to do; a syntax or type error exits 1 with
// FILE:LINE:COL, the source line and a caret, and never a Java stack trace.
package org.fidembed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CliTest {
    record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingFileIsExit2WithOneLine(@TempDir Path dir) {
        Run r = run("build", "--board", "lm3s6965evb", dir.resolve("nope.fs").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("fid-embed: no such file or folder"), r.err());
    }

    @Test
    void unknownBoardIsExit2AndSuggests(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("A.fs");
        Files.writeString(src, "module A\n[<EntryPoint>]\nlet main _ = 0\n");
        Run r = run("build", "--board", "microbt", src.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("microbit"), "suggests the closest name: " + r.err());
        assertFalse(r.err().contains("at org."), "no stack trace");
    }

    @Test
    void unknownOptionIsExit2() {
        Run r = run("build", "--frobnicate", "x.fs");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("fid-embed: unknown option"), r.err());
        assertTrue(r.err().contains("--help"), r.err());
    }

    @Test
    void aTypeErrorIsExit1WithLocationSourceLineAndCaret(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Bad.fs");
        Files.writeString(src, "module Bad\n\nlet half (x: float) = x / 2.0\n\n[<EntryPoint>]\nlet main _ =\n    printfn \"%f\" (half true)\n    0\n");
        Run r = run("build", "--board", "lm3s6965evb", "-o", dir.resolve("out").toString(), src.toString());
        assertEquals(1, r.code());
        String[] lines = r.err().split("\n");
        assertEquals("Bad.fs:7:24: error: this expression was expected to have type 'float' but here has type 'bool'", lines[0]);
        assertEquals("        printfn \"%f\" (half true)", lines[1]);
        assertEquals("                           ^", lines[2]);
        assertFalse(r.err().contains("Exception"), "no stack trace");
    }

    @Test
    void aSyntaxErrorIsExit1(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Syn.fs");
        Files.writeString(src, "module Syn\n\nlet f x =\n    x +\n\n[<EntryPoint>]\nlet main _ = 0\n");
        Run r = run("build", "--board", "riscv32-virt", "-o", dir.resolve("out").toString(), src.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().matches("(?s)Syn\\.fs:\\d+:\\d+: error: .*"), r.err());
    }

    @Test
    void buildWritesTheImagesAndTheReport(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Ok.fs");
        Files.writeString(src, "module Ok\n[<EntryPoint>]\nlet main _ =\n    printfn \"ok\"\n    0\n");
        Run r = run("build", "--board", "riscv32-virt", "-o", dir.resolve("out").toString(), src.toString());
        assertEquals(0, r.code(), r.err());
        for (String ext : new String[]{".elf", ".bin", ".hex", ".ld"}) assertTrue(Files.size(dir.resolve("out").resolve("Ok" + ext)) > 0, ext);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("FLASH +\\d+ / +\\d+ B .*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("RAM +\\d+ / +\\d+ B .*stack bound \\d+ \\(main \\d+.*")), r.out());
    }

    @Test
    void boardsListsEveryProfile() {
        Run r = run("boards");
        assertEquals(0, r.code());
        for (String b : new String[]{"lm3s6965evb", "lm3s811evb", "mps2-an385", "microbit", "netduinoplus2", "riscv32-virt", "sifive-e", "bluepill", "longan-nano"}) {
            assertTrue(r.out().contains(b), b);
        }
    }
}
