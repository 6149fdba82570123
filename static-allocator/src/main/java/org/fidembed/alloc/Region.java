// A memory region of the target (a MEMORY line of a linker script): where it starts, how long it is,
// what may be done with it, and whether it is flash (survives reset) or RAM (holds statics and the stack).
package org.fidembed.alloc;

import java.util.Objects;

public record Region(String name, long origin, long length, boolean readable, boolean writable, boolean executable,
                     Kind kind) {
    public enum Kind { FLASH, RAM }

    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) throw new IllegalArgumentException("region name is blank");
        if (origin < 0) throw new IllegalArgumentException("region '" + name + "' has a negative origin");
        if (length <= 0) throw new IllegalArgumentException("region '" + name + "' must have a positive length");
    }

    /** Read-only, executable flash (rx). */
    public static Region flash(String name, long origin, long length) {
        return new Region(name, origin, length, true, false, true, Kind.FLASH);
    }

    /** Read-write, executable RAM (rwx). */
    public static Region ram(String name, long origin, long length) {
        return new Region(name, origin, length, true, true, true, Kind.RAM);
    }

    /** The attributes in linker-script notation, e.g. {@code rx} or {@code rwx}. */
    public String attributes() {
        return (readable ? "r" : "") + (writable ? "w" : "") + (executable ? "x" : "");
    }
}
