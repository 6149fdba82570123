// The checks and the work plan of a flash, without a device: fit, boot image sanity for Cortex-M and
// RISC-V, the pages to erase (boot page first), blocks trimmed to the data, the boot block written last.
package org.fidembed.flasher;

import org.fidembed.board.BootEntry;
import org.fidembed.board.Target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.fidembed.image.Chunk;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.testing.TestImages;
import org.fidembed.flasher.testing.TestTargets;
import org.junit.jupiter.api.Test;

class FlashPlanTest {
    static final Target BLUEPILL = TestTargets.bluepill();

    @Test
    void erasesOnlyCoveredPagesBootPageFirst() throws Exception {
        FirmwareImage img = TestImages.cortexM(2100, 0x0800_8000L, 10, 1);
        FlashPlan plan = FlashPlan.make(img, BLUEPILL, false, new ArrayList<>());
        assertEquals(List.of(0, 1, 2, 32), plan.erasePages());
        assertEquals(List.of(1, 2, 32, 0), plan.programOrder(), "the boot page is programmed last");
        List<FlashPlan.Block> boot = plan.blocksInOrder(0, BLUEPILL.codeRegion().origin());
        assertEquals(0x0800_0000L, boot.get(boot.size() - 1).address(), "the vector-table block is the last write of all");
        FlashPlan.Block tail = plan.blocksByPage().get(32).get(0);
        assertEquals(12, tail.length(), "10 bytes of data round up to 12, not a full 256-byte block");
        FlashPlan.Block lastCode = plan.blocksByPage().get(2).get(0);
        assertEquals(0x0800_0800L, lastCode.address());
        assertEquals(52, lastCode.length(), "2100 - 2048 = 52 bytes");
    }

    @Test
    void erasedLookingBlocksAreSkippedButVerified() throws Exception {
        byte[] ff = new byte[512];
        java.util.Arrays.fill(ff, (byte) 0xFF);
        FirmwareImage img = new FirmwareImage(List.of(TestImages.cortexM(256, 0, 0, 1).chunks().get(0),
                new Chunk(0x0800_0100L, ff)), OptionalLong.empty());
        FlashPlan plan = FlashPlan.make(img, BLUEPILL, false, new ArrayList<>());
        List<FlashPlan.Block> blocks = plan.blocksByPage().get(0);
        assertEquals(3, blocks.size());
        assertFalse(blocks.get(1).needsWrite());
        assertEquals(256, plan.bytesToWrite(true));
        assertEquals(768, plan.bytesToVerify());
    }

    @Test
    void tooLargeAndOutsideImagesAreRefused() {
        FlashException big = assertThrows(FlashException.class,
                () -> FlashPlan.make(TestImages.cortexM(65 * 1024, 0, 0, 1), BLUEPILL, false, new ArrayList<>()));
        assertEquals(FailureKind.IMAGE_TOO_LARGE, big.kind());
        assertTrue(big.getMessage().contains("1024 bytes too many"), big.getMessage());
        FirmwareImage ram = new FirmwareImage(List.of(TestImages.cortexM(1024, 0, 0, 1).chunks().get(0),
                new Chunk(0x2000_0000L, new byte[8])), OptionalLong.empty());
        FlashException out = assertThrows(FlashException.class, () -> FlashPlan.make(ram, BLUEPILL, false, new ArrayList<>()));
        assertEquals(FailureKind.BAD_IMAGE, out.kind());
        assertTrue(out.getMessage().contains("0x20000000") && out.getMessage().contains("AT > FLASH"), out.getMessage());
        FlashException empty = assertThrows(FlashException.class,
                () -> FlashPlan.make(new FirmwareImage(List.of(), OptionalLong.empty()), BLUEPILL, false, new ArrayList<>()));
        assertTrue(empty.getMessage().contains("no loadable data"));
    }

    @Test
    void cortexMVectorTableChecks() {
        byte[] code = TestImages.cortexM(1024, 0, 0, 1).chunks().get(0).data();
        TestImages.putLe32(code, 4, 0x0800_0100L); // even reset vector: not Thumb
        FlashException e = assertThrows(FlashException.class,
                () -> FlashPlan.make(FirmwareImage.of(0x0800_0000L, code), BLUEPILL, false, new ArrayList<>()));
        assertTrue(e.getMessage().contains("reset vector 0x08000100"), e.getMessage());
        TestImages.putLe32(code, 4, 0x0800_0101L);
        TestImages.putLe32(code, 0, 0x3000_0000L); // stack outside RAM
        FlashException sp = assertThrows(FlashException.class,
                () -> FlashPlan.make(FirmwareImage.of(0x0800_0000L, code), BLUEPILL, false, new ArrayList<>()));
        assertTrue(sp.getMessage().contains("stack pointer 0x30000000"), sp.getMessage());
        List<String> warnings = new ArrayList<>();
        assertTrue(assertDoesNotThrowPlan(FirmwareImage.of(0x0800_0000L, code), warnings));
        assertTrue(warnings.get(0).contains("--force"), warnings.toString());
        FlashException noVectors = assertThrows(FlashException.class,
                () -> FlashPlan.make(FirmwareImage.of(0x0800_0400L, new byte[64]), BLUEPILL, false, new ArrayList<>()));
        assertTrue(noVectors.getMessage().contains("no vector table at 0x08000000"), noVectors.getMessage());
    }

    static boolean assertDoesNotThrowPlan(FirmwareImage img, List<String> warnings) {
        try {
            FlashPlan.make(img, BLUEPILL, true, warnings);
            return true;
        } catch (FlashException e) {
            throw new AssertionError("--force must turn the check into a warning", e);
        }
    }

    @Test
    void riscvEntryChecks() {
        assertTrue(FlashPlan.plausibleRiscvEntry(0x1000006FL), "jal x0");
        assertTrue(FlashPlan.plausibleRiscvEntry(0x00000297L), "auipc t0");
        assertTrue(FlashPlan.plausibleRiscvEntry(0x4081L), "c.li ra, 0 (compressed)");
        assertFalse(FlashPlan.plausibleRiscvEntry(0xFFFF_FFFFL), "erased flash");
        assertFalse(FlashPlan.plausibleRiscvEntry(0), "zeros");
        assertFalse(FlashPlan.plausibleRiscvEntry(0x2000_5000L), "a Cortex-M stack pointer is no RISC-V instruction");
        FlashException e = assertThrows(FlashException.class, () -> FlashPlan.make(
                TestImages.cortexM(1024, 0, 0, 1), TestTargets.longanNano(), false, new ArrayList<>()));
        assertTrue(e.getMessage().contains("entry code is not sane"), e.getMessage());
    }

    @Test
    void bootEntrySequencesParseLikeStm32flash() {
        BootEntry.Lines s = BootEntry.parse("-rts&dtr,-dtr:rts&dtr,-dtr");
        assertEquals(List.of(new BootEntry.Step(BootEntry.Line.RTS, false, 0), new BootEntry.Step(BootEntry.Line.DTR, true, 100),
                new BootEntry.Step(BootEntry.Line.DTR, false, 100)), s.enter());
        assertEquals(3, s.exit().size());
        assertThrows(IllegalArgumentException.class, () -> BootEntry.parse("dtr;rts"));
        assertThrows(IllegalArgumentException.class, () -> BootEntry.parse("cts"));
    }

    @Test
    void bootEntryDrivesTheModemLinesInOrder() {
        List<String> seen = new ArrayList<>();
        org.fidembed.flasher.serial.SerialLink recorder = new org.fidembed.flasher.serial.SerialLink() {
            public String name() {
                return "rec";
            }

            public int baud() {
                return 115200;
            }

            public LineMode line() {
                return LineMode.LINE_8E1;
            }

            public void write(byte[] b, int off, int len) {}

            public int read(byte[] b, int off, int len, long deadline) {
                return 0;
            }

            public void discardInput() {}

            public boolean setLine(BootEntry.Line line, boolean asserted) {
                seen.add((asserted ? "+" : "-") + line);
                return line == BootEntry.Line.DTR;
            }

            public void close() {}
        };
        boolean ok = Flasher.drive(recorder, BootEntry.parse("rts&-dtr&dtr").enter());
        assertEquals(List.of("+RTS", "-DTR", "+DTR"), seen);
        assertFalse(ok, "a refused line is reported");
    }
}
