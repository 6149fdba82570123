// Start-up of a program that reads Cpu.cycles on a Cortex-M with a DWT: it must set DEMCR.TRCENA
// (0xE000EDFC bit 24) and then DWT_CTRL.CYCCNTENA (0xE0001000 bit 0). QEMU models no DWT, so only
// the IR can show that the right registers are written; a wrong address runs fine there.
package org.fidembed.lower.startup;

import org.fidembed.FrontEnd;
import org.fidembed.diag.Diagnostic;
import org.fidembed.driver.Compiler;
import org.fidembed.driver.Project;
import org.fidembed.llvm.LlvmSession;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CycleCounterStartupTest {
    private static final String PROGRAM = """
            module Cycles
            open Fid.Hardware
            [<EntryPoint>]
            let main _ =
                printfn "%d" (int (Cpu.cycles ()))
                0
            """;

    @Test
    void startUpEnablesTraceThenTheCycleCounterAtTheirArchitecturalAddresses() {
        LlvmSession.Options llvm = LlvmSession.Options.forCpu("thumbv7m-none-eabi", "cortex-m3");
        byte[] text = PROGRAM.getBytes(StandardCharsets.UTF_8);
        Compiler.Output o = Compiler.compile(List.of(new Project.Source("Cycles.fs", null, text)), FrontEnd.TARGET,
                Compiler.Options.of(llvm).withKeepIr(true).withDebugInfo(false), n -> true);
        List<Diagnostic> errors = o.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), () -> errors.get(0).render());
        String reset = o.ir().substring(o.ir().indexOf("define void @Reset_Handler"));
        reset = reset.substring(0, reset.indexOf("\n}\n"));
        assertEquals(List.of(0xE000EDFC, 0xE0001000), storedAddresses(reset), "the registers written, in order");
        assertTrue(reset.contains("or i32 %demcr, 16777216"), "DEMCR.TRCENA is bit 24");
        assertTrue(reset.contains("or i32 %dwt, 1"), "DWT_CTRL.CYCCNTENA is bit 0");
    }

    /** The constant addresses the function stores to, in order. */
    private static List<Integer> storedAddresses(String fn) {
        Matcher m = Pattern.compile("store volatile i32 \\S+, ptr inttoptr \\(i32 (-?\\d+) to ptr\\)").matcher(fn);
        List<Integer> out = new java.util.ArrayList<>();
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }
}
