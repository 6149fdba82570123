// An image meets its board before any address is checked: an ELF for another machine or class, or a UF2
// for another chip family, is refused with a message that names both; a matching one reads as before.
package org.fidembed.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.image.testing.TestElf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetImagesTest {
    static final Target BLUEPILL = Profiles.load("bluepill");
    static final Target NANO = Profiles.load("longan-nano");

    @TempDir
    Path tmp;

    Path elf(int machine) throws Exception {
        byte[] code = new byte[64];
        Path p = tmp.resolve("fw-" + machine + ".elf");
        Files.write(p, TestElf.build(machine, 0x0800_0000L, List.of(new TestElf.Part(".text", 0x0800_0000L, 0x0800_0000L, code, true)), List.of()));
        return p;
    }

    @Test
    void anElfForAnotherMachineIsRefusedNamingBoth() throws Exception {
        Path riscv = elf(ElfFile.EM_RISCV);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> TargetImages.read(riscv, BLUEPILL, 0));
        assertTrue(e.getMessage().contains("is an ELF for RISC-V 32-bit, but board 'bluepill' needs ARM 32-bit (Cortex-M3 (STM32F103C8))"),
                e.getMessage());
        Path arm = elf(ElfFile.EM_ARM);
        assertThrows(ImageFormatException.class, () -> TargetImages.read(arm, NANO, 0));
        assertEquals(64, TargetImages.read(arm, BLUEPILL, 0).dataBytes(), "the matching machine reads as before");
        Path x86 = elf(3);
        assertTrue(assertThrows(ImageFormatException.class, () -> TargetImages.read(x86, BLUEPILL, 0)).getMessage().contains("x86"));
    }

    @Test
    void aUf2ForAnotherChipFamilyIsRefused() throws Exception {
        FirmwareImage img = FirmwareImage.of(0x0800_0000L, new byte[512]);
        Path gd = tmp.resolve("gd.uf2");
        Files.write(gd, Uf2.write(img, NANO.uf2Family()));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> TargetImages.read(gd, BLUEPILL, 0));
        assertTrue(e.getMessage().contains("family 0x9AF03E33, but board 'bluepill' (STM32F103C8) is family 0x5EE21072"), e.getMessage());
        assertEquals(512, TargetImages.read(gd, NANO, 0).dataBytes());
        Path none = tmp.resolve("none.uf2");
        Files.write(none, Uf2.write(img, OptionalInt.empty()));
        assertEquals(512, TargetImages.read(none, BLUEPILL, 0).dataBytes(), "a UF2 without a family is not checked");
    }
}
