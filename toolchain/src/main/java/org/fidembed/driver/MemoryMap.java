// The static allocator's view of a program: before linking, the stack bound alone (the board's regions
// with nothing placed); after linking, every object the linker kept (each data input section of the
// map) with its size, alignment and source location, placed by the allocator and given the address the
// linker gave it, so that reports and errors show where things really are.
package org.fidembed.driver;

import org.fidembed.alloc.AllocatorInput;
import org.fidembed.alloc.Allocation;
import org.fidembed.alloc.CodeSize;
import org.fidembed.alloc.GlobalObject;
import org.fidembed.alloc.Section;
import org.fidembed.alloc.SectionBases;
import org.fidembed.alloc.StaticAllocator;
import org.fidembed.board.Target;
import org.fidembed.diag.Loc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class MemoryMap {
    private MemoryMap() { }

    /** The stack bound alone, before anything is linked: the board's regions with nothing placed in them. */
    static Allocation stackBound(Target t, StackBound.Model model) {
        return StaticAllocator.allocate(new AllocatorInput(t.regions(), Section.standard(t.codeRegion().name(), t.dataRegion().name()),
                List.of(), List.of(), model.graph(), model.entries(), model.config(), SectionBases.SEQUENTIAL));
    }

    /**
     * The allocator's account of a linked image: the code size, and every static object (each data input
     * section the linker kept: module-level values, objects made at start-up, strings) with its size,
     * alignment and location. Sections start where the linker put them, and each object is reported at
     * its linked address.
     */
    static Allocation allocate(Target t, StackBound.Model model, LinkMap map, Map<String, Loc> locs) {
        List<Section> sections = new ArrayList<>(Section.standard(t.codeRegion().name(), t.dataRegion().name()));
        long code = 0;
        List<GlobalObject> objects = new ArrayList<>();
        Map<String, Long> bases = new LinkedHashMap<>();
        Map<String, Long> linked = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (LinkMap.OutSection o : map.outputs().values()) {
            String kind = kindOf(o.name());
            if (kind == null || o.size() == 0) continue;
            if (kind.equals(Section.TEXT)) code += o.size();
            bases.merge(kind, o.vma(), Math::min);
        }
        for (LinkMap.InSection in : map.inputs()) {
            String kind = kindOf(in.output());
            if (kind == null || kind.equals(Section.TEXT) || in.size() == 0) continue;
            String sym = in.name().replaceFirst("^\\.(rodata|data|bss|sdata|sbss|srodata)\\.", "");
            if (sym.equals(in.name())) sym = in.name() + "@" + Path.of(in.file()).getFileName();
            int n = seen.merge(sym, 1, Integer::sum);
            if (n > 1) sym = sym + "#" + n;
            Loc l = locs.get(sym.replaceFirst("^\\.", ""));
            long align = Long.highestOneBit(Math.max(1, in.align()));
            GlobalObject.Mutability mut = kind.equals(Section.RODATA) ? GlobalObject.Mutability.NEVER_WRITTEN : GlobalObject.Mutability.WRITTEN;
            GlobalObject.Initializer init = kind.equals(Section.BSS) ? GlobalObject.Initializer.ZERO : GlobalObject.Initializer.CONSTANT;
            objects.add(new GlobalObject(sym, in.size(), align, mut, init, Optional.empty(), l == null ? Loc.NONE : l));
            linked.put(sym, in.vma());
        }
        List<CodeSize> codeSizes = List.of(new CodeSize(Section.TEXT, code, 4));
        Allocation a = StaticAllocator.allocate(new AllocatorInput(t.regions(), sections, codeSizes, objects, model.graph(), model.entries(),
                model.config(), SectionBases.SEQUENTIAL));
        return a.withLinkedAddresses(bases, linked);
    }

    /** The allocator's section for an output section of the image, or null (stack, debug, metadata). */
    static String kindOf(String out) {
        if (out.startsWith(".stack") || out.startsWith(".debug") || out.startsWith(".comment") || out.equals(".ARM.attributes")
                || out.equals(".riscv.attributes") || out.startsWith(".note") || out.startsWith(".llvm")
                || out.startsWith(".symtab") || out.startsWith(".strtab") || out.startsWith(".shstrtab")
                || out.equals(".fid.panic")) return null; // .fid.panic: the trap sites, never loaded
        if (out.startsWith(".text") || out.startsWith(".vectors") || out.startsWith(".ARM.ex")) return Section.TEXT;
        if (out.startsWith(".rodata") || out.startsWith(".srodata")) return Section.RODATA;
        if (out.startsWith(".data") || out.startsWith(".sdata") || out.startsWith(".ramfunc")) return Section.DATA;
        if (out.startsWith(".bss") || out.startsWith(".sbss")) return Section.BSS;
        return Section.RODATA;
    }
}
