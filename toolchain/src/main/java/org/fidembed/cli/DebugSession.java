// The processes of a debugging session: the gdb server (QEMU halted at reset with its gdb stub, or
// OpenOCD with the board's probe) and gdb-multiarch on the ELF, with the source folders of the
// program and the prelude, the breakpoints and any extra gdb arguments.
package org.fidembed.cli;

import org.fidembed.board.DebugProbe;
import org.fidembed.board.Qemu;
import org.fidembed.host.HostTools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class DebugSession {
    /** The ELF, the folders gdb finds the sources in, and the gdb server's port. */
    record Program(Path elf, List<Path> sourceDirs, int port) { }

    /** A started gdb server: its process, and the gdb commands that attach to it (and load the ELF on a board). */
    record Server(Process process, List<String> attach, String what, ByteArrayOutputStream log) { }

    private DebugSession() { }

    /** QEMU halted before the first instruction, waiting for gdb on port; its UART on this standard output. */
    static Server qemu(Qemu q, Program p, boolean inheritInput) throws IOException {
        HostTools.require(q.executable(), Main.err);
        List<String> cmd = new ArrayList<>(q.commandLine(p.elf()));
        cmd.addAll(List.of("-S", "-gdb", "tcp:localhost:" + p.port()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (inheritInput) pb.redirectInput(ProcessBuilder.Redirect.INHERIT); // standard input goes to the UART
        Process proc = pb.start();
        return new Server(proc, List.of("target remote localhost:" + p.port()), "QEMU (" + q.machine() + ")", new ByteArrayOutputStream());
    }

    /** OpenOCD with the board's probe; gdb flashes the ELF through it (load) and halts at reset. */
    static Server openocd(DebugProbe d, Program p) throws IOException {
        HostTools.require("openocd", Main.err);
        Process proc = new ProcessBuilder(d.openocdCommand(p.port())).redirectErrorStream(true).start();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> copy(proc.getInputStream(), log), "openocd-log");
        pump.setDaemon(true);
        pump.start();
        return new Server(proc, List.of("target extended-remote localhost:" + p.port(), "monitor reset halt", "load", "monitor reset halt"),
                "OpenOCD", log);
    }

    /** Waits until the server listens on its port: false when it ended first or 15 s passed. */
    static boolean awaitPort(Server s, int port) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < end) {
            if (!s.process().isAlive()) return false;
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("localhost", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** gdb-multiarch's command line: the ELF, the source folders, attaching, the breakpoints, then extra arguments. */
    static List<String> gdbCommand(Program p, Server s, List<String> breaks, List<String> extra) {
        List<String> cmd = new ArrayList<>(List.of("gdb-multiarch", "-q", "-nx", p.elf().toString(), "-ex", "set confirm off", "-ex", "set pagination off"));
        for (Path d : p.sourceDirs()) cmd.addAll(List.of("-ex", "directory " + d));
        for (String a : s.attach()) cmd.addAll(List.of("-ex", a));
        for (String b : breaks) cmd.addAll(List.of("-ex", "break " + b));
        cmd.addAll(extra);
        return cmd;
    }

    /** Runs gdb on this terminal until it quits, then stops the server; gdb's exit code. */
    static int runGdb(List<String> gdb, Server s) throws IOException, InterruptedException {
        HostTools.require("gdb-multiarch", Main.err);
        try {
            Process g = new ProcessBuilder(gdb).inheritIO().start();
            return g.waitFor();
        } finally {
            stop(s.process());
        }
    }

    /** Only the server: prints how to connect and waits until it ends (the firmware's exit code under QEMU). */
    static int serve(Program p, Server s, PrintStream err) throws InterruptedException {
        err.println("fid-embed: " + s.what() + " waits for a debugger on localhost:" + p.port() + (s.attach().size() == 1 ? ", halted at reset" : ""));
        StringBuilder connect = new StringBuilder("gdb-multiarch " + p.elf());
        for (String a : s.attach()) connect.append(" -ex '").append(a).append('\'');
        err.println("fid-embed: connect with: " + connect);
        if (!p.sourceDirs().isEmpty()) err.println("fid-embed: sources: " + String.join(", ", p.sourceDirs().stream().map(Path::toString).toList()));
        err.flush();
        try {
            return s.process().waitFor();
        } finally {
            stop(s.process());
        }
    }

    /** The last lines OpenOCD printed (why it stopped). */
    static String lastLines(Server s, int n) {
        String[] lines = s.log().toString(StandardCharsets.UTF_8).strip().split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, lines.length - n); i < lines.length; i++) out.append("  ").append(lines[i]).append('\n');
        return out.toString();
    }

    static void stop(Process p) {
        if (!p.isAlive()) return;
        p.destroy();
        try {
            if (!p.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[1024];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) synchronized (out) { out.write(buf, 0, n); }
        } catch (IOException ended) {
            // OpenOCD exited
        }
    }

    /** Splits --gdb-args at spaces; single or double quotes keep an argument with spaces whole. */
    static List<String> splitArgs(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0; else cur.append(c);
            } else if (c == '\'' || c == '"') { quote = c; any = true; }
            else if (Character.isWhitespace(c)) {
                if (any || !cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else cur.append(c);
        }
        if (quote != 0) throw new org.fidembed.driver.Build.UsageError("--gdb-args: a quote is not closed: " + s);
        if (any || !cur.isEmpty()) out.add(cur.toString());
        return out;
    }
}
