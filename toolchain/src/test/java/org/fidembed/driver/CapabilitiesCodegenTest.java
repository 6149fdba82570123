// Code generation follows the capabilities of the core profile: F#'s float (double) is FPU instructions
// on the Cortex-M7 (double-precision FPU) and helper calls on the single-precision M33; a loop is MVE
// vector code on the Cortex-M55 at O2; on the Ibex (no A extension) an atomic operation becomes a call,
// never an AMO or LR/SC instruction. Checked on the disassembly of the bundled llvm-objdump.
package org.fidembed.driver;

import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.llvm.LlvmSession;
import org.fidembed.llvm.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CapabilitiesCodegenTest {
    @TempDir
    Path dir;

    /** Double arithmetic on values that cannot be folded (a handler writes them). */
    static final String DOUBLES = """
            module F64

            let mutable a = 1.5
            let mutable b = 2.25

            [<Fid.Hardware.Interrupt("Tick")>]
            let onTick () = a <- a + 1.0

            [<EntryPoint>]
            let main _ =
                let s = a + b
                let p = a * b
                let q = a / b
                printfn "%f %f %f %b" s p q (a < b)
                0
            """;

    /** A loop over arrays that a vectoriser can turn into vector code. */
    static final String LOOP = """
            module Loop

            let xs : int[] = Array.zeroCreate 256
            let ys : int[] = Array.zeroCreate 256

            let add () =
                for i in 0 .. 255 do
                    ys.[i] <- ys.[i] + xs.[i] * 3

            [<EntryPoint>]
            let main _ =
                for i in 0 .. 255 do
                    xs.[i] <- i
                add ()
                printfn "%d" ys.[255]
                0
            """;

    private String disassembly(String source, String board, String opt, String symbol) throws Exception {
        Path src = dir.resolve(board + "-" + opt + ".fs");
        Files.writeString(src, source);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Build.Result r = Build.build(Build.Request.of(src).board(board).opt(opt).outDir(dir.resolve(board + opt)).quiet(true).build(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, r.exitCode(), err.toString(StandardCharsets.UTF_8));
        // the core's own CPU: the image's build attributes do not tell llvm-objdump about FPv5 double or MVE
        Tools.Run d = Tools.run(List.of(Tools.tool("llvm-objdump").toString(), "-d", "--mcpu=" + Profiles.load(board).cpu(),
                "--disassemble-symbols=" + symbol, r.elf().toString()), 60);
        assertEquals(0, d.exitCode(), d.output());
        assertTrue(d.output().contains("<" + symbol + ">:"), d.output());
        return d.output();
    }

    @Test
    void doubleIsFpuInstructionsOnTheCortexM7() throws Exception {
        String main = disassembly(DOUBLES, "mps2-an500", "Oz", "fid.main");
        for (String op : List.of("vadd.f64", "vmul.f64", "vdiv.f64", "vcmp"))
            assertTrue(main.contains(op), op + " missing in:\n" + main);
        for (String helper : List.of("__aeabi_dadd", "__aeabi_dmul", "__aeabi_ddiv", "__adddf3", "__muldf3"))
            assertFalse(main.contains("<" + helper + ">"), "double through " + helper + " on a double-precision FPU:\n" + main);
    }

    @Test
    void doubleIsSoftwareOnTheSinglePrecisionCortexM33() throws Exception {
        String main = disassembly(DOUBLES, "mps2-an505", "Oz", "fid.main");
        assertFalse(main.contains(".f64"), "no double precision on the M33's FPU:\n" + main);
        assertTrue(main.contains("<__aeabi_dadd>") || main.contains("<__adddf3>"), "double addition by the soft-float helper:\n" + main);
    }

    @Test
    void aLoopIsMveVectorCodeOnTheCortexM55AndScalarWithoutMve() throws Exception {
        // add is inlined into main at O2
        String mve = disassembly(LOOP, "mps3-an547", "O2", "fid.main");
        assertTrue(mve.matches("(?s).*\\bvldrw\\.u32\\s+q\\d.*"), "MVE loads of q registers:\n" + mve);
        assertTrue(mve.matches("(?s).*\\bv(mla|add|mul)\\.i32\\s+q\\d.*"), "MVE integer arithmetic:\n" + mve);
        String m33 = disassembly(LOOP, "mps2-an505", "O2", "fid.main");
        assertFalse(m33.matches("(?s).*\\bq\\d.*"), "no vector registers on the M33:\n" + m33);
    }

    /** A project's fid.toml [capabilities] composes over the board's: the same loop, built without MVE. */
    @Test
    void aProjectWithoutMveGetsScalarCodeOnTheCortexM55() throws Exception {
        Path project = dir.resolve("scalar");
        Files.createDirectories(project);
        Files.writeString(project.resolve("Loop.fs"), LOOP);
        Files.writeString(project.resolve("fid.toml"), "name = \"loop\"\nsources = [\"Loop.fs\"]\n\n[capabilities]\nmve = \"none\"\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Build.Result r = Build.build(Build.Request.of(project).board("mps3-an547").opt("O2").outDir(dir.resolve("scalar-out")).quiet(true).build(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, r.exitCode(), err.toString(StandardCharsets.UTF_8));
        Tools.Run d = Tools.run(List.of(Tools.tool("llvm-objdump").toString(), "-d", "--mcpu=cortex-m55", "--disassemble-symbols=fid.main",
                r.elf().toString()), 60);
        assertTrue(d.output().contains("<fid.main>:"), d.output());
        assertFalse(d.output().matches("(?s).*\\bq\\d.*"), "mve = \"none\" in fid.toml: no vector registers:\n" + d.output());

        Files.writeString(project.resolve("fid.toml"), "name = \"loop\"\nsources = [\"Loop.fs\"]\n\n[capabilities]\nmve = \"wide\"\n");
        Build.UsageError e = assertThrows(Build.UsageError.class, () -> Build.build(Build.Request.of(project).board("mps3-an547")
                .outDir(dir.resolve("bad-out")).quiet(true).build(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().startsWith(project.resolve("fid.toml") + ":5: key 'capabilities.mve'"), e.getMessage());
    }

    @Test
    void theIbexGetsNoAtomicInstructions() throws Exception {
        Target ibex = Profiles.load("opentitan");
        assertFalse(ibex.capabilities().atomics());
        assertTrue(ibex.featureString().contains("-a"), ibex.featureString());
        // the same atomic add, compiled for the Ibex and for an RV32IMAC core
        String ir = """
                define i32 @bump(ptr %p) {
                entry:
                  %old = atomicrmw add ptr %p, i32 1 seq_cst
                  ret i32 %old
                }
                """;
        String none = objectDisassembly(ir, TargetAdapter.llvm(ibex, "O2"));
        assertFalse(none.matches("(?s).*\\b(amo[a-z]+\\.w|lr\\.w|sc\\.w)\\b.*"), "an atomic instruction without the A extension:\n" + none);
        assertTrue(none.contains("__atomic_fetch_add_4"), "the atomic add becomes a call:\n" + none);
        String with = objectDisassembly(ir, TargetAdapter.llvm(Profiles.load("sifive-e"), "O2"));
        assertTrue(with.contains("amoadd.w"), "RV32IMAC has the A extension:\n" + with);
    }

    private String objectDisassembly(String ir, LlvmSession.Options o) throws Exception {
        LlvmSession.Result r = LlvmSession.compile(ir, o, false);
        Path obj = Files.write(dir.resolve("atomic-" + o.features().hashCode() + ".o"), r.object());
        Tools.Run d = Tools.run(List.of(Tools.tool("llvm-objdump").toString(), "-dr", obj.toString()), 60);
        assertEquals(0, d.exitCode(), d.output());
        return d.output();
    }
}
