// Proves the simulator faithful: Debian's stm32flash, an independent AN3155 implementation, flashes and
// verifies an image through it on the pseudo-terminal, and the simulated flash ends up holding that image.
package org.fidembed.flasher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.Images;
import org.fidembed.flasher.sim.BootloaderSimulator;
import org.fidembed.flasher.sim.Fault;
import org.fidembed.flasher.sim.PtyPair;
import org.fidembed.flasher.sim.SimBoard;
import org.fidembed.image.testing.TestImages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class Stm32flashAgainstSimulatorTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needTools() {
        Assumptions.assumeTrue(PtyPair.socatAvailable(), "socat is not installed (./run-tests installs it)");
        Assumptions.assumeTrue(PtyPair.onPath("stm32flash"),
                "stm32flash is not installed (./run-tests installs it)");
    }

    record Outcome(int exit, String output) {}

    static Outcome stm32flash(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stm32flash";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (java.io.IOException ignored) {
                // process ended
            }
        });
        pump.start();
        if (!p.waitFor(40, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("stm32flash hung: " + out);
        }
        pump.join(2000);
        return new Outcome(p.exitValue(), out.toString());
    }

    @Test
    void stm32flashWritesVerifiesAndStartsThroughTheSimulator() throws Exception {
        FirmwareImage img = TestImages.cortexM(5 * 1024 + 123, 0, 0, 99);
        byte[] bin = Images.toBin(img);
        Path file = tmp.resolve("fw.bin");
        Files.write(file, bin);
        try (SimBoard b = SimBoard.start(BootloaderSimulator.Config.stm32f103(115200))) {
            Outcome o = stm32flash("-m", "8n1", "-b", "115200", "-w", file.toString(), "-v", "-g", "0x08000000", b.port());
            assertEquals(0, o.exit(), o.output());
            assertTrue(o.output().contains("0x0410"), "stm32flash identified the simulated STM32F10x: " + o.output());
            assertArrayEquals(bin, b.sim().flash(0x0800_0000L, bin.length), "the simulated flash holds what stm32flash wrote");
            assertEquals(0x0800_0000L, b.sim().goAddress());
            assertTrue(b.sim().log().stream().anyMatch(l -> l.startsWith("ERASE")), b.sim().log().toString());
        }
    }

    @Test
    void stm32flashReadsBackWhatTheSimulatorHolds() throws Exception {
        Path out = tmp.resolve("dump.bin");
        try (SimBoard b = SimBoard.start(BootloaderSimulator.Config.stm32f103(57600))) {
            Outcome o = stm32flash("-m", "8n1", "-b", "57600", "-S", "0x08000400:2048", "-r", out.toString(), b.port());
            assertEquals(0, o.exit(), o.output());
            assertArrayEquals(b.sim().flash(0x0800_0400L, 2048), Files.readAllBytes(out));
        }
    }

    @Test
    void stm32flashSeesTheSameNackTheFlasherHandles() throws Exception {
        // with a NACKed write stm32flash gives up; this shows the fault is an honest protocol NACK
        FirmwareImage img = TestImages.cortexM(2048, 0, 0, 5);
        Path file = tmp.resolve("fw2.bin");
        Files.write(file, Images.toBin(img));
        try (SimBoard b = SimBoard.start(BootloaderSimulator.Config.stm32f103(115200).withFaults(new Fault.Nack(0x31, 2)))) {
            Outcome o = stm32flash("-m", "8n1", "-b", "115200", "-n", "0", "-w", file.toString(), b.port());
            assertTrue(o.exit() != 0, "stm32flash reports the NACK as a failure: " + o.output());
            assertTrue(o.output().toLowerCase().contains("nack") || o.output().toLowerCase().contains("failed"), o.output());
        }
    }
}
