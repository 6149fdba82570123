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

    /** The program (src/test/resources/org/fidembed/driver/F32.fs, which qemu-tests runs too). */
    static String program() throws java.io.IOException {
        try (var in = HardFloatTest.class.getResourceAsStream("F32.fs")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String mainDisassembly(String board) throws Exception {
        Path src = dir.resolve("F32.fs");
        Files.writeString(src, program());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Build.Result r = Build.build(Build.Request.of(src).board(board).outDir(dir.resolve(board)).quiet(true).build(),
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
