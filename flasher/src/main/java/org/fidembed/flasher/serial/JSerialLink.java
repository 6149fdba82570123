// SerialLink over jSerialComm on a real tty (USB bridge, UART, or a pseudo-terminal in tests).
// Opening distinguishes a missing port from a busy one; reads poll with deadlines so nothing waits forever.
package org.fidembed.flasher.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.fidembed.board.BootEntry;
import org.fidembed.flasher.FailureKind;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.LineMode;

public final class JSerialLink implements SerialLink {
    /** jSerialComm's semi-blocking read timeout; the tty layer rounds it to tenths of a second. */
    private static final int SLICE_MILLIS = 100;

    private final SerialPort port;
    private final String name;
    private final int baud;
    private final LineMode line;
    private volatile boolean closed;

    private JSerialLink(SerialPort port, String name, int baud, LineMode line) {
        this.port = port;
        this.name = name;
        this.baud = baud;
        this.line = line;
    }

    public static JSerialLink open(String name, int baud, LineMode line) throws FlashException {
        boolean windowsName = name.toUpperCase(Locale.ROOT).startsWith("COM");
        if (!windowsName && !Files.exists(Path.of(name))) {
            throw new FlashException(FailureKind.PORT_NOT_FOUND,
                    "serial port " + name + " does not exist (`fid-embed ports` lists the attached ones)");
        }
        if (!windowsName && (Files.isRegularFile(Path.of(name)) || Files.isDirectory(Path.of(name)))) {
            throw new FlashException(FailureKind.PORT_NOT_FOUND, name + " is a " + (Files.isDirectory(Path.of(name)) ? "folder" : "regular file")
                    + ", not a serial port (`fid-embed ports` lists the attached ones)");
        }
        String device = name;
        if (!windowsName) {
            try {
                device = Path.of(name).toRealPath().toString(); // /dev/serial/by-id/... and test links name a tty
            } catch (java.io.IOException e) {
                throw new FlashException(FailureKind.PORT_NOT_FOUND, "serial port " + name + " cannot be resolved: " + e.getMessage());
            }
        }
        SerialPort sp;
        try {
            sp = SerialPort.getCommPort(device);
        } catch (RuntimeException e) {
            throw new FlashException(FailureKind.PORT_NOT_FOUND, "serial port " + name + " cannot be used: " + e.getMessage());
        }
        int parity = line == LineMode.LINE_8E1 ? SerialPort.EVEN_PARITY : SerialPort.NO_PARITY;
        sp.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, parity);
        sp.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, SLICE_MILLIS, 0);
        if (!sp.openPort()) {
            Path p = Path.of(name);
            if (!windowsName && (!Files.isReadable(p) || !Files.isWritable(p))) {
                throw new FlashException(FailureKind.PORT_BUSY, "no permission to open " + name
                        + " (on Linux, add your user to the dialout group and log in again)");
            }
            throw new FlashException(FailureKind.PORT_BUSY, cannotOpen(name, sp.getLastErrorCode()));
        }
        JSerialLink link = new JSerialLink(sp, name, baud, line);
        link.discardInput();
        return link;
    }

    /** Why a port would not open, from the errno jSerialComm saw. */
    static String cannotOpen(String name, int errno) {
        return switch (errno) {
            case 25 -> name + " is not a serial port: the device is not a terminal (ENOTTY); `fid-embed ports` lists the serial ports";
            case 13 -> "no permission to open " + name + " (on Linux, add your user to the dialout group and log in again)";
            default -> "serial port " + name + " is busy: another program (a monitor, a flasher, ModemManager) has it open (error "
                    + errno + ")";
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int baud() {
        return baud;
    }

    @Override
    public LineMode line() {
        return line;
    }

    @Override
    public void write(byte[] b, int off, int len) throws FlashException {
        int done = 0;
        while (done < len) {
            int n = port.writeBytes(b, len - done, off + done);
            if (n <= 0) {
                throw lost("writing");
            }
            done += n;
        }
    }

    @Override
    public int read(byte[] b, int off, int len, long deadlineNanos) throws FlashException {
        while (true) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                int avail = port.bytesAvailable();
                if (avail < 0) {
                    throw lost("reading");
                }
                if (avail == 0) {
                    return 0;
                }
            }
            if (remaining >= SLICE_MILLIS * 1_000_000L) {
                int n = port.readBytes(b, len, off);
                if (n < 0) {
                    throw lost("reading");
                }
                if (n > 0) {
                    return n;
                }
                continue;
            }
            int avail = port.bytesAvailable();
            if (avail < 0) {
                throw lost("reading");
            }
            if (avail > 0) {
                int n = port.readBytes(b, Math.min(avail, len), off);
                if (n < 0) {
                    throw lost("reading");
                }
                if (n > 0) {
                    return n;
                }
            }
            if (remaining <= 0) {
                return 0;
            }
            LockSupport.parkNanos(Math.min(remaining, 300_000L));
        }
    }

    @Override
    public void discardInput() throws FlashException {
        byte[] sink = new byte[512];
        while (true) {
            int avail = port.bytesAvailable();
            if (avail < 0) {
                throw lost("reading");
            }
            if (avail == 0) {
                return;
            }
            if (port.readBytes(sink, Math.min(avail, sink.length), 0) < 0) {
                throw lost("reading");
            }
        }
    }

    @Override
    public boolean setLine(BootEntry.Line which, boolean asserted) {
        return switch (which) {
            case DTR -> asserted ? port.setDTR() : port.clearDTR();
            case RTS -> asserted ? port.setRTS() : port.clearRTS();
        };
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
        }
    }

    private FlashException lost(String doing) {
        return new FlashException(FailureKind.DISCONNECTED, "serial port " + name + " went away while " + doing
                + " (cable pulled or board lost power)");
    }
}
