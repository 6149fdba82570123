// Differential testing of the compiler: random programs (ProgramGenerator) are type-checked,
// run by the reference interpreter (Interpreter) and, built by the whole toolchain, under QEMU; the
// UART bytes and the exit code must be equal. A program the front end rejects is a finding too (the
// generator only writes programs of the subset).
//
// `mvn verify` runs a small fixed-seed batch on lm3s6965evb and riscv32-virt. The long run is
// tools/difftest (system properties difftest.first, difftest.count, difftest.boards, difftest.threads);
// it prints one line per mismatch with the seed, and keeps the program in target/difftest/ (every
// program with -Ddifftest.keep=true).
package org.fidembed.difftest;

import org.fidembed.FrontEnd;
import org.fidembed.driver.Build;
import org.fidembed.qemu.QemuRunner;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DifferentialTest {
    static final Path WORK = Path.of("target", "difftest");

    /** One seed on one board: null when they agree, else what differs. */
    record Finding(long seed, String board, String what) { }

    static final class Stats {
        final AtomicInteger programs = new AtomicInteger(), runs = new AtomicInteger(), skipped = new AtomicInteger(), panics = new AtomicInteger();
    }

    static List<Finding> check(long seed, List<String> boards, Stats stats) throws IOException {
        String src = ProgramGenerator.generate(seed);
        Path dir = WORK.resolve("s" + seed);
        Files.createDirectories(dir);
        Path file = dir.resolve("Test.fs");
        Files.writeString(file, src);
        List<Finding> out = new ArrayList<>();
        FrontEnd.Result fe = FrontEnd.check(src);
        if (!fe.errors().isEmpty()) {
            out.add(new Finding(seed, "-", "rejected: " + fe.firstError()));
            return out;
        }
        Interpreter.Outcome expected;
        try {
            expected = Interpreter.run(fe.program(), 20_000_000);
        } catch (Interpreter.StepLimit e) {
            stats.skipped.incrementAndGet();
            deleteTree(dir);
            return out;
        } catch (RuntimeException e) {
            out.add(new Finding(seed, "-", "interpreter: " + e));
            return out;
        }
        Files.write(dir.resolve("expected.out"), expected.output());
        stats.programs.incrementAndGet();
        if (expected.exitCode() == 101) stats.panics.incrementAndGet();
        for (String board : boards) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Build.Result r = Build.build(Build.Request.of(file).board(board).outDir(dir.resolve("build-" + board)).quiet(true).build(),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            if (r.exitCode() != 0) {
                out.add(new Finding(seed, board, "build failed: " + err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("")));
                continue;
            }
            var q = r.target().qemu().orElseThrow();
            List<String> args = new ArrayList<>(List.of("-M", q.machine()));
            args.addAll(q.args());
            ByteArrayOutputStream uart = new ByteArrayOutputStream();
            QemuRunner.Result res = QemuRunner.run(new QemuRunner.Request(q.executable(), args, r.elf(), 20, new byte[0], uart,
                    new PrintStream(new ByteArrayOutputStream())));
            stats.runs.incrementAndGet();
            byte[] got = uart.toByteArray();
            if (res.timedOut()) out.add(new Finding(seed, board, "timed out under QEMU"));
            else if (res.exitCode() != expected.exitCode() || !Arrays.equals(got, expected.output())) {
                Files.write(dir.resolve(board + ".out"), got);
                out.add(new Finding(seed, board, "differs: exit " + res.exitCode() + " (expected " + expected.exitCode() + "), first difference: "
                        + firstDifference(new String(got, StandardCharsets.UTF_8), expected.text())));
            }
        }
        if (out.isEmpty() && !Boolean.getBoolean("difftest.keep")) deleteTree(dir);
        return out;
    }

    static String firstDifference(String got, String expected) {
        String[] g = got.split("\n", -1), e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(g.length, e.length); i++) {
            String a = i < g.length ? g[i] : "<end>", b = i < e.length ? e[i] : "<end>";
            if (!a.equals(b)) return "line " + (i + 1) + ": got '" + a + "', expected '" + b + "'";
        }
        return "none";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static List<Finding> runBatch(long first, int count, List<String> boards, int threads, Stats stats, PrintStream log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Finding>>> futures = new ArrayList<>();
        for (long s = first; s < first + count; s++) {
            long seed = s;
            futures.add(pool.submit(() -> {
                List<Finding> f = check(seed, boards, stats);
                for (Finding x : f) log.println("FINDING seed " + x.seed() + " " + x.board() + ": " + x.what());
                int done = stats.programs.get() + stats.skipped.get();
                if (done % 50 == 0) log.println("progress: " + done + " programs, " + stats.runs.get() + " QEMU runs");
                return f;
            }));
        }
        List<Finding> all = new ArrayList<>();
        for (Future<List<Finding>> f : futures) all.addAll(f.get());
        pool.shutdown();
        return all;
    }

    /** The fixed-seed batch of `mvn verify`; with -Ddifftest.count=N the long run instead. */
    @Test
    void randomProgramsBehaveAsTheInterpreterSays() throws Exception {
        long first = Long.getLong("difftest.first", 1);
        int count = Integer.getInteger("difftest.count", 12);
        List<String> boards = List.of(System.getProperty("difftest.boards", "lm3s6965evb,riscv32-virt").split(","));
        int threads = Integer.getInteger("difftest.threads", 2);
        Stats stats = new Stats();
        long t0 = System.nanoTime();
        List<Finding> findings = runBatch(first, count, boards, threads, stats, System.out);
        long secs = (System.nanoTime() - t0) / 1_000_000_000L;
        System.out.println("difftest: seeds " + first + ".." + (first + count - 1) + ": " + stats.programs.get() + " programs compared ("
                + stats.panics.get() + " ending in a panic, " + stats.skipped.get() + " over the step limit), " + stats.runs.get()
                + " QEMU runs on " + boards + ", " + findings.size() + " findings, " + secs + " s");
        StringBuilder msg = new StringBuilder();
        for (Finding f : findings) msg.append("\nseed ").append(f.seed()).append(' ').append(f.board()).append(": ").append(f.what());
        assertTrue(findings.isEmpty(), "programs in " + WORK.toAbsolutePath() + msg);
    }
}
