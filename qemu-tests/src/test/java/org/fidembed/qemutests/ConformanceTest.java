// The language suite (../shared/conformance) on every QEMU board: run tests compare the UART bytes and
// the exit code with the test's .out and header; compile-fail tests expect exit 1 and the error at the
// given location. Skipped, with a message, only when the suite's folder is absent.
package org.fidembed.qemutests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ConformanceTest {
    /** The suite: -Dfid.conformance, $FID_CONFORMANCE, or ../shared/conformance beside the repository (or the workspace's). */
    static Path suite() {
        String prop = System.getProperty("fid.conformance", System.getenv("FID_CONFORMANCE"));
        if (prop != null && !prop.isEmpty()) return Path.of(prop);
        for (Path p : List.of(Firmware.repo().resolve("../shared/conformance"), Firmware.repo().resolve("../../shared/conformance"), Path.of("/work/shared/conformance"))) {
            if (Files.isDirectory(p)) return p.normalize();
        }
        return Firmware.repo().resolve("../shared/conformance").normalize();
    }

    /** The headers of one test file. */
    record Spec(Path file, Integer exit, String output, String error, List<String> boards) {
        boolean appliesTo(String board, boolean arm) {
            if (boards.isEmpty() || boards.contains("all")) return true;
            if (boards.contains(board)) return true;
            return boards.contains(arm ? "arm" : "riscv");
        }
    }

    static Spec spec(Path f) throws IOException {
        Integer exit = null;
        String output = null, error = null;
        List<String> boards = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            if (!line.startsWith("//")) break;
            String l = line.substring(2).trim();
            if (l.startsWith("expect-exit:")) exit = Integer.parseInt(l.substring(12).trim());
            else if (l.startsWith("expect-output:")) output = l.substring(14).trim();
            else if (l.startsWith("expect-error:")) error = l.substring(13).trim();
            else if (l.startsWith("boards:")) boards.addAll(List.of(l.substring(7).trim().split("\\s+")));
        }
        return new Spec(f, exit, output, error, boards);
    }

    static Stream<Arguments> cases() throws IOException {
        Path dir = suite();
        if (!Files.isDirectory(dir)) return Stream.of(Arguments.of("(none)", "(none)"));
        List<Arguments> out = new ArrayList<>();
        List<Path> tests;
        try (Stream<Path> s = Files.list(dir)) {
            tests = s.filter(p -> p.toString().endsWith(".fs")).sorted().toList();
        }
        for (String board : Firmware.qemuBoards()) {
            for (Path t : tests) out.add(Arguments.of(t.getFileName().toString(), board));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void conformance(String test, String board) throws IOException {
        Path dir = suite();
        Assumptions.assumeTrue(Files.isDirectory(dir), "the conformance suite " + dir + " is absent: the language suite is skipped");
        Path file = dir.resolve(test);
        Spec spec = spec(file);
        boolean arm = !board.startsWith("riscv") && !board.startsWith("sifive");
        Assumptions.assumeTrue(spec.appliesTo(board, arm), test + " does not apply to " + board);
        Path work = Files.createTempDirectory("conf-" + board + "-");
        try {
            if (spec.error() != null) {
                Firmware.Outcome o = Firmware.buildAndRun(file, board, work, 0, null);
                assertEquals(1, o.buildExit(), () -> "a compile-fail test must exit 1: " + o.command());
                int colon = spec.error().indexOf(':', spec.error().indexOf(':') + 1);
                String where = spec.error().substring(0, colon).trim();
                String text = spec.error().substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                String prefix = test + ":" + where + ": error:";
                boolean found = o.buildErrors().lines().anyMatch(l -> l.startsWith(prefix) && l.toLowerCase(Locale.ROOT).contains(text));
                assertTrue(found, () -> "expected '" + prefix + " ..." + text + "' in:\n" + o.buildErrors());
                return;
            }
            Firmware.Outcome o = Firmware.buildAndRun(file, board, work, 30, null);
            assertEquals(0, o.buildExit(), () -> "build failed for " + test + " on " + board + ":\n" + o.buildErrors() + "\nreproduce: " + o.command());
            byte[] want = Files.readAllBytes(dir.resolve(spec.output()));
            String got = o.text();
            String wanted = new String(want, StandardCharsets.UTF_8);
            if (spec.exit() != null && spec.exit() == 101) {
                got = upToPanicLocation(got);
                wanted = upToPanicLocation(wanted);
            }
            String g = got, w = wanted;
            assertEquals(w, g, () -> "UART output differs on " + board + "; reproduce: " + o.command());
            assertEquals(spec.exit().intValue(), o.exitCode(), () -> "exit code on " + board + (o.timedOut() ? " (timed out)" : "") + "; reproduce: " + o.command());
            // the proven stack bound holds: the painted stack was never used deeper than it
            assertTrue(o.highWater() > 0, () -> "no stack high-water mark was reported on " + board + "; reproduce: " + o.command() + " --measure-stack");
            assertTrue(o.highWater() <= o.bound(), () -> "the stack was used " + o.highWater() + " B deep, deeper than the proven bound "
                    + o.bound() + " B, on " + board + "; reproduce: " + o.command() + " --measure-stack");
        } finally {
            deleteTree(work);
        }
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
