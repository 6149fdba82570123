// The hello example on every QEMU board, and a panic and a non-zero exit code through the same path:
// output and exit code as docs/cli.md promises.
package org.fidembed.qemutests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ExamplesSmokeTest {
    static List<String> boards() { return Firmware.qemuBoards(); }

    @ParameterizedTest(name = "hello on {0}")
    @MethodSource("boards")
    void helloPrintsTheBoardName(String board) throws IOException {
        Path work = Files.createTempDirectory("hello-");
        try {
            Firmware.Outcome o = Firmware.buildAndRun(Firmware.repo().resolve("examples/hello"), board, work, 30, null);
            assertEquals(0, o.buildExit(), o.buildErrors());
            assertEquals("Hello from fid-embed on " + board + "!\n", o.text());
            assertEquals(0, o.exitCode());
        } finally {
            SuiteCase.deleteTree(work);
        }
    }

    @ParameterizedTest(name = "panic on {0}")
    @MethodSource("boards")
    void aPanicPrintsItsLocationAndExits101(String board) throws IOException {
        Path work = Files.createTempDirectory("panic-");
        try {
            Path src = work.resolve("Panic.fs");
            Files.writeString(src, "module Panic\n\nlet check v =\n    if v > 3 then failwith \"too big\"\n    v\n\n[<EntryPoint>]\nlet main _ =\n    printfn \"%d\" (check 2)\n    printfn \"%d\" (check 5)\n    0\n");
            Firmware.Outcome o = Firmware.buildAndRun(src, board, work.resolve("out"), 30, null);
            assertEquals(0, o.buildExit(), o.buildErrors());
            assertEquals("2\npanic: too big at Panic.fs:4:19\n", o.text());
            assertEquals(101, o.exitCode());
        } finally {
            SuiteCase.deleteTree(work);
        }
    }

    @ParameterizedTest(name = "exit code on {0}")
    @MethodSource("boards")
    void mainsResultIsTheExitCode(String board) throws IOException {
        Path work = Files.createTempDirectory("exit-");
        try {
            Path src = work.resolve("Exit.fs");
            Files.writeString(src, "module Exit\n\n[<EntryPoint>]\nlet main _ =\n    printfn \"bye\"\n    6 * 7\n");
            Firmware.Outcome o = Firmware.buildAndRun(src, board, work.resolve("out"), 30, null);
            assertEquals(0, o.buildExit(), o.buildErrors());
            assertEquals("bye\n", o.text());
            assertEquals(42, o.exitCode());
        } finally {
            SuiteCase.deleteTree(work);
        }
    }
}
