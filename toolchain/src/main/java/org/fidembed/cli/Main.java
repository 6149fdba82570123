// The fid-embed command line (picocli): a thin shell over the driver, the QEMU runner and the
// flasher. Exit codes follow docs/cli.md: 0 ok, 1 program or build error, 2 bad command line, and for
// `run` the firmware's own code (101 after a panic, 124 on timeout).
package org.fidembed.cli;

import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.driver.Build;
import org.fidembed.qemu.QemuRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "fid-embed", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Compiles F# to bare-metal firmware for ARM Cortex-M and RISC-V boards: no heap, no GC, "
                + "every object placed at compile time and the stack bound proven.", ""},
        subcommands = {Main.BuildCmd.class, Main.RunCmd.class, DebugCommand.class, Main.SizeCmd.class, Main.BoardsCmd.class, TestCommand.class,
                NewCommand.class, EditorCommand.class, DeviceCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success; for run, the firmware returned 0 from main",
                "1:a compile, link or memory error, a failed flash or test, a missing tool",
                "2:a bad command line (unknown option, missing file, unknown board)",
                "N:for run, the firmware returned N (1 to 100) from main",
                "101:for run, the firmware panicked (panic: MESSAGE at FILE:LINE:COL)",
                "124:for run, the timeout passed before the firmware exited"},
        footer = {"", "Examples:",
                "  fid-embed new blinky --board lm3s6965evb",
                "  fid-embed run --board lm3s6965evb examples/hello",
                "  fid-embed build --board riscv32-virt --report src/Main.fs",
                "  fid-embed boards"})
public final class Main implements Runnable {

    public static final String VERSION = "0.1.0";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[]{"fid-embed " + VERSION + " (LLVM 20.1.7)"}; }
    }

    /** Where the commands write (standard output and error, or a test's streams). */
    static PrintStream out = System.out, err = System.err;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI and returns the exit code (also used by tests, in process). */
    public static synchronized int run(String[] args, PrintStream out, PrintStream err) {
        Main.out = out;
        Main.err = err;
        if (org.fidembed.lower.Lowering.uncheckedIndex())
            err.println("fid-embed: warning: index checks are off (-Dfidembed.bench.uncheckedIndex): for measuring their cost only, never for firmware");
        CommandLine cl = commandLine();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandName();
            err.println("fid-embed: " + lowerFirst(ex.getMessage()) + " (see 'fid-embed " + (name.equals("fid-embed") ? "" : name + " ") + "--help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            if (ex instanceof Build.UsageError u) {
                err.println("fid-embed: " + u.getMessage());
                return 2;
            }
            if (ex instanceof QemuRunner.QemuMissing || ex instanceof org.fidembed.host.HostTools.Missing) {
                err.println("fid-embed: " + ex.getMessage());
                return 1;
            }
            if (ex instanceof org.fidembed.diag.InternalCompilerError ice) {
                err.println("fid-embed: " + ice.getMessage());
                err.println("fid-embed: this is a bug in fid-embed; please report it with the command and the program:");
                ice.getCause().printStackTrace(err);
                return 1;
            }
            err.println("fid-embed: internal error, please report it with the command and the program that caused it:");
            ex.printStackTrace(err);
            return 1;
        });
        return cl.execute(args);
    }

    /** The whole command tree (also what the CLI reference and the completion script are made from). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        extraSubcommands().forEach(cl::addSubcommand);
        // --gdb-args "-batch -x FILE": a value that starts like -b (--board) is still the value
        cl.getSubcommands().get("debug").setAllowOptionsAsOptionParameters(true);
        return cl;
    }

    /** The flasher's subcommands (flash, ports, monitor, bundle), bound to the board profiles and the driver. */
    private static java.util.Map<String, Object> extraSubcommands() {
        return org.fidembed.flasher.cli.FlasherCommands.create(new CliBoardCatalog());
    }

    static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) return "bad command line";
        s = s.strip();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------------------------------ shared options

    static final class BuildOptions {
        @Option(names = {"-b", "--board"}, paramLabel = "B", description = "board profile name (see 'fid-embed boards') or path of a profile .toml; default: the project's board")
        String board;

        @Option(names = "--opt", paramLabel = "O0|O1|O2|Os|Oz", description = "optimisation level (default: Oz, smallest code)")
        String opt;

        @Option(names = "--debug", description = "build for a debugger: optimisation " + DEBUG_OPT + " (unless --opt is given), at which locals stay visible")
        boolean debug;

        @Option(names = "--no-debug-info", description = "leave the DWARF debug information out of the ELF (the BIN, HEX and UF2 images are the same)")
        boolean noDebugInfo;

        @Parameters(index = "0", arity = "0..1", paramLabel = "SRC", description = "an .fs file, or a project folder with fid.toml (default: the current folder)")
        Path src = Path.of(".");

        /** The level --debug picks: locals live in their stack slots, every line has code of its own. */
        static final String DEBUG_OPT = "O0";

        /** A request with this command line's board, source, optimisation and debug information. */
        Build.Builder request() {
            return Build.Request.of(src).board(board).opt(checkedOpt()).debugInfo(!noDebugInfo);
        }

        String checkedOpt() {
            if (opt == null) return debug ? DEBUG_OPT : null;
            return switch (opt) {
                case "O0", "O1", "O2", "Os", "Oz" -> opt;
                default -> throw new Build.UsageError("unknown optimisation level '" + opt + "': use O0, O1, O2, Os or Oz");
            };
        }
    }

    // ------------------------------------------------------------------------------------------ build

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Compile and link SRC for a board: writes DIR/NAME.elf, .bin, .hex (and the linker script NAME.ld) "
                    + "and prints the memory report (default DIR: build/BOARD).")
    static final class BuildCmd implements Callable<Integer> {
        @CommandLine.Mixin BuildOptions b = new BuildOptions();

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (default: build/BOARD)")
        Path out;

        @Option(names = "--report", description = "also list every static object and every function's stack frame")
        boolean report;

        @Option(names = "--emit-ir", description = "also write the LLVM IR (NAME.ll and the optimised NAME.opt.ll)")
        boolean emitIr;

        @Option(names = "--times", description = "print the time of each phase")
        boolean times;

        @Option(names = "--no-color", description = "no colour in error messages (also: the NO_COLOR environment variable)")
        boolean noColor;

        @Override public Integer call() {
            Build.Result r = Build.build(b.request().outDir(out).verboseReport(report).keepIr(emitIr)
                    .style(org.fidembed.diag.Style.choose(System.console() != null && Main.err == System.err, noColor)).build(), Main.out, Main.err);
            if (times && r.phaseMillis() != null) Main.err.println("times (ms): " + r.phaseMillis());
            return r.exitCode();
        }
    }

    // ------------------------------------------------------------------------------------------ run

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Build SRC and run it under QEMU. The firmware's UART output goes to standard output, standard input "
                    + "goes to its UART, and fid-embed exits with the firmware's exit code (101 after a panic, 124 on timeout).")
    static final class RunCmd implements Callable<Integer> {
        @CommandLine.Mixin BuildOptions b = new BuildOptions();

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop the run after this many seconds (exit 124); default: none")
        double timeout;

        @Option(names = "--measure-stack", description = "paint the stack at start-up and print the deepest use at exit (on standard error), beside the proven bound")
        boolean measureStack;

        @Option(names = "--gdb", paramLabel = "PORT", arity = "0..1", fallbackValue = "3333",
                description = "start halted at reset, QEMU's gdb stub waiting for a debugger on PORT (default 3333); see also 'fid-embed debug'")
        Integer gdbPort;

        @Override public Integer call() throws Exception {
            Path outDir = Files.createTempDirectory("fid-embed-run");
            try {
                Build.Result r = Build.build(b.request().outDir(outDir).paintStack(true).quiet(true).measureStack(measureStack).build(), Main.out, Main.err);
                if (r.exitCode() != 0) return r.exitCode();
                Target t = r.target();
                if (t.qemu().isEmpty()) {
                    throw new Build.UsageError("board '" + t.name() + "' cannot run under QEMU; flash it with 'fid-embed flash --board " + t.name() + "' or pick a QEMU board (fid-embed boards)");
                }
                var q = t.qemu().get();
                if (gdbPort != null) {
                    DebugSession.Program p = new DebugSession.Program(r.elf().toAbsolutePath(), DebugCommand.sourceDirs(b.src, t, outDir), gdbPort);
                    DebugSession.Server s = DebugSession.qemu(q, p, true);
                    if (!DebugSession.awaitPort(s, gdbPort)) throw new Build.UsageError("QEMU did not open the gdb port " + gdbPort + " (is it in use?)");
                    return DebugSession.serve(p, s, Main.err);
                }
                org.fidembed.host.HostTools.require(q.executable(), Main.err);
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("-M", q.machine()));
                args.addAll(q.args());
                // a trap's fault line (trap panic strategy) is decoded to its FILE:LINE:COL with the ELF
                var traps = new org.fidembed.qemu.TrapDecodingStream(Main.out, org.fidembed.flasher.monitor.TrapSites.of(
                        org.fidembed.image.ElfFile.parse(r.elf().toString(), Files.readAllBytes(r.elf()))));
                org.fidembed.qemu.StackMarkFilter uart = new org.fidembed.qemu.StackMarkFilter(
                        new org.fidembed.qemu.FaultLines(traps, org.fidembed.image.FaultReport.of(r.elf()), Main.err));
                QemuRunner.Result res = QemuRunner.run(new QemuRunner.Request(q.executable(), args, r.elf(), timeout, null, uart, Main.err));
                traps.close();
                if (res.timedOut()) Main.err.println("fid-embed: timeout: the firmware did not exit within " + fmt(timeout) + " s");
                if (measureStack && uart.highWater() >= 0) {
                    long bound = r.allocation().stack().map(org.fidembed.alloc.StackBounds::program).orElse(-1L);
                    Main.err.println("fid-embed: stack high-water mark " + uart.highWater() + " B, proven bound " + bound + " B");
                }
                return res.exitCode();
            } finally {
                deleteTree(outDir);
            }
        }
    }

    static String fmt(double d) { return d == Math.floor(d) ? Long.toString((long) d) : Double.toString(d); }

    static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> { try { Files.deleteIfExists(f); } catch (java.io.IOException ignored) { } });
        } catch (java.io.IOException ignored) {
            // best effort
        }
    }

    // ------------------------------------------------------------------------------------------ size

    @Command(name = "size", mixinStandardHelpOptions = true, description = "Print the memory report of an existing image (ELF, HEX, BIN, UF2 or bundle).")
    static final class SizeCmd implements Callable<Integer> {
        @Option(names = {"-b", "--board"}, paramLabel = "B", description = "board profile (default: the name of the ELF's folder, as build/BOARD/ has it)")
        String board;

        @Option(names = "--verbose", description = "also list the sections")
        boolean verbose;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "the image: ELF, HEX, BIN, UF2 or a .fwpkg bundle")
        Path elf;

        @Override public Integer call() throws Exception {
            if (Files.isDirectory(elf)) throw new Build.UsageError(elf + " is a folder, not an image (give build/BOARD/NAME.elf)");
            if (!Files.isRegularFile(elf)) throw new Build.UsageError("no such file: " + elf);
            String name = board;
            if (name == null) {
                Path parent = elf.toAbsolutePath().getParent();
                name = parent == null ? null : parent.getFileName().toString();
                if (name == null || !Profiles.list().contains(name)) throw new Build.UsageError("cannot tell the board of " + elf + ": give --board B");
            }
            Target t = Build.loadTarget(name);
            try {
                Main.out.print(SizeReport.render(t, elf, verbose));
                return 0;
            } catch (org.fidembed.image.ImageFormatException e) {
                Main.err.println("fid-embed: " + e.getMessage());
                return 1;
            } catch (java.io.IOException e) {
                Main.err.println("fid-embed: " + elf + ": cannot read it (" + e.getMessage() + ")");
                return 1;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ boards

    @Command(name = "boards", mixinStandardHelpOptions = true, description = "List the board profiles with their CPU, memory and QEMU machine or flash method.")
    static final class BoardsCmd implements Callable<Integer> {
        @Override public Integer call() {
            Main.out.print(Profiles.table());
            return 0;
        }
    }
}
