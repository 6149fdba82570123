// The generated Fid.Device passes the real F# front end (fsharp-check) together with Fid.Hardware.fs:
// whole for the chips with our own or mid-sized SVDs, and for the large ST and GigaDevice SVDs with the
// peripherals the HAL and examples use (their 77,000 to 115,000-line modules take fsharp-check 1 to 4 minutes
// each: whole with -Dfid.fsharp-check.whole=true, or tools/check-fsharp device). Skipped in one line without
// the tool (on PATH, -Dfid.fsharp-check or $FSHARP_CHECK).
package org.fidembed.device;

import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.driver.Prelude;
import org.fidembed.host.HostTools;
import org.fidembed.llvm.Tools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceFsharpCheckTest {
    static final Set<String> LARGE_CHIP_SUBSET = Set.of("Device", "RCC", "RCU", "GPIOA", "GPIOB", "GPIOC", "TIM2", "TIM3", "USART1", "SPI0", "SPI1", "I2C0", "I2C1",
            "NVIC", "ECLIC");

    static Path fsharpCheck() {
        String given = System.getProperty("fid.fsharp-check", System.getenv("FSHARP_CHECK"));
        if (given != null && !given.isBlank()) return Path.of(given);
        return HostTools.onPath("fsharp-check", System.getenv("PATH")).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lm3s6965evb", "lm3s811evb", "mps2-an385", "mps2-an505", "mps3-an547", "riscv32-virt", "microbit", "sifive-e", "netduinoplus2", "bluepill", "longan-nano"})
    void theGeneratedModuleIsFSharp(String board, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path check = fsharpCheck();
        Assumptions.assumeTrue(check != null && Files.isExecutable(check), "fsharp-check not found: the F# check of Fid.Device is skipped");
        Target t = Profiles.load(board);
        DeviceModule.Result full = Devices.module(t).orElseThrow();
        boolean whole = full.stats().lines() < 30_000 || Boolean.getBoolean("fid.fsharp-check.whole");
        String src = whole ? full.source() : Devices.source(t, LARGE_CHIP_SUBSET).orElseThrow();
        Path hw = tmp.resolve("Fid.Hardware.fs");
        try (var in = Prelude.class.getResourceAsStream("/org/fidembed/prelude/Fid.Hardware.fs")) {
            Files.write(hw, in.readAllBytes());
        }
        Path dev = tmp.resolve("Fid.Device.fs");
        Files.writeString(dev, src);
        Tools.Run r = Tools.run(List.of(check.toString(), hw.toString(), dev.toString()), 600);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("fsharp-check: ok"), r.output());
    }
}
