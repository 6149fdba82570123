// The library and output tests of the in-tree language suite (language/09-library and 11-output, tests
// 101 and up) on every QEMU board, until the suite's own runner covers them: a run test compares the
// UART output, a panic's location included, and the exit code; a compile-fail test the error's place and text.
// -Dfid.library.only=TEXT keeps the tests whose name contains TEXT.
package org.fidembed.qemutests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class LibrarySuiteTest {
    static final List<String> SECTIONS = List.of("09-library", "11-output");

    static Path root() { return Firmware.repo().resolve("qemu-tests/src/test/language"); }

    static Stream<Arguments> cases() throws IOException {
        String only = System.getProperty("fid.library.only", "");
        List<Path> tests = new ArrayList<>();
        for (String section : SECTIONS) {
            try (Stream<Path> s = Files.list(root().resolve(section))) {
                s.filter(p -> p.getFileName().toString().matches("[1-9]\\d\\d-.*\\.fs") && p.toString().contains(only)).sorted().forEach(tests::add);
            }
        }
        List<Arguments> out = new ArrayList<>();
        for (String board : Firmware.qemuBoards()) for (Path t : tests) out.add(Arguments.of(root().relativize(t).toString(), board));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void library(String test, String board) throws IOException {
        Path file = root().resolve(test);
        ConformanceTest.Spec spec = ConformanceTest.spec(file);
        boolean arm = !board.startsWith("riscv") && !board.startsWith("sifive");
        Assumptions.assumeTrue(spec.appliesTo(board, arm), test + " does not apply to " + board);
        Path work = Files.createTempDirectory("lib-" + board + "-");
        try {
            if (spec.error() != null) {
                Firmware.Outcome o = Firmware.buildAndRun(file, board, work, 0, null);
                assertEquals(1, o.buildExit(), () -> "a compile-fail test must exit 1: " + o.command());
                int colon = spec.error().indexOf(':', spec.error().indexOf(':') + 1);
                String prefix = file.getFileName() + ":" + spec.error().substring(0, colon).trim() + ": error:";
                String text = spec.error().substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                assertTrue(o.buildErrors().lines().anyMatch(l -> l.startsWith(prefix) && l.toLowerCase(Locale.ROOT).contains(text)),
                        () -> "expected '" + prefix + " ..." + text + "' in:\n" + o.buildErrors());
                return;
            }
            Firmware.Outcome o = Firmware.buildAndRun(file, board, work, 60, null);
            assertEquals(0, o.buildExit(), () -> "build failed on " + board + ":\n" + o.buildErrors() + "\nreproduce: " + o.command());
            assertEquals(Files.readString(file.resolveSibling(spec.output())), o.text(), () -> "UART output differs on " + board + "; reproduce: " + o.command());
            assertEquals(spec.exit().intValue(), o.exitCode(), () -> "exit code on " + board + "; reproduce: " + o.command());
        } finally {
            ConformanceTest.deleteTree(work);
        }
    }
}
