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
        Map<String, String> boardConstants) {

    public boolean riscv() { return !arm; }
}
