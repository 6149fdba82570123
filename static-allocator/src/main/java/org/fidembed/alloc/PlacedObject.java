// Where one static object went: its section, its offset in that section, and its address once the section
// bases are known.
package org.fidembed.alloc;

import java.util.Objects;
import java.util.OptionalLong;

public record PlacedObject(GlobalObject object, String section, long offset, OptionalLong address) {
    public PlacedObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(address, "address");
    }

    public String symbol() { return object.symbol(); }

    public long size() { return object.size(); }

    /** The object at the address a linker gave it (which need not be its section base plus offset). */
    public PlacedObject linkedAt(long address) {
        return new PlacedObject(object, section, offset, OptionalLong.of(address));
    }

    public PlacedObject at(long sectionBase) {
        return new PlacedObject(object, section, offset, OptionalLong.of(sectionBase + offset));
    }
}
