// The machine code the caller measured in one output section (from the object file); it sits at the start
// of the section, before any static object placed there, so that flash (and RAM for .ramfunc) usage is known.
package org.fidembed.alloc;

import java.util.Objects;

public record CodeSize(String section, long size, long alignment) {
    public CodeSize {
        Objects.requireNonNull(section, "section");
        if (size < 0) throw new IllegalArgumentException("negative code size in " + section);
        Bits.requirePowerOfTwo(alignment, "code alignment of " + section);
    }
}
