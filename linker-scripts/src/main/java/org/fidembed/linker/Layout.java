// What the linker script needs to know about one image beyond the board: the stack reserve (the proven
// stack bound plus margin, decided by the caller) and whether the image has functions in .ramfunc.
package org.fidembed.linker;

/**
 * @param stackBytes bytes reserved for the stack at the bottom of RAM; a multiple of the target's stack alignment
 * @param ramfunc    the image has a {@code .ramfunc} section (functions copied to RAM at start-up); without it,
 *                   stray {@code .ramfunc} input still works (it is copied with {@code .data}) and the
 *                   {@code __ramfunc_*} symbols describe an empty range
 */
public record Layout(long stackBytes, boolean ramfunc) {

    public Layout {
        if (stackBytes <= 0) throw new IllegalArgumentException("the stack reserve must be positive, got " + stackBytes);
        if (stackBytes > 0xFFFF_FFFFL) throw new IllegalArgumentException("the stack reserve does not fit a 32-bit address space: " + stackBytes);
    }

    /** An image without .ramfunc. */
    public static Layout of(long stackBytes) { return new Layout(stackBytes, false); }

    public Layout withRamfunc(boolean on) { return new Layout(stackBytes, on); }
}
