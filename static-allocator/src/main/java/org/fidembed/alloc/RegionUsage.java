// How full one memory region is: code and data bytes whose run copy or load image is there, and for the
// region that holds the stack, the stack bound (absent when the bound could not be proven).
package org.fidembed.alloc;

import org.fidembed.board.MemoryRegion;

import java.util.Objects;
import java.util.OptionalLong;

public record RegionUsage(MemoryRegion region, long code, long data, boolean holdsStack, OptionalLong stackBound) {
    public RegionUsage {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(stackBound, "stackBound");
    }

    /** Bytes of the region fixed at link time: code, objects, padding, load images. */
    public long staticBytes() { return code + data; }

    /** Static bytes plus the stack bound if this region holds the stack. */
    public long used() { return Bits.add(staticBytes(), stackBound.orElse(0)); }

    /** Used bytes as a percentage of the region's length. */
    public double percent() { return 100.0 * used() / region.length(); }

    public boolean overflows() { return used() > region.length(); }
}
