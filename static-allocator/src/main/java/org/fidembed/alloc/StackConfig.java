// What the stack bound needs besides the call graph: the RAM region that holds the stack, the bytes the
// hardware or trap stub pushes on each interrupt entry, the memory profile's margin, and the stack alignment.
package org.fidembed.alloc;

import java.util.Objects;

public record StackConfig(String region, long interruptOverhead, long margin, long alignment) {
    /** Cortex-M exception frame without FP state. */
    public static final long CORTEX_M_FRAME = 32;
    /** Cortex-M exception frame with FP state (lazy stacking reserves it). */
    public static final long CORTEX_M_FP_FRAME = 104;

    public StackConfig {
        Objects.requireNonNull(region, "region");
        if (interruptOverhead < 0) throw new IllegalArgumentException("negative interrupt overhead");
        if (margin < 0) throw new IllegalArgumentException("negative stack margin");
        Bits.requirePowerOfTwo(alignment, "stack alignment");
    }

    /** Stack size rounded to 8 bytes (AAPCS). The RISC-V ilp32 psABI keeps sp 16-byte aligned: pass 16 there. */
    public static StackConfig of(String region, long interruptOverhead, long margin) {
        return new StackConfig(region, interruptOverhead, margin, 8);
    }
}
