// The [debug] table of the flashed boards: OpenOCD's command line in the profile's order (scripts as
// -f, commands as -c), and a table without scripts or probe is an error at its key.
package org.fidembed.board;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DebugProbeTest {
    @Test
    void flashedBoardsNameTheirProbeAndQemuBoardsNeedNone() {
        DebugProbe bp = Profiles.load("bluepill").debug().orElseThrow();
        assertEquals(List.of("openocd", "-f", "interface/stlink.cfg", "-f", "target/stm32f1x.cfg", "-c", "gdb_port 4444",
                "-c", "tcl_port disabled", "-c", "telnet_port disabled"), bp.openocdCommand(4444));
        assertTrue(bp.probe().contains("ST-Link"), bp.probe());
        List<String> ln = Profiles.load("longan-nano").debug().orElseThrow().openocdCommand(3333);
        assertEquals(List.of("-c", "adapter driver ftdi"), ln.subList(1, 3));
        assertEquals(List.of("-f", "target/gd32vf103.cfg"), ln.subList(ln.indexOf("target/gd32vf103.cfg") - 1, ln.indexOf("target/gd32vf103.cfg") + 1));
        assertTrue(Profiles.load("lm3s6965evb").debug().isEmpty());
    }

    @Test
    void aDebugTableNeedsScriptsAndAProbe() {
        assertThrows(IllegalArgumentException.class, () -> new DebugProbe(List.of(), "a probe"));
    }
}
