// What the bootloader said about itself: protocol version, the commands its Get reply lists,
// the option bytes of Get Version, and the product ID of Get ID (checked against the board profile).
package org.fidembed.flasher.protocol;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

public record BootloaderInfo(int version, List<Integer> commands, int option1, int option2, int chipId) {
    public BootloaderInfo {
        commands = List.copyOf(commands);
    }

    public boolean supports(int command) {
        return commands.contains(command);
    }

    /** "3.1" for 0x31. */
    public String versionString() {
        return (version >> 4) + "." + (version & 0xF);
    }

    public String commandList() {
        return commands.stream().map(c -> String.format(Locale.ROOT, "%02X", c)).collect(Collectors.joining(" "));
    }
}
