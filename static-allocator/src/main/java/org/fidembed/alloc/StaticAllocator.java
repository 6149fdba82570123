// The entry point of the module: places the static objects, bounds the stack, measures every region and
// reports overflow (language.md §15.4), all as one immutable Allocation. Pure: no files, no LLVM, no language.
package org.fidembed.alloc;

import org.fidembed.board.MemoryRegion;

import org.fidembed.diag.Loc;
import org.fidembed.diag.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

public final class StaticAllocator {
    private StaticAllocator() {}

    /**
     * Allocates the program. User errors come back as diagnostics in the result; an inconsistent model (a
     * name that refers to nothing, a duplicate, a stack region that is not RAM) is an IllegalArgumentException.
     */
    public static Allocation allocate(AllocatorInput in) {
        MemoryRegion stackRegion = in.regions().stream().filter(r -> r.name().equals(in.stack().region())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stack region '" + in.stack().region()
                        + "' is not among the regions"));
        if (stackRegion.kind() != MemoryRegion.Kind.RAM || !stackRegion.writable())
            throw new IllegalArgumentException("stack region '" + stackRegion.name() + "' must be writable RAM");

        Placer.Result placed = Placer.place(in.regions(), in.sections(), in.code(), in.objects());
        Placement placement = placed.placement().withBases(in.bases().resolve(placed.placement(), in.regions()));
        StackAnalyzer.Result stack = StackAnalyzer.analyze(in.callGraph(), in.entries(), in.stack());
        List<RegionUsage> usage = usage(in.regions(), placement, stackRegion.name(), stack.bounds());

        List<Diagnostic> diagnostics = new ArrayList<>(placed.diagnostics());
        diagnostics.addAll(stack.diagnostics());
        Allocation draft = new Allocation(in, placement, usage, stack.bounds(), diagnostics);
        List<Diagnostic> overflow = overflow(draft);
        if (overflow.isEmpty()) return draft;
        String report = Reports.full(draft);
        for (Diagnostic d : overflow) diagnostics.add(d.isError() ? d.withReport(report) : d);
        return new Allocation(in, placement, usage, stack.bounds(), diagnostics);
    }

    /**
     * Bytes per region: each section counts where it runs, and its load image counts again where it is
     * stored when that is another region (.data runs in RAM and is stored in flash).
     */
    static List<RegionUsage> usage(List<MemoryRegion> regions, Placement placement, String stackRegion,
                                   Optional<StackBounds> bounds) {
        Map<String, long[]> bytes = new LinkedHashMap<>();
        regions.forEach(r -> bytes.put(r.name(), new long[2]));
        for (PlacedSection s : placement.sections()) {
            long[] run = bytes.get(s.section().region());
            run[0] += s.codeSize();
            run[1] += s.dataSize();
            Optional<String> image = s.section().imageRegion().filter(r -> !r.equals(s.section().region()));
            image.ifPresent(r -> {
                bytes.get(r)[0] += s.codeSize();
                bytes.get(r)[1] += s.dataSize();
            });
        }
        List<RegionUsage> usage = new ArrayList<>();
        for (MemoryRegion r : regions) {
            boolean stack = r.name().equals(stackRegion);
            OptionalLong bound = stack && bounds.isPresent() ? OptionalLong.of(bounds.get().program())
                    : OptionalLong.empty();
            usage.add(new RegionUsage(r, bytes.get(r.name())[0], bytes.get(r.name())[1], stack, bound));
        }
        return usage;
    }

    /** "; the largest object there is 'S' (N B, FILE:LINE:COL)", or nothing when the region holds no object. */
    private static String largestIn(Allocation a, MemoryRegion r) {
        java.util.Set<String> sections = new java.util.HashSet<>();
        for (Section s : a.input().sections()) {
            if (s.region().equals(r.name()) || s.contents().imageRegion(s.region()).orElse("").equals(r.name())) sections.add(s.name());
        }
        return a.placement().objects().stream().filter(o -> sections.contains(o.section()))
                .max(java.util.Comparator.comparingLong(PlacedObject::size))
                .map(o -> "; the largest object there is '" + o.symbol() + "' (" + o.size() + " B"
                        + (o.object().location().known() ? ", " + o.object().location() : "") + ")")
                .orElse("");
    }

    /** Overflow errors (and the warning that the margin does not fit), at the entry point. */
    private static List<Diagnostic> overflow(Allocation a) {
        Loc at = a.input().callGraph().function(a.input().entries().main()).map(Function::location)
                .orElse(Loc.NONE);
        List<Diagnostic> found = new ArrayList<>();
        for (RegionUsage u : a.regions()) {
            MemoryRegion r = u.region();
            String where = String.format("region '%s' at 0x%08x is %d B; %d B too many", r.name(), r.origin(),
                    r.length(), u.used() - r.length()) + largestIn(a, r);
            switch (r.kind()) {
                case FLASH -> {
                    if (u.overflows())
                        found.add(Diagnostic.error(at, "flash overflow: code " + u.code() + " B + constants "
                                + u.data() + " B > flash " + r.length() + " B", where));
                }
                case RAM -> {
                    if (u.overflows()) {
                        String message = u.stackBound().isPresent()
                                ? "RAM overflow: static " + u.staticBytes() + " B + stack bound "
                                + u.stackBound().getAsLong() + " B > RAM " + r.length() + " B"
                                : "RAM overflow: static " + u.staticBytes() + " B > RAM " + r.length() + " B";
                        found.add(Diagnostic.error(at, message, where));
                    } else if (u.holdsStack() && a.stack().isPresent()) {
                        long reserve = a.stack().get().reserve();
                        if (Bits.add(u.staticBytes(), reserve) > r.length())
                            found.add(Diagnostic.warning(at, "stack margin does not fit: static " + u.staticBytes()
                                    + " B + stack reserve " + reserve + " B > RAM " + r.length() + " B",
                                    "the stack bound fits, but only " + (r.length() - u.used())
                                            + " B of the margin of " + a.stack().get().margin() + " B remain"));
                    }
                }
            }
        }
        return found;
    }
}
