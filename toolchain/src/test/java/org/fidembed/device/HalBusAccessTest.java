// The HAL's SPI and I2C drivers in the object code: Spi.transfer is one store and three loads on every
// chip with an SPI driver, and on the Blue Pill (STM32F103) and the Longan Nano (GD32VF103), which QEMU
// does not run, every store of Spi.init, I2c.init and I2c.write lands on a register of the chip's SVD at its width.
package org.fidembed.device;

import org.fidembed.board.Profiles;
import org.fidembed.board.svd.Svd;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.fidembed.device.Disassembly.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalBusAccessTest {
    @TempDir
    Path dir;

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
    @ParameterizedTest
    @ValueSource(strings = {"lm3s6965evb:SSI0", "lm3s811evb:SSI0", "bluepill:SPI1", "netduinoplus2:SPI1", "longan-nano:SPI0"})
    void spiTransferIsOneStoreAndThreeLoads(String boardAndBus) throws Exception {
        String board = boardAndBus.split(":")[0];
        List<String> ops = Disassembly.mnemonics(dir, board, "spi", SPI.replace("SSI0", boardAndBus.split(":")[1]), "Fid.Hal.Spi.transfer");
        assertEquals(1, count(ops, "str", "str.w", "sw"), board + ": one store of DR:\n" + ops);
        assertEquals(3, count(ops, "ldr", "ldr.w", "lw"), board + ": SR twice and DR once (the base address aside):\n" + ops);
        assertTrue(ops.size() <= 12, board + ": " + ops.size() + " instructions:\n" + ops);
    }

    /** Two SPIs and two I2Cs (SPI_A, I2C_A the first ones); the second of each keeps init out of line or not, as the compiler likes. */
    static final String BUSES = """
            module Main
            open Fid.Device
            open Fid.Hal

            [<EntryPoint>]
            let main _ =
                Spi.init SPI_A.Base 1_000_000u
                Spi.init SPI_B.Base 4_000_000u
                I2c.init I2C_A.Base 100_000u
                I2c.init I2C_B.Base 400_000u
                let r = I2c.write I2C_A.Base 0x3Cuy [| 0xAFuy |]
                if r = Ok () then 1 else 0
            """;

    /**
     * Every store in main and the HAL's functions is a whole-width store to a register of the SVD (an out-of-line
     * driver function's stores are at the bus argument plus the offset of a register of the first bus), and the
     * registers written are those the drivers must write: the clock enables, SPI CR1, I2C CR1, CR2, CCR, TRISE, DR
     * and SR1 (a NACK's flag cleared), by the chip's own names. BOARD:SPI_A:SPI_B:I2C_A:I2C_B:WORDS:EXPECTED, WORDS
     * the peripherals whose 16-bit registers (as GigaDevice's SVD gives the GD32's SPI and I2C) are stored as words:
     * the driver is ST's, whose SVD has them 32 bits wide, and the GD32VF103 user manual allows half-word or word
     * access to them.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "bluepill:SPI1:SPI2:I2C1:I2C2::RCC.APB1ENR RCC.APB2ENR SPI1.CR1 I2C1.CR1 I2C1.CR2 I2C1.CCR I2C1.TRISE I2C1.DR I2C1.SR1 I2C2.CR1 I2C2.CR2 I2C2.CCR I2C2.TRISE",
            "longan-nano:SPI0:SPI1:I2C0:I2C1:SPI0 I2C0 I2C1:RCU.APB1EN RCU.APB2EN SPI0.CTL0 I2C0.CTL0 I2C0.CTL1 I2C0.CKCFG I2C0.RT I2C0.DATA I2C0.STAT0 I2C1.CTL0 I2C1.CTL1 I2C1.CKCFG I2C1.RT"})
    void busDriversStoreToTheSvdsRegistersAtTheirWidth(String spec) throws Exception {
        String[] s = spec.split(":");
        String board = s[0];
        String program = BUSES.replace("SPI_A", s[1]).replace("SPI_B", s[2]).replace("I2C_A", s[3]).replace("I2C_B", s[4]);
        Path elf = Disassembly.build(dir, board, "buses", program);
        String text = Disassembly.text(elf, "");
        List<StoreTrace.Store> stores = new StoreTrace(elf).stores(text, List.of("fid.main", "Fid.Hal."));
        Svd.Device svd = Devices.svd(Profiles.load(board)).orElseThrow();
        long firstSpi = svd.peripheral(s[1]).orElseThrow().baseAddress();
        Set<String> written = new TreeSet<>();
        for (StoreTrace.Store st : stores) {
            assertNotNull(st.address(), board + ": a store the trace could not follow: " + st);
            long address = st.address().base() == null ? st.address().offset() : firstSpi + st.address().offset();
            Optional<String[]> reg = register(svd, address);
            assertTrue(reg.isPresent(), board + String.format(": a store to 0x%08X, no register of the SVD: ", address) + st);
            int width = Integer.parseInt(reg.get()[1]);
            if (width == 16 && List.of(s[5].split(" ")).contains(reg.get()[0].split("\\.")[0])) width = 32;
            assertEquals(width, st.width(), board + ": the width of " + reg.get()[0] + ": " + st);
            written.add(reg.get()[0]);
        }
        assertEquals(new TreeSet<>(List.of(s[6].split(" "))), written, board + ": the registers written\n" + stores);
    }

    /** "PERIPHERAL.REGISTER" and its width in bits of the register at the address (an array's element or a cluster's member too). */
    static Optional<String[]> register(Svd.Device svd, long address) {
        for (Svd.Peripheral p : svd.peripherals()) {
            Optional<String[]> r = find(p.name(), p.registers(), p.baseAddress(), address);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    private static Optional<String[]> find(String path, List<Svd.Node> nodes, long base, long address) {
        for (Svd.Node n : nodes) {
            int count = n instanceof Svd.Register r ? r.array().map(Svd.Array::count).orElse(1) : ((Svd.Cluster) n).array().map(Svd.Array::count).orElse(1);
            long stride = n instanceof Svd.Register r ? r.array().map(Svd.Array::stride).orElse(0L) : ((Svd.Cluster) n).array().map(Svd.Array::stride).orElse(0L);
            for (int i = 0; i < count; i++) {
                long at = base + n.offset() + i * stride;
                if (n instanceof Svd.Register r && at == address) return Optional.of(new String[] {path + "." + r.name(), Integer.toString(r.size())});
                if (n instanceof Svd.Cluster c) {
                    Optional<String[]> inner = find(path + "." + c.name(), c.children(), at, address);
                    if (inner.isPresent()) return inner;
                }
            }
        }
        return Optional.empty();
    }
}
