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

    public Optional<RegionUsage> region(String name) {
        return regions.stream().filter(r -> r.region().name().equals(name)).findFirst();
    }
}
