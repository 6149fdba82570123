// One source of truth for the memory layout: the allocator's account of a linked program agrees with the
// link. Every object the allocator placed is where the linker put it (inside the output section of the
// same kind), no object is left without its linked address, and each section's bytes fit the linked one.
package org.fidembed.driver;

import org.fidembed.alloc.Allocation;
import org.fidembed.alloc.PlacedObject;
import org.fidembed.alloc.PlacedSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MemoryMapTest {
    @Test
    void theAllocatorsPlacementIsTheLinks(@TempDir Path dir) throws Exception {
        for (String board : List.of("lm3s6965evb", "riscv32-virt")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path out = dir.resolve(board);
            Build.Result r = Build.build(Build.Request.of(Path.of("../examples/ring-logger")).board(board).outDir(out).quiet(true).build(),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
            assertEquals(0, r.exitCode(), err.toString());
            LinkMap map = LinkMap.read(out.resolve("ring-logger.map"));
            Allocation a = r.allocation();
            assertFalse(a.placement().objects().isEmpty());
            for (PlacedObject o : a.placement().objects()) {
                long at = o.address().orElseThrow(() -> new AssertionError(o.symbol() + " has no linked address"));
                LinkMap.OutSection linked = map.outputs().values().stream().filter(s -> s.vma() <= at && at + o.size() <= s.vma() + s.size())
                        .findFirst().orElseThrow(() -> new AssertionError(board + ": " + o.symbol() + " at " + Long.toHexString(at) + " is in no linked section"));
                assertEquals(o.section(), MemoryMap.kindOf(linked.name()), board + ": " + o.symbol() + " is in " + linked.name());
            }
            for (PlacedSection s : a.placement().sections()) {
                if (s.size() == 0 || s.name().equals(".text")) continue;
                long linkedBytes = map.outputs().values().stream().filter(o -> s.name().equals(MemoryMap.kindOf(o.name())))
                        .mapToLong(LinkMap.OutSection::size).sum();
                assertTrue(s.objectBytes() <= linkedBytes, board + ": " + s.name() + " holds " + s.objectBytes() + " B, linked " + linkedBytes);
                assertEquals(map.outputs().values().stream().filter(o -> s.name().equals(MemoryMap.kindOf(o.name())) && o.size() > 0)
                        .mapToLong(LinkMap.OutSection::vma).min().orElseThrow(), s.base().orElseThrow(), board + ": " + s.name() + " base");
            }
            // the bss objects sit above the stack, as linked, not at the bottom of RAM
            long ram = r.target().dataRegion().origin();
            a.placement().objectsIn(".bss").forEach(o -> assertTrue(o.address().orElseThrow() >= ram + a.stack().orElseThrow().reserve(),
                    o.symbol() + " is below the stack's top"));
        }
    }
}
