// Test helper: a small mutable builder of AllocatorInput with a Cortex-M-like default memory map, so each
// test states only what it is about.
package org.fidembed.alloc;

import org.fidembed.board.MemoryRegion;

import org.fidembed.diag.Loc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

final class Fixture {
    static final MemoryRegion FLASH = MemoryRegion.flash("FLASH", 0x0000_0000L, 256 * 1024);
    static final MemoryRegion RAM = MemoryRegion.ram("RAM", 0x2000_0000L, 64 * 1024);

    List<MemoryRegion> regions = new ArrayList<>(List.of(FLASH, RAM));
    List<Section> sections = new ArrayList<>(Section.standard("FLASH", "RAM"));
    List<CodeSize> code = new ArrayList<>();
    List<GlobalObject> objects = new ArrayList<>();
    List<Function> functions = new ArrayList<>();
    Map<String, Set<String>> taken = new LinkedHashMap<>();
    List<Handler> handlers = new ArrayList<>();
    Optional<String> reset = Optional.of("reset");
    String main = "main";
    long overhead = 32;
    long margin = 0;
    SectionBases bases = SectionBases.SEQUENTIAL;

    static Loc at(int line) { return Loc.of("main.fs", line, 5); }

    static Loc at(String file, int line, int column) { return Loc.of(file, line, column); }

    /** reset (8 B) calls main; main has the given frame and calls. */
    static Fixture withMain(long mainFrame, Call... calls) {
        Fixture f = new Fixture();
        f.fn(Function.of("reset", 8, Loc.NONE, Call.direct("main", Loc.NONE)));
        f.fn(Function.of("main", mainFrame, at(100), calls));
        return f;
    }

    Fixture fn(Function function) {
        functions.add(function);
        return this;
    }

    Fixture obj(GlobalObject object) {
        objects.add(object);
        return this;
    }

    Fixture code(String section, long size) {
        code.add(new CodeSize(section, size, 4));
        return this;
    }

    Fixture handler(Handler h) {
        handlers.add(h);
        return this;
    }

    AllocatorInput input() {
        return new AllocatorInput(regions, sections, code, objects, new CallGraph(functions, taken),
                new EntryPoints(reset, main, handlers), StackConfig.of("RAM", overhead, margin), bases);
    }

    Allocation allocate() { return StaticAllocator.allocate(input()); }

    static GlobalObject object(String name, long size, long align, GlobalObject.Mutability m,
                               GlobalObject.Initializer i, int line) {
        return GlobalObject.of(name, size, align, m, i, at(line));
    }

    static GlobalObject constant(String name, long size, long align) {
        return object(name, size, align, GlobalObject.Mutability.NEVER_WRITTEN, GlobalObject.Initializer.CONSTANT, 1);
    }

    static GlobalObject variable(String name, long size, long align) {
        return object(name, size, align, GlobalObject.Mutability.WRITTEN, GlobalObject.Initializer.CONSTANT, 1);
    }

    static GlobalObject zeroed(String name, long size, long align) {
        return object(name, size, align, GlobalObject.Mutability.WRITTEN, GlobalObject.Initializer.ZERO, 1);
    }
}
