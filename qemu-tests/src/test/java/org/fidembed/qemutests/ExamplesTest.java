// The examples matrix: every folder of examples/ on every board it declares (Example.java
// reads the convention from its fid.toml). On a QEMU board: build, run with the example's standard
// input and timeout, compare the UART with expected.out and the exit code, and check the stack's
// high-water mark against the proven bound. Where the build must fail (RAM overflow on a small board):
// exit 1 and the lines of expected.err. On a board without QEMU: the build succeeds. A failure names
// the board, shows a diff, and gives the command that reproduces it. Runs in parallel like the rest
// of qemu-tests (junit-platform.properties).
package org.fidembed.qemutests;

import org.fidembed.driver.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ExamplesTest {

    /** Every example on every board it names; -Dfid.examples.only=A,B keeps those examples (a quicker loop). */
    static Stream<Arguments> matrix() {
        List<String> only = List.of(System.getProperty("fid.examples.only", "").split(","));
        List<Arguments> out = new ArrayList<>();
        for (Example e : Example.all())
            if (only.equals(List.of("")) || only.contains(e.name())) for (String board : e.boards()) out.add(Arguments.of(e.name(), board));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("matrix")
    void example(String name, String board) throws IOException {
        Example e = Example.named(name);
        Path work = Files.createTempDirectory("example-" + name + "-" + board + "-");
        try {
            if (e.buildFails(board)) buildMustFail(e, board, work);
            else if (!Firmware.qemuBoards().contains(board)) buildMustSucceed(e, board, work);
            else runMustMatch(e, board, work);
        } finally {
            SuiteCase.deleteTree(work);
        }
    }

    private static void runMustMatch(Example e, String board, Path work) throws IOException {
        Firmware.Outcome o = Firmware.buildAndRun(e.dir(), board, work, e.timeout(), e.input());
        String reproduce = "\nreproduce: " + e.command(board);
        assertEquals(0, o.buildExit(), () -> e.name() + " does not build for " + board + ":\n" + o.buildErrors() + reproduce);
        String want = e.expectedOutput(board), got = o.text();
        if (!want.equals(got)) {
            fail(e.name() + " on " + board + ": the UART output differs from expected.out"
                    + (o.timedOut() ? " (the run timed out after " + Example.fmt(e.timeout()) + " s)" : "")
                    + "\n--- expected.out\n+++ UART\n" + diff(want, got) + reproduce);
        }
        assertEquals(e.exit(), o.exitCode(), () -> e.name() + " on " + board + ": exit code" + (o.timedOut() ? " (timed out)" : "") + reproduce);
        if (o.highWater() >= 0) {
            assertTrue(o.highWater() <= o.bound(), () -> e.name() + " on " + board + ": the stack used " + o.highWater()
                    + " bytes, more than the proven bound " + o.bound() + reproduce);
        }
    }

    private static Build.Result build(Example e, String board, Path work, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return Build.build(Build.Request.of(e.dir()).board(board).outDir(work).build(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static void buildMustSucceed(Example e, String board, Path work) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Build.Result r = build(e, board, work, out, err);
        assertEquals(0, r.exitCode(), () -> e.name() + " does not build for " + board + ":\n" + err.toString(StandardCharsets.UTF_8)
                + "\nreproduce: " + e.command(board));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("FLASH"), "the build prints the memory report");
    }

    static final Pattern RAM_OVERFLOW = Pattern.compile("RAM overflow: static (\\d+) B \\+ stack bound (\\d+) B > RAM (\\d+) B");

    private static void buildMustFail(Example e, String board, Path work) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Build.Result r = build(e, board, work, out, err);
        String messages = err.toString(StandardCharsets.UTF_8);
        String reproduce = "\nreproduce: " + e.command(board);
        assertEquals(1, r.exitCode(), () -> e.name() + " must fail to build for " + board + " (exit 1)\n" + messages + reproduce);
        String missing = missingLines(e.expectedErrors(), messages);
        assertNull(missing, () -> e.name() + " on " + board + ": the build's messages lack, in expected.err's order, the line\n    "
                + missing + "\nmessages:\n" + messages + reproduce);
        Matcher m = RAM_OVERFLOW.matcher(messages);
        if (m.find()) {
            long stat = Long.parseLong(m.group(1)), stack = Long.parseLong(m.group(2)), ram = Long.parseLong(m.group(3));
            assertTrue(stat + stack > ram, () -> "the overflow message's numbers do not overflow: " + m.group() + reproduce);
            long boardRam = Build.loadTarget(board).dataRegion().length();
            assertEquals(boardRam, ram, () -> "the overflow message names " + ram + " B of RAM, the board has " + boardRam + reproduce);
        }
    }

    /** The first expected line (with {n} for a number) that does not occur, in order, in the text; null if all do. */
    static String missingLines(List<String> expected, String text) {
        String[] lines = text.split("\n");
        int at = 0;
        for (String want : expected) {
            Pattern p = Pattern.compile(Pattern.quote(want).replace("{n}", "\\E\\d+\\Q"));
            while (at < lines.length && !p.matcher(lines[at]).find()) at++;
            if (at == lines.length) return want;
            at++;
        }
        return null;
    }

    /** A line diff (longest common subsequence) with two lines of context: "-" expected, "+" got. */
    static String diff(String expected, String got) {
        String[] a = expected.split("\n", -1), b = got.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) { ops.add("  " + a[i]); i++; j++; }
            else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.add("- " + visible(a[i++]));
            else ops.add("+ " + visible(b[j++]));
        }
        StringBuilder sb = new StringBuilder();
        int last = -10;
        for (int k = 0; k < ops.size(); k++) {
            boolean near = false;
            for (int d = -2; d <= 2; d++) {
                int x = k + d;
                if (x >= 0 && x < ops.size() && !ops.get(x).startsWith("  ")) near = true;
            }
            if (!near) continue;
            if (k > last + 1 && sb.length() > 0) sb.append("  ...\n");
            sb.append(ops.get(k)).append('\n');
            last = k;
        }
        return sb.toString();
    }

    private static String visible(String line) {
        StringBuilder sb = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c < 0x20 && c != '\t') sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ the gallery itself

    @Test
    void everyExampleHasAReadmeAndWhatItsTestCompares() {
        for (Example e : Example.all()) {
            assertTrue(Files.isRegularFile(e.dir().resolve("README.md")), e.name() + " has no README.md");
            assertFalse(e.shows().isBlank(), e.name() + ": nothing says what it shows ([example] shows or README.md)");
            boolean runs = e.boards().stream().anyMatch(b -> !e.buildFails(b) && Firmware.qemuBoards().contains(b));
            if (runs) assertTrue(Files.isRegularFile(e.dir().resolve("expected.out")), e.name() + " runs but has no expected.out");
            if (!e.buildFailsOn().isEmpty()) assertTrue(Files.isRegularFile(e.dir().resolve("expected.err")), e.name() + " must fail somewhere but has no expected.err");
            if (e.stdin() != null) assertTrue(Files.isRegularFile(e.stdin()), e.name() + ": stdin file " + e.stdin() + " is missing");
            for (String b : e.boards()) assertDoesNotThrow(() -> Build.loadTarget(b), e.name() + " names an unknown board " + b);
        }
    }

    /** examples/README.md is generated (tools/examples-readme); it must list every example with its boards. */
    @Test
    void theGalleryTableListsEveryExampleWithItsBoards() throws IOException {
        String table = Files.readString(Firmware.repo().resolve("examples/README.md"));
        Set<String> rows = new TreeSet<>();
        for (String line : table.split("\n")) {
            Matcher m = Pattern.compile("^\\| \\[([^]]+)]\\(([^)]+)/\\) \\|").matcher(line);
            if (!m.find()) continue;
            rows.add(m.group(1));
            Example e = Example.named(m.group(1));
            for (String b : e.boards()) assertTrue(line.contains(b), "the row of " + e.name() + " lacks board " + b + "; run tools/examples-readme");
        }
        Set<String> folders = new TreeSet<>();
        for (Example e : Example.all()) folders.add(e.name());
        assertEquals(folders, rows, "examples/README.md is out of date; run tools/examples-readme");
    }

    @Test
    void theDiffShowsChangedLinesWithContext() {
        String d = diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\n");
        assertEquals("  b\n  c\n- d\n+ D\n  e\n  f\n", d);
        assertEquals("  x\n+ \\x07y\n  \n", diff("x\n", "x\n\u0007y\n"));
        assertNull(missingLines(List.of("error: static {n} B", "report"), "x\nfoo error: static 12 B\nreport\n"));
        assertEquals("error: static {n} B", missingLines(List.of("report", "error: static {n} B"), "error: static 12 B\nreport\n"));
    }
}
