// Interrupt handlers as the board profiles name them: the Cortex-M vector table ends after the last
// vector a program handles (never before HardFault; all 16 system slots when it starts the timer), Tick is another name of the timer
// interrupt on every board, and on RISC-V the profile's prologue (re-arming mtimecmp) runs before it.
package org.fidembed.driver;

import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class InterruptVectorsTest {
    @TempDir
    Path dir;

    record Built(Build.Result result, String errors, ElfFile elf) { }

    private Built build(String name, String source, String board) throws Exception {
        Path src = dir.resolve(name + ".fs");
        Files.writeString(src, source);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Build.Result r = Build.build(Build.Request.of(src).board(board).outDir(dir.resolve(name + "-" + board)).keepIr(true).quiet(true).build(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        ElfFile elf = r.exitCode() == 0 ? ElfFile.parse(r.elf().toString(), Files.readAllBytes(r.elf())) : null;
        return new Built(r, err.toString(StandardCharsets.UTF_8), elf);
    }

    private static String program(String vector) {
        return "module P\n\nlet mutable n = 0\n\n[<Fid.Hardware.Interrupt(\"" + vector + "\")>]\nlet onIrq () = n <- n + 1\n\n"
                + "[<EntryPoint>]\nlet main _ = n\n";
    }

    private static long word(FirmwareImage image, long addr) {
        long w = 0;
        for (int i = 3; i >= 0; i--) w = (w << 8) | image.byteAt(addr + i);
        return w;
    }

    private static long function(ElfFile elf, String name) throws Exception {
        return elf.functions().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no function " + name)).address();
    }

    @Test
    void theVectorTableEndsAfterTheLastHandledVector() throws Exception {
        // lm3s6965evb: UART0 is IRQ 5, exception 21; the board's table has 80 slots
        Built uart = build("uart", program("UART0"), "lm3s6965evb");
        assertEquals(0, uart.result().exitCode(), uart.errors());
        ElfFile.Section v = uart.elf().section(".vectors").orElseThrow();
        assertEquals(22 * 4, v.size(), "slots 0 to 21");
        FirmwareImage image = uart.elf().image();
        assertEquals(function(uart.elf(), "isr.UART0") | 1, word(image, v.addr() + 21 * 4), "slot 21 is the handler, with the Thumb bit");

        Built none = build("none", "module P\n\n[<EntryPoint>]\nlet main _ = 0\n", "lm3s6965evb");
        assertEquals(0, none.result().exitCode(), none.errors());
        assertEquals(4 * 4, none.elf().section(".vectors").orElseThrow().size(), "initial SP, Reset, NMI and HardFault");
        assertTrue(none.elf().section(".ARM.exidx").isEmpty(), "no unwind tables");
        FirmwareImage img = none.elf().image();
        long v0 = none.elf().section(".vectors").orElseThrow().addr();
        assertEquals(function(none.elf(), "HardFault_Handler") | 1, word(img, v0 + 3 * 4), "slot 3 is HardFault");

        // a timer started without a Tick handler: SysTick's slot is there, and reports an unhandled interrupt
        Built timer = build("timer", "module P\n\n[<EntryPoint>]\nlet main _ =\n    Fid.Timer.start 100\n    0\n", "lm3s6965evb");
        assertEquals(0, timer.result().exitCode(), timer.errors());
        ElfFile.Section tv = timer.elf().section(".vectors").orElseThrow();
        assertEquals(16 * 4, tv.size(), "every system slot");
        assertEquals(function(timer.elf(), "Default_Handler") | 1, word(timer.elf().image(), tv.addr() + 15 * 4), "SysTick goes to Default_Handler");
    }

    @Test
    void tickIsTheSysTickOrMachineTimerVector() throws Exception {
        Built arm = build("tick", program("Tick"), "microbit");
        assertEquals(0, arm.result().exitCode(), arm.errors());
        ElfFile.Section v = arm.elf().section(".vectors").orElseThrow();
        assertEquals(16 * 4, v.size());
        assertEquals(function(arm.elf(), "isr.SysTick") | 1, word(arm.elf().image(), v.addr() + 15 * 4), "SysTick is exception 15");

        Built rv = build("tick", program("Tick"), "sifive-e");
        assertEquals(0, rv.result().exitCode(), rv.errors());
        String ir = Files.readString(rv.result().elf().resolveSibling("tick.ll"));
        int isr = ir.indexOf("define internal void @\"isr.MachineTimer\"()");
        assertTrue(isr >= 0, "the handler of MachineTimer");
        String body = ir.substring(isr, ir.indexOf("\n}", isr));
        int ack = body.indexOf("@\"Fid.Timer.acknowledge\"");
        int user = body.indexOf("@\"P.onIrq\"");
        assertTrue(ack > 0 && user > ack, "the profile's prologue re-arms mtimecmp before the program's handler:\n" + body);
    }

    @Test
    void anAliasAndItsVectorAreOneVector() throws Exception {
        String both = "module P\n\nlet mutable n = 0\n\n[<Fid.Hardware.Interrupt(\"SysTick\")>]\nlet a () = n <- n + 1\n\n"
                + "[<Fid.Hardware.Interrupt(\"Tick\")>]\nlet b () = n <- n + 2\n\n[<EntryPoint>]\nlet main _ = n\n";
        Built r = build("both", both, "lm3s6965evb");
        assertEquals(1, r.result().exitCode());
        assertTrue(r.errors().contains("both.fs:8:3: error: two handlers for the interrupt vector 'SysTick' ('Tick' and 'SysTick' name the same one): the other one is 'a'"),
                r.errors());
        Built unknown = build("unknown", program("MachineTimer"), "lm3s6965evb");
        assertEquals(1, unknown.result().exitCode());
        assertTrue(unknown.errors().contains("error: board 'lm3s6965evb' has no interrupt vector 'MachineTimer'"), unknown.errors());
    }
}
