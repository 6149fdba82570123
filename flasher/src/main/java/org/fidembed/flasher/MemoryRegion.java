// An address range [origin, origin+size) of the target: its flash or its RAM.
// Used to check that an image fits and that a vector table points where it should.
package org.fidembed.flasher;

public record MemoryRegion(long origin, long size) {
    public MemoryRegion {
        if (origin < 0 || size <= 0 || origin + size > 0x1_0000_0000L) {
            throw new IllegalArgumentException("bad memory region 0x%X+0x%X".formatted(origin, size));
        }
    }

    public long end() {
        return origin + size;
    }

    public boolean contains(long addr) {
        return addr >= origin && addr < end();
    }

    public boolean containsRange(long from, long to) {
        return from >= origin && to <= end() && from <= to;
    }

    @Override
    public String toString() {
        return "0x%08X..0x%08X (%d KiB)".formatted(origin, end(), size / 1024);
    }
}
