// Links a tiny start-up (ProbeFirmware) with the generated script using the bundled lld, for every shipped
// board: checks where everything landed in the ELF, runs every QEMU board (exit 42, "ok NAME" on the
// UART), and checks that the script's ASSERTs stop bad images with their fid-embed messages.
package org.fidembed.linker;

import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Profiles;
import org.fidembed.board.Qemu;
import org.fidembed.board.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LinkTest {
    @TempDir
    Path dir;

    static List<String> boards() { return Profiles.list(); }

    private Path object(Target t, String name, String source) throws IOException, InterruptedException {
        return Llvm.assemble(dir, name, source, t.llvmTriple(), t.cpu(), t.featureString());
    }

    private Path script(Target t, Layout layout, String name) throws IOException {
        Path p = dir.resolve(name + ".ld");
        Files.writeString(p, LinkerScripts.generate(t, layout));
        return p;
    }

    private Elf32 link(Target t, Layout layout, String name, Path... objects) throws IOException, InterruptedException {
        Path elf = dir.resolve(name + ".elf");
        Llvm.Result r = Llvm.link(dir, script(t, layout, name), elf, objects);
        assertEquals(0, r.exitCode(), "lld rejected the script or the image:\n" + r.output());
        return Elf32.read(elf);
    }

    private Llvm.Result linkFails(Target t, Layout layout, String name, Path... objects) throws IOException, InterruptedException {
        Llvm.Result r = Llvm.link(dir, script(t, layout, name), dir.resolve(name + ".elf"), objects);
        assertNotEquals(0, r.exitCode(), "lld accepted a bad image");
        return r;
    }

    @ParameterizedTest
    @MethodSource("boards")
    void linksWhereTheProfileSaysAndRunsUnderQemu(String board) throws Exception {
        Target t = Profiles.load(board);
        Path obj = object(t, "probe", ProbeFirmware.source(t));
        for (boolean ramfunc : new boolean[]{true, false}) {
            Layout layout = new Layout(t.stackReserve(600), ramfunc);
            String name = board + (ramfunc ? "-ramfunc" : "");
            Elf32 elf = link(t, layout, name, obj);
            checkImage(t, layout, elf);
            if (t.qemu().isPresent()) runUnderQemu(t, dir.resolve(name + ".elf"));
        }
    }

    private static void checkImage(Target t, Layout layout, Elf32 elf) {
        MemoryRegion code = t.codeRegion();
        MemoryRegion ram = t.dataRegion();
        // first thing in the code region: the vector table or the reset stub
        if (t.isCortexM()) {
            Elf32.Section v = elf.section(".vectors").orElseThrow();
            assertEquals(code.origin(), v.addr(), "vector table at the code origin");
            assertEquals(4L * t.vectorNames().size(), v.size());
            assertEquals(elf.symbol("Reset_Handler"), elf.entry());
            assertTrue(elf.section(".ARM.attributes").isPresent(), "attributes are kept");
            assertTrue(elf.section(".ARM.exidx").isEmpty() && elf.section(".ARM.extab").isEmpty(), "nothing unwinds: no unwind tables");
        } else {
            assertEquals(code.origin(), elf.section(".text.start").orElseThrow().addr());
            assertEquals(code.origin(), elf.symbol("_start"), "the reset stub is the first instruction");
            assertEquals(code.origin(), elf.entry());
            assertTrue(elf.section(".riscv.attributes").isPresent(), "attributes are kept");
        }
        assertTrue(elf.section(".debug_line").isPresent(), "debug information is kept");
        // code-region sections ascend in the script's order and stay inside the region
        long last = code.origin();
        for (String name : t.isCortexM() ? List.of(".vectors", ".text", ".rodata", ".ARM.exidx") : List.of(".text.start", ".text", ".rodata")) {
            var s = elf.section(name);
            if (s.isEmpty()) continue;
            assertTrue(s.get().addr() >= last, name + " out of order");
            assertTrue(code.contains(s.get().addr()) && s.get().end() <= code.end(), name + " outside " + code.name());
            last = s.get().end();
        }
        // the stack at the bottom of RAM, then .data, .ramfunc, .bss
        assertEquals(ram.origin(), elf.symbol("_stack_bottom"));
        assertEquals(ram.origin() + layout.stackBytes(), elf.symbol("_stack_top"));
        Elf32.Section data = elf.section(".data").orElseThrow();
        assertEquals(elf.symbol("_stack_top"), data.addr(), ".data right above the stack");
        assertEquals(data.addr(), elf.symbol("__data_start"));
        long dataLoad = elf.loadAddress(data);
        assertEquals(dataLoad, elf.symbol("__data_load"));
        assertTrue(dataLoad >= last && code.contains(dataLoad), ".data image after the code, in " + code.name());
        assertEquals(0, dataLoad % 4);
        long ramEnd = elf.symbol("__data_end");
        long flashEnd = dataLoad + data.size();
        if (layout.ramfunc()) {
            Elf32.Section rf = elf.section(".ramfunc").orElseThrow();
            assertEquals(elf.symbol("__data_end"), rf.addr());
            assertEquals(rf.addr(), elf.symbol("__ramfunc_start"));
            assertEquals(rf.end(), elf.symbol("__ramfunc_end"));
            assertEquals(elf.loadAddress(rf), elf.symbol("__ramfunc_load"));
            assertEquals(dataLoad + data.size(), elf.symbol("__ramfunc_load"), ".ramfunc image follows .data's");
            flashEnd = elf.symbol("__ramfunc_load") + rf.size();
            ramEnd = rf.end();
        } else {
            assertTrue(elf.section(".ramfunc").isEmpty());
            assertEquals(elf.symbol("__ramfunc_start"), elf.symbol("__ramfunc_end"));
        }
        assertEquals(flashEnd, elf.symbol("__flash_end"));
        Elf32.Section bss = elf.section(".bss").orElseThrow();
        assertEquals(Elf32.SHT_NOBITS, bss.type());
        assertEquals(bss.addr(), elf.loadAddress(bss), ".bss has LMA = VMA (AT > RAM)");
        assertTrue(bss.addr() >= ramEnd);
        assertEquals(bss.addr(), elf.symbol("__bss_start"));
        assertEquals(bss.end(), elf.symbol("__bss_end"));
        assertEquals(elf.symbol("__bss_end"), elf.symbol("__ram_end"));
        assertTrue(elf.symbol("__ram_end") <= ram.end());
        for (String sym : LinkerScripts.REQUIRED_SYMBOLS) elf.symbol(sym);
        // nothing allocated outside the profile's regions
        for (Elf32.Section s : elf.sections())
            if (s.alloc() && s.size() > 0)
                assertTrue(t.regions().stream().anyMatch(m -> m.contains(s.addr()) && s.end() <= m.end()), s.name() + " outside every region");
    }

    private static void runUnderQemu(Target t, Path elf) throws IOException, InterruptedException {
        Qemu q = t.qemu().orElseThrow();
        assumeTrue(onPath(q.executable()), q.executable() + " is not on PATH (./run-tests installs it)");
        Path out = Path.of(elf + ".out");
        ProcessBuilder pb = new ProcessBuilder(q.commandLine(elf));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));   // QEMU needs an open stdin (docs/boards.md)
        pb.redirectOutput(out.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail(t.name() + ": QEMU did not exit within 30 s; output: " + Files.readString(out));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(ProbeFirmware.PASS, p.exitValue(), t.name() + ": probe exit code (1 sp, 2 .data, 3 .ramfunc, 4 RAM end, 9 fault); output: " + stdout);
        assertEquals("ok " + t.name() + "\n", stdout, t.name() + ": UART output");
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }

    // ---- the ASSERTs and region checks stop bad images ----

    @Test
    void tooMuchStaticDataOverflowsRam() throws Exception {
        for (String board : List.of("microbit", "sifive-e")) {
            Target t = Profiles.load(board);
            String big = "    .section .bss.big, \"aw\", %nobits\n    .space " + t.dataRegion().length() + "\n";
            Llvm.Result r = linkFails(t, Layout.of(t.stackReserve(0)), board + "-big",
                    object(t, "probe-" + board, ProbeFirmware.source(t)), object(t, "big-" + board, t.isCortexM() ? big : big.replace('%', '@')));
            assertTrue(r.output().contains("fid-embed: RAM overflow: the stack (" + t.stackReserve(0) + " bytes) + .data + .bss do not fit in the "
                    + t.dataRegion().length() + " bytes of RAM"), r.output());
        }
    }

    @Test
    void aStackLargerThanRamIsReportedWithTheExcess() throws Exception {
        Target t = Profiles.load("lm3s6965evb");
        long stack = t.dataRegion().length() + 1024;
        Llvm.Result r = linkFails(t, Layout.of(stack), "hugestack", object(t, "probe", ProbeFirmware.source(t)));
        assertTrue(r.output().contains("fid-embed: RAM overflow: the stack reserve alone (" + stack + " bytes) exceeds RAM ("
                + t.dataRegion().length() + " bytes) by 1024 bytes"), r.output());
    }

    @Test
    void tooMuchCodeOverflowsFlash() throws Exception {
        Target t = Profiles.load("bluepill");
        String big = "    .section .rodata.big, \"a\", %progbits\n    .space " + t.codeRegion().length() + "\n";
        Llvm.Result r = linkFails(t, Layout.of(t.stackReserve(0)), "bigcode",
                object(t, "probe", ProbeFirmware.source(t)), object(t, "bigcode", big));
        assertTrue(r.output().contains("fid-embed: FLASH overflow: code + read-only data + the initial values of .data do not fit in the "
                + t.codeRegion().length() + " bytes of FLASH at 0x08000000"), r.output());
    }

    @Test
    void aVectorTableForAnotherBoardIsRejected() throws Exception {
        Target t = Profiles.load("netduinoplus2");
        int n = t.vectorNames().size();
        String says = "fid-embed: the vector table must hold the slots up to HardFault and at most the " + n + " vectors of board 'netduinoplus2'";
        Llvm.Result longer = linkFails(t, Layout.of(t.stackReserve(0)), "longvectors", object(t, "long", ProbeFirmware.source(t, n + 4, true)));
        assertTrue(longer.output().contains(says), longer.output());
        Llvm.Result shorter = linkFails(t, Layout.of(t.stackReserve(0)), "shortvectors", object(t, "short", ProbeFirmware.source(t, 3, true)));
        assertTrue(shorter.output().contains(says), shorter.output());
    }

    /** The table may end after the last vector a program handles, down to HardFault's slot; it still boots. */
    @Test
    void aVectorTableUpToHardFaultLinksAndRuns() throws Exception {
        for (String board : List.of("lm3s6965evb", "netduinoplus2", "bluepill")) {
            Target t = Profiles.load(board);
            for (int n : List.of(4, 16)) {
                Elf32 elf = link(t, Layout.of(t.stackReserve(0)), board + "-" + n + "vectors", object(t, board + "-" + n, ProbeFirmware.source(t, n, true)));
                Elf32.Section v = elf.section(".vectors").orElseThrow();
                assertEquals(t.codeRegion().origin(), v.addr());
                assertEquals(4L * n, v.size());
                assertEquals(t.codeRegion().origin() + 4L * n, elf.section(".text").orElseThrow().addr(), "code follows the short table");
                if (t.qemu().isPresent()) runUnderQemu(t, dir.resolve(board + "-" + n + "vectors.elf"));
            }
        }
    }

    @Test
    void aMissingVectorTableIsRejected() throws Exception {
        Target t = Profiles.load("microbit");
        String noVectors = ProbeFirmware.source(t).replace(".section .vectors, \"a\"", ".section .rodata.notvectors, \"a\"");
        Llvm.Result r = linkFails(t, Layout.of(t.stackReserve(0)), "novectors", object(t, "novectors", noVectors));
        assertTrue(r.output().contains("fid-embed: no vector table"), r.output());
    }

    @Test
    void aMissingResetStubIsRejected() throws Exception {
        for (String board : List.of("riscv32-virt", "longan-nano")) {
            Target t = Profiles.load(board);
            Llvm.Result r = linkFails(t, Layout.of(t.stackReserve(0)), board + "-nostart", object(t, "nostart-" + board, ProbeFirmware.source(t, 0, false)));
            assertTrue(r.output().contains("fid-embed: no reset stub: no input section .text.start was linked"), r.output());
        }
    }

    @Test
    void aResetStubThatDoesNotBeginWithStartIsRejected() throws Exception {
        Target t = Profiles.load("sifive-e");
        String late = ProbeFirmware.source(t).replace("\n_start:\n", "\n    nop\n_start:\n");
        Llvm.Result r = linkFails(t, Layout.of(t.stackReserve(0)), "late-start", object(t, "late", late));
        assertTrue(r.output().contains("fid-embed: _start is not the first instruction of FLASH (0x20400000)"), r.output());
    }
}
