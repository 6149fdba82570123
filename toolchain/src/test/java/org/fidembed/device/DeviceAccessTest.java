// The cost of Fid.Device: a program of register accesses through the generated module and the same
// accesses written by hand with Fid.Hardware.Mmio compile to the same instructions, one volatile load
// or store of the register's width each (counted in the bundled llvm-objdump's disassembly of main);
// the HAL's pin set, clear and read are one access each on the boards whose ports allow it, and an SPI
// byte is one store and three loads.
package org.fidembed.device;

import org.fidembed.driver.Build;
import org.fidembed.llvm.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceAccessTest {
    @TempDir
    Path dir;

    static final String ARM_DEVICE = """
            module Main
            open Fid.Device

            [<EntryPoint>]
            let main _ =
                GPIOF.DIR.write 0x01u
                GPIOF.DEN.modify (fun r -> r ||| 0x01u)
                SYSCTL.RCGC2.GPIOF.set 1uy
                UART0.LCRH.WLEN.set UART0.LCRH.WLEN.BITS8
                TIMER0.ICR.write (TIMER0.ICR.TATOCINT.insert 1uy 0u)
                let a = UART0.FR.TXFF.get ()
                let b = GPIOF.DIR.read ()
                int a + int b
            """;

    static final String ARM_HAND = """
            module Main
            open Fid.Hardware

            [<EntryPoint>]
            let main _ =
                Mmio.write32 0x40025400un 0x01u
                Mmio.write32 0x4002551Cun (Mmio.read32 0x4002551Cun ||| 0x01u)
                Mmio.write32 0x400FE108un (Mmio.read32 0x400FE108un ||| 0x20u)
                Mmio.write32 0x4000C02Cun (Mmio.read32 0x4000C02Cun ||| 0x60u)
                Mmio.write32 0x40030024un 0x01u
                let a = (Mmio.read32 0x4000C018un >>> 5) &&& 1u
                let b = Mmio.read32 0x40025400un
                int a + int b
            """;

    static final String RV_DEVICE = """
            module Main
            open Fid.Device

            [<EntryPoint>]
            let main _ =
                UART0.IER.write 0x01uy
                UART0.LCR.WLS.set UART0.LCR.WLS.BITS8
                let t = UART0.LSR.THRE.get ()
                PLIC.THRESHOLD.write 0u
                int t
            """;

    static final String RV_HAND = """
            module Main
            open Fid.Hardware

            [<EntryPoint>]
            let main _ =
                Mmio.write8 0x10000001un 0x01uy
                Mmio.write8 0x10000003un (Mmio.read8 0x10000003un ||| 0x03uy)
                let t = (Mmio.read8 0x10000005un >>> 5) &&& 1uy
                Mmio.write32 0x0C200000un 0u
                int t
            """;

    /** The mnemonics of main (or of other symbols, such as the reset handler that main may be inlined into), in order. */
    private List<String> main(String board, String name, String program) throws Exception {
        return disassembly(board, name, program, "fid.main");
    }

    private List<String> disassembly(String board, String name, String program, String symbols) throws Exception {
        Path src = dir.resolve(board + "-" + name + ".fs");
        Files.writeString(src, program);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Build.Result r = Build.build(Build.Request.of(src).board(board).outDir(dir.resolve(board + "-" + name)).quiet(true).build(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, r.exitCode(), err.toString(StandardCharsets.UTF_8));
        Tools.Run d = Tools.run(List.of(Tools.tool("llvm-objdump").toString(), "-d", "--no-show-raw-insn", "--disassemble-symbols=" + symbols, r.elf().toString()), 60);
        assertEquals(0, d.exitCode(), d.output());
        List<String> ops = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*[0-9a-f]+:\\s+(\\S+)\\s*(.*)$").matcher(d.output());
        while (m.find()) ops.add(m.group(1) + (m.group(2).contains("[pc") ? " pc" : ""));
        assertFalse(ops.isEmpty(), d.output());   // an empty program may be a reset handler of two calls (bluepill)
        return ops;
    }

    private static long count(List<String> ops, String... mnemonics) {
        return ops.stream().filter(o -> List.of(mnemonics).contains(o)).count();
    }

    @Test
    void cortexMAccessesAreWhatHandWrittenOnesAre() throws Exception {
        List<String> device = main("lm3s6965evb", "device", ARM_DEVICE);
        List<String> hand = main("lm3s6965evb", "hand", ARM_HAND);
        assertEquals(5, count(device, "ldr", "ldr.w"), "one load per read, modify and field get or set: " + device);
        assertEquals(5, count(device, "str", "str.w"), "one store per write, modify and field set: " + device);
        assertEquals(hand.size(), device.size(), "device " + device + "\nhand   " + hand);
        assertEquals(count(hand, "ldr", "ldr.w"), count(device, "ldr", "ldr.w"));
    }

    static final String HAL = """
            module Main
            open Fid.Device
            open Fid.Hal

            [<EntryPoint>]
            let main _ =
                Gpio.set Board.Led
                Gpio.clear Board.Led
                if Gpio.read Board.Led then 1 else 0
            """;

    static final String SPI = """
            module Main
            open Fid.Device
            open Fid.Hal

            [<EntryPoint>]
            let main _ =
                Spi.init SSI0.Base 1_000_000u
                let a = Spi.transfer SSI0.Base 0x5Auy
                let b = Spi.transfer SSI0.Base a
                int (Spi.transfer SSI0.Base b)
            """;

    /**
     * Spi.transfer on the PL022 and on the STM32/GD32 SPI: wait for room (a load of SR), store DR, wait for the
     * answer (SR), load DR. BOARD:BUS names the bus of the board's SVD.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lm3s6965evb:SSI0", "lm3s811evb:SSI0", "bluepill:SPI1", "netduinoplus2:SPI1", "longan-nano:SPI0"})
    void spiTransferIsOneStoreAndThreeLoads(String boardAndBus) throws Exception {
        String board = boardAndBus.split(":")[0];
        List<String> ops = disassembly(board, "spi", SPI.replace("SSI0", boardAndBus.split(":")[1]), "Fid.Hal.Spi.transfer");
        assertEquals(1, count(ops, "str", "str.w", "sw"), board + ": one store of DR:\n" + ops);
        assertEquals(3, count(ops, "ldr", "ldr.w", "lw"), board + ": SR twice and DR once (the base address aside):\n" + ops);
        assertTrue(ops.size() <= 12, board + ": " + ops.size() + " instructions:\n" + ops);
    }

    static final String EMPTY = """
            module Main

            [<EntryPoint>]
            let main _ = 0
            """;

    /** Gpio.set, clear and read on the board's LED pin: a store, a store and a load where the port has set/clear registers. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lm3s6965evb", "lm3s811evb", "microbit", "bluepill", "netduinoplus2", "longan-nano"})
    void halPinAccessesAreOneEach(String board) throws Exception {
        assertOneAccessEach(board, "Led");
    }

    /** The same on a CMSDK GPIO port of the MPS2 images (their LEDs are FPGAIO bits, a load and a store each). */
    @Test
    void cmsdkPinAccessesAreOneEach() throws Exception {
        assertOneAccessEach("mps2-an385", "Gpio0");
    }

    private void assertOneAccessEach(String board, String pin) throws Exception {
        List<String> ops = disassembly(board, "hal", HAL.replace("Board.Led", "Board." + pin), "fid.main,Reset_Handler");
        List<String> none = disassembly(board, "empty", EMPTY, "fid.main,Reset_Handler");
        long loads = count(ops, "ldr", "ldr.w", "lw") - count(none, "ldr", "ldr.w", "lw");
        long stores = count(ops, "str", "str.w", "sw") - count(none, "str", "str.w", "sw");
        assertEquals(2, stores, board + ": set and clear are one store each:\n" + ops + "\nwithout them: " + none);
        assertEquals(1, loads, board + ": read is one load:\n" + ops + "\nwithout it: " + none);
    }

    @Test
    void riscvByteRegistersAreByteAccesses() throws Exception {
        List<String> device = main("riscv32-virt", "device", RV_DEVICE);
        List<String> hand = main("riscv32-virt", "hand", RV_HAND);
        assertEquals(2, count(device, "lbu", "lb"), "8-bit registers read with byte loads: " + device);
        assertEquals(2, count(device, "sb"), device.toString());
        assertEquals(1, count(device, "sw"), device.toString());
        assertEquals(0, count(device, "lw"), device.toString());
        assertEquals(hand.size(), device.size(), "device " + device + "\nhand   " + hand);
    }
}
