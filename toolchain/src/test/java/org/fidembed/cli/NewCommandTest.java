// `fid-embed new`, `editor` and `completion` as a user meets them: a new project has the files the
// README promises, builds, and type-checks as ordinary F# in its .fsproj's order (with fsharp-check:
// on PATH, or given by -Dfid.fsharp-check / $FSHARP_CHECK as .ci/run does); the board is asked for on
// a terminal and required otherwise; bad names and existing folders are bad command lines.
package org.fidembed.cli;

import org.fidembed.board.Profiles;
import org.fidembed.host.HostTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class NewCommandTest {
    record Run(int code, String out, String err) { }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The Compile items of an .fsproj, in order. */
    static List<String> compileItems(Path fsproj) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<Compile Include=\"([^\"]+)\" />").matcher(Files.readString(fsproj));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void aNewProjectHasItsFilesAndBuilds(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("blinky");
        Run r = cli("new", dir.toString(), "--board", "riscv32-virt");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("fid.toml", "src/App.fs", "src/Main.fs", "Tests.fs", "README.md", ".gitignore", "blinky.fsproj")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " is missing");
        }
        assertTrue(Files.readString(dir.resolve("fid.toml")).contains("board = \"riscv32-virt\""));
        assertTrue(Files.readString(dir.resolve(".gitignore")).lines().anyMatch(l -> l.equals("build/")));
        assertTrue(Files.readString(dir.resolve("Tests.fs")).contains("[<Test>]"));
        String readme = Files.readString(dir.resolve("README.md"));
        for (String cmd : List.of("fid-embed run", "fid-embed test", "fid-embed flash")) assertTrue(readme.contains(cmd), "README lacks " + cmd);
        List<String> items = compileItems(dir.resolve("blinky.fsproj"));
        assertEquals(List.of(".fid/editor/Fid.Intrinsics.fs", ".fid/editor/Fid.Hardware.fs", ".fid/editor/Fid.Board.fs", ".fid/editor/Fid.Uart.fs",
                ".fid/editor/Fid.Timer.fs", ".fid/editor/Fid.Testing.fs", "src/App.fs", "Tests.fs", "src/Main.fs"), items);
        for (String i : items) assertTrue(Files.isRegularFile(dir.resolve(i)), i);
        assertTrue(Files.readString(dir.resolve(".fid/editor/Fid.Board.fs")).contains("let Name = \"riscv32-virt\""));
        Run b = cli("build", "-o", tmp.resolve("out").toString(), dir.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("FLASH") && b.out().contains("stack bound"), b.out());
    }

    @Test
    void editorRewritesTheEditorFilesForAnotherBoard(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("two");
        assertEquals(0, cli("new", dir.toString(), "--board", "lm3s6965evb").code());
        Files.delete(dir.resolve(".fid/editor/Fid.Uart.fs"));
        Run r = cli("editor", dir.toString(), "--board", "sifive-e");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve(".fid/editor/Fid.Board.fs")).contains("\"sifive-e\""));
        assertTrue(Files.readString(dir.resolve(".fid/editor/Fid.Uart.fs")).contains("SiFive"), "the board's own UART driver");
        Run none = cli("editor", tmp.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("has no fid.toml"), none.err());
    }

    @Test
    void badNamesExistingFoldersAndNoBoardAreBadCommandLines(@TempDir Path tmp) throws Exception {
        Run bad = cli("new", tmp.resolve("9lives").toString(), "--board", "lm3s6965evb");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("is not a project name"), bad.err());
        Files.createDirectories(tmp.resolve("taken"));
        Run taken = cli("new", tmp.resolve("taken").toString(), "--board", "lm3s6965evb");
        assertEquals(2, taken.code());
        assertTrue(taken.err().contains("already exists"), taken.err());
        Run unknown = cli("new", tmp.resolve("p").toString(), "--board", "microbt");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean 'microbit'"), unknown.err());
        assertFalse(Files.exists(tmp.resolve("p")), "nothing is created for an unknown board");
        // the tests run without a terminal: the board cannot be asked for
        Run noBoard = cli("new", tmp.resolve("q").toString());
        assertEquals(2, noBoard.code());
        assertTrue(noBoard.err().contains("give the board with --board B"), noBoard.err());
    }

    @Test
    void onATerminalTheBoardIsChosenByNumberOrName() throws Exception {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(shown, true, StandardCharsets.UTF_8);
        List<String> names = Profiles.list();
        assertEquals(names.get(2), NewCommand.askBoard(new BufferedReader(new StringReader("nonsense\n3\n")), out));
        assertTrue(shown.toString(StandardCharsets.UTF_8).contains("'nonsense' is not one of the boards above"));
        for (String n : names) assertTrue(shown.toString(StandardCharsets.UTF_8).contains(n), "the list shows " + n);
        assertEquals("microbit", NewCommand.askBoard(new BufferedReader(new StringReader("microbit\n")), out));
        assertThrows(org.fidembed.driver.Build.UsageError.class, () -> NewCommand.askBoard(new BufferedReader(new StringReader("")), out));
        assertThrows(org.fidembed.driver.Build.UsageError.class, () -> NewCommand.askBoard(new BufferedReader(new StringReader("0\n99\nx\n1\n")), out));
    }

    @Test
    void completionPrintsAScriptForEveryCommand() {
        Run r = cli("completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F"), "a bash completion function");
        for (String c : List.of("build", "run", "test", "new", "editor", "flash", "monitor")) assertTrue(r.out().contains(c), c);
        assertTrue(r.out().contains("--board"));
        assertTrue(CompletionCommand.installPath().endsWith(Path.of("bash-completion", "completions", "fid-embed")));
    }

    /** fsharp-check: on PATH, or where -Dfid.fsharp-check or $FSHARP_CHECK says; null when none. */
    static Path fsharpCheck() {
        String given = System.getProperty("fid.fsharp-check", System.getenv("FSHARP_CHECK"));
        if (given != null && !given.isBlank()) return Path.of(given);
        return HostTools.onPath("fsharp-check", System.getenv("PATH")).orElse(null);
    }

    @Test
    void aNewProjectTypeChecksAsOrdinaryFSharpInItsFsprojOrder(@TempDir Path tmp) throws Exception {
        Path check = fsharpCheck();
        Assumptions.assumeTrue(check != null && Files.isExecutable(check),
                "fsharp-check not found (not on PATH, no -Dfid.fsharp-check or FSHARP_CHECK): the F# type check of a new project is skipped");
        for (String board : List.of("lm3s6965evb", "riscv32-virt")) {
            Path dir = tmp.resolve("check-" + board.replace('-', '_'));
            assertEquals(0, cli("new", dir.toString(), "--board", board).code());
            List<String> cmd = new ArrayList<>(List.of(check.toString()));
            for (String i : compileItems(dir.resolve(dir.getFileName() + ".fsproj"))) cmd.add(dir.resolve(i).toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(600, TimeUnit.SECONDS), "fsharp-check did not finish");
            assertEquals(0, p.exitValue(), board + ": " + out);
            assertTrue(out.contains("fsharp-check: ok"), out);
        }
    }
}
