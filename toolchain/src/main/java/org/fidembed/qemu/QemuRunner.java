// Runs a firmware image under QEMU: the board profile's machine and arguments, the UART on standard
// output byte for byte, standard input forwarded to the UART once the firmware has started, and the
// firmware's exit code (semihosting or the test finisher) as the result; 124 when the timeout passes.
package org.fidembed.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

public final class QemuRunner {
    private QemuRunner() { }

    public static final int TIMEOUT = 124;

    /** The QEMU program is not installed. */
    public static final class QemuMissing extends RuntimeException {
        public QemuMissing(String m) { super(m); }
    }

    /**
     * @param executable e.g. qemu-system-arm
     * @param args       machine and options from the profile (everything but -kernel)
     * @param input      bytes to send to the UART (null: forward this process's standard input)
     * @param out        where the UART output goes
     * @param err        where QEMU's own messages go (benign ones are filtered)
     */
    public record Request(String executable, List<String> args, Path elf, double timeoutSeconds, byte[] input,
                          OutputStream out, OutputStream err) { }

    public record Result(int exitCode, boolean timedOut, String qemuMessages) { }

    public static Result run(Request r) {
        String exe = find(r.executable());
        List<String> cmd = new ArrayList<>();
        cmd.add(exe);
        cmd.addAll(r.args());
        cmd.add("-kernel");
        cmd.add(r.elf().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new QemuMissing("cannot start " + exe + ": " + e.getMessage());
        }
        CountDownLatch started = new CountDownLatch(1);
        Thread outPump = pump(p.getInputStream(), r.out(), started);
        ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
        Thread errPump = pump(p.getErrorStream(), errBuf, null);
        Thread inPump = new Thread(() -> feedInput(p, r, started), "qemu-stdin");
        inPump.setDaemon(true);
        inPump.start();
        boolean finished;
        try {
            if (r.timeoutSeconds() > 0) finished = p.waitFor((long) (r.timeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
            else { p.waitFor(); finished = true; }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(130, false, "");
        }
        if (!finished) {
            p.destroyForcibly();
            try { p.waitFor(5, TimeUnit.SECONDS); } catch (InterruptedException ignored) { Thread.currentThread().interrupt(); }
        }
        join(outPump);
        join(errPump);
        String messages = filter(errBuf.toString(StandardCharsets.UTF_8));
        if (!messages.isEmpty()) {
            try { r.err().write(messages.getBytes(StandardCharsets.UTF_8)); r.err().flush(); } catch (IOException ignored) { }
        }
        if (!finished) return new Result(TIMEOUT, true, messages);
        return new Result(p.exitValue(), false, messages);
    }

    private static void feedInput(Process p, Request r, CountDownLatch started) {
        try {
            // boards drop bytes sent before the firmware enables its UART receiver: wait for the first line
            started.await(2, TimeUnit.SECONDS);
            OutputStream to = p.getOutputStream();
            if (r.input() != null) {
                to.write(r.input());
                to.flush();
            } else {
                InputStream in = System.in;
                byte[] buf = new byte[256];
                int n;
                while ((n = in.read(buf)) > 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            }
            // stdin stays open: QEMU needs it until the end
        } catch (IOException | InterruptedException ignored) {
            // QEMU ended
        }
    }

    private static Thread pump(InputStream in, OutputStream out, CountDownLatch firstLine) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                    if (firstLine != null) for (int i = 0; i < n; i++) if (buf[i] == '\n') firstLine.countDown();
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "qemu-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try { t.join(5000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    /** Drops QEMU's benign start-up chatter (docs/boards.md: lm3s6965evb's timer message). */
    static String filter(String messages) {
        StringBuilder sb = new StringBuilder();
        for (String line : messages.split("\n")) {
            if (line.isBlank() || line.contains("Timer with period zero, disabling")) continue;
            if (line.contains("terminating on signal")) continue;
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The QEMU executable on PATH, or QemuMissing with how to install it. */
    public static String find(String executable) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, executable);
                if (Files.isExecutable(p)) return p.toString();
            }
        }
        String pkg = org.fidembed.host.HostTools.debianPackage(executable);
        throw new QemuMissing(executable + " is not installed; install it with: " + org.fidembed.host.HostTools.manualCommand(pkg, false));
    }
}
