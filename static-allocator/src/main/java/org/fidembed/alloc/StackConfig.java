// What the stack bound needs besides the call graph: the RAM region that holds the stack, the bytes the
// hardware or trap stub pushes on each interrupt entry, the board's memory profile (minimum stack and
// margin) and the stack alignment.
package org.fidembed.alloc;

import java.util.Objects;
import org.fidembed.board.MemoryProfile;

public record StackConfig(String region, long interruptOverhead, MemoryProfile memory, long alignment) {
    /** Cortex-M exception frame without FP state. */
    public static final long CORTEX_M_FRAME = 32;
    /** Cortex-M exception frame with FP state (lazy stacking reserves it). */
    public static final long CORTEX_M_FP_FRAME = 104;

    public StackConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(memory, "memory");
        if (interruptOverhead < 0) throw new IllegalArgumentException("negative interrupt overhead");
        Bits.requirePowerOfTwo(alignment, "stack alignment");
    }

    /**
     * A margin and no minimum, stack rounded to 8 bytes (AAPCS); the RISC-V ilp32 psABI keeps sp 16-byte
     * aligned: construct with 16 there.
     */
    public static StackConfig of(String region, long interruptOverhead, long margin) {
        return new StackConfig(region, interruptOverhead, new MemoryProfile("margin " + margin, 1, margin, 0), 8);
    }

    public long margin() { return memory.stackMargin(); }
}
