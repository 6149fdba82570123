// Separates the stack high-water report of a measurement build from the UART output: the firmware
// writes 0x01, "stack-high-water N" and a newline at exit; everything else passes through untouched.
package org.fidembed.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

public final class StackMarkFilter extends OutputStream {
    private final OutputStream out;
    private ByteArrayOutputStream mark;
    private long highWater = -1;

    public StackMarkFilter(OutputStream out) { this.out = out; }

    /** The reported high-water mark in bytes, or -1 when none was reported. */
    public long highWater() { return highWater; }

    @Override public void write(int b) throws IOException {
        if (mark == null && b == 1) { mark = new ByteArrayOutputStream(); return; }
        if (mark != null) {
            if (b == '\n') {
                String s = mark.toString(StandardCharsets.US_ASCII).trim();
                if (s.startsWith("stack-high-water ")) {
                    try { highWater = Long.parseLong(s.substring(17).trim()); } catch (NumberFormatException ignored) { }
                }
                mark = null;
            } else mark.write(b);
            return;
        }
        out.write(b);
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) write(b[off + i]);
    }

    @Override public void flush() throws IOException { out.flush(); }
}
