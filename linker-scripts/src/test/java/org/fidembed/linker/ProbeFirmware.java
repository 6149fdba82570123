// A tiny start-up written in assembly for any Target, the way the compiler's start-up uses the script:
// vector table or reset stub, sp = _stack_top, copy .data and .ramfunc, zero .bss, then checks (data copied,
// RAM function callable, last word of RAM backed by memory), prints "ok NAME" on the board's UART, exits 42.
package org.fidembed.linker;

import org.fidembed.board.Exit;
import org.fidembed.board.Target;

final class ProbeFirmware {
    private ProbeFirmware() { }

    /** The exit code of a probe whose checks all passed. */
    static final int PASS = 42;

    /**
     * @param vectors    Cortex-M: how many vector table words to emit (the board's count, or a wrong one)
     * @param withStart  RISC-V: whether to put the reset stub in .text.start
     */
    static String source(Target t, int vectors, boolean withStart) {
        return switch (t.arch()) {
            case CORTEX_M -> arm(t, vectors);
            case RISCV32 -> riscv(t, withStart);
        };
    }

    static String source(Target t) { return source(t, t.vectorNames().size(), true); }

    private static long ramLast(Target t) { return t.dataRegion().end() - 4; }

    private static String data(Target t, String attrsSection, String nobits) {
        return """
                    .section .data.magic, "aw", %1$s
                    .p2align 2
                magic: .word 0x12345678
                    .section .bss.zero, "aw", %2$s
                    .p2align 2
                zero: .space 8
                    .section .rodata.msg, "a", %1$s
                msg: .asciz "ok %3$s\\n"
                """.formatted(attrsSection, nobits, t.name());
    }

    private static String arm(Target t, int vectors) {
        String uartInit = switch (t.uart().kind()) {
            case CMSDK -> "    movs r1, #1\n    str r1, [r4, #8]\n";                       // CTRL.TX_EN
            case NRF51 -> "    ldr r1, =0x500\n    movs r2, #4\n    str r2, [r4, r1]\n    movs r2, #1\n    str r2, [r4, #8]\n"; // ENABLE=4, STARTTX
            default -> "";
        };
        String putc = switch (t.uart().kind()) {
            case PL011 -> "1:  ldr r1, [r4, #0x18]\n    movs r2, #0x20\n    tst r1, r2\n    bne 1b\n    str r0, [r4]\n    bx lr\n";
            case CMSDK -> "1:  ldr r1, [r4, #4]\n    movs r2, #1\n    tst r1, r2\n    bne 1b\n    str r0, [r4]\n    bx lr\n";
            case NRF51 -> "    ldr r1, =0x11C\n    movs r2, #0\n    str r2, [r4, r1]\n    ldr r2, =0x51C\n    str r0, [r4, r2]\n"
                    + "1:  ldr r2, [r4, r1]\n    cmp r2, #0\n    beq 1b\n    bx lr\n";
            case STM32_USART -> "1:  ldr r1, [r4]\n    movs r2, #0x80\n    tst r1, r2\n    beq 1b\n    str r0, [r4, #4]\n    bx lr\n";
            default -> throw new IllegalArgumentException("no ARM probe for UART " + t.uart().kind());
        };
        String exit = switch (t.exit().kind()) {
            case ARM_SEMIHOSTING -> "    sub sp, #8\n    ldr r1, =0x20026\n    str r1, [sp]\n    str r0, [sp, #4]\n    mov r1, sp\n    movs r0, #0x20\n    bkpt 0xab\n";
            case HALT -> "    cpsid i\n";
            case RISCV_SEMIHOSTING, SIFIVE_TEST -> throw new IllegalArgumentException("not an ARM exit: " + t.exit().kind());
        };
        return """
                    .syntax unified
                    .thumb
                    .eabi_attribute 18, 4
                    .section .vectors, "a", %%progbits
                    .word _stack_top
                    .word Reset_Handler
                    .rept %1$d
                    .word Default_Handler
                    .endr

                    .section .text.Reset_Handler, "ax", %%progbits
                    .global Reset_Handler
                    .thumb_func
                Reset_Handler:
                    ldr r0, =_stack_top
                    mov r1, sp
                    cmp r0, r1
                    bne fail_sp
                    ldr r0, =__data_start
                    ldr r1, =__data_end
                    ldr r2, =__data_load
                    bl copy
                    ldr r0, =__ramfunc_start
                    ldr r1, =__ramfunc_end
                    ldr r2, =__ramfunc_load
                    bl copy
                    ldr r0, =__bss_start
                    ldr r1, =__bss_end
                    movs r3, #0
                1:  cmp r0, r1
                    bhs 2f
                    str r3, [r0]
                    adds r0, #4
                    b 1b
                2:  ldr r0, =magic
                    ldr r0, [r0]
                    ldr r1, =0x12345678
                    cmp r0, r1
                    bne fail_data
                    ldr r0, =seven
                    blx r0
                    cmp r0, #7
                    bne fail_ramfunc
                    ldr r0, =%2$s
                    ldr r1, =0xA5A5A5A5
                    str r1, [r0]
                    ldr r2, [r0]
                    cmp r1, r2
                    bne fail_ram
                    ldr r4, =%3$s
                %4$s
                    ldr r5, =msg
                3:  ldrb r0, [r5]
                    cmp r0, #0
                    beq 4f
                    bl putc
                    adds r5, #1
                    b 3b
                4:  movs r0, #%5$d
                    b exit
                fail_sp: movs r0, #1
                    b exit
                fail_data: movs r0, #2
                    b exit
                fail_ramfunc: movs r0, #3
                    b exit
                fail_ram: movs r0, #4
                    b exit
                    .thumb_func
                Default_Handler:
                    movs r0, #9
                exit:
                %6$s
                5:  b 5b
                copy:
                    cmp r0, r1
                    bhs 6f
                    ldr r3, [r2]
                    str r3, [r0]
                    adds r0, #4
                    adds r2, #4
                    b copy
                6:  bx lr
                putc:
                %7$s
                    .pool

                    .section .ramfunc, "ax", %%progbits
                    .thumb_func
                seven:
                    movs r0, #7
                    bx lr
                """.formatted(vectors - 2, hex(ramLast(t)), hex(t.uart().base()), uartInit, PASS, exit, putc)
                + data(t, "%progbits", "%nobits");
    }

    private static String riscv(Target t, boolean withStart) {
        String putc = switch (t.uart().kind()) {
            case NS16550A -> "1:  lbu t0, 5(s0)\n    andi t0, t0, 0x20\n    beqz t0, 1b\n    sb a0, 0(s0)\n    ret\n";
            case SIFIVE -> "1:  lw t0, 0(s0)\n    bltz t0, 1b\n    sw a0, 0(s0)\n    ret\n";
            case STM32_USART -> "1:  lw t0, 0(s0)\n    andi t0, t0, 0x80\n    beqz t0, 1b\n    sw a0, 4(s0)\n    ret\n";
            // CTRL = TX/RX enable; wait while STATUS.TXFULL, write WDATA, wait for STATUS.TXEMPTY (QEMU drains on a timer)
            case IBEX -> "    li t0, 3\n    sw t0, 0x10(s0)\n1:  lw t0, 0x14(s0)\n    andi t0, t0, 1\n    bnez t0, 1b\n    sw a0, 0x1c(s0)\n"
                    + "2:  lw t0, 0x14(s0)\n    andi t0, t0, 4\n    beqz t0, 2b\n    ret\n";
            default -> throw new IllegalArgumentException("no RISC-V probe for UART " + t.uart().kind());
        };
        String exit = switch (t.exit().kind()) {
            case SIFIVE_TEST -> "    li t0, %s\n    slli a0, a0, 16\n    li t1, 0x3333\n    or a0, a0, t1\n    sw a0, 0(t0)\n"
                    .formatted(hex(t.exit().address().orElseThrow()));
            // aligned while RVC is still on, so that the padding is made of (c.)nops, not zero halfwords
            case RISCV_SEMIHOSTING -> """
                        addi sp, sp, -16
                        li t1, 0x20026
                        sw t1, 0(sp)
                        sw a0, 4(sp)
                        mv a1, sp
                        li a0, 0x20
                        .balign 16
                        .option push
                        .option norvc
                        slli x0, x0, 0x1f
                        ebreak
                        srai x0, x0, 7
                        .option pop
                    """;
            case HALT -> "    csrci mstatus, 8\n";
            case ARM_SEMIHOSTING -> throw new IllegalArgumentException("not a RISC-V exit");
        };
        return """
                    .attribute arch, "rv32imac"
                    .section %1$s, "ax", @progbits
                    .globl _start
                _start:
                    .option push
                    .option norelax
                    la sp, _stack_top
                    .option pop
                    la a0, __data_start
                    la a1, __data_end
                    la a2, __data_load
                    call copy
                    la a0, __ramfunc_start
                    la a1, __ramfunc_end
                    la a2, __ramfunc_load
                    call copy
                    fence.i
                    la t0, __bss_start
                    la t1, __bss_end
                1:  bgeu t0, t1, 2f
                    sw zero, 0(t0)
                    addi t0, t0, 4
                    j 1b
                2:  la t0, magic
                    lw t0, 0(t0)
                    li t1, 0x12345678
                    li a0, 2
                    bne t0, t1, exit
                    call seven
                    li t1, 7
                    mv t0, a0
                    li a0, 3
                    bne t0, t1, exit
                    li t0, %2$s
                    li t1, 0xA5A5A5A5
                    sw t1, 0(t0)
                    lw t2, 0(t0)
                    li a0, 4
                    bne t1, t2, exit
                    li s0, %3$s
                    la s1, msg
                3:  lbu a0, 0(s1)
                    beqz a0, 4f
                    call putc
                    addi s1, s1, 1
                    j 3b
                4:  li a0, %4$d
                exit:
                %5$s
                5:  j 5b

                    .section .text.copy, "ax", @progbits
                copy:
                    bgeu a0, a1, 1f
                    lw t0, 0(a2)
                    sw t0, 0(a0)
                    addi a0, a0, 4
                    addi a2, a2, 4
                    j copy
                1:  ret
                putc:
                %6$s
                    .section .ramfunc, "ax", @progbits
                seven:
                    li a0, 7
                    ret
                """.formatted(withStart ? ".text.start" : ".text.boot", hex(ramLast(t)), hex(t.uart().base()), PASS, exit, putc)
                + data(t, "@progbits", "@nobits");
    }

    private static String hex(long v) { return String.format("0x%08X", v); }
}
