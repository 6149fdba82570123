// Turns the fault line of a trap (trap panic strategy) in the UART output into the line the location
// strategy prints, "panic at FILE:LINE:COL", with the image's trap sites. Everything else passes
// through at once: only a line that starts like a fault line is held until its end.
package org.fidembed.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.fidembed.flasher.monitor.TrapSites;

public final class TrapDecodingStream extends OutputStream {
    private static final byte[] PREFIX = "panic: fault (".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final TrapSites sites;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean atLineStart = true;

    public TrapDecodingStream(OutputStream out, TrapSites sites) {
        this.out = out;
        this.sites = sites;
    }

    @Override public void write(int b) throws IOException {
        if (sites.size() == 0) { out.write(b); return; }
        if (held.size() > 0 || (atLineStart && b == PREFIX[0])) {
            held.write(b);
            if (b == '\n') {
                String line = held.toString(StandardCharsets.UTF_8);
                out.write(sites.decode(line).getBytes(StandardCharsets.UTF_8));
                held.reset();
                atLineStart = true;
            } else if (held.size() <= PREFIX.length && PREFIX[held.size() - 1] != (byte) b) {
                held.writeTo(out); // not a fault line after all
                held.reset();
                atLineStart = false;
            }
            return;
        }
        out.write(b);
        atLineStart = b == '\n';
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) write(b[off + i]);
    }

    @Override public void flush() throws IOException { out.flush(); }

    /** Writes a held partial line (the output ended without its newline). */
    @Override public void close() throws IOException {
        if (held.size() > 0) {
            out.write(sites.decode(held.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            held.reset();
        }
        out.flush();
    }
}
