// The result of the static allocator: placement with addresses, usage per region, the stack bounds (when they
// could be proven) and all diagnostics, sorted. Reports render it as text.
package org.fidembed.alloc;

import org.fidembed.diag.Diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

public record Allocation(AllocatorInput input, Placement placement, List<RegionUsage> regions,
                         Optional<StackBounds> stack, List<Diagnostic> diagnostics) {
    public Allocation {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(stack, "stack");
        regions = List.copyOf(regions);
        diagnostics = diagnostics.stream().sorted().toList();
    }

    public boolean hasErrors() { return diagnostics.stream().anyMatch(Diagnostic::isError); }

    public List<Diagnostic> errors() { return diagnostics.stream().filter(Diagnostic::isError).toList(); }

    /**
     * The same allocation with the addresses a linker gave the sections and objects (by name), so that
     * reports show where things are in the image; sizes, usage and diagnostics stay the allocator's.
     */
    public Allocation withLinkedAddresses(java.util.Map<String, Long> sectionBases, java.util.Map<String, Long> objectAddresses) {
        List<PlacedSection> secs = placement.sections().stream()
                .map(s -> sectionBases.containsKey(s.name()) ? s.at(sectionBases.get(s.name())) : s).toList();
        List<PlacedObject> objs = placement.objects().stream()
                .map(o -> objectAddresses.containsKey(o.symbol()) ? o.linkedAt(objectAddresses.get(o.symbol())) : o).toList();
        return new Allocation(input, new Placement(secs, objs), regions, stack, diagnostics);
    }

    public Optional<RegionUsage> region(String name) {
        return regions.stream().filter(r -> r.region().name().equals(name)).findFirst();
    }
}
