// RAM and flash overflow (language.md §15.4 wording, with the full report attached), the margin warning,
// the one-line-per-region memory report (docs/memory.md), and the verbose listing.
package org.fidembed.alloc;

import org.fidembed.board.MemoryRegion;

import org.fidembed.diag.Loc;
import org.fidembed.diag.Diagnostic;

import static org.fidembed.alloc.Fixture.at;
import static org.fidembed.alloc.Fixture.constant;
import static org.fidembed.alloc.Fixture.zeroed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverflowAndReportTest {
    /** A program of 1234 B of code; 256 B static; main path 192 B; one handler 64 B. */
    private static Fixture cliExample() {
        Fixture f = new Fixture();
        f.fn(Function.of("reset", 16, Loc.NONE, Call.direct("main", Loc.NONE)))
                .fn(Function.of("main", 192 - 16, at(100)))
                .fn(Function.of("tick", 64 - 32, at(200)))
                .handler(Handler.of("SysTick", "tick"))
                .code(".text", 1234)
                .obj(zeroed("buffer", 200, 4)).obj(zeroed("state", 56, 8));
        return f;
    }

    @Test
    void memoryReportHasTheFormatOfCliMd() {
        Allocation a = cliExample().allocate();
        assertFalse(a.hasErrors());
        assertEquals("""
                FLASH   1234 / 262144 B  ( 0.5%)
                RAM      512 /  65536 B  ( 0.8%)  static 256, stack bound 256 (main 192, isr 64)
                """, Reports.memory(a));
    }

    @Test
    void memoryReportSaysWhenTheStackBoundIsUnknown() {
        Fixture f = cliExample();
        f.fn(Function.of("loop", 8, at(300), Call.direct("loop", at(301))));
        f.functions.replaceAll(fn -> fn.symbol().equals("main")
                ? Function.of("main", 176, at(100), Call.direct("loop", at(101))) : fn);
        String report = Reports.memory(f.allocate());
        assertTrue(report.contains("RAM      256 /  65536 B  ( 0.4%)  static 256, stack bound unknown"), report);
    }

    private static Fixture bigRam() {
        // 12 objects of 6000..6132 B in .bss on 64 KiB of RAM; main path 8 + 400 + 16 x 30.
        Fixture f = Fixture.withMain(400, Call.direct("walk", at(101)))
                .fn(Function.recursive("walk", 16, 30, at(10), Call.direct("walk", at(11))));
        for (int i = 0; i < 12; i++) f.obj(Fixture.object("buf" + (char) ('a' + i), 6000 + 12 * i, 4,
                GlobalObject.Mutability.WRITTEN, GlobalObject.Initializer.ZERO, 20 + i));
        return f;
    }

    @Test
    void ramOverflowNamesStaticStackAndRamAndCarriesTheFullReport() {
        Allocation a = bigRam().allocate();
        RegionUsage ram = a.region("RAM").orElseThrow();
        long statics = 0;
        for (int i = 0; i < 12; i++) statics += 6000 + 12 * i;
        assertEquals(0, a.placement().totalPadding(), "sizes are multiples of the alignment");
        long stack = 8 + 400 + 16 * 30;
        assertEquals(statics, ram.staticBytes());
        assertEquals(stack, ram.stackBound().orElseThrow());

        assertEquals(1, a.errors().size());
        Diagnostic d = a.errors().get(0);
        assertEquals(at(100), d.loc(), "at the entry point");
        assertEquals("RAM overflow: static " + statics + " B + stack bound " + stack + " B > RAM " + 65536 + " B",
                d.message());
        assertTrue(d.hint().contains((statics + stack - 65536) + " B too many"));

        String report = d.report();
        // Region sizes.
        assertTrue(report.contains("FLASH"), report);
        assertTrue(report.contains("65536"), report);
        // The ten largest objects, largest first, with their locations; the two smallest are left out.
        List<String> objectLines = report.lines().filter(l -> l.contains(" .bss ")).toList();
        assertEquals(10, objectLines.size(), report);
        for (int i = 0; i < 10; i++) {
            int n = 11 - i;
            String line = objectLines.get(i);
            assertTrue(line.contains("buf" + (char) ('a' + n)), line);
            assertTrue(line.contains(String.valueOf(6000 + 12 * n)), line);
            assertTrue(line.contains("main.fs:" + (20 + n) + ":5"), line);
        }
        assertFalse(report.contains("bufa "), "the smallest is not among the ten");
        // The deepest path with each frame's size and the repetitions of the recursion.
        assertTrue(report.contains("deepest path of main (" + stack + " B)"), report);
        assertTrue(report.lines().anyMatch(l -> l.matches("\\s+480\\s+16\\s+x30\\s+walk\\s+main.fs:10:5.*")), report);
        assertTrue(report.lines().anyMatch(l -> l.matches("\\s+400\\s+400\\s+main\\s+main.fs:100:5.*")), report);
    }

    @Test
    void stackAloneCanOverflowRam() {
        Fixture f = Fixture.withMain(100, Call.direct("deep", at(101)))
                .fn(Function.recursive("deep", 64, 1100, at(10), Call.direct("deep", at(11))))
                .obj(zeroed("small", 64, 4));
        Allocation a = f.allocate();
        long bound = 8 + 100 + 64 * 1100;
        assertEquals(List.of("RAM overflow: static 64 B + stack bound " + bound + " B > RAM 65536 B"),
                a.errors().stream().map(Diagnostic::message).toList());
        assertTrue(a.errors().get(0).report().contains("x1100"));
    }

    @Test
    void flashOverflowNamesCodeAndConstantsAndCarriesTheFullReport() {
        Fixture f = Fixture.withMain(64).code(".text", 200_000).obj(constant("font", 50_000, 4))
                .obj(Fixture.variable("palette", 20_000, 4));
        Allocation a = f.allocate();
        RegionUsage flash = a.region("FLASH").orElseThrow();
        assertEquals(200_000, flash.code());
        assertEquals(50_000 + 20_000, flash.data(), ".rodata and the load image of .data");
        assertEquals(1, a.errors().size());
        Diagnostic d = a.errors().get(0);
        assertEquals("flash overflow: code 200000 B + constants 70000 B > flash 262144 B", d.message());
        String report = d.report();
        assertTrue(report.contains("font") && report.contains("palette"), report);
        assertTrue(report.contains("deepest path of main (" + (8 + 64) + " B)"), report);
        assertTrue(Reports.memory(a).startsWith("FLASH 270000 / 262144 B  (103.0%)"), Reports.memory(a));
    }

    @Test
    void overflowOfASecondRamRegionIsReportedWithoutTheStack() {
        Fixture f = Fixture.withMain(64);
        f.regions.add(MemoryRegion.ram("CCM", 0x1000_0000L, 1024));
        f.sections.add(new Section(".ccm", "CCM", Section.ZEROED));
        f.obj(zeroed("dma", 2048, 4).inSection(".ccm"));
        Allocation a = f.allocate();
        assertEquals(List.of("RAM overflow: static 2048 B > RAM 1024 B"),
                a.errors().stream().map(Diagnostic::message).toList());
        assertTrue(a.errors().get(0).hint().contains("'CCM'"));
    }

    @Test
    void marginThatDoesNotFitIsAWarningNotAnError() {
        Fixture f = Fixture.withMain(1000 - 8).obj(zeroed("big", 64_000, 8));
        f.margin = 1024;
        Allocation a = f.allocate();
        assertFalse(a.hasErrors());
        assertEquals(1, a.diagnostics().size());
        Diagnostic w = a.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.WARNING, w.severity());
        long reserve = a.stack().orElseThrow().reserve();
        assertEquals("stack margin does not fit: static 64000 B + stack reserve " + reserve + " B > RAM 65536 B",
                w.message());
    }

    @Test
    void verboseReportListsEveryObjectAndEveryFrame() {
        Fixture f = cliExample().obj(constant("greeting", 14, 1));
        Allocation a = f.allocate();
        String report = Reports.verbose(a);
        for (PlacedObject o : a.placement().objects()) {
            String address = String.format("0x%08x", o.address().orElseThrow());
            assertTrue(report.lines().anyMatch(l -> l.contains(o.symbol()) && l.contains(address)
                    && l.contains(o.section()) && l.contains(o.object().location().toString())), o.symbol());
        }
        for (Function fn : f.functions)
            assertTrue(report.lines().anyMatch(l -> l.matches("\\s+" + fn.frameSize() + "\\s+" + fn.symbol()
                    + "\\s.*")), fn.symbol());
        // Functions largest frame first.
        int main = report.indexOf("  main  "), tick = report.indexOf("  tick  "), reset = report.indexOf("  reset  ");
        assertTrue(main < tick && tick < reset, report);
        assertTrue(report.contains("padding: " + a.placement().totalPadding() + " B"));
        assertTrue(report.contains("deepest path of SysTick (64 B, entry overhead 32 B)"), report);
    }

    @Test
    void diagnosticsComeSortedByLocation() {
        Fixture f = Fixture.withMain(48, Call.direct("b", at("z.fs", 1, 1)), Call.direct("a", at("a.fs", 9, 9)))
                .fn(Function.of("a", 8, at("a.fs", 9, 1), Call.unresolved("x", at("a.fs", 9, 20))))
                .fn(Function.of("b", 8, at("z.fs", 2, 1), Call.unresolved("y", at("z.fs", 2, 20))))
                .obj(Fixture.object("o", 4, 4, GlobalObject.Mutability.WRITTEN, GlobalObject.Initializer.ZERO, 5)
                        .inSection(".nowhere"));
        List<String> files = f.allocate().diagnostics().stream().map(d -> d.loc().toString()).toList();
        assertEquals(List.of("a.fs:9:20", "main.fs:5:5", "z.fs:2:20"), files);
    }
}
