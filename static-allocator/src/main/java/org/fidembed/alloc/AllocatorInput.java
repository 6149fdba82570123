// The whole neutral model the allocator works on: regions, sections, measured code, static objects, the
// call graph with its entry points, and the stack parameters. Built by the compiler driver; no files, no LLVM.
package org.fidembed.alloc;

import org.fidembed.board.MemoryRegion;

import java.util.List;
import java.util.Objects;

public record AllocatorInput(List<MemoryRegion> regions, List<Section> sections, List<CodeSize> code,
                             List<GlobalObject> objects, CallGraph callGraph, EntryPoints entries, StackConfig stack,
                             SectionBases bases) {
    public AllocatorInput {
        regions = List.copyOf(regions);
        sections = List.copyOf(sections);
        code = List.copyOf(code);
        objects = List.copyOf(objects);
        Objects.requireNonNull(callGraph, "callGraph");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(bases, "bases");
    }
}
