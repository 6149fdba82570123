// `fid-embed test` under QEMU: the examples' [<Test>]s pass on every board; a file of failing tests
// (failed assert, out-of-bounds index, a test that never ends) reports each failure with its panic,
// still runs the tests after it, prints 'N passed, N failed' and exits 1; a [<Test>] of the wrong type
// is a compile error at the test; a board without QEMU, or no board at all, is a bad command line.
package org.fidembed.qemutests;

import org.fidembed.cli.Main;
import org.fidembed.cli.TestCommand;
import org.fidembed.driver.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FidTestCommandTest {
    record Outcome(int code, String out, String err) { }

    static Outcome test(String board, double timeout, Path... srcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = TestCommand.run(List.of(srcs), board, null, timeout, false,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> boards() { return Firmware.qemuBoards(); }

    @ParameterizedTest(name = "the examples' tests on {0}")
    @MethodSource("boards")
    void theExamplesTestsPassOnEveryBoard(String board) {
        Path ex = Firmware.repo().resolve("examples");
        Outcome o = test(board, 30, ex.resolve("ring-logger"), ex.resolve("traffic-light"));
        String reproduce = "\nreproduce: ./fid-embed test --board " + board + " examples/ring-logger examples/traffic-light";
        assertEquals(0, o.code(), () -> o.out() + o.err() + reproduce);
        assertTrue(o.out().contains("--- PASS: LogTests.overwritesTheOldestWhenFull (LogTests.fs:17)\n"), o.out());
        assertTrue(o.out().contains("--- PASS: TrafficTests.redServesTheRequest (TrafficTests.fs:26)\n"), o.out());
        assertTrue(o.out().endsWith("6 passed, 0 failed\n"), () -> o.out() + reproduce);
    }

    static final String FAILING = """
            module MathTests

            open Fid.Testing

            let table = [| 1; 2; 3 |]

            [<Test>]
            let addition () = assert (1 + 1 = 2)

            [<Test>]
            let wrongSum () =
                printfn "sum is %d" (Array.sum table)
                assert (Array.sum table = 7)

            [<Test>]
            let ``reads past the end`` () =
                let mutable i = 0
                while i <= table.Length do
                    i <- i + 1
                printfn "%d" table.[i - 1]

            [<Test>]
            let stillRuns () = assert (table.[2] = 3)

            module Slow =
                [<Test>]
                let neverEnds () =
                    while true do
                        ()

            [<Test>]
            let last () = printfn "not printed when it passes"
            """;

    @ParameterizedTest(name = "failing tests on {0}")
    @ValueSource(strings = {"lm3s6965evb", "riscv32-virt"})
    void eachFailureIsReportedAndTheRestStillRun(String board) throws IOException {
        Path dir = Files.createTempDirectory("fidtest-");
        try {
            Path src = dir.resolve("MathTests.fs");
            Files.writeString(src, FAILING);
            Outcome o = test(board, 5, src);
            assertEquals(1, o.code(), o.out() + o.err());
            assertEquals("""
                    --- PASS: MathTests.addition (MathTests.fs:8)
                    --- FAIL: MathTests.wrongSum (MathTests.fs:11)
                        sum is 6
                        panic: assertion failed at MathTests.fs:13:5
                    --- FAIL: MathTests.reads past the end (MathTests.fs:16)
                        panic: index 3 out of bounds for length 3 at MathTests.fs:20:18
                    --- PASS: MathTests.stillRuns (MathTests.fs:23)
                    --- FAIL: MathTests.Slow.neverEnds (MathTests.fs:27)
                        timed out after 5 s
                    --- PASS: MathTests.last (MathTests.fs:32)
                    3 passed, 3 failed
                    """, o.out());
        } finally {
            SuiteCase.deleteTree(dir);
        }
    }

    @Test
    void aTestOfTheWrongTypeIsACompileErrorAtTheTest() throws IOException {
        Path dir = Files.createTempDirectory("fidtest-");
        try {
            Path src = dir.resolve("BadTests.fs");
            Files.writeString(src, "module BadTests\n\nopen Fid.Testing\n\n[<Test>]\nlet answer () = 42\n");
            Outcome o = test("lm3s6965evb", 10, src);
            assertEquals(1, o.code(), o.out() + o.err());
            assertTrue(o.err().startsWith("BadTests.fs:6:5: error: a [<Test>] function must have type 'unit -> unit' but here has type 'unit -> int'"), o.err());
        } finally {
            SuiteCase.deleteTree(dir);
        }
    }

    @Test
    void theCommandLineNeedsAQemuBoard() {
        Path ex = Firmware.repo().resolve("examples/ring-logger");
        Build.UsageError e = assertThrows(Build.UsageError.class, () -> test("bluepill", 10, ex));
        assertTrue(e.getMessage().contains("needs a QEMU board"), e.getMessage());
        // without --board the board comes from fid.toml; a file has none, so that is a bad command line
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"test", ex.resolve("LogTests.fs").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code, "a board is needed: " + err);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no board: give --board B"), err.toString(StandardCharsets.UTF_8));
    }
}
