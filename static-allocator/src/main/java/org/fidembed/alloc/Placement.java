// The placement of all static objects: sections in region-map order, objects in address order within each.
// It is deterministic: the same objects in any order give the same offsets and addresses.
package org.fidembed.alloc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public record Placement(List<PlacedSection> sections, List<PlacedObject> objects) {
    public Placement {
        sections = List.copyOf(sections);
        objects = List.copyOf(objects);
    }

    /** Padding inserted to align objects, over all sections. */
    public long totalPadding() { return sections.stream().mapToLong(PlacedSection::padding).sum(); }

    public Optional<PlacedObject> object(String symbol) {
        return objects.stream().filter(o -> o.symbol().equals(symbol)).findFirst();
    }

    public Optional<PlacedSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<PlacedObject> objectsIn(String sectionName) {
        return objects.stream().filter(o -> o.section().equals(sectionName)).toList();
    }

    /**
     * The same placement with addresses. Every non-empty section needs a base aligned to its alignment
     * (a missing or misaligned base is a bug of the caller: IllegalArgumentException).
     */
    public Placement withBases(Map<String, Long> bases) {
        List<PlacedSection> secs = new ArrayList<>();
        for (PlacedSection s : sections) {
            Long base = bases.get(s.name());
            if (base == null) {
                if (s.size() > 0) throw new IllegalArgumentException("no base address for section '" + s.name() + "'");
                secs.add(s);
                continue;
            }
            if (base % s.alignment() != 0)
                throw new IllegalArgumentException(String.format("base 0x%08x of section '%s' is not aligned to %d",
                        base, s.name(), s.alignment()));
            secs.add(s.at(base));
        }
        List<PlacedObject> objs = new ArrayList<>();
        for (PlacedObject o : objects) {
            Long base = bases.get(o.section());
            objs.add(base == null ? o : o.at(base));
        }
        return new Placement(secs, objs);
    }
}
