// Board support under QEMU on every emulated board: the periodic timer interrupt (Fid.Timer and the
// portable vector name Tick) through the ticks example, UART input (Fid.Uart.tryRead) with bytes
// piped into the firmware after its first output line, and float32 (FPU on the Cortex-M4F, soft
// float elsewhere) printing the same text.
package org.fidembed.qemutests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BoardSupportTest {
    static List<String> boards() { return Firmware.qemuBoards(); }

    @ParameterizedTest(name = "ticks on {0}")
    @MethodSource("boards")
    void theTicksExampleCountsTenTimerInterrupts(String board) throws IOException {
        Path example = Firmware.repo().resolve("examples/ticks");
        Path work = Files.createTempDirectory("ticks-" + board + "-");
        try {
            Firmware.Outcome o = Firmware.buildAndRun(example, board, work, 30, null);
            assertEquals(0, o.buildExit(), o.buildErrors());
            assertEquals(Files.readString(example.resolve("expected.out")), o.text(), () -> "on " + board + "; reproduce: " + o.command());
            assertEquals(0, o.exitCode(), () -> (o.timedOut() ? "timed out" : "exit code") + " on " + board + "; reproduce: " + o.command());
            assertTrue(o.highWater() <= o.bound(), () -> "the stack used " + o.highWater() + " bytes, more than the proven bound " + o.bound());
        } finally {
            SuiteCase.deleteTree(work);
        }
    }

    /** Echoes what arrives on the UART up to a '.', then counts it; 90 bytes overrun every receive FIFO. */
    static final String ECHO = """
            module Echo

            [<EntryPoint>]
            let main _ =
                printfn "ready"
                let mutable count = 0
                let mutable sum = 0
                let mutable fin = false
                while not fin do
                    match Fid.Uart.tryRead () with
                    | ValueSome b ->
                        Fid.Uart.write b
                        count <- count + 1
                        sum <- sum + int b
                        if b = byte '.' then fin <- true
                    | ValueNone -> ()
                printfn ""
                printfn "%d bytes, sum %d" count sum
                0
            """;

    @ParameterizedTest(name = "UART input on {0}")
    @MethodSource("boards")
    void bytesPipedInAreReadInOrder(String board) throws IOException {
        Path work = Files.createTempDirectory("echo-" + board + "-");
        try {
            Path src = work.resolve("Echo.fs");
            Files.writeString(src, ECHO);
            String line = "hello, fid-embed 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ ~!@#$%^&*()_+.";
            byte[] input = (line + "ignored after the dot\n").getBytes(StandardCharsets.US_ASCII);
            int sum = 0;
            for (byte b : line.getBytes(StandardCharsets.US_ASCII)) sum += b;
            Firmware.Outcome o = Firmware.buildAndRun(src, board, work.resolve("out"), 30, input);
            assertEquals(0, o.buildExit(), o.buildErrors());
            assertEquals("ready\n" + line + "\n" + line.length() + " bytes, sum " + sum + "\n", o.text(), () -> "on " + board + "; reproduce: echo '" + line + "' | " + o.command());
            assertEquals(0, o.exitCode(), () -> (o.timedOut() ? "timed out" : "exit code") + " on " + board);
        } finally {
            SuiteCase.deleteTree(work);
        }
    }
    /** float32 arithmetic that cannot be folded; toolchain's HardFloatTest checks its instructions. */
    static final Path FLOAT32 = Firmware.repo().resolve("toolchain/src/test/resources/org/fidembed/driver/F32.fs");

    /** The FPU of the Cortex-M4F (netduinoplus2) and the soft-float helpers elsewhere give the same text. */
    @ParameterizedTest(name = "float32 on {0}")
    @MethodSource("boards")
    void float32PrintsTheSameOnEveryBoard(String board) throws IOException {
        Path work = Files.createTempDirectory("f32-" + board + "-");
        try {
            Path src = work.resolve("F32.fs");
            Files.copy(FLOAT32, src);
            Firmware.Outcome o = Firmware.buildAndRun(src, board, work.resolve("out"), 30, null);
            assertEquals(0, o.buildExit(), o.buildErrors());
            assertEquals("3.750000 -0.750000 3.375000 0.666667 1.500000 10.500000 337 true false\n6.667e+009 3.375000\n", o.text(),
                    () -> "on " + board + "; reproduce: " + o.command());
            assertEquals(0, o.exitCode());
        } finally {
            SuiteCase.deleteTree(work);
        }
    }
}
