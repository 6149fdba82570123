// One test of a language suite (the in-tree one, qemu-tests/src/test/language, or the extra
// conformance suite): the headers of its leading comment lines and how it is checked on a board.
//   // expect-exit: N            a run test: the UART output must equal the file named by
//   // expect-output: NAME.out   expect-output and the exit code must be N (for 101, a panic, the
//                                output is compared up to the " at " after "panic: MESSAGE")
//   // expect-error: L:C: text   a compile-fail test: exit 1 and FILE:L:C: error: ...text...
//   // expect-warning: L:C: text a warning the build must print (any test may have several)
//   // boards: all | arm | riscv | NAME...   where the test applies (default all)
//   // panic: message | location | trap   the panic strategy to build with (default: the board's)
//   // known-difference: text  fid-embed does not yet do what F# does here: the test must fail (it is
//                               reported as skipped with the text); once it passes, it fails until the
//                               header is removed
package org.fidembed.qemutests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.fidembed.board.PanicStrategy;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.*;

record SuiteCase(Path file, Integer exit, String output, String error, List<String> warnings, List<String> boards,
                 String knownDifference, PanicStrategy panic) {

    static SuiteCase read(Path f) throws IOException {
        Integer exit = null;
        String output = null, error = null, known = null;
        PanicStrategy panic = null;
        List<String> warnings = new ArrayList<>(), boards = new ArrayList<>();
        // decoded leniently: a test may hold invalid UTF-8 on purpose (after its headers)
        for (String line : new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("//")) break;
            String l = line.substring(2).trim();
            if (l.startsWith("expect-exit:")) exit = Integer.parseInt(l.substring(12).trim());
            else if (l.startsWith("expect-output:")) output = l.substring(14).trim();
            else if (l.startsWith("expect-error:")) error = l.substring(13).trim();
            else if (l.startsWith("expect-warning:")) warnings.add(l.substring(15).trim());
            else if (l.startsWith("boards:")) boards.addAll(List.of(l.substring(7).trim().split("\\s+")));
            else if (l.startsWith("known-difference:")) known = l.substring(17).trim();
            else if (l.startsWith("panic:")) {
                String id = l.substring(6).trim();
                panic = PanicStrategy.byId(id).orElseThrow(() -> new IllegalArgumentException(f + ": panic: must be " + PanicStrategy.choices() + ", found " + id));
            }
        }
        return new SuiteCase(f, exit, output, error, warnings, boards, known, panic);
    }

    /** Every .fs file under dir (in sub-folders too), sorted by path. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".fs") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    boolean appliesTo(String board) {
        if (boards.isEmpty() || boards.contains("all") || boards.contains(board)) return true;
        boolean arm = Firmware.isArm(board);
        return boards.contains(arm ? "arm" : "riscv");
    }

    /** What is wrong with the headers themselves (null: nothing): a test is a run test or a compile-fail test. */
    String headerProblem() {
        if (error != null) return exit != null || output != null ? "a compile-fail test has no expect-exit or expect-output" : null;
        if (exit == null || output == null) return "a run test needs expect-exit and expect-output (or expect-error for a compile-fail test)";
        if (!Files.isRegularFile(file.resolveSibling(output))) return "its expect-output file " + output + " is missing";
        return null;
    }

    /**
     * Builds (and for a run test runs) the test on a board and checks everything its headers promise.
     * exactPanics: a panic's location is compared too (the in-tree suite), not only its message.
     */
    void check(String board, boolean exactPanics) throws IOException {
        if (knownDifference == null) {
            checkAll(board, exactPanics);
            return;
        }
        try {
            checkAll(board, exactPanics);
        } catch (AssertionError e) {
            Assumptions.abort("known difference from F#: " + knownDifference + "\n" + e.getMessage());
        }
        fail(file.getFileName() + " passes on " + board + " now: remove its known-difference header (" + knownDifference + ")");
    }

    private void checkAll(String board, boolean exactPanics) throws IOException {
        String name = file.getFileName().toString();
        assertNull(headerProblem(), () -> name + ": " + headerProblem());
        Path work = Files.createTempDirectory("suite-" + board + "-");
        try {
            if (error != null) {
                Firmware.Outcome o = Firmware.buildAndRun(file, board, work, 0, null, panic);
                assertEquals(1, o.buildExit(), () -> "a compile-fail test must exit 1 on " + board + ": " + o.command() + "\n" + o.buildErrors());
                assertDiagnostic("error", error, o);
                for (String w : warnings) assertDiagnostic("warning", w, o);
                return;
            }
            Firmware.Outcome o = Firmware.buildAndRun(file, board, work, 30, null, panic);
            assertEquals(0, o.buildExit(), () -> "build failed for " + name + " on " + board + ":\n" + o.buildErrors() + "\nreproduce: " + o.command());
            for (String w : warnings) assertDiagnostic("warning", w, o);
            String want = Files.readString(file.resolveSibling(output), StandardCharsets.UTF_8), got = o.text();
            if (exit == 101 && !exactPanics) {
                got = upToPanicLocation(got);
                want = upToPanicLocation(want);
            }
            if (!want.equals(got)) {
                fail(name + " on " + board + ": the UART output differs from " + output + (o.timedOut() ? " (timed out)" : "")
                        + "\n--- " + output + "\n+++ UART\n" + ExamplesTest.diff(want, got) + "reproduce: " + o.command());
            }
            assertEquals(exit.intValue(), o.exitCode(), () -> "exit code on " + board + (o.timedOut() ? " (timed out)" : "") + "; reproduce: " + o.command());
            // the proven stack bound holds: the painted stack was never used deeper than it
            assertTrue(o.highWater() > 0, () -> "no stack high-water mark was reported on " + board + "; reproduce: " + o.command() + " --measure-stack");
            assertTrue(o.highWater() <= o.bound(), () -> "the stack was used " + o.highWater() + " B deep, deeper than the proven bound "
                    + o.bound() + " B, on " + board + "; reproduce: " + o.command() + " --measure-stack");
        } finally {
            deleteTree(work);
        }
    }

    /** The build printed "FILE:L:C: KIND: ..." with the header's location and (case-insensitively) its text. */
    private void assertDiagnostic(String kind, String header, Firmware.Outcome o) {
        int colon = header.indexOf(':', header.indexOf(':') + 1);
        assertTrue(colon > 0, () -> "expect-" + kind + " needs LINE:COL: text, not " + header);
        String where = header.substring(0, colon).trim();
        String text = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        String prefix = file.getFileName() + ":" + where + ": " + kind + ":";
        boolean found = o.buildErrors().lines().anyMatch(l -> l.startsWith(prefix) && l.toLowerCase(Locale.ROOT).contains(text));
        assertTrue(found, () -> "expected '" + prefix + " ..." + text + "' in:\n" + o.buildErrors() + "reproduce: " + o.command());
    }

    /** For a panic, the output is compared up to the " at " after "panic: MESSAGE". */
    static String upToPanicLocation(String s) {
        int p = s.lastIndexOf("panic: ");
        if (p < 0) return s;
        int at = s.indexOf(" at ", p);
        return at < 0 ? s : s.substring(0, at);
    }

    static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
