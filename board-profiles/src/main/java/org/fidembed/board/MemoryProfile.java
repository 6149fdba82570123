// The memory policy layered on top of a board: the Constrained profile has no heap, puts the stack at the
// bottom of RAM, and reserves max(minStack, proven bound + stackMargin) bytes for it. It also says how
// panics are reported (PanicStrategy).
package org.fidembed.board;

import java.util.Objects;

public record MemoryProfile(String name, long minStack, long stackMargin, long heap, PanicStrategy panic) {

    /** With panics as messages (the default strategy). */
    public MemoryProfile(String name, long minStack, long stackMargin, long heap) { this(name, minStack, stackMargin, heap, PanicStrategy.MESSAGE); }

    public MemoryProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(panic, "panic");
        if (minStack <= 0) throw new IllegalArgumentException("min-stack must be positive");
        if (stackMargin < 0) throw new IllegalArgumentException("stack-margin must not be negative");
        if (heap != 0) throw new IllegalArgumentException("the Constrained profile has no heap");
    }

    /** The same profile with another panic strategy (a board's or a project's override). */
    public MemoryProfile withPanic(PanicStrategy p) { return new MemoryProfile(name, minStack, stackMargin, heap, p); }

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
