// Golden tests of the start-up code: the IR Startup generates for a Cortex-M with an FPU and a DWT
// (netduinoplus2) and for a RISC-V core (sifive-e), with every option on and with every option off.
// Regenerate with -Dfidembed.golden.update=true and review the diff, as LoweringGoldenTest.
package org.fidembed.lower.startup;

import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.driver.TargetAdapter;
import org.fidembed.lower.LoweringResult;
import org.fidembed.lower.TargetInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class StartupGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/org/fidembed/lower/startup");
    private static final boolean UPDATE = Boolean.getBoolean("fidembed.golden.update");

    @ParameterizedTest
    @CsvSource({"netduinoplus2, SysTick, true", "netduinoplus2, SysTick, false", "sifive-e, MachineTimer, true", "sifive-e, MachineTimer, false"})
    void startUpIrIsTheStoredOne(String board, String vector, boolean all) throws IOException {
        Target target = Profiles.load(board);
        assertTrue(target.interruptNumber(vector).isPresent(), board + " has " + vector);
        TargetInfo t = TargetAdapter.info(target);
        // every option on: a handler, the cycle counter, RAM functions, the stack report, the UART's flush, the timer
        LoweringResult lowered = new LoweringResult("", all ? Map.of(vector, "@isr." + vector) : Map.of(), Map.of(), Map.of(), all, all,
                "@Fid.Runtime.panicFault", all ? Optional.of("@Fid.Runtime.reportStackHighWater") : Optional.empty(), all, all, List.of());
        String ir = Startup.generate(t, lowered, all);
        Path golden = DIR.resolve(board + (all ? "-all" : "-none") + ".ll");
        if (UPDATE) {
            Files.createDirectories(DIR);
            Files.writeString(golden, ir);
        }
        if (!Files.exists(golden)) fail(golden + " is missing; regenerate with -Dfidembed.golden.update=true");
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(ir)) {
            List<String> e = expected.lines().toList(), a = ir.lines().toList();
            int i = 0;
            while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) i++;
            fail(golden + " differs at line " + (i + 1) + ":\n  stored:    " + (i < e.size() ? e.get(i) : "(end)")
                    + "\n  generated: " + (i < a.size() ? a.get(i) : "(end)")
                    + "\nif the change is intended, regenerate with -Dfidembed.golden.update=true and review the diff");
        }
        assertEquals(expected, ir);
    }
}
