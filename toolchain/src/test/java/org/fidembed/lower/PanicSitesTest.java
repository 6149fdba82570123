// The three panic strategies in the lowered IR (message: a call with the message and location strings;
// location: a call with the site's number and a table of packed words; trap: an undefined instruction
// and its location in the section that is not loaded), and what each costs in a linked image.
package org.fidembed.lower;

import org.fidembed.FrontEnd;
import org.fidembed.board.PanicStrategy;
import org.fidembed.diag.Diagnostic;
import org.fidembed.driver.Build;
import org.fidembed.driver.Compiler;
import org.fidembed.driver.Project;
import org.fidembed.flasher.monitor.TrapSites;
import org.fidembed.image.ElfFile;
import org.fidembed.llvm.LlvmSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PanicSitesTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = "module P\n\nlet data = [| 10; 20; 30 |]\n\nlet get i = data.[i]\n\n"
            + "let check n = if n > 3 then failwith \"too big\" else n\n\n"
            + "[<EntryPoint>]\nlet main _ =\n    let n = int (Fid.Hardware.Mmio.read32 0x400FE000un &&& 7u)\n    printfn \"%d\" (get n + check n)\n    0\n";

    private static String ir(PanicStrategy p) throws Exception {
        LlvmSession.Options llvm = LlvmSession.Options.forCpu("thumbv7m-none-eabi", "cortex-m3");
        Compiler.Output o = Compiler.compile(List.of(new Project.Source("P.fs", Path.of("P.fs"), PROGRAM.getBytes(StandardCharsets.UTF_8))),
                FrontEnd.TARGET.withPanic(p), Compiler.Options.of(llvm).withKeepIr(true), n -> true);
        List<Diagnostic> errors = o.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), () -> errors.get(0).render());
        assertNotNull(o.object());
        return o.ir();
    }

    @Test
    void messagePanicsCallTheRuntimeWithTheirTexts() throws Exception {
        String ir = ir(PanicStrategy.MESSAGE);
        assertTrue(ir.contains("Fid.Runtime.panicIndex"), ir);
        assertTrue(ir.contains("c\"P.fs:5:13\""), "the location as a string");
        assertTrue(ir.contains("c\"too big\""), "the message as a string");
        assertFalse(ir.contains("fid.panic.sites"));
    }

    @Test
    void locationPanicsPassTheSiteNumberAndKeepNoMessage() throws Exception {
        String ir = ir(PanicStrategy.LOCATION);
        assertTrue(ir.contains("call void @fid.panic.at(i32 0)"), ir);
        assertTrue(ir.contains("call void @fid.panic.at(i32 1)"), ir);
        assertFalse(ir.contains("too big"), "no message string");
        assertFalse(ir.contains("P.fs:5:13"), "no location string");
        java.util.regex.Matcher table = java.util.regex.Pattern.compile("@fid.panic.sites = internal constant \\[\\d+ x i32\\] \\[([^\\]]*)\\]").matcher(ir);
        assertTrue(table.find(), ir);
        assertTrue(table.group(1).startsWith("i32 " + (int) PanicSites.word(0, 5, 13) + ", "), "the first site is the index of get: " + table.group(1));
        assertTrue(ir.contains("c\"P.fs\""), "one file name");
    }

    @Test
    void trapPanicsAreOneUndefinedInstructionWithTheirLocationAside() throws Exception {
        String ir = ir(PanicStrategy.TRAP);
        assertTrue(ir.contains("1: udf #0"), ir);
        assertTrue(ir.contains(".asciz \\22P.fs:5:13\\22"), ir);
        assertFalse(ir.contains("Fid.Runtime.panicIndex"));
        assertFalse(ir.contains("too big"));
        assertTrue(PanicSites.trapAsm(false, "A.fs:1:2").startsWith("1: unimp"), "RISC-V");
    }

    @Test
    void aWordPacksFileLineAndColumn() {
        long w = PanicSites.word(3, 1234, 56);
        assertEquals(3, w >>> PanicSites.FILE_SHIFT);
        assertEquals(1234, (w >>> PanicSites.LINE_SHIFT) & PanicSites.LINE_MASK);
        assertEquals(56, w & PanicSites.COL_MASK);
        assertEquals(0, PanicSites.word(0, 200_000, 600), "a line or column too large for the word is 0");
    }

    /** Linked: traps are the smallest image, and the trap sites point at udf instructions. */
    @Test
    void eachStrategyCostsLessFlashAndTrapsDecodeToTheirLocations() throws Exception {
        Path src = dir.resolve("P.fs");
        Files.writeString(src, PROGRAM);
        Map<PanicStrategy, Long> flash = new EnumMap<>(PanicStrategy.class);
        for (PanicStrategy p : PanicStrategy.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Build.Result r = Build.build(Build.Request.of(src).board("lm3s6965evb").outDir(dir.resolve(p.id())).panic(p).build(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, r.exitCode(), err.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow().endsWith("  panics: " + p.id()), out.toString());
            ElfFile elf = ElfFile.parse(r.elf().toString(), Files.readAllBytes(r.elf()));
            flash.put(p, elf.image().dataBytes());
            TrapSites sites = TrapSites.of(elf);
            assertEquals(p == PanicStrategy.TRAP, sites.size() > 0, p.id() + ": " + sites.size() + " trap sites");
            List<String> decoded = new java.util.ArrayList<>();
            for (long pc : sites.addresses()) {
                assertEquals(0xDE00, elf.image().byteAt(pc) | elf.image().byteAt(pc + 1) << 8, "udf #0 at 0x" + Long.toHexString(pc));
                decoded.add(sites.decode("panic: fault (cause 0x00010000) at pc 0x" + String.format("%08x", pc)));
            }
            if (p == PanicStrategy.TRAP) assertTrue(decoded.stream().anyMatch(d -> d.matches("panic at P\\.fs:(5:13|7:29)")), decoded.toString());
            assertEquals("panic: fault (cause 0x00010000) at pc 0x00000001", sites.decode("panic: fault (cause 0x00010000) at pc 0x00000001"));
        }
        // location's table costs a word a site but its printer (putInt, the unpacking) is fixed: with few
        // sites it can be larger than messages; trap has no panic code at all
        assertTrue(flash.get(PanicStrategy.TRAP) < flash.get(PanicStrategy.MESSAGE), flash.toString());
        assertTrue(flash.get(PanicStrategy.TRAP) < flash.get(PanicStrategy.LOCATION), flash.toString());
    }
}
