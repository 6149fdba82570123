// What the CLI tells the flasher about a board, taken from its profile: the flash target itself,
// the USB–serial bridges the board carries (for `ports`), and its UF2 family if it has one.
package org.fidembed.flasher.cli;

import java.util.List;
import java.util.OptionalInt;
import org.fidembed.flasher.FlashTarget;
import org.fidembed.flasher.serial.UsbId;

public record BoardFacts(FlashTarget target, List<UsbId> usbBridges, OptionalInt uf2Family) {
    public BoardFacts {
        usbBridges = List.copyOf(usbBridges);
    }

    public String board() {
        return target.board();
    }
}
