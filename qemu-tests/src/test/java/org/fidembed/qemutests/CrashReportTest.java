// `fid-embed run` explains a fault at the F# source: a store to an unmapped address in Crash.poke
// faults on one Cortex-M board and one RISC-V board, and the report names Crash.fs, the line of the
// store and the cause by name (CFSR bits on Cortex-M, mcause on RISC-V), at Oz and at --debug's level.
package org.fidembed.qemutests;

import org.fidembed.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CrashReportTest {
    private static final String PROGRAM = String.join("\n",
            "module Crash",
            "open Fid.Hardware",
            "",
            "let mutable addr = 0xFFFFFFF0un",
            "",
            "let poke (v: uint32) =",
            "    Mmio.write32 addr v",        // line 7
            "",
            "[<EntryPoint>]",
            "let main _ =",
            "    printfn \"before\"",
            "    poke 1u",
            "    printfn \"after\"",
            "    0",
            "");

    @ParameterizedTest(name = "a fault on {0} ({1}) is reported at Crash.fs:7")
    @CsvSource({"netduinoplus2, Oz, 'PRECISERR: bus error on a data access'", "netduinoplus2, debug, 'PRECISERR: bus error on a data access'",
            "riscv32-virt, Oz, 'mcause 7, store/AMO access fault'", "riscv32-virt, debug, 'mcause 7, store/AMO access fault'"})
    void theFaultIsReportedAtItsSourceLine(String board, String level, String cause) throws Exception {
        Path work = Files.createTempDirectory("crash-");
        try {
            Path src = work.resolve("Crash.fs");
            Files.writeString(src, PROGRAM);
            List<String> args = new ArrayList<>(List.of("run", "--board", board, "--timeout", "30"));
            if (level.equals("debug")) args.add("--debug");
            args.add(src.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String o = out.toString(StandardCharsets.UTF_8), e = err.toString(StandardCharsets.UTF_8);
            assertEquals(101, code, o + e);
            assertTrue(o.startsWith("before\npanic: fault (cause 0x"), o);
            assertTrue(e.contains("fid-embed: fault at Crash.fs:7 in "), e);
            if (level.equals("debug")) assertTrue(e.contains("Crash.fs:7 in Crash.poke (pc 0x"), e); // not inlined at O0
            assertTrue(e.contains(cause), e);
        } finally {
            SuiteCase.deleteTree(work);
        }
    }
}
