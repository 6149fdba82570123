// One output section after placement: the code at its start, the objects after it, the padding between
// them, its total size and alignment, and its base address once known.
package org.fidembed.alloc;

import java.util.Objects;
import java.util.OptionalLong;

public record PlacedSection(Section section, long alignment, long codeSize, long objectBytes, long padding,
                            OptionalLong base) {
    public PlacedSection {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(base, "base");
    }

    public String name() { return section.name(); }

    /** Code, then objects, with the padding that aligns them (no padding after the last one). */
    public long size() { return codeSize + objectBytes + padding; }

    /** Bytes that are not code: objects and padding. */
    public long dataSize() { return objectBytes + padding; }

    public PlacedSection at(long sectionBase) {
        return new PlacedSection(section, alignment, codeSize, objectBytes, padding, OptionalLong.of(sectionBase));
    }
}
