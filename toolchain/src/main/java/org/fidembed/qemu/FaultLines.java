// Passes the firmware's UART output through unchanged and, after a fault line ("panic: fault ... at
// pc 0x..."), writes the crash report at the source line (file, line, function, cause by name) to
// the error stream: what `run` shows when the firmware faults.
package org.fidembed.qemu;

import org.fidembed.image.FaultReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public final class FaultLines extends OutputStream {
    private final OutputStream out;
    private final FaultReport report;
    private final PrintStream err;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public FaultLines(OutputStream out, FaultReport report, PrintStream err) {
        this.out = out;
        this.report = report;
        this.err = err;
    }

    @Override public void write(int b) throws IOException {
        out.write(b);
        if (b == '\n' || b == '\r') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            report.explain(text).ifPresent(r -> {
                try { out.flush(); } catch (IOException ignored) { }
                for (String l : r.split("\n")) err.println("fid-embed: " + l);
                err.flush();
            });
        } else if (line.size() < 4096) {
            line.write(b);
        }
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    @Override public void flush() throws IOException { out.flush(); }
}
