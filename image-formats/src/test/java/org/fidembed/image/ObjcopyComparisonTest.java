// Our in-process BIN and Intel HEX must match what the bundled llvm-objcopy writes for the same ELF:
// real ELFs assembled with llvm-mc and linked with lld for a Cortex-M and a RISC-V board layout.
package org.fidembed.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fidembed.image.testing.LlvmTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ObjcopyComparisonTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needLlvm() {
        Assumptions.assumeTrue(LlvmTools.available(), "the bundled LLVM tools exist only for linux-x86_64");
    }

    static final String CORTEX_M_ASM = """
            .syntax unified
            .thumb
            .section .vectors,"a"
            .word 0x20005000
            .word reset + 1
            .word fault + 1
            .section .text,"ax"
            .thumb_func
            .global reset
            reset:
              ldr r0, =counter
              ldr r1, [r0]
              adds r1, #1
              str r1, [r0]
              b reset
            .thumb_func
            fault:
              b fault
            .byte 1
            .section .rodata,"a"
            .balign 16
            msg: .ascii "hello, world\\n"
            .section .rodata.table,"a"
            .balign 64
            table: .word 1, 2, 3, 4, 5
            .section .data,"aw"
            counter: .word 0xdeadbeef, 0x12345678
            .section .bss,"aw",%nobits
            .space 64
            """;

    static final String CORTEX_M_LD = """
            MEMORY { FLASH (rx) : ORIGIN = 0x08000000, LENGTH = 64K
                     RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 20K }
            ENTRY(reset)
            SECTIONS {
              .vectors : { KEEP(*(.vectors)) } > FLASH
              .text : { *(.text*) } > FLASH
              .rodata : { *(.rodata) } > FLASH
              .rodata.table : { *(.rodata.table) } > FLASH
              .ARM.exidx : { *(.ARM.exidx*) } > FLASH
              .data : { *(.data*) } > RAM AT > FLASH
              .bss (NOLOAD) : { *(.bss*) } > RAM AT > RAM
            }
            """;

    static final String RISCV_ASM = """
            .section .text.entry,"ax"
            .global _start
            _start:
              j main
            .section .text,"ax"
            main:
              la a0, value
              lw a1, 0(a0)
              addi a1, a1, 1
              sw a1, 0(a0)
              j main
            .section .rodata,"a"
            .balign 8
            .ascii "longan"
            .section .data,"aw"
            value: .word 41
            """;

    static final String RISCV_LD = """
            MEMORY { FLASH (rx) : ORIGIN = 0x08000000, LENGTH = 128K
                     RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 32K }
            ENTRY(_start)
            SECTIONS {
              .text : { *(.text.entry) *(.text*) } > FLASH
              .rodata : { *(.rodata*) } > FLASH
              .data : { *(.data*) } > RAM AT > FLASH
            }
            """;

    /** 70000 bytes from address 0 (an lm3s6965evb-like layout): records must split at the 64 KiB boundary. */
    static final String BIG_ASM = """
            .section .text,"ax"
            .global _start
            _start:
            .fill 70000, 1, 0xA5
            .section .rodata,"a"
            .balign 4
            .word 0x11223344
            """;

    static final String BIG_LD = "SECTIONS { . = 0x0; .text : { *(.text) } .rodata : { *(.rodata) } }";

    /**
     * exactHex: below 1 MiB llvm-objcopy switches to extended segment address records (02) and a start segment
     * address (03); we always write extended linear ones (04/05), so there only the decoded contents must agree.
     */
    void compare(String name, String triple, String cpu, String asm, String ld, boolean exactHex) throws Exception {
        Path elf = LlvmTools.buildElf(tmp, name, triple, cpu, asm, ld);
        Path theirBin = tmp.resolve(name + ".objcopy.bin");
        Path theirHex = tmp.resolve(name + ".objcopy.hex");
        LlvmTools.run("llvm-objcopy", "-O", "binary", "--gap-fill=0xff", elf.toString(), theirBin.toString());
        LlvmTools.run("llvm-objcopy", "-O", "ihex", elf.toString(), theirHex.toString());

        FirmwareImage image = Images.readElf(elf);
        assertArrayEquals(Files.readAllBytes(theirBin), Images.toBin(image), name + ": BIN differs from llvm-objcopy's");
        String ours = Images.toHex(image);
        String theirs = Files.readString(theirHex);
        assertTrue(Images.sameContents(image, IntelHex.parse(theirs, name + ".hex")), "our reader agrees with objcopy's HEX");
        assertTrue(Images.sameContents(image, IntelHex.parse(ours, name + ".hex")), "our HEX decodes to the ELF's contents");
        if (!exactHex) {
            assertTrue(ours.contains(":020000040001F9\r\n"), "an extended linear address record opens the second 64 KiB");
            assertTrue(!ours.contains("\r\n:02000002"), "no segment records");
            return;
        }
        String[] a = theirs.split("\n", -1);
        String[] b = ours.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            assertEquals(a[i], b[i], name + ": HEX line " + (i + 1) + " differs from llvm-objcopy's");
        }
        assertEquals(a.length, b.length, name + ": HEX line count differs from llvm-objcopy's");
    }

    @Test
    void cortexMImageMatchesObjcopy() throws Exception {
        compare("cortexm", "thumbv7m-none-eabi", "cortex-m3", CORTEX_M_ASM, CORTEX_M_LD, true);
    }

    @Test
    void riscvImageMatchesObjcopy() throws Exception {
        compare("riscv", "riscv32", null, RISCV_ASM, RISCV_LD, true);
    }

    @Test
    void imageAcross64KiBFromAddressZeroMatchesObjcopy() throws Exception {
        compare("big", "riscv32", null, BIG_ASM, BIG_LD, false);
    }
}
