// Bridges picocli's PrintWriter (which tests capture) to the PrintStream the progress printer writes to.
// UTF-8 bytes are decoded as they come; the flasher only prints ASCII.
package org.fidembed.flasher.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

final class WriterOutputStream extends OutputStream {
    private final PrintWriter w;

    WriterOutputStream(PrintWriter w) {
        this.w = w;
    }

    @Override
    public void write(int b) {
        w.write((char) (b & 0xFF));
    }

    @Override
    public void write(byte[] b, int off, int len) {
        w.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        w.flush();
    }
}
