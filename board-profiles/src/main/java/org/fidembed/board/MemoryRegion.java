// One region of the memory map as the linker sees it (a MEMORY line): name, origin, length, access
// attributes and whether it is flash or RAM physically (mps2-an385's code "flash" is RAM, for instance).
// The one region type of the compiler, the static allocator, the linker scripts and the flasher.
package org.fidembed.board;

import java.util.Objects;

public record MemoryRegion(String name, long origin, long length, String attrs, Kind kind) {

    /** What the memory physically is. */
    public enum Kind {
        FLASH("flash"), RAM("ram");

        private final String id;

        Kind(String id) { this.id = id; }

        public String id() { return id; }
    }

    public MemoryRegion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attrs, "attrs");
        Objects.requireNonNull(kind, "kind");
        if (origin < 0 || length <= 0 || origin + length > 0x1_0000_0000L)
            throw new IllegalArgumentException(String.format("region %s [0x%x, +0x%x) is not inside the 32-bit address space", name, origin, length));
    }

    /** Read-only, executable flash (rx). */
    public static MemoryRegion flash(String name, long origin, long length) {
        return new MemoryRegion(name, origin, length, "rx", Kind.FLASH);
    }

    /** Read-write, executable RAM (rwx). */
    public static MemoryRegion ram(String name, long origin, long length) {
        return new MemoryRegion(name, origin, length, "rwx", Kind.RAM);
    }

    /** The first address after the region. */
    public long end() { return origin + length; }

    public boolean contains(long address) { return address >= origin && address < end(); }

    public boolean overlaps(MemoryRegion other) { return origin < other.end() && other.origin < end(); }

    public boolean executable() { return attrs.indexOf('x') >= 0; }

    public boolean writable() { return attrs.indexOf('w') >= 0; }

    public boolean readable() { return attrs.indexOf('r') >= 0; }
}
