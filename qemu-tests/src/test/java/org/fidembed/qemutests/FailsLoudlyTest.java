// Firmware fails loudly: a fault ends in `panic: fault (cause ..) at pc ..` and exit 101,
// never a hang or a QEMU lockup, on every board that can fault. The panics of the language (bounds,
// division, incomplete match, failwith) are the conformance suite's 046-050 on every board.
//  - an access to an unmapped address faults on mps2-an385, netduinoplus2, riscv32-virt and sifive-e;
//    lm3s6965evb ignores unmapped accesses (docs/boards.md) and QEMU's microbit ignores this one;
//  - a stack made too small on purpose (a hand-written linker script: the proven bound makes it
//    impossible otherwise) overflows below RAM, on every QEMU board: the Cortex-M HardFault handler and the
//    RISC-V trap entry see sp below the stack (ARMv8-M: MSPLIM stopped the push, CFSR.STKOF), start on a
//    fresh stack and panic with "stack overflow"
//    (before, the handler faulted again: a QEMU lockup or an endless trap); riscv32-virt's profile
//    locks the DRAM below its stack away with a PMP entry, where the writes would otherwise land silently.
package org.fidembed.qemutests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class FailsLoudlyTest {
    /** The cores whose profile says fault-names (ARMv8-M) also name the set CFSR bits after the cause. */
    private static final Pattern FAULT = Pattern.compile("panic: fault \\(cause 0x[0-9a-f]{8}( [A-Z]+)*\\) at pc 0x[0-9a-f]{8}\n");
    /** The sp is below RAM; the pc is known on RISC-V (mepc) and 0 on Cortex-M (it was never stacked). */
    private static final Pattern OVERFLOW = Pattern.compile("panic: stack overflow \\(sp 0x[0-9a-f]{8}\\) at pc 0x[0-9a-f]{8}\n");

    @ParameterizedTest(name = "an unmapped write faults on {0}")
    @ValueSource(strings = { "mps2-an385", "netduinoplus2", "riscv32-virt", "sifive-e", "mps2-an500", "mps2-an505", "mps3-an547", "opentitan" })
    void anUnmappedAccessIsAPanicWithThePc(String board) throws IOException {
        Path work = Files.createTempDirectory("fault-");
        try {
            Path src = work.resolve("Unmapped.fs");
            Files.writeString(src, "module Unmapped\nopen Fid.Hardware\nlet mutable addr = 0xFFFFFFF0un\n[<EntryPoint>]\nlet main _ =\n"
                    + "    printfn \"before\"\n    Mmio.write32 addr 1u\n    printfn \"after\"\n    0\n");
            Firmware.Outcome o = Firmware.buildAndRun(src, board, work.resolve("build"), 30, null);
            assertEquals(0, o.buildExit(), o.buildErrors());
            assertTrue(o.text().startsWith("before\n"), o.text());
            assertTrue(FAULT.matcher(o.text().substring(7)).matches(), o.text());
            assertEquals(101, o.exitCode());
        } finally {
            SuiteCase.deleteTree(work);
        }
    }

    @ParameterizedTest(name = "a stack overflow is a panic on {0}")
    @MethodSource("org.fidembed.qemutests.Firmware#qemuBoards")
    void aStackTooSmallOnPurposeIsAPanicNotALockup(String board) throws IOException {
        Path work = Files.createTempDirectory("overflow-");
        try {
            Path project = work.resolve("deep");
            Files.createDirectories(project);
            Files.writeString(project.resolve("Deep.fs"), "module Deep\nlet rec fib (n: int) = if n < 2 then n else fib (n - 1) + fib (n - 2)\n"
                    + "[<EntryPoint>]\nlet main _ =\n    printfn \"start\"\n    printfn \"%d\" (fib 24)\n    0\n");
            Files.writeString(project.resolve("fid.toml"), "name = \"deep\"\nsources = [\"Deep.fs\"]\n");
            Firmware.Outcome first = Firmware.buildAndRun(project, board, work.resolve("b1"), 30, null);
            assertEquals(0, first.buildExit(), first.buildErrors());
            assertEquals("start\n46368\n", first.text());
            // the generated script, with a 32-byte stack
            Path script;
            try (var files = Files.walk(work.resolve("b1"))) {
                script = files.filter(p -> p.getFileName().toString().equals("deep.ld")).findFirst().orElseThrow();
            }
            String ld = Files.readString(script);
            String small = ld.replaceFirst("\\. \\+= 0x[0-9a-fA-F]+;", ". += 0x20;");
            assertNotEquals(ld, small, "the stack's size in the generated script");
            Files.writeString(project.resolve("small.ld"), small);
            Files.writeString(project.resolve("fid.toml"), "name = \"deep\"\nsources = [\"Deep.fs\"]\nlinker-script = \"small.ld\"\n");
            Firmware.Outcome o = Firmware.buildAndRun(project, board, work.resolve("b2"), 30, null);
            assertEquals(0, o.buildExit(), o.buildErrors());
            // where it overflows depends on the frames (on netduinoplus2 already in the first printfn)
            assertTrue(Pattern.compile("(start\n)?" + OVERFLOW.pattern()).matcher(o.text()).matches(), o.text());
            assertEquals(101, o.exitCode());
        } finally {
            SuiteCase.deleteTree(work);
        }
    }
}
