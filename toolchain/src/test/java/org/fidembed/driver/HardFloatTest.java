// float32 on the Cortex-M4F (netduinoplus2, hard float): the arithmetic is FPv4-SP instructions,
// not calls to the soft-float helpers that the other Cortex-M boards use; double, which FPv4-SP does
// not have, still goes through the helpers. Checked on the disassembly of the bundled llvm-objdump.
package org.fidembed.driver;

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

class HardFloatTest {
    @TempDir
    Path dir;

    /** float32 arithmetic on values that cannot be folded: a handler writes them, so they are volatile. */
    public static final String PROGRAM = """
            module F32

            let mutable a = 1.5f
            let mutable b = 2.25f
            let mutable n = 7

            [<Fid.Hardware.Interrupt("Tick")>]
            let onTick () = a <- a + 1.0f

            [<EntryPoint>]
            let main _ =
                let s = a + b
                let d = a - b
                let p = a * b
                let q = a / b
                let r = sqrt b
                let c = float32 n * a
                let i = int (p * 100.0f)
                printfn "%f %f %f %f %f %f %d %b %b" s d p q r c i (a < b) (a = b)
                printfn "%.3e %f" (q * 1.0e10f) (float (a * b))
                0
            """;

    /** What PROGRAM prints, on every board (qemu-tests runs it). */
    public static final String OUTPUT = "3.750000 -0.750000 3.375000 0.666667 1.500000 10.500000 337 true false\n6.667e+009 3.375000\n";

    private String mainDisassembly(String board) throws Exception {
        Path src = dir.resolve("F32.fs");
        Files.writeString(src, PROGRAM);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Build.Result r = Build.build(new Build.Request(src, board, dir.resolve(board), null, false, false, false, true),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, r.exitCode(), err.toString(StandardCharsets.UTF_8));
        Tools.Run d = Tools.run(List.of(Tools.tool("llvm-objdump").toString(), "-d", "--disassemble-symbols=fid.main", r.elf().toString()), 60);
        assertEquals(0, d.exitCode(), d.output());
        assertTrue(d.output().contains("<fid.main>:"), d.output());
        return d.output();
    }

    @Test
    void float32IsFpuInstructionsOnTheCortexM4F() throws Exception {
        String main = mainDisassembly("netduinoplus2");
        for (String op : List.of("vadd.f32", "vsub.f32", "vmul.f32", "vdiv.f32", "vsqrt.f32", "vcvt.f32.s32", "vcvt.s32.f32", "vcmp.f32"))
            assertTrue(main.contains(op), op + " missing in:\n" + main);
        for (String helper : List.of("__aeabi_fadd", "__aeabi_fsub", "__aeabi_fmul", "__aeabi_fdiv", "__addsf3", "__mulsf3", "__divsf3", "sqrtf"))
            assertFalse(main.contains("<" + helper + ">"), "float32 through " + helper + " on a hard-float core:\n" + main);
    }

    @Test
    void float32IsSoftwareOnTheCortexM3() throws Exception {
        String main = mainDisassembly("lm3s6965evb");
        assertFalse(main.contains(".f32"), "no FPU on a Cortex-M3:\n" + main);
        assertTrue(main.contains("<__aeabi_fmul>") || main.contains("<__mulsf3>"), "float32 multiplication by the soft-float helper:\n" + main);
    }
}
