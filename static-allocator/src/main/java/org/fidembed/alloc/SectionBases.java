// Where the sections start, which turns offsets into addresses: either the caller gives each section's
// base (from the linker script it writes), or sections are laid out one after another in each region.
package org.fidembed.alloc;

import org.fidembed.board.MemoryRegion;

import java.util.List;
import java.util.Map;

public sealed interface SectionBases permits SectionBases.Sequential, SectionBases.Given {
    /** The base address of each section of this placement. */
    Map<String, Long> resolve(Placement placement, List<MemoryRegion> regions);

    /** Lay out each region's sections in the order of the section list, from the region's origin, aligned. */
    record Sequential() implements SectionBases {
        @Override public Map<String, Long> resolve(Placement placement, List<MemoryRegion> regions) {
            return Placer.sequentialBases(placement, regions);
        }
    }

    /** The caller's base address for every non-empty section (each aligned to the section's alignment). */
    record Given(Map<String, Long> bases) implements SectionBases {
        public Given { bases = Map.copyOf(bases); }
        @Override public Map<String, Long> resolve(Placement placement, List<MemoryRegion> regions) { return bases; }
    }

    SectionBases SEQUENTIAL = new Sequential();

    static SectionBases given(Map<String, Long> bases) { return new Given(bases); }
}
