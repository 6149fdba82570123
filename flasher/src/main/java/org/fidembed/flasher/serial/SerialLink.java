// A byte pipe to a board with deadlines on every read and control of the DTR/RTS modem lines.
// JSerialLink is the real one (jSerialComm); the protocol code only sees this interface.
package org.fidembed.flasher.serial;

import org.fidembed.board.BootEntry;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.LineMode;

public interface SerialLink extends AutoCloseable {
    String name();

    int baud();

    LineMode line();

    /** Writes all bytes or throws DISCONNECTED. */
    void write(byte[] b, int off, int len) throws FlashException;

    default void write(byte... b) throws FlashException {
        write(b, 0, b.length);
    }

    /**
     * Reads at least one and up to len bytes, waiting until deadlineNanos (a System.nanoTime value);
     * returns 0 when the deadline passes without data; throws DISCONNECTED when the port is gone.
     */
    int read(byte[] b, int off, int len, long deadlineNanos) throws FlashException;

    /** Drops whatever has arrived and not been read. */
    void discardInput() throws FlashException;

    /** Drives a modem line; false when the port cannot (pseudo-terminals, some bridges). */
    boolean setLine(BootEntry.Line line, boolean asserted);

    @Override
    void close();
}
