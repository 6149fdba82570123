// A USB vendor/product pair, as board profiles list a board's serial bridges and as `fid-embed ports`
// prints them ("1A86:7523"). Parsing accepts upper or lower case hex around a colon.
package org.fidembed.board;

import java.util.Locale;

public record UsbId(int vid, int pid) {
    public UsbId {
        if (vid < 0 || vid > 0xFFFF || pid < 0 || pid > 0xFFFF) throw new IllegalArgumentException("USB IDs are 16-bit values");
    }

    public static UsbId parse(String s) {
        String[] p = s.trim().split(":");
        if (p.length != 2) throw new IllegalArgumentException("expected VID:PID in hex, got '" + s + "'");
        try {
            return new UsbId(Integer.parseInt(p[0], 16), Integer.parseInt(p[1], 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected VID:PID in hex, got '" + s + "'");
        }
    }

    @Override public String toString() { return String.format(Locale.ROOT, "%04X:%04X", vid, pid); }
}
