// Serial framing for the bootloader link: 8E1 as AN3155 requires, or 8N1 for pseudo-terminals and
// bridges that cannot do parity. Bits per byte feed the timeouts and the line-rate figures.
package org.fidembed.flasher;

import java.util.Locale;

public enum LineMode {
    LINE_8E1("8E1", 11),
    LINE_8N1("8N1", 10);

    private final String label;
    private final int bitsPerByte;

    LineMode(String label, int bitsPerByte) {
        this.label = label;
        this.bitsPerByte = bitsPerByte;
    }

    public String label() {
        return label;
    }

    /** Start bit, 8 data bits, parity if any, stop bit. */
    public int bitsPerByte() {
        return bitsPerByte;
    }

    /** Bytes per second the line carries at this baud rate. */
    public double bytesPerSecond(int baud) {
        return (double) baud / bitsPerByte;
    }

    /** Nanoseconds that n bytes take on the wire. */
    public long wireNanos(int baud, long n) {
        return n * bitsPerByte * 1_000_000_000L / baud;
    }

    public static LineMode parse(String s) {
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "8E1" -> LINE_8E1;
            case "8N1" -> LINE_8N1;
            default -> throw new IllegalArgumentException("unknown line mode '" + s + "' (expected 8E1 or 8N1)");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
