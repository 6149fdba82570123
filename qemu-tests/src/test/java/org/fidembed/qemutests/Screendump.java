// Test support: runs a built program under QEMU with a QMP monitor on a unix socket, waits for a line of
// its UART output, takes QEMU's screendump (a PPM of the machine's display) and lets the program finish
// by sending it a key. Also reads the PPM into an image.
package org.fidembed.qemutests;

import org.fidembed.board.Qemu;
import org.fidembed.qemu.QemuRunner;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

final class Screendump {
    private Screendump() { }

    /** uart: all the UART output; exitCode -1 when QEMU had to be killed. */
    record Shot(BufferedImage image, String uart, int exitCode) { }

    /**
     * Starts QEMU on the ELF, waits up to timeout seconds for the UART line `ready`, writes the screendump to
     * work/screen.ppm, then sends `key` on the UART and waits for the program to end.
     */
    static Shot take(Qemu q, Path elf, Path work, String ready, byte[] key, double timeout) throws IOException, InterruptedException {
        Path sock = work.resolve("qmp.sock");
        List<String> cmd = new ArrayList<>(List.of(QemuRunner.find(q.executable()), "-M", q.machine()));
        cmd.addAll(q.args());
        cmd.addAll(List.of("-qmp", "unix:" + sock + ",server=on,wait=off", "-kernel", elf.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve("qemu.err").toFile()).start();
        StringBuilder uart = new StringBuilder();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            if (!waitForLine(out, ready, uart, timeout))
                throw new AssertionError("the program did not print \"" + ready + "\" within " + timeout + " s; its UART:\n" + uart);
            Path ppm = work.resolve("screen.ppm");
            qmp(sock, "{\"execute\":\"screendump\",\"arguments\":{\"filename\":\"" + ppm + "\"}}");
            BufferedImage image = readPpm(Files.readAllBytes(ppm));
            try (OutputStream in = p.getOutputStream()) {
                in.write(key);
            }
            drain(out, uart);
            boolean ended = p.waitFor((long) (timeout * 1000), TimeUnit.MILLISECONDS);
            return new Shot(image, uart.toString(), ended ? p.exitValue() : -1);
        } finally {
            p.destroyForcibly();
        }
    }

    /** Reads lines into uart until one equals `ready`; false at the end of the output or after the timeout. */
    private static boolean waitForLine(BufferedReader out, String ready, StringBuilder uart, double timeout) throws InterruptedException {
        boolean[] seen = {false};
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (uart) { uart.append(line).append('\n'); }
                    if (line.equals(ready)) { seen[0] = true; return; }
                }
            } catch (IOException e) {
                // QEMU ended: the output is what it is
            }
        }, "screendump-uart");
        reader.setDaemon(true);
        reader.start();
        reader.join((long) (timeout * 1000));
        return seen[0];
    }

    private static void drain(BufferedReader out, StringBuilder uart) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) uart.append(line).append('\n');
    }

    /** One QMP command after the greeting and qmp_capabilities; fails unless QEMU answers with "return". */
    private static void qmp(Path sock, String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            expect(in, "\"QMP\"", "the QMP greeting");
            send(ch, "{\"execute\":\"qmp_capabilities\"}");
            expect(in, "\"return\"", "qmp_capabilities");
            send(ch, command);
            expect(in, "\"return\"", command);
        }
    }

    private static void send(SocketChannel ch, String json) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) ch.write(b);
    }

    /** Reads QMP lines (skipping events) until one holds `want`; an error answer fails with QEMU's words. */
    private static void expect(BufferedReader in, String want, String what) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.contains(want)) return;
            if (line.contains("\"error\"")) throw new AssertionError("QMP refused " + what + ": " + line);
        }
        throw new AssertionError("QMP closed before answering " + what);
    }

    /** A binary PPM (P6, maxval 255) as an RGB image. */
    static BufferedImage readPpm(byte[] data) {
        int[] at = {0};
        String magic = token(data, at);
        int w = Integer.parseInt(token(data, at)), h = Integer.parseInt(token(data, at)), max = Integer.parseInt(token(data, at));
        if (!magic.equals("P6") || max != 255) throw new IllegalArgumentException("not a P6 PPM of maxval 255: " + magic + " " + max);
        int pos = at[0] + 1;
        if (data.length < pos + 3 * w * h) throw new IllegalArgumentException("PPM shorter than " + w + " x " + h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++, pos += 3) {
                img.setRGB(x, y, (data[pos] & 0xFF) << 16 | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF));
            }
        }
        return img;
    }

    /** The next whitespace-separated header token; at[0] ends on the whitespace after it. */
    private static String token(byte[] d, int[] at) {
        int i = at[0];
        while (i < d.length && (Character.isWhitespace(d[i]) || d[i] == '#')) {
            if (d[i] == '#') while (i < d.length && d[i] != '\n') i++;
            else i++;
        }
        int start = i;
        while (i < d.length && !Character.isWhitespace(d[i])) i++;
        at[0] = i;
        return new String(d, start, i - start, StandardCharsets.US_ASCII);
    }
}
