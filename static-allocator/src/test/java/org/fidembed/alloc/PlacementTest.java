// Placement of static objects: the section each kind of object gets, alignment of offsets and addresses,
// padding kept small by ordering, determinism across shuffled input, explicit sections and their errors.
package org.fidembed.alloc;

import org.fidembed.diag.Diagnostic;

import static org.fidembed.alloc.Fixture.constant;
import static org.fidembed.alloc.Fixture.object;
import static org.fidembed.alloc.Fixture.variable;
import static org.fidembed.alloc.Fixture.zeroed;
import static org.fidembed.alloc.GlobalObject.Initializer.COMPUTED;
import static org.fidembed.alloc.GlobalObject.Initializer.CONSTANT;
import static org.fidembed.alloc.GlobalObject.Initializer.ZERO;
import static org.fidembed.alloc.GlobalObject.Mutability.NEVER_WRITTEN;
import static org.fidembed.alloc.GlobalObject.Mutability.WRITTEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlacementTest {
    private static String sectionOf(Allocation a, String symbol) {
        return a.placement().object(symbol).orElseThrow().section();
    }

    @Test
    void eachKindOfObjectGoesToTheSectionTheRulesName() {
        Allocation a = Fixture.withMain(16)
                .obj(object("greeting", 6, 1, NEVER_WRITTEN, CONSTANT, 1))
                .obj(object("emptyTable", 64, 4, NEVER_WRITTEN, ZERO, 2))
                .obj(object("counter", 4, 4, WRITTEN, CONSTANT, 3))
                .obj(object("buffer", 128, 4, WRITTEN, ZERO, 4))
                .obj(object("squares", 40, 4, NEVER_WRITTEN, COMPUTED, 5))
                .obj(object("state", 8, 8, WRITTEN, COMPUTED, 6))
                .allocate();
        assertFalse(a.hasErrors(), a.diagnostics().toString());
        assertEquals(".rodata", sectionOf(a, "greeting"));
        assertEquals(".rodata", sectionOf(a, "emptyTable"));
        assertEquals(".data", sectionOf(a, "counter"));
        assertEquals(".bss", sectionOf(a, "buffer"));
        assertEquals(".bss", sectionOf(a, "squares"));
        assertEquals(".bss", sectionOf(a, "state"));
    }

    @Test
    void dataCountsInRamAndItsLoadImageInFlash() {
        Allocation a = Fixture.withMain(16).code(".text", 1000)
                .obj(constant("table", 100, 4)).obj(variable("counter", 12, 4)).obj(zeroed("buffer", 200, 8))
                .allocate();
        RegionUsage flash = a.region("FLASH").orElseThrow(), ram = a.region("RAM").orElseThrow();
        assertEquals(1000, flash.code());
        assertEquals(100 + 12, flash.data(), "rodata plus the load image of .data");
        assertEquals(0, ram.code());
        assertEquals(12 + 200, ram.data(), ".data plus .bss");
    }

    @Test
    void offsetsAndAddressesRespectAlignment() {
        Fixture f = Fixture.withMain(16).code(".rodata", 3);
        long[] aligns = {1, 2, 4, 8, 16};
        for (int i = 0; i < 30; i++) {
            long align = aligns[i % aligns.length];
            f.obj(constant("c" + i, align * (1 + i % 3) + i % 2, align));
            f.obj(zeroed("z" + i, 1 + i, aligns[(i * 3) % aligns.length]));
        }
        Allocation a = f.allocate();
        assertFalse(a.hasErrors());
        assertEquals(60, a.placement().objects().size());
        for (PlacedObject o : a.placement().objects()) {
            assertEquals(0, o.offset() % o.object().alignment(), o.symbol());
            assertEquals(0, o.address().orElseThrow() % o.object().alignment(), o.symbol());
            PlacedSection s = a.placement().section(o.section()).orElseThrow();
            assertEquals(s.base().orElseThrow() + o.offset(), o.address().orElseThrow());
            assertTrue(o.offset() >= s.codeSize(), "objects come after the section's code");
            assertTrue(o.offset() + o.size() <= s.size());
        }
        // No two objects overlap.
        List<PlacedObject> sorted = new ArrayList<>(a.placement().objects());
        sorted.sort(Comparator.comparingLong(o -> o.address().orElseThrow()));
        for (int i = 1; i < sorted.size(); i++)
            assertTrue(sorted.get(i - 1).address().orElseThrow() + sorted.get(i - 1).size()
                    <= sorted.get(i).address().orElseThrow());
    }

    /** Padding of laying out objects in the given order from offset 0 (an independent re-computation). */
    private static long paddingInOrder(List<GlobalObject> order) {
        long cursor = 0, padding = 0;
        for (GlobalObject o : order) {
            long offset = (cursor + o.alignment() - 1) / o.alignment() * o.alignment();
            padding += offset - cursor;
            cursor = offset + o.size();
        }
        return padding;
    }

    private static void permutations(List<GlobalObject> rest, List<GlobalObject> prefix, List<Long> out) {
        if (rest.isEmpty()) {
            out.add(paddingInOrder(prefix));
            return;
        }
        for (int i = 0; i < rest.size(); i++) {
            List<GlobalObject> r = new ArrayList<>(rest);
            List<GlobalObject> p = new ArrayList<>(prefix);
            p.add(r.remove(i));
            permutations(r, p, out);
        }
    }

    @Test
    void orderingOnAlignmentPadsNoMoreThanAnyOtherOrder() {
        // Names chosen so that name order alternates alignments and pads.
        List<GlobalObject> objs = List.of(zeroed("a", 1, 1), zeroed("b", 8, 8), zeroed("c", 2, 2),
                zeroed("d", 16, 4), zeroed("e", 3, 1), zeroed("f", 24, 8), zeroed("g", 6, 2));
        Fixture f = Fixture.withMain(16);
        objs.forEach(f::obj);
        Allocation a = f.allocate();
        long ours = a.placement().section(".bss").orElseThrow().padding();
        List<Long> all = new ArrayList<>();
        permutations(objs, List.of(), all);
        long best = Collections.min(all);
        long byName = paddingInOrder(objs);
        assertEquals(best, ours, "largest alignment first is optimal here");
        assertTrue(byName > ours, "name order alone would pad " + byName + " B");
        assertEquals(ours, a.placement().totalPadding());
        // The order itself: alignment descending, then name.
        List<String> order = a.placement().objectsIn(".bss").stream().map(PlacedObject::symbol).toList();
        assertEquals(List.of("b", "f", "d", "c", "g", "a", "e"), order);
    }

    @Test
    void unavoidablePaddingIsReportedWhereItIs() {
        // 6 B of code, then an 8-aligned object: 2 B of padding; then a 4-aligned 5 B object followed by another
        // 4-aligned one: 3 B more.
        Fixture f = Fixture.withMain(16);
        f.sections.add(Section.copied(".ramfunc", "RAM", "FLASH"));
        f.code(".ramfunc", 6).obj(variable("x8", 8, 8).inSection(".ramfunc"))
                .obj(variable("p5", 5, 4).inSection(".ramfunc")).obj(variable("q4", 4, 4).inSection(".ramfunc"));
        Allocation a = f.allocate();
        PlacedSection s = a.placement().section(".ramfunc").orElseThrow();
        long x8 = a.placement().object("x8").orElseThrow().offset();
        long p5 = a.placement().object("p5").orElseThrow().offset();
        long q4 = a.placement().object("q4").orElseThrow().offset();
        assertEquals(8, x8);
        assertEquals(16, p5);
        assertEquals(24, q4);
        long gaps = (x8 - 6) + (p5 - (x8 + 8)) + (q4 - (p5 + 5));
        assertEquals(gaps, s.padding());
        assertEquals(6 + 8 + 5 + 4 + gaps, s.size());
        assertEquals(a.placement().totalPadding(), s.padding());
    }

    @Test
    void sameObjectsInAnyOrderGiveTheSameAddresses() {
        Fixture base = Fixture.withMain(16).code(".text", 512);
        for (int i = 0; i < 40; i++) {
            long align = 1L << (i % 4);
            base.obj(object(String.format("obj%02d", (i * 7) % 40), align * (1 + i % 5), align,
                    i % 3 == 0 ? NEVER_WRITTEN : WRITTEN, i % 2 == 0 ? CONSTANT : ZERO, i + 1));
        }
        Allocation reference = base.allocate();
        String referenceReport = Reports.verbose(reference);
        Random random = new Random(42);
        for (int round = 0; round < 10; round++) {
            Fixture shuffled = Fixture.withMain(16).code(".text", 512);
            shuffled.objects = new ArrayList<>(base.objects);
            Collections.shuffle(shuffled.objects, random);
            assertNotEquals(base.objects, shuffled.objects, "the shuffle changed the order");
            Allocation a = shuffled.allocate();
            assertEquals(reference.placement(), a.placement());
            assertEquals(referenceReport, Reports.verbose(a));
        }
    }

    @Test
    void givenBasesBecomeAddresses() {
        Fixture f = Fixture.withMain(16).code(".text", 100).obj(constant("t", 16, 8)).obj(zeroed("b", 32, 4));
        f.bases = SectionBases.given(Map.of(".text", 0x100L, ".rodata", 0x400L, ".bss", 0x2000_0100L));
        Allocation a = f.allocate();
        assertEquals(0x400L, a.placement().object("t").orElseThrow().address().orElseThrow());
        assertEquals(0x2000_0100L, a.placement().object("b").orElseThrow().address().orElseThrow());
        Fixture g = Fixture.withMain(16).obj(constant("t", 16, 8));
        g.bases = SectionBases.given(Map.of(".rodata", 0x404L));
        assertThrows(IllegalArgumentException.class, g::allocate, "misaligned base");
    }

    @Test
    void sequentialBasesFollowTheSectionListInEachRegion() {
        Allocation a = Fixture.withMain(16).code(".text", 101).obj(constant("t", 16, 8)).obj(variable("v", 4, 4))
                .obj(zeroed("z", 8, 8)).allocate();
        PlacedSection text = a.placement().section(".text").orElseThrow();
        PlacedSection rodata = a.placement().section(".rodata").orElseThrow();
        PlacedSection data = a.placement().section(".data").orElseThrow();
        PlacedSection bss = a.placement().section(".bss").orElseThrow();
        assertEquals(Fixture.FLASH.origin(), text.base().orElseThrow());
        assertEquals(104, rodata.base().orElseThrow(), "101 rounded up to the 8 of .rodata");
        assertEquals(Fixture.RAM.origin(), data.base().orElseThrow());
        assertEquals(Fixture.RAM.origin() + 8, bss.base().orElseThrow(), "4 B of .data rounded up to 8");
    }

    @Test
    void explicitSectionPlacesTheObjectThere() {
        Fixture f = Fixture.withMain(16);
        f.sections.add(Section.copied(".ramfunc", "RAM", "FLASH"));
        f.obj(variable("fastTable", 64, 4).inSection(".ramfunc")).obj(variable("counter", 4, 4));
        Allocation a = f.allocate();
        assertFalse(a.hasErrors(), a.diagnostics().toString());
        assertEquals(".ramfunc", sectionOf(a, "fastTable"));
        assertEquals(".data", sectionOf(a, "counter"));
        assertEquals(64 + 4, a.region("RAM").orElseThrow().data());
        assertEquals(64 + 4, a.region("FLASH").orElseThrow().data(), "both load images are in flash");
    }

    @Test
    void unknownSectionIsAnErrorNamingTheObjectAndListingTheSections() {
        Fixture f = Fixture.withMain(16);
        f.sections.add(Section.copied(".ramfunc", "RAM", "FLASH"));
        f.obj(object("fastTable", 64, 4, WRITTEN, CONSTANT, 7).inSection(".ramfunk"));
        Allocation a = f.allocate();
        assertEquals(1, a.errors().size());
        Diagnostic d = a.errors().get(0);
        assertEquals("main.fs", d.file());
        assertEquals(7, d.line());
        assertEquals(5, d.column());
        assertEquals("unknown section '.ramfunk' for 'fastTable'; the sections are .text, .rodata, .data, .bss, "
                + ".ramfunc", d.message());
        assertTrue(d.hint() != null);
        assertTrue(a.placement().object("fastTable").isEmpty(), "not placed anywhere");
    }

    @Test
    void explicitSectionMustBeAbleToHoldTheObject() {
        Fixture f = Fixture.withMain(16);
        f.sections.add(new Section(".noinit", "RAM", Section.UNINITIALIZED));
        f.obj(variable("written", 4, 4).inSection(".rodata"))
                .obj(object("computed", 4, 4, NEVER_WRITTEN, COMPUTED, 2).inSection(".text"))
                .obj(variable("initialised", 4, 4).inSection(".bss"))
                .obj(zeroed("cleared", 4, 4).inSection(".noinit"))
                .obj(object("scratch", 64, 4, WRITTEN, COMPUTED, 3).inSection(".noinit"));
        Allocation a = f.allocate();
        List<String> messages = a.errors().stream().map(Diagnostic::message).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.contains("'written' is written but section '.rodata' is in region 'FLASH', "
                + "which is not writable"));
        assertTrue(messages.contains("'computed' is computed at startup but section '.text' is in region 'FLASH', "
                + "which is not writable"));
        assertTrue(messages.contains("'initialised' has constant initial contents but section '.bss' has no load "
                + "image (zeroed)"));
        assertTrue(messages.contains("'cleared' must start at zero but section '.noinit' is not initialised at "
                + "startup"));
    }

    @Test
    void inconsistentModelIsACallerBugNotADiagnostic() {
        Fixture dup = Fixture.withMain(16).obj(constant("x", 4, 4)).obj(zeroed("x", 4, 4));
        assertThrows(IllegalArgumentException.class, dup::allocate);
        Fixture noRegion = Fixture.withMain(16);
        noRegion.sections.add(new Section(".ccm", "CCM", Section.ZEROED));
        assertThrows(IllegalArgumentException.class, noRegion::allocate);
        assertThrows(IllegalArgumentException.class, () -> constant("odd", 4, 3));
    }
}
