// The cost of Fid.Device: a program of register accesses through the generated module and the same
// accesses written by hand with Fid.Hardware.Mmio compile to the same instructions, one volatile load
// or store of the register's width each (counted in the bundled llvm-objdump's disassembly of main).
// The HAL's accesses are HalPinAccessTest's and HalBusAccessTest's.
package org.fidembed.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.fidembed.device.Disassembly.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** The mnemonics of main. */
    private List<String> main(String board, String name, String program) throws Exception {
        return Disassembly.mnemonics(dir, board, name, program, "fid.main");
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
