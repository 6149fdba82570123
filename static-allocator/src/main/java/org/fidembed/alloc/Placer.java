// Places every static object into a section (.rodata, .data, .bss or its explicit one) and at an offset in
// it: largest alignment first, then by name, so padding stays small and the result never depends on input order.
package org.fidembed.alloc;

import org.fidembed.board.MemoryRegion;

import org.fidembed.diag.Diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

public final class Placer {
    private Placer() {}

    /** A placement with the diagnostics about objects that could not be placed, or not where they asked. */
    public record Result(Placement placement, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = diagnostics.stream().sorted().toList();
        }
    }

    /** Largest alignment first, then by symbol: the order of objects inside a section. */
    public static final Comparator<GlobalObject> ORDER =
            Comparator.comparingLong(GlobalObject::alignment).reversed().thenComparing(GlobalObject::symbol);

    /**
     * Places the objects. User errors (unknown section, an object its section cannot hold) are diagnostics;
     * an inconsistent model (unknown region, duplicate names, missing standard section) is an
     * IllegalArgumentException, a bug of the caller.
     */
    public static Result place(List<MemoryRegion> regions, List<Section> sections, List<CodeSize> code,
                               List<GlobalObject> objects) {
        Map<String, MemoryRegion> regionByName = index(regions, MemoryRegion::name, "region");
        Map<String, Section> sectionByName = index(sections, Section::name, "section");
        for (Section s : sections) {
            requireRegion(regionByName, s.region(), s);
            s.imageRegion().ifPresent(r -> requireRegion(regionByName, r, s));
        }
        Map<String, CodeSize> codeBySection = index(code, CodeSize::section, "code size for section");
        for (CodeSize c : code)
            if (!sectionByName.containsKey(c.section()))
                throw new IllegalArgumentException("code size given for unknown section '" + c.section() + "'");
        index(objects, GlobalObject::symbol, "object");

        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, List<GlobalObject>> bySection = new LinkedHashMap<>();
        sections.forEach(s -> bySection.put(s.name(), new ArrayList<>()));
        for (GlobalObject o : objects) {
            String name = o.section().orElseGet(() -> defaultSection(o));
            Section s = sectionByName.get(name);
            if (s == null) {
                if (o.section().isEmpty())
                    throw new IllegalArgumentException("the region map has no '" + name + "' section, needed by '"
                            + o.symbol() + "'");
                diagnostics.add(Diagnostic.error(o.location(),
                        "unknown section '" + name + "' for '" + o.symbol() + "'; the sections are "
                                + sections.stream().map(Section::name).collect(Collectors.joining(", ")),
                        "[<Section>] must name a section of the board's linker script"));
                continue;
            }
            check(o, s, regionByName.get(s.region())).ifPresent(diagnostics::add);
            bySection.get(name).add(o);
        }

        List<PlacedSection> placedSections = new ArrayList<>();
        List<PlacedObject> placedObjects = new ArrayList<>();
        for (Section s : sections) {
            CodeSize c = codeBySection.getOrDefault(s.name(), new CodeSize(s.name(), 0, 1));
            long cursor = c.size(), padding = 0, objectBytes = 0, alignment = c.alignment();
            List<GlobalObject> inSection = new ArrayList<>(bySection.get(s.name()));
            inSection.sort(ORDER);
            for (GlobalObject o : inSection) {
                long offset = Bits.alignUp(cursor, o.alignment());
                padding += offset - cursor;
                objectBytes += o.size();
                cursor = offset + o.size();
                alignment = Math.max(alignment, o.alignment());
                placedObjects.add(new PlacedObject(o, s.name(), offset, OptionalLong.empty()));
            }
            placedSections.add(new PlacedSection(s, alignment, c.size(), objectBytes, padding, OptionalLong.empty()));
        }
        return new Result(new Placement(placedSections, placedObjects), diagnostics);
    }

    /**
     * The section the rules of language.md §15.1 choose: never-written constants (zero included) go to
     * flash; written objects with constant contents to .data; objects that start at zero or are computed
     * at startup to .bss.
     */
    public static String defaultSection(GlobalObject o) {
        return switch (o.initializer()) {
            case COMPUTED -> Section.BSS;
            case ZERO -> switch (o.mutability()) {
                case NEVER_WRITTEN -> Section.RODATA;
                case WRITTEN -> Section.BSS;
            };
            case CONSTANT -> switch (o.mutability()) {
                case NEVER_WRITTEN -> Section.RODATA;
                case WRITTEN -> Section.DATA;
            };
        };
    }

    /** Whether section s (in region r) can hold o: writable if o is written, initialised as o needs. */
    private static Optional<Diagnostic> check(GlobalObject o, Section s, MemoryRegion r) {
        String where = "section '" + s.name() + "' is in region '" + r.name() + "', which is not writable";
        String hint = "choose a section in a writable region, or do not write '" + o.symbol() + "'";
        if (!r.writable()) {
            if (o.mutability() == GlobalObject.Mutability.WRITTEN)
                return Optional.of(Diagnostic.error(o.location(),
                        "'" + o.symbol() + "' is written but " + where, hint));
            if (o.initializer() == GlobalObject.Initializer.COMPUTED)
                return Optional.of(Diagnostic.error(o.location(),
                        "'" + o.symbol() + "' is computed at startup but " + where, hint));
        }
        boolean image = s.imageRegion().isPresent();
        String contents = s.contents().describe();
        return switch (o.initializer()) {
            case CONSTANT -> image ? Optional.empty() : Optional.of(Diagnostic.error(o.location(),
                    "'" + o.symbol() + "' has constant initial contents but section '" + s.name()
                            + "' has no load image (" + contents + ")",
                    "choose a section with a load image, such as .data or .rodata"));
            case ZERO -> image || s.contents().zeroedAtStartup() ? Optional.empty()
                    : Optional.of(Diagnostic.error(o.location(),
                    "'" + o.symbol() + "' must start at zero but section '" + s.name() + "' is " + contents
                            + " at startup", "choose a section that startup clears, such as .bss"));
            case COMPUTED -> Optional.empty();
        };
    }

    /** Base addresses laying out each region's sections one after another, in section-list order, aligned. */
    public static Map<String, Long> sequentialBases(Placement placement, List<MemoryRegion> regions) {
        Map<String, Long> bases = new LinkedHashMap<>();
        for (MemoryRegion r : regions) {
            long cursor = r.origin();
            for (PlacedSection s : placement.sections()) {
                if (!s.section().region().equals(r.name())) continue;
                long base = Bits.alignUp(cursor, s.alignment());
                bases.put(s.name(), base);
                cursor = base + s.size();
            }
        }
        return bases;
    }

    private static void requireRegion(Map<String, MemoryRegion> regions, String name, Section s) {
        if (!regions.containsKey(name))
            throw new IllegalArgumentException("section '" + s.name() + "' refers to unknown region '" + name + "'");
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> key, String what) {
        Map<String, T> map = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String k = key.apply(item);
            if (!seen.add(k)) throw new IllegalArgumentException(what + " '" + k + "' is given twice");
            map.put(k, item);
        }
        return map;
    }
}
