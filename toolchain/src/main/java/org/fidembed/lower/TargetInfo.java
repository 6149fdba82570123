// The facts about a target that lowering needs, extracted from the board profile by the driver,
// so that this phase never names a board.
package org.fidembed.lower;

import java.util.List;
import java.util.Map;

public record TargetInfo(
        String boardName,
        boolean arm,
        /** ARMv6-M (Cortex-M0): no hardware divide, no DWT cycle counter. */
        boolean armv6m,
        boolean hardFloat,
        boolean fpuEnableAtReset,
        /** "arm-semihosting", "riscv-semihosting", "sifive-test" or "halt". */
        String exitKind,
        long exitAddress,
        /** "dwt", "mcycle" or "none". */
        String cycleCounter,
        /** Cortex-M: vector names indexed by exception number (0 = initial SP, 1 = reset); RISC-V: empty. */
        List<String> vectorNames,
        /** Interrupt name to number (Cortex-M exception number, RISC-V mcause). */
        Map<String, Long> interrupts,
        /** UART kind, selects the driver file of the prelude. */
        String uartKind,
        /** Compile-time constants of module Fid.Board: name to F# literal text. */
        Map<String, String> boardConstants,
        /** Timer kind ("systick", "clint"), selects the Fid.Timer driver file of the prelude. */
        String timerKind,
        /** Other names of interrupts ("Tick") to their names in {@code interrupts}. */
        Map<String, String> interruptAliases,
        /** Interrupt name to the prelude function (qualified name) run before the program's handler. */
        Map<String, String> interruptPrologues,
        /** RISC-V: the hart starts at an alias of the code region, so the reset stub first jumps to its linked address. */
        boolean jumpToLinkedAddress,
        /** RISC-V: bytes below the stack's bottom that start-up locks away with a PMP entry (0 = none). */
        long stackGuard,
        /** Register writes before the UART driver's init, as {address, clear mask, set mask} (clock gates, pins). */
        List<long[]> uartSetup) {

    /** Without timer, aliases, prologues or boot alias (tests of the front end). */
    public TargetInfo(String boardName, boolean arm, boolean armv6m, boolean hardFloat, boolean fpuEnableAtReset, String exitKind,
                      long exitAddress, String cycleCounter, List<String> vectorNames, Map<String, Long> interrupts, String uartKind,
                      Map<String, String> boardConstants) {
        this(boardName, arm, armv6m, hardFloat, fpuEnableAtReset, exitKind, exitAddress, cycleCounter, vectorNames, interrupts, uartKind,
                boardConstants, "none", Map.of(), Map.of(), false, 0, List.of());
    }

    public boolean riscv() { return !arm; }

    /** The name in {@code interrupts} that a handler name or alias stands for. */
    public String canonicalInterrupt(String name) { return interruptAliases.getOrDefault(name, name); }
}
