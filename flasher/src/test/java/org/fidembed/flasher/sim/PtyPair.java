// A pair of connected pseudo-terminals made by socat: the host side is a real tty that jSerialComm opens,
// the simulator sits on the other. Killing socat is how a test pulls the cable.
package org.fidembed.flasher.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

public final class PtyPair implements AutoCloseable {
    private final Process socat;
    private final Path dir;
    private final String hostPath;
    private final String simPath;

    private PtyPair(Process socat, Path dir, String hostPath, String simPath) {
        this.socat = socat;
        this.dir = dir;
        this.hostPath = hostPath;
        this.simPath = simPath;
    }

    public static boolean socatAvailable() {
        return onPath("socat");
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    public static PtyPair open() throws IOException {
        Path dir = Files.createTempDirectory("fid-pty");
        Path a = dir.resolve("host");
        Path b = dir.resolve("sim");
        Process p = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).start();
        Thread drain = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(OutputStreamNull.INSTANCE);
            } catch (IOException ignored) {
                // socat ended
            }
        }, "socat-log");
        drain.setDaemon(true);
        drain.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new IOException("socat did not create the pseudo-terminal pair within 5 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        return new PtyPair(p, dir, a.toRealPath().toString(), b.toRealPath().toString());
    }

    /** The tty the flasher (or stm32flash) opens. */
    public String hostPath() {
        return hostPath;
    }

    /** The tty the simulator opens. */
    public String simPath() {
        return simPath;
    }

    public boolean alive() {
        return socat.isAlive();
    }

    /** Pulls the cable: both ends lose their peer at once. */
    public void pull() {
        socat.destroyForcibly();
        try {
            socat.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pull();
        try {
            Files.deleteIfExists(dir.resolve("host"));
            Files.deleteIfExists(dir.resolve("sim"));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
