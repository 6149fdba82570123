// Throughput of the flasher against the bootloader simulator at 115200 and 921600 baud, verify off and on,
// as a share of the line rate; prints a table. Run: mvn -q -pl flasher -Pbench test-compile exec:java
package org.fidembed.flasher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fidembed.flasher.FlashRequest;
import org.fidembed.flasher.FlashResult;
import org.fidembed.board.Target;
import org.fidembed.flasher.Flasher;
import org.fidembed.flasher.LineMode;
import org.fidembed.flasher.PhaseTimes;
import org.fidembed.flasher.ProgressListener;
import org.fidembed.image.FirmwareImage;
import org.fidembed.flasher.sim.BootloaderSimulator;
import org.fidembed.flasher.sim.SimBoard;
import org.fidembed.image.testing.TestImages;
import org.fidembed.flasher.testing.TestTargets;

public final class ThroughputBenchmark {
    record Row(String label, int baud, boolean verify, int bytes, double programShare, double overallShare, double kibs,
            double bestProgramShare) {}

    public static void main(String[] args) throws Exception {
        int kib = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Target target = TestTargets.bluepill();
        FirmwareImage image = TestImages.cortexM(kib * 1024, 0, 0, 2026);
        String loadBefore = load();
        List<Row> rows = new ArrayList<>();
        measure("warm-up", target, image, 921600, true, Duration.ZERO, Duration.ZERO, 2); // JIT, not reported
        for (int baud : new int[] {115200, 921600}) {
            for (boolean verify : new boolean[] {false, true}) {
                rows.add(measure("protocol only", target, image, baud, verify, Duration.ZERO, Duration.ZERO, reps));
            }
        }
        // with an STM32F103's own flash timing (datasheet: 20 ms page erase, 52.5 us per half-word programmed)
        rows.add(measure("F103 flash timing", target, image, 115200, false, Duration.ofMillis(20), Duration.ofNanos(128 * 52_500), reps));
        rows.add(measure("F103 flash timing", target, image, 115200, true, Duration.ofMillis(20), Duration.ofNanos(128 * 52_500), reps));

        System.out.printf(Locale.ROOT, "%nflasher throughput against the simulator, %d KiB image, 8N1 (10 bits a byte), median of %d%n", kib, reps);
        System.out.println("load average before/after: " + loadBefore + " / " + load()
                + " (the simulator, socat and the flasher share this machine's cores; other load lowers the figures)");
        System.out.printf(Locale.ROOT, "%-18s %7s %6s %9s %14s %14s %14s%n", "device model", "baud", "verify", "KiB/s",
                "program/line", "best of runs", "total/line");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-18s %7d %6s %9.1f %13.1f%% %13.1f%% %13.1f%%%n", r.label(), r.baud(),
                    r.verify() ? "on" : "off", r.kibs(), r.programShare() * 100, r.bestProgramShare() * 100, r.overallShare() * 100);
        }
        System.out.println("program/line: image bytes per second while programming / line rate (baud/10 bytes per second)");
        System.out.println("total/line: image bytes / (erase + program + verify time), same denominator");
    }

    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Row measure(String label, Target target, FirmwareImage image, int baud, boolean verify, Duration erase,
            Duration program, int reps) throws Exception {
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            BootloaderSimulator.Config cfg = BootloaderSimulator.Config.stm32f103(baud).withTiming(erase, program);
            try (SimBoard b = SimBoard.start(cfg)) {
                FlashRequest req = FlashRequest.of(target, image, b.port()).withBaud(baud).withLine(LineMode.LINE_8N1)
                        .withVerify(verify).withStart(false);
                FlashResult r = Flasher.flash(req, ProgressListener.NONE);
                if (!(r instanceof FlashResult.Flashed ok)) {
                    throw new IllegalStateException("benchmark flash failed: " + ((FlashResult.Failed) r).message());
                }
                double line = LineMode.LINE_8N1.bytesPerSecond(baud);
                PhaseTimes t = ok.times();
                runs.add(new double[] {t.programRate(ok.imageBytes()) / line, t.overallRate(ok.imageBytes()) / line,
                        t.programRate(ok.imageBytes()) / 1024});
            }
        }
        runs.sort((x, y) -> Double.compare(x[0], y[0]));
        double[] med = runs.get(runs.size() / 2);
        double[] best = runs.get(runs.size() - 1);
        return new Row(label, baud, verify, (int) image.dataBytes(), med[0], med[1], med[2], best[0]);
    }
}
