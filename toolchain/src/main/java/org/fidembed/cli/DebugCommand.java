// `fid-embed debug --board B SRC`: builds at a level where locals stay visible, writes the prelude's
// sources beside the ELF, starts the board's gdb server (QEMU halted at reset, or OpenOCD and the
// probe of a flashed board) and gdb-multiarch on the ELF, connected, with the breakpoints asked for.
package org.fidembed.cli;

import org.fidembed.board.Target;
import org.fidembed.diag.SourceFile;
import org.fidembed.driver.Build;
import org.fidembed.driver.Prelude;
import org.fidembed.driver.Project;
import org.fidembed.driver.TargetAdapter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "debug", mixinStandardHelpOptions = true,
        description = "Build SRC for debugging and start gdb-multiarch on it: under QEMU, halted at reset with QEMU's gdb stub; "
                + "on a flashed board (a [debug] table in its profile), through OpenOCD and the board's probe, which loads the image. "
                + "The program's and the prelude's F# sources are found by gdb; break, bt, print, step and next work at F# lines.")
final class DebugCommand implements Callable<Integer> {
    private static final Pattern LOCATION = Pattern.compile("[^\\s:]+:[1-9][0-9]*");

    @Option(names = {"-b", "--board"}, paramLabel = "B", description = "board profile name or .toml path; default: the project's board")
    String board;

    @Option(names = "--opt", paramLabel = "O0|O1|O2|Os|Oz", description = "optimisation level (default: " + Main.BuildOptions.DEBUG_OPT + ", where every local stays visible)")
    String opt;

    @Option(names = "--break", paramLabel = "FILE:LINE", description = "a breakpoint at an F# line (repeatable), e.g. Traffic.fs:37")
    List<String> breaks = new ArrayList<>();

    @Option(names = "--gdb-args", paramLabel = "ARGS", description = "more arguments for gdb-multiarch, split at spaces (quotes keep one whole), e.g. \"-batch -x checks.gdb\"")
    String gdbArgs;

    @Option(names = "--server-only", description = "start only the gdb server, print how to connect (e.g. from VS Code's cortex-debug) and wait")
    boolean serverOnly;

    @Option(names = "--port", paramLabel = "N", description = "the gdb server's TCP port (default: 3333)")
    int port = 3333;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (default: build/BOARD)")
    Path out;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SRC", description = "an .fs file, or a project folder with fid.toml (default: the current folder)")
    Path src = Path.of(".");

    @Override public Integer call() throws Exception {
        for (String b : breaks) {
            if (!LOCATION.matcher(b).matches()) throw new Build.UsageError("--break " + b + ": expected FILE:LINE, e.g. Traffic.fs:37");
        }
        if (port < 1 || port > 65535) throw new Build.UsageError("--port " + port + ": expected a TCP port (1 to 65535)");
        String level = opt == null ? Main.BuildOptions.DEBUG_OPT : checked(opt);
        Build.Result r = Build.build(Build.Request.of(src).board(board).outDir(out).opt(level).quiet(true).build(), Main.out, Main.err);
        if (r.exitCode() != 0) return r.exitCode();
        Target t = r.target();
        DebugSession.Program p = new DebugSession.Program(r.elf().toAbsolutePath(), sourceDirs(src, t, r.elf().getParent()), port);
        DebugSession.Server s;
        if (t.qemu().isPresent()) s = DebugSession.qemu(t.qemu().get(), p, serverOnly);
        else if (t.debug().isPresent()) s = DebugSession.openocd(t.debug().get(), p);
        else throw new Build.UsageError("board '" + t.name() + "' runs under no QEMU and its profile has no [debug] table (OpenOCD scripts for its probe); "
                    + "add one as docs/boards.md describes, or pick a QEMU board");
        if (!DebugSession.awaitPort(s, port)) return noServer(t, s);
        if (serverOnly) return DebugSession.serve(p, s, Main.err);
        return DebugSession.runGdb(DebugSession.gdbCommand(p, s, breaks, DebugSession.splitArgs(gdbArgs)), s);
    }

    private static String checked(String o) {
        return switch (o) {
            case "O0", "O1", "O2", "Os", "Oz" -> o;
            default -> throw new Build.UsageError("unknown optimisation level '" + o + "': use O0, O1, O2, Os or Oz");
        };
    }

    /** The server did not come up: no probe (OpenOCD), or QEMU could not start; exit 1 with what it said. */
    private int noServer(Target t, DebugSession.Server s) {
        DebugSession.stop(s.process());
        if (t.debug().isPresent() && t.qemu().isEmpty()) {
            Main.err.println("fid-embed: no debug probe answered: connect " + t.debug().get().probe() + " and try again. OpenOCD said:");
            Main.err.print(DebugSession.lastLines(s, 4));
        } else {
            Main.err.println("fid-embed: " + s.what() + " did not open the gdb port " + port + " (is it in use? pick another with --port)");
        }
        return 1;
    }

    /** The project's folder, and the prelude's sources written beside the ELF (prelude/), where gdb reads them. */
    static List<Path> sourceDirs(Path src, Target t, Path outDir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        java.util.Set<String> words = new java.util.HashSet<>();
        try {
            Project p = Project.load(src);
            dirs.add(p.root().toAbsolutePath());
            for (Project.Source s : p.sources()) words.addAll(Prelude.words(new String(s.bytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Project.ProjectException e) {
            throw new Build.UsageError(e.getMessage());
        }
        Path prelude = outDir.resolve("prelude").toAbsolutePath();
        // the prelude as the program compiles with it: with Fid.Device and Fid.Hal when it uses them
        for (SourceFile f : Prelude.files(TargetAdapter.info(t), words)) {
            Path to = prelude.resolve(f.name());
            Files.createDirectories(to.getParent());
            Files.writeString(to, f.text());
        }
        dirs.add(prelude);
        return dirs;
    }
}
