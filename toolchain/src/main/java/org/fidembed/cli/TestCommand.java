// `fid-embed test --board B [SRC...]`: on-target unit tests, like `tinygo test`. The [<Test>] functions
// (unit -> unit) of the test files are compiled with a generated runner into one firmware that runs
// under QEMU and marks the start and end of each test on the UART. A failed assert or any other panic
// ends the run inside the failing test; the firmware is then rebuilt to start after it and run again
// (one more run per failing test). One line per test, then `N passed, N failed`; exit 1 on any failure.
package org.fidembed.cli;

import org.fidembed.board.Target;
import org.fidembed.driver.Build;
import org.fidembed.qemu.QemuRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the [<Test>] functions of SRC under QEMU and print 'N passed, N failed'",
                "(exit 1 on any failure). A test is a module-level 'unit -> unit' function marked",
                "[<Test>] (open Fid.Testing); a failed assert or any other panic fails it.",
                "SRC: .fs files or project folders (a project gives its sources without the file",
                "that holds main, then the files of 'tests' in fid.toml, by default *Tests.fs)."},
        footer = {"", "Example:", "  fid-embed test --board lm3s6965evb examples/ring-logger"})
public final class TestCommand implements Callable<Integer> {

    @Option(names = {"-b", "--board"}, paramLabel = "B", description = "a QEMU board profile (see 'fid-embed boards'); default: the project's board")
    String board;

    @Option(names = "--opt", paramLabel = "O0|O1|O2|Os|Oz", description = "optimisation level (default: Oz)")
    String opt;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "limit of each firmware run; a test still running then fails (default: 30)")
    double timeout = 30;

    @Option(names = {"-v", "--verbose"}, description = "also print the output of tests that pass")
    boolean verbose;

    @Parameters(paramLabel = "SRC", arity = "0..*", description = ".fs files or project folders (default: the current folder)")
    List<Path> srcs = new ArrayList<>();

    @Override public Integer call() {
        return run(srcs, board, opt, timeout, verbose, Main.out, Main.err);
    }

    /** The board of the first project folder among srcs that names one; a usage error if none does. */
    static String projectBoard(List<Path> srcs) {
        for (Path p : srcs) {
            if (!Files.isRegularFile(p.resolve("fid.toml"))) continue;
            try {
                String b = org.fidembed.driver.Project.load(p).defaultBoard();
                if (b != null) return b;
            } catch (org.fidembed.driver.Project.ProjectException e) {
                throw new Build.UsageError(e.getMessage());
            }
        }
        throw new Build.UsageError("no board: give --board B (a QEMU board, see 'fid-embed boards') or set board in fid.toml");
    }

    /** The outcome of one test. */
    public record Outcome(TestSuite.TestFn test, boolean passed, String output) { }

    /** Runs the tests; returns the exit code (0 all passed, 1 a failure or a compile error). Bad arguments throw Build.UsageError. */
    public static int run(List<Path> srcs, String board, String opt, double timeout, boolean verbose, PrintStream out, PrintStream err) {
        if (opt != null && !List.of("O0", "O1", "O2", "Os", "Oz").contains(opt)) {
            throw new Build.UsageError("unknown optimisation level '" + opt + "': use O0, O1, O2, Os or Oz");
        }
        if (board == null) board = projectBoard(srcs.isEmpty() ? List.of(Path.of(".")) : srcs);
        Target target = Build.loadTarget(board);
        if (target.qemu().isEmpty()) {
            throw new Build.UsageError("board '" + target.name() + "' cannot run under QEMU; 'fid-embed test' needs a QEMU board (fid-embed boards)");
        }
        org.fidembed.host.HostTools.require(target.qemu().get().executable(), err);
        List<TestSuite.Source> sources = TestSuite.sources(srcs.isEmpty() ? List.of(Path.of(".")) : srcs);
        List<TestSuite.TestFn> tests = TestSuite.tests(sources);
        if (tests.isEmpty()) {
            err.println("fid-embed: no [<Test>] functions in " + (srcs.isEmpty() ? "." : srcs.stream().map(Path::toString).reduce((a, b) -> a + " " + b).orElse("")));
            out.println("0 passed, 0 failed");
            return 0;
        }
        Path work;
        try {
            work = Files.createTempDirectory("fid-embed-test");
        } catch (IOException e) {
            err.println("fid-embed: cannot create a temporary folder: " + e.getMessage());
            return 1;
        }
        try {
            List<Outcome> results = new ArrayList<>();
            int code = runAll(work, sources, tests, board, target, opt, timeout, results, verbose, out, err);
            if (code != 0) return code;
            long failed = results.stream().filter(o -> !o.passed()).count();
            out.println((results.size() - failed) + " passed, " + failed + " failed");
            return failed > 0 ? 1 : 0;
        } catch (IOException e) {
            err.println("fid-embed: cannot write the test firmware to " + work + ": " + e.getMessage());
            return 1;
        } finally {
            Main.deleteTree(work);
        }
    }

    private static org.fidembed.flasher.monitor.TrapSites trapsOf(Path elf) throws IOException {
        try {
            return org.fidembed.flasher.monitor.TrapSites.of(org.fidembed.image.ElfFile.parse(elf.toString(), Files.readAllBytes(elf)));
        } catch (org.fidembed.image.ImageFormatException e) {
            throw new IllegalStateException("the linked image is not readable: " + e.getMessage(), e);
        }
    }

    private static int runAll(Path work, List<TestSuite.Source> sources, List<TestSuite.TestFn> tests, String board, Target target, String opt,
                              double timeout, List<Outcome> results, boolean verbose, PrintStream out, PrintStream err) throws IOException {
        // a project folder holding the test sources under their display names, then the runner
        StringBuilder toml = new StringBuilder("name = \"tests\"\nsources = [");
        for (TestSuite.Source s : sources) {
            Path to = work.resolve(s.displayName()).normalize();
            if (!to.startsWith(work)) to = work.resolve(s.path().getFileName().toString());
            Files.createDirectories(to.getParent());
            Files.copy(s.path(), to);
            toml.append(quote(work.relativize(to).toString().replace('\\', '/'))).append(", ");
        }
        toml.append(quote(TestSuite.RUNNER_MODULE + ".fs")).append("]\n");
        Files.writeString(work.resolve("fid.toml"), toml.toString());

        var q = target.qemu().orElseThrow();
        List<String> args = new ArrayList<>(List.of("-M", q.machine()));
        args.addAll(q.args());
        int start = 0;
        while (start < tests.size()) {
            Files.writeString(work.resolve(TestSuite.RUNNER_MODULE + ".fs"), TestSuite.runner(tests, start));
            Build.Result r = Build.build(Build.Request.of(work).board(board).outDir(work.resolve("out")).opt(opt).paintStack(true).quiet(true).build(), out, err);
            if (r.exitCode() != 0) return r.exitCode();
            ByteArrayOutputStream uart = new ByteArrayOutputStream();
            ByteArrayOutputStream qemuErr = new ByteArrayOutputStream();
            QemuRunner.Result res = QemuRunner.run(new QemuRunner.Request(q.executable(), args, r.elf(), timeout, new byte[0], uart, qemuErr));
            // a trap's fault line (trap panic strategy) reads as its FILE:LINE:COL, as under run
            TestSuite.Run run = TestSuite.parse(trapsOf(r.elf()).decodeLines(uart.toString(StandardCharsets.UTF_8)));
            for (int i : run.passed()) report(results, new Outcome(tests.get(i), true, run.output().getOrDefault(i, "")), verbose, out);
            if (run.done() && res.exitCode() == 0) break;
            String why = res.timedOut() ? "timed out after " + Main.fmt(timeout) + " s"
                    : res.exitCode() == 101 ? "" : "the firmware exited with code " + res.exitCode();
            String messages = qemuErr.toString(StandardCharsets.UTF_8).strip();
            if (run.running() < 0) {
                // it stopped outside every test: in module initialisation, or after the last one
                int from = run.passed().isEmpty() ? start : run.passed().get(run.passed().size() - 1) + 1;
                String text = join(run.outside(), why, messages);
                if (from >= tests.size()) {
                    err.println("fid-embed: the test firmware failed after the last test: " + text);
                    return 1;
                }
                for (int i = from; i < tests.size(); i++) {
                    report(results, new Outcome(tests.get(i), false, i == from ? "the firmware failed before this test started:\n" + text : "not run"), verbose, out);
                }
                break;
            }
            int failed = run.running();
            report(results, new Outcome(tests.get(failed), false, join(run.output().getOrDefault(failed, ""), why, messages)), verbose, out);
            start = failed + 1;
        }
        return 0;
    }

    private static void report(List<Outcome> results, Outcome o, boolean verbose, PrintStream out) {
        results.add(o);
        out.println((o.passed() ? "--- PASS: " : "--- FAIL: ") + o.test().name() + " (" + o.test().file() + ":" + o.test().line() + ")");
        if ((!o.passed() || verbose) && !o.output().isEmpty()) {
            for (String line : o.output().split("\n")) out.println("    " + line);
        }
        out.flush();
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isEmpty()) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append(p);
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
