// The memory policy layered on top of a board: the Constrained profile has no heap, puts the stack at the
// bottom of RAM, and reserves max(minStack, proven bound + stackMargin) bytes for it.
package org.fidembed.board;

import java.util.Objects;

public record MemoryProfile(String name, long minStack, long stackMargin, long heap) {

    public MemoryProfile {
        Objects.requireNonNull(name, "name");
        if (minStack <= 0) throw new IllegalArgumentException("min-stack must be positive");
        if (stackMargin < 0) throw new IllegalArgumentException("stack-margin must not be negative");
        if (heap != 0) throw new IllegalArgumentException("the Constrained profile has no heap");
    }

    /**
     * The stack reserve for a proven bound: max(minStack, bound + stackMargin) rounded up to alignment. The
     * one place this formula is written: the static allocator, the driver and the linker script use it.
     * An absurd bound saturates (it overflows RAM, and the report says so) instead of wrapping around.
     */
    public long stackReserve(long provenBound, long alignment) {
        if (provenBound < 0) throw new IllegalArgumentException("negative stack bound");
        if (alignment <= 0 || Long.bitCount(alignment) != 1) throw new IllegalArgumentException("alignment must be a power of two");
        long want = Math.max(minStack, provenBound > Long.MAX_VALUE - stackMargin ? Long.MAX_VALUE : provenBound + stackMargin);
        return want > Long.MAX_VALUE - alignment ? want : (want + alignment - 1) & -alignment;
    }
}
