// How a debugger reaches a flashed board: OpenOCD (Debian's openocd) with the interface and target
// scripts of the probe the board is wired for, as the profile's [debug] table gives them.
package org.fidembed.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * @param scripts  OpenOCD's configuration in order, interface first: a name ending in .cfg is a script
 *                 (-f interface/stlink.cfg), anything else a command (-c "adapter driver ftdi")
 * @param probe    what to connect, in words (shown when no probe answers)
 */
public record DebugProbe(List<String> scripts, String probe) {
    public DebugProbe {
        scripts = List.copyOf(scripts);
        Objects.requireNonNull(probe, "probe");
        if (scripts.isEmpty()) throw new IllegalArgumentException("OpenOCD needs at least one script");
    }

    /** {@code openocd -f S1 -c C2 -c "gdb_port PORT" ...}: OpenOCD serving gdb on port. */
    public List<String> openocdCommand(int port) {
        List<String> cmd = new ArrayList<>(List.of("openocd"));
        for (String s : scripts) { cmd.add(s.endsWith(".cfg") ? "-f" : "-c"); cmd.add(s); }
        cmd.addAll(List.of("-c", "gdb_port " + port, "-c", "tcl_port disabled", "-c", "telnet_port disabled"));
        return List.copyOf(cmd);
    }
}
