// A USB vendor/product pair as printed by `fid-embed ports` and written in board profiles ("1A86:7523").
// Parsing accepts upper or lower case hex with a colon.
package org.fidembed.flasher.serial;

import java.util.Locale;

public record UsbId(int vendor, int product) {
    public UsbId {
        if (vendor < 0 || vendor > 0xFFFF || product < 0 || product > 0xFFFF) {
            throw new IllegalArgumentException("USB IDs are 16-bit values");
        }
    }

    public static UsbId parse(String s) {
        String[] p = s.trim().split(":");
        if (p.length != 2) {
            throw new IllegalArgumentException("expected VID:PID in hex, got '" + s + "'");
        }
        return new UsbId(Integer.parseInt(p[0], 16), Integer.parseInt(p[1], 16));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04X:%04X", vendor, product);
    }
}
