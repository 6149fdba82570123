// USB–serial bridge chips that boards in the wild carry, so `ports` can name them and pick one.
// Board profiles may add their own IDs through BoardCatalog; this table is the baseline.
package org.fidembed.flasher.serial;

import org.fidembed.board.UsbId;

import java.util.Map;
import java.util.Optional;

public final class KnownBridges {
    private static final Map<UsbId, String> NAMES = Map.ofEntries(
            Map.entry(new UsbId(0x1A86, 0x7523), "WCH CH340/CH341"),
            Map.entry(new UsbId(0x1A86, 0x55D4), "WCH CH9102"),
            Map.entry(new UsbId(0x10C4, 0xEA60), "Silicon Labs CP210x"),
            Map.entry(new UsbId(0x0403, 0x6001), "FTDI FT232R"),
            Map.entry(new UsbId(0x0403, 0x6010), "FTDI FT2232"),
            Map.entry(new UsbId(0x0403, 0x6014), "FTDI FT232H"),
            Map.entry(new UsbId(0x0403, 0x6015), "FTDI FT-X"),
            Map.entry(new UsbId(0x067B, 0x2303), "Prolific PL2303"));

    private KnownBridges() {}

    public static Optional<String> name(UsbId id) {
        return Optional.ofNullable(NAMES.get(id));
    }
}
