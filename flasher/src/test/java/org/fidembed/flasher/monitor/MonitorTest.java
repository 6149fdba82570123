// The monitor prints UART lines from a real pseudo-terminal, decodes fault addresses with the ELF's
// function symbols, stops at its duration, and reports a vanished port instead of hanging.
package org.fidembed.flasher.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fidembed.flasher.FailureKind;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.LineMode;
import org.fidembed.image.ElfFile;
import org.fidembed.flasher.serial.JSerialLink;
import org.fidembed.flasher.sim.PtyPair;
import org.fidembed.image.testing.TestElf;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class MonitorTest {
    @TempDir
    Path tmp;

    static SymbolTable symbols() {
        return new SymbolTable(List.of(new ElfFile.Symbol("reset", 0x08000100L, 0x40, 2),
                new ElfFile.Symbol("main", 0x08000140L, 0x80, 2), new ElfFile.Symbol("blink", 0x080001C0L, 0, 2),
                new ElfFile.Symbol("last", 0x08000300L, 0, 2)), true);
    }

    @Test
    void aFaultAtATrapDecodesToItsLocation() {
        SymbolTable base = symbols();
        TrapSites traps = new TrapSites(java.util.Map.of(0x08000150L, "Main.fs:12:5"));
        Optional<SymbolTable> s = Optional.of(new SymbolTable(List.of(new ElfFile.Symbol("main", 0x08000140L, 0x80, 2)), true, traps));
        assertEquals("panic at Main.fs:12:5", Monitor.decorate("panic: fault (cause 0x00010000) at pc 0x08000150", s));
        assertEquals("panic: fault (cause 0x00010000) at pc 0x08000152 <main+0x12>",
                Monitor.decorate("panic: fault (cause 0x00010000) at pc 0x08000152", s), "not a trap: the function, as before");
        assertEquals(Optional.of("Main.fs:12:5"), traps.at(0x08000151L), "the Thumb bit is ignored");
        assertEquals(0, base.traps().size());
    }

    @Test
    void faultLinesGetFunctionNames() {
        Optional<SymbolTable> s = Optional.of(symbols());
        assertEquals("HardFault pc=0x08000150 <main+0x10> lr=0x08000105 <reset+0x4> sp=0x20004FE0",
                Monitor.decorate("HardFault pc=0x08000150 lr=0x08000105 sp=0x20004FE0", s));
        assertEquals("trap mcause=0x2 mepc=0x080001C4 <blink+0x4>", Monitor.decorate("trap mcause=0x2 mepc=0x080001C4", s));
        assertEquals("value 0x08000150", Monitor.decorate("value 0x08000150", s), "only fault lines are decorated");
        assertEquals("HardFault pc=0x08000150", Monitor.decorate("HardFault pc=0x08000150", Optional.empty()));
        assertEquals(Optional.of("last"), symbols().describe(0x08000300L));
        assertEquals(Optional.empty(), symbols().describe(0x08000301L + 0x10), "past a size-less last symbol");
    }

    @Test
    void symbolsComeFromTheElf() throws Exception {
        Path elf = tmp.resolve("fw.elf");
        Files.write(elf, TestElf.build(40, 0x08000009L, List.of(new TestElf.Part(".text", 0x0800_0000L, 0x0800_0000L, new byte[256], true)),
                List.of(new TestElf.Func("reset", 0x08000009L, 32), new TestElf.Func("main", 0x08000029L, 64))));
        SymbolTable t = SymbolTable.fromElf(elf);
        assertEquals(2, t.size());
        assertEquals(Optional.of("main+0x4"), t.describe(0x0800002CL));
    }

    @Test
    void printsWhatTheBoardWritesOverARealTty() throws Exception {
        Assumptions.assumeTrue(PtyPair.socatAvailable(), "socat is not installed (./run-tests installs it)");
        try (PtyPair pty = PtyPair.open();
                JSerialLink board = JSerialLink.open(pty.simPath(), 115200, LineMode.LINE_8N1);
                JSerialLink host = JSerialLink.open(pty.hostPath(), 115200, LineMode.LINE_8N1)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(100);
                    board.write("hello from the board\r\npanic: HardFault pc=0x08000150 lr=0x08000105\r\npartial".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            writer.start();
            long lines = Monitor.run(host, Optional.of(symbols()), out, () -> false, Duration.ofMillis(700));
            writer.join();
            String text = buf.toString(StandardCharsets.UTF_8);
            assertEquals(3, lines, text);
            assertTrue(text.contains("hello from the board\n"), text);
            assertTrue(text.contains("pc=0x08000150 <main+0x10> lr=0x08000105 <reset+0x4>"), text);
            assertTrue(text.endsWith("partial\n"), "a partial line is printed when the monitor stops: " + text);
        }
    }

    @Test
    void aVanishedPortEndsTheMonitorWithAnError() throws Exception {
        Assumptions.assumeTrue(PtyPair.socatAvailable(), "socat is not installed (./run-tests installs it)");
        try (PtyPair pty = PtyPair.open(); JSerialLink host = JSerialLink.open(pty.hostPath(), 115200, LineMode.LINE_8N1)) {
            new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ignored) {
                    // pull anyway
                }
                pty.pull();
            }).start();
            long t0 = System.nanoTime();
            FlashException e = assertThrows(FlashException.class, () -> Monitor.run(host, Optional.empty(),
                    new PrintStream(new ByteArrayOutputStream()), () -> false, Duration.ZERO));
            assertEquals(FailureKind.DISCONNECTED, e.kind());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
        }
    }
}
