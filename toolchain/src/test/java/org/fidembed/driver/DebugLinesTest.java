// The line table fid-embed writes, read back by LineTable: every function of the traffic light
// starts at its F# line (at --debug's level and at Oz), and FaultReport turns fault lines into
// FILE:LINE in FUNCTION with the cause by name on Cortex-M and RISC-V.
package org.fidembed.driver;

import org.fidembed.image.ElfFile;
import org.fidembed.image.FaultReport;
import org.fidembed.image.LineTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DebugLinesTest {
    private static ElfFile build(String board, String opt, Path out) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Build.Result r = Build.build(Build.Request.of(DebugInfoImagesTest.repo().resolve("examples/traffic-light")).board(board).opt(opt)
                .outDir(out).quiet(true).build(), quiet, quiet);
        assertEquals(0, r.exitCode());
        return ElfFile.parse("traffic", Files.readAllBytes(r.elf()));
    }

    private static long address(ElfFile elf, String fn) throws Exception {
        return elf.functions().stream().filter(s -> s.name().equals(fn)).findFirst().orElseThrow(() -> new AssertionError("no " + fn)).address() & ~1L;
    }

    @ParameterizedTest(name = "functions start at their F# line on {0}")
    @CsvSource({"lm3s6965evb", "sifive-e", "microbit"})
    void functionsStartAtTheirLine(String board, @TempDir Path tmp) throws Exception {
        ElfFile elf = build(board, "O0", tmp);
        LineTable lines = LineTable.of(elf);
        for (Map.Entry<String, Integer> e : Map.of("Traffic.step", 36, "Traffic.next", 23, "Traffic.duration", 12, "Traffic.name", 45, "Main.main", 22).entrySet()) {
            LineTable.Place p = lines.lookup(address(elf, e.getKey())).orElseThrow(() -> new AssertionError("no line for " + e.getKey()));
            assertEquals((e.getKey().startsWith("Main") ? "Main.fs" : "Traffic.fs") + ":" + e.getValue(), p.toString(), e.getKey());
        }
        // the prelude has lines too
        assertTrue(lines.lookup(address(elf, "Fid.Runtime.panicFault")).orElseThrow().file().equals("Fid.Runtime.fs"));
    }

    @Test
    void faultLinesAreExplainedAtTheSource(@TempDir Path tmp) throws Exception {
        ElfFile arm = build("lm3s6965evb", "O0", tmp.resolve("arm"));
        long step = address(arm, "Traffic.step");
        String r = new FaultReport(arm).explain(String.format("panic: fault (cause 0x02000000) at pc 0x%08x", step + 4)).orElseThrow();
        assertTrue(r.startsWith("fault at Traffic.fs:3"), r);
        assertTrue(r.contains(" in Traffic.step (pc 0x"), r);
        assertTrue(r.contains("DIVBYZERO: division by zero"), r);
        assertEquals("unhandled interrupt: exception 15 (SysTick) has no handler\n", new FaultReport(arm).explain("panic: unhandled interrupt 0x0000000f at pc 0x00000000").orElseThrow());
        assertTrue(new FaultReport(arm).explain("hello").isEmpty());

        ElfFile rv = build("riscv32-virt", "Oz", tmp.resolve("rv"));
        String s = new FaultReport(rv).explain(String.format("panic: fault (cause 0x00000002) at pc 0x%08x", address(rv, "fid.main"))).orElseThrow();
        assertTrue(s.startsWith("fault at Main.fs:"), s);
        assertTrue(s.contains("mcause 2, illegal instruction"), s);
        String lr = new FaultReport(rv).explain(String.format("panic: fault (cause 0x00000005) at pc 0x%08x lr 0x%08x", address(rv, "fid.main"), address(rv, "fid.main") + 8)).orElseThrow();
        assertTrue(lr.contains("called from Main.fs:"), lr);
    }
}
