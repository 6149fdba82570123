// The start-up code of a firmware image, generated as LLVM IR for the target: the Cortex-M vector
// table or the RISC-V reset stub and trap handler, the reset handler (copy .data, zero .bss, paint
// the stack, run module initialisers, call main, exit) and the exit mechanism of the board.
package org.fidembed.lower.startup;

import org.fidembed.board.CycleCounter;
import org.fidembed.linker.LinkerSymbol;
import org.fidembed.lower.LoweringResult;
import org.fidembed.lower.TargetInfo;

import java.util.List;
import java.util.Map;

public final class Startup {
    private Startup() { }

    /** Cortex-M: the system exceptions every vector table holds (slots 0 to 15). */
    static final int SYSTEM_VECTORS = 16;
    /** The ARMv7-M/ARMv8-M system registers start-up and the fault handler use (architecture, not chip,
     *  facts): the coprocessor access control register, the debug exception and monitor control register,
     *  the DWT's control register (bit 0 starts the cycle counter) and the configurable fault status register. */
    static final int CPACR = 0xE000ED88, DEMCR = 0xE000EDFC, DWT_CTRL = 0xE0001000, CFSR = 0xE000ED28;
    /** The reset handler's copy of .data and zeroing of .bss (LlvmSession drops each when its section is empty). */
    public static final String COPY_DATA = "fid.copy.data", ZERO_BSS = "fid.zero.bss";
    /** Cortex-M: the HardFault slot, the last one every table holds. */
    static final int HARD_FAULT = 3;

    /**
     * The start-up code of a lowered program. It reads the lowering's interrupt handlers, whether the
     * cycle counter and RAM functions are used, panicFault (kind, value, pc): kind 0 a fault with its
     * cause register, 1 a stack overflow with the overflowed sp (on a fresh stack), 2 an interrupt or
     * exception nobody handles with its number; and reportStackHighWater, called at exit when present.
     *
     * @param paintStack whether to paint the stack (for the high-water mark)
     */
    public static String generate(TargetInfo t, LoweringResult lowered, boolean paintStack) {
        Map<String, String> handlers = lowered.interruptHandlers();
        String faultFn = lowered.panicFault();
        String reportStack = lowered.stackReport().orElse(null);
        boolean usesCycles = lowered.usesCycles(), usesRamfunc = lowered.usesRamfunc();
        StringBuilder sb = new StringBuilder();
        // the linker script defines them (LinkerScripts writes every one of LinkerSymbol)
        for (LinkerSymbol s : LinkerSymbol.values()) {
            if (s.readByStartup()) sb.append("@").append(s.symbol()).append(" = external global i8\n");
        }
        // set after a stack overflow (measurement builds then skip the report; RISC-V: a second overflow exits)
        sb.append("@fid.overflowing = internal global i8 0\n");
        sb.append(copyAndZero());
        sb.append(highWater(paintStack));
        sb.append(resetHandler(t, paintStack, usesCycles, usesRamfunc));
        String exit = exit(t, reportStack);
        if (lowered.uartFlush()) {
            // the UART still sends what it holds when the program exits: the function that exits (after the
            // stack report, if any) flushes it first
            String real = reportStack != null ? "@fid.exit.real" : "@fid.exit";
            exit = exit.replace("define void " + real + "(", "define void " + real + ".unflushed(")
                    + "define void " + real + "(i32 %code) noreturn noinline {\nentry:\n  call void @fid.uart.flush()\n"
                    + "  call void " + real + ".unflushed(i32 %code)\n  unreachable\n}\n";
        }
        sb.append(exit);
        sb.append(switch (t.arch()) {
            case CORTEX_M -> armVectors(t, handlers, faultFn, reportStack != null, lowered.usesTimer());
            case RISCV32 -> riscvStartAndTrap(t, handlers, faultFn, reportStack != null);
        });
        return sb.toString();
    }

    private static String copyAndZero() {
        return """
                define internal void @fid.copy(ptr %dst, ptr %src, ptr %end) "no-builtins" {
                entry:
                  br label %loop
                loop:
                  %d = phi ptr [ %dst, %entry ], [ %d2, %body ]
                  %s = phi ptr [ %src, %entry ], [ %s2, %body ]
                  %more = icmp ult ptr %d, %end
                  br i1 %more, label %body, label %done
                body:
                  %v = load volatile i8, ptr %s
                  store volatile i8 %v, ptr %d
                  %d2 = getelementptr i8, ptr %d, i32 1
                  %s2 = getelementptr i8, ptr %s, i32 1
                  br label %loop
                done:
                  ret void
                }
                define internal void @fid.copy.data() noinline "no-builtins" {
                entry:
                  call void @fid.copy(ptr @__data_start, ptr @__data_load, ptr @__data_end)
                  ret void
                }
                define internal void @fid.zero.bss() noinline "no-builtins" {
                entry:
                  call void @fid.fill(ptr @__bss_start, ptr @__bss_end, i8 0)
                  ret void
                }
                define internal void @fid.fill(ptr %dst, ptr %end, i8 %value) "no-builtins" {
                entry:
                  br label %loop
                loop:
                  %d = phi ptr [ %dst, %entry ], [ %d2, %body ]
                  %more = icmp ult ptr %d, %end
                  br i1 %more, label %body, label %done
                body:
                  store volatile i8 %value, ptr %d
                  %d2 = getelementptr i8, ptr %d, i32 1
                  br label %loop
                done:
                  ret void
                }
                """;
    }

    /** The number of stack bytes ever used: painted bytes (0xC5, i8 -59) from the bottom that were overwritten. */
    private static String highWater(boolean paint) {
        if (!paint) return "define internal i32 @fid.stackHighWater() { entry:\n  ret i32 -1\n}\n";
        return """
                define i32 @fid.stackHighWater() noinline "no-builtins" {
                entry:
                  br label %loop
                loop:
                  %p = phi ptr [ @_stack_bottom, %entry ], [ %p2, %body ]
                  %more = icmp ult ptr %p, @_stack_top
                  br i1 %more, label %check, label %done
                check:
                  %v = load volatile i8, ptr %p
                  %painted = icmp eq i8 %v, -59
                  br i1 %painted, label %body, label %done
                body:
                  %p2 = getelementptr i8, ptr %p, i32 1
                  br label %loop
                done:
                  %top = ptrtoint ptr @_stack_top to i32
                  %at = ptrtoint ptr %p to i32
                  %used = sub i32 %top, %at
                  ret i32 %used
                }
                """;
    }

    private static String resetHandler(TargetInfo t, boolean paint, boolean usesCycles, boolean usesRamfunc) {
        StringBuilder sb = new StringBuilder();
        sb.append("define void @Reset_Handler() noreturn \"no-builtins\" {\nentry:\n");
        // first in the entry block, so that it is part of the frame: after the calls it would be a dynamic
        // alloca (16 more bytes of stack that the frame size, and so the stack bound, does not count)
        if (paint) sb.append("  %here = alloca i8\n");
        if (t.arm() && t.capabilities().stackLimit()) {
            // ARMv8-M: MSPLIM = the stack's bottom before anything runs, so that a push below it is a precise
            // UsageFault (CFSR.STKOF) instead of a write below the stack
            sb.append("  call void asm sideeffect \"ldr r0, =_stack_bottom\\0Amsr msplim, r0\", \"~{r0},~{memory}\"()\n");
        }
        if (t.arm() && t.fpuEnableAtReset()) {
            // CPACR |= 0xF << 20 (full access to CP10/CP11), then dsb; isb before any FP instruction
            sb.append("  %cpacr = load volatile i32, ptr inttoptr (i32 " + CPACR + " to ptr)\n");
            sb.append("  %cpacr2 = or i32 %cpacr, 15728640\n");
            sb.append("  store volatile i32 %cpacr2, ptr inttoptr (i32 " + CPACR + " to ptr)\n");
            sb.append("  call void asm sideeffect \"dsb\\0Aisb\", \"~{memory}\"()\n");
        }
        if (t.arm() && usesCycles && t.cycleCounter() == CycleCounter.DWT) {
            // DEMCR.TRCENA, then DWT_CTRL.CYCCNTENA
            sb.append("  %demcr = load volatile i32, ptr inttoptr (i32 " + DEMCR + " to ptr)\n");
            sb.append("  %demcr2 = or i32 %demcr, 16777216\n");
            sb.append("  store volatile i32 %demcr2, ptr inttoptr (i32 " + DEMCR + " to ptr)\n");
            sb.append("  %dwt = load volatile i32, ptr inttoptr (i32 " + DWT_CTRL + " to ptr)\n");
            sb.append("  %dwt2 = or i32 %dwt, 1\n");
            sb.append("  store volatile i32 %dwt2, ptr inttoptr (i32 " + DWT_CTRL + " to ptr)\n");
        }
        // each in a function of its own, which LLVM drops with its call when no variable is left in the
        // section after optimisation (LlvmSession.dropStartupLoops)
        sb.append("  call void @").append(COPY_DATA).append("()\n");
        if (usesRamfunc) sb.append("  call void @fid.copy(ptr @__ramfunc_start, ptr @__ramfunc_load, ptr @__ramfunc_end)\n");
        sb.append("  call void @").append(ZERO_BSS).append("()\n");
        if (paint) {
            // paint from the bottom of the stack up to a little below the current stack pointer
            sb.append("  %limit = getelementptr i8, ptr %here, i32 -64\n");
            sb.append("  call void @fid.fill(ptr @_stack_bottom, ptr %limit, i8 -59)\n");
        }
        sb.append("  call void @fid.uart.init()\n");
        sb.append("  call void @fid.init()\n");
        sb.append("  %code = call i32 @fid.main()\n");
        sb.append("  call void @fid.exit(i32 %code)\n");
        sb.append("  unreachable\n}\n");
        return sb.toString();
    }

    /**
     * The exit. Semihosting's parameter block goes at the top of the stack, which nothing returns to
     * any more: the exit takes no stack of its own for it, so that even a stack too small for a panic
     * can still exit.
     */
    private static String exit(TargetInfo t, String reportStack) {
        StringBuilder sb = new StringBuilder();
        if (reportStack != null) {
            // measurement builds report the stack high-water mark on the way out, unless the stack
            // overflowed: there is nothing to measure, and no stack to print it with
            sb.append("define void @fid.exit(i32 %code) noreturn noinline {\nentry:\n");
            sb.append("  %o = load volatile i8, ptr @fid.overflowing\n  %ov = icmp ne i8 %o, 0\n  br i1 %ov, label %out, label %report\n");
            sb.append("report:\n  call {} ").append(reportStack).append("({} zeroinitializer)\n  br label %out\n");
            sb.append("out:\n  call void @fid.exit.real(i32 %code)\n  unreachable\n}\n");
            return sb.append(exit(t, null).replace("@fid.exit(", "@fid.exit.real(")).toString();
        }
        return switch (t.exit().kind()) {
            case ARM_SEMIHOSTING -> armSemihostingExit();
            case RISCV_SEMIHOSTING -> riscvSemihostingExit();
            case SIFIVE_TEST -> sifiveTestExit(t.exit().address().orElseThrow());
            case HALT -> haltExit(t);
        };
    }

    /** SYS_EXIT_EXTENDED (0x20) with { ADP_Stopped_ApplicationExit, code }. */
    private static String armSemihostingExit() {
        return "define void @fid.exit(i32 %code) noreturn noinline {\nentry:\n"
                + SEMIHOSTING_EXIT_BLOCK
                + "  call void asm sideeffect \"movs r0, #0x20\\0Amov r1, $0\\0Abkpt #0xab\", \"r,~{r0},~{r1},~{memory}\"(ptr %block)\n"
                + "  br label %halt\nhalt:\n  call void asm sideeffect \"cpsid i\\0Awfi\", \"~{memory}\"()\n  br label %halt\n}\n";
    }

    /** The same call through the RISC-V semihosting sequence (slli; ebreak; srai, uncompressed, in one aligned block). */
    private static String riscvSemihostingExit() {
        StringBuilder sb = new StringBuilder();
        for (String l : List.of(".section .text.fid_semihost,\\22ax\\22,@progbits", ".balign 16", ".globl fid_semihost_call", "fid_semihost_call:",
                ".option push", ".option norvc", "slli x0, x0, 0x1f", "ebreak", "srai x0, x0, 7", ".option pop", "ret"))
            sb.append("module asm \"").append(l).append("\"\n");
        sb.append("declare void @fid_semihost_call(i32, ptr)\n");
        sb.append("define void @fid.exit(i32 %code) noreturn noinline {\nentry:\n");
        sb.append(SEMIHOSTING_EXIT_BLOCK);
        sb.append("  call void @fid_semihost_call(i32 32, ptr %block)\n");
        sb.append("  br label %halt\nhalt:\n  call void asm sideeffect \"csrci mstatus, 8\\0Awfi\", \"~{memory}\"()\n  br label %halt\n}\n");
        return sb.toString();
    }

    /** QEMU virt's finisher: 0x5555 exits 0, (code << 16) | 0x3333 exits code. */
    private static String sifiveTestExit(long addr) {
        return "define void @fid.exit(i32 %code) noreturn noinline {\nentry:\n"
                + "  %zero = icmp eq i32 %code, 0\n"
                + "  %shifted = shl i32 %code, 16\n"
                + "  %fail = or i32 %shifted, 13107\n"
                + "  %value = select i1 %zero, i32 21845, i32 %fail\n"
                + "  store volatile i32 %value, ptr inttoptr (i32 " + (int) addr + " to ptr)\n"
                + "  br label %halt\nhalt:\n  call void asm sideeffect \"wfi\", \"~{memory}\"()\n  br label %halt\n}\n";
    }

    /** A real board: stop with interrupts off. */
    private static String haltExit(TargetInfo t) {
        String off = t.arm() ? "cpsid i" : "csrci mstatus, 8";
        return "define void @fid.exit(i32 %code) noreturn noinline {\nentry:\n  br label %halt\nhalt:\n"
                + "  call void asm sideeffect \"" + off + "\\0Awfi\", \"~{memory}\"()\n  br label %halt\n}\n";
    }

    /** The SYS_EXIT_EXTENDED parameter block { ADP_Stopped_ApplicationExit, code } in %block, atop the stack. */
    private static final String SEMIHOSTING_EXIT_BLOCK = "  %block = getelementptr i8, ptr @_stack_top, i32 -8\n"
            + "  store volatile i32 131110, ptr %block\n"
            + "  %p1 = getelementptr [2 x i32], ptr %block, i32 0, i32 1\n"
            + "  store volatile i32 %code, ptr %p1\n";

    /**
     * The AEABI 64-bit divmod helpers return the quotient in r0:r1 and the remainder in r2:r3, which
     * no C-like function can; they call the prelude's __fid_udivmod64 / __fid_divmod64 with a
     * pointer to the remainder and load it into r2:r3.
     */
    /** Assembly helpers of the run-time library (linked like the rest of it: only when called). */
    public static String runtimeAsm(TargetInfo t) {
        return switch (t.arch()) {
            case CORTEX_M -> armDivmod64();
            case RISCV32 -> "";
        };
    }

    private static String armDivmod64() {
        StringBuilder sb = new StringBuilder();
        for (String[] f : new String[][]{{"__aeabi_uldivmod", "__fid_udivmod64"}, {"__aeabi_ldivmod", "__fid_divmod64"}}) {
            String[] lines = {
                    ".section .text." + f[0] + ",\\22ax\\22,%progbits",
                    ".globl " + f[0],
                    ".type " + f[0] + ",%function",
                    ".thumb_func",
                    f[0] + ":",
                    "push {r4, lr}",
                    "sub sp, sp, #16",
                    "add r4, sp, #8",
                    "str r4, [sp]",
                    "bl " + f[1],
                    "ldr r2, [sp, #8]",
                    "ldr r3, [sp, #12]",
                    "add sp, sp, #16",
                    "pop {r4, pc}",
                    ".text"
            };
            for (String l : lines) sb.append("module asm \"").append(l).append("\"\n");
        }
        return sb.toString();
    }

    /**
     * RISC-V: fid.stackoverflow (sp, pc), entered on a fresh stack: Fid.Runtime.panicFault of kind 1.
     * A stack too small even for the panic (only a hand-written linker script makes one: the proven
     * bound counts this path) overflows again while printing; the second time it exits at once, 101,
     * instead of trapping forever.
     */
    private static String stackOverflow(String faultFn, boolean measuring) {
        return "define void @fid.stackoverflow(i32 %sp, i32 %pc) noreturn {\nentry:\n"
                + "  %again = load volatile i8, ptr @fid.overflowing\n"
                + "  %twice = icmp ne i8 %again, 0\n"
                + "  br i1 %twice, label %quit, label %first\n"
                + "first:\n  store volatile i8 1, ptr @fid.overflowing\n"
                + "  call {} " + faultFn + "(i32 1, i32 %sp, i32 %pc)\n  unreachable\n"
                + "quit:\n  call void " + (measuring ? "@fid.exit.real" : "@fid.exit") + "(i32 101)\n  unreachable\n}\n";
    }

    private static String armVectors(TargetInfo t, Map<String, String> handlers, String faultFn, boolean measuring, boolean timer) {
        StringBuilder sb = new StringBuilder();
        // HardFault: the stacked PC of the faulting code is at MSP + 24. When MSP is below the stack
        // (the stack overflowed, e.g. under a hand-written linker script), that frame is not there and
        // any push would fault again (a lockup): start on a fresh stack and report a stack overflow
        // with the overflowed MSP (the pc was not stacked: 0). The handler puts the three arguments of
        // the fault panic in r0-r2 itself: fid.hardfault (kind, value, pc) only passes them on.
        // A second overflow while printing it would be a fault in HardFault: a lockup, which QEMU
        // ends with an error exit; only a hand-written script can make the stack that small.
        // With a stack limit register (ARMv8-M) an overflow leaves MSP at the limit, not below the stack: the
        // handler also takes CFSR.STKOF (0x00100000) for one. ARMv6-M has no CFSR: the cause is 0.
        sb.append("define void @HardFault_Handler() naked noreturn {\nentry:\n");
        boolean limit = t.capabilities().stackLimit();
        String cause = t.armv6m() ? "movs r0, #0\\0A" : "ldr r0, =0x" + Integer.toHexString(CFSR).toUpperCase() + "\\0Aldr r0, [r0]\\0A";
        String stkof = limit ? "tst r0, #0x100000\\0Abne 3b\\0A" : "";
        sb.append("  call void asm sideeffect \"mrs r1, msp\\0Aldr r0, =_stack_bottom\\0Acmp r1, r0\\0Abhs 1f\\0A"
                + "3:\\0Aldr r0, =_stack_top\\0Amsr msp, r0\\0Amovs r0, #1\\0Amovs r2, #0\\0Ab 2f\\0A"
                + "1:\\0A" + cause + stkof + "ldr r2, [r1, #24]\\0Amov r1, r0\\0Amovs r0, #0\\0A2:\\0A"
                + "bl fid.hardfault\", \"~{memory}\"()\n  unreachable\n}\n");
        sb.append("define void @fid.hardfault(i32 %kind, i32 %value, i32 %pc) noreturn {\nentry:\n");
        if (measuring) sb.append("  %flag = trunc i32 %kind to i8\n  store volatile i8 %flag, ptr @fid.overflowing\n");
        sb.append("  call {} ").append(faultFn).append("(i32 %kind, i32 %value, i32 %pc)\n  unreachable\n}\n");
        sb.append("define void @Default_Handler() noreturn {\nentry:\n");
        sb.append("  %n = call i32 asm sideeffect \"mrs $0, ipsr\", \"=r\"()\n");
        sb.append("  call {} ").append(faultFn).append("(i32 2, i32 %n, i32 0)\n  unreachable\n}\n");
        List<String> names = t.vectorNames();
        // the table ends after the last vector the program handles, at least after HardFault: the
        // exceptions after it are never raised unless the program enables them (MemManage, BusFault
        // and UsageFault are off at reset and escalate to HardFault; SVCall needs an svc, PendSV a write
        // to ICSR, DebugMonitor a debugger) and interrupts never are unless enabled, so their slots are
        // never read. SysTick is the exception: a program that starts the timer without a Tick handler
        // keeps every system slot, so that a tick is reported as an unhandled interrupt.
        int length = timer ? SYSTEM_VECTORS : HARD_FAULT + 1;
        for (int i = HARD_FAULT + 1; i < names.size(); i++) if (handlers.containsKey(names.get(i))) length = Math.max(length, i + 1);
        names = names.subList(0, Math.min(length, names.size()));
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) table.append(", ");
            String n = names.get(i);
            String entry;
            if (i == 0) entry = "@_stack_top";
            else if (i == 1) entry = "@Reset_Handler";
            else if (handlers.containsKey(n)) entry = handlers.get(n);
            else if (n.equals("HardFault") || n.equals("MemManage") || n.equals("BusFault") || n.equals("UsageFault")) entry = "@HardFault_Handler";
            else if (n.isEmpty() || n.equals("Reserved")) entry = "null";
            else entry = "@Default_Handler";
            table.append("ptr ").append(entry);
        }
        sb.append("@__vectors = constant [").append(names.size()).append(" x ptr] [").append(table).append("], section \".vectors\", align 4\n");
        sb.append("@llvm.used = appending global [1 x ptr] [ptr @__vectors], section \"llvm.metadata\"\n");
        return sb.toString();
    }

    /** The reset stub (_start), the trap entry that checks the stack, and the trap handler. */
    private static String riscvStartAndTrap(TargetInfo t, Map<String, String> handlers, String faultFn, boolean measuring) {
        StringBuilder sb = new StringBuilder();
        // A hart that starts at an alias of the code region (GD32VF103: flash at 0, linked at 0x08000000)
        // first jumps to its linked address with an absolute lui/addi pair: la (auipc) would compute
        // every address relative to the alias.
        String[] toLinked = t.jumpToLinkedAddress()
                ? new String[]{"lui t0, %hi(fid.start.linked)", "addi t0, t0, %lo(fid.start.linked)", "jr t0", "fid.start.linked:"}
                : new String[0];
        String[] head = {
                ".section .text.start,\\22ax\\22,@progbits",
                ".globl _start",
                "_start:",
                ".option push",
                ".option norelax"};
        // The PMP stack guard: entry 1 (TOR, locked, no access) covers [pmpaddr0, pmpaddr1) =
        // [_stack_bottom - guard, _stack_bottom); locked, it binds machine mode too.
        String[] guard = t.stackGuard() == 0 ? new String[0] : new String[]{
                "la t0, _stack_bottom",
                "srli t1, t0, 2",
                "csrw pmpaddr1, t1",
                "li t1, " + t.stackGuard(),
                "sub t0, t0, t1",
                "srli t0, t0, 2",
                "csrw pmpaddr0, t0",
                "li t0, 0x8800",
                "csrw pmpcfg0, t0"};
        String[] rest = {
                "la sp, _stack_top",
                "la t0, fid.trap.entry",
                "csrw mtvec, t0",
                ".option pop",
                "call Reset_Handler",
                "1: j 1b",
                ".text"
        };
        // The trap entry first checks the stack: below its bottom (an overflow: the fault is the
        // push that crossed it) the handler's own pushes would fault again, forever. Then it starts
        // on a fresh stack and reports the overflow with the sp and mepc; otherwise it goes on to the
        // handler with every register as it was (t0 is kept in mscratch meanwhile).
        String[] entry = {
                ".p2align 2",
                "fid.trap.entry:",
                "csrw mscratch, t0",
                "la t0, _stack_bottom",
                "bltu sp, t0, 1f",
                "csrr t0, mscratch",
                "j fid.trap",
                "1:",
                "mv a0, sp",
                "la sp, _stack_top",
                "csrr a1, mepc",
                "call fid.stackoverflow",
        };
        for (String[] part : new String[][]{head, toLinked, guard, rest, entry})
            for (String l : part) sb.append("module asm \"").append(l).append("\"\n");
        sb.append("module asm \".text\"\n");
        sb.append(stackOverflow(faultFn, measuring));
        sb.append(riscvTrap(t, handlers, faultFn));
        return sb.toString();
    }

    /** One trap entry (direct mode): interrupts go to their handlers, exceptions panic. */
    private static String riscvTrap(TargetInfo t, Map<String, String> handlers, String faultFn) {
        StringBuilder sb = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        StringBuilder blocks = new StringBuilder();
        int k = 0;
        for (Map.Entry<String, Long> e : t.interrupts().entrySet()) {
            String h = handlers.get(e.getKey());
            if (h == null) continue;
            long num = e.getValue() & 0x7FFFFFFFL;
            cases.append(" i32 ").append(num).append(", label %h").append(k);
            blocks.append("h").append(k).append(":\n  call void ").append(h).append("()\n  ret void\n");
            k++;
        }
        // with no interrupt handler every trap panics: nothing to preserve, so not an interrupt function
        sb.append("define void @fid.trap() ").append(k > 0 ? "\"interrupt\"=\"machine\" align 4" : "noreturn").append(" {\nentry:\n");
        sb.append("  %cause = call i32 asm sideeffect \"csrr $0, mcause\", \"=r\"()\n");
        sb.append("  %isirq = icmp slt i32 %cause, 0\n");
        sb.append("  br i1 %isirq, label %irq, label %fault\n");
        sb.append("irq:\n");
        sb.append("  %num = and i32 %cause, 2147483647\n");
        sb.append("  switch i32 %num, label %nohandler [").append(cases).append(" ]\n");
        sb.append(blocks);
        sb.append("nohandler:\n  call {} ").append(faultFn).append("(i32 2, i32 %cause, i32 0)\n  unreachable\n");
        sb.append("fault:\n");
        sb.append("  %pc = call i32 asm sideeffect \"csrr $0, mepc\", \"=r\"()\n");
        sb.append("  call {} ").append(faultFn).append("(i32 0, i32 %cause, i32 %pc)\n  unreachable\n}\n");
        return sb.toString();
    }
}
