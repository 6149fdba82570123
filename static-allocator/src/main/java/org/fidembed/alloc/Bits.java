// Small arithmetic helpers for addresses and alignments (power-of-two checks, rounding up and down),
// shared by placement and the stack bound.
package org.fidembed.alloc;

final class Bits {
    private Bits() {}

    static void requirePowerOfTwo(long alignment, String what) {
        if (alignment <= 0 || Long.bitCount(alignment) != 1)
            throw new IllegalArgumentException(what + " must be a power of two, got " + alignment);
    }

    static long alignUp(long value, long alignment) {
        return Math.addExact(value, alignment - 1) & -alignment;
    }

    /** a + b for non-negative sizes, saturating at Long.MAX_VALUE (an absurd bound still overflows RAM). */
    static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** a * b for non-negative sizes, saturating at Long.MAX_VALUE. */
    static long mul(long a, long b) {
        if (a == 0 || b == 0) return 0;
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
