// Port listing without hardware: bridge names and boards per VID:PID, the table `ports` prints,
// and the choice of a port when --port is omitted (exactly one known bridge, or a clear refusal).
package org.fidembed.flasher.serial;

import org.fidembed.board.UsbId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortsTest {
    static final PortInfo CH340 = new PortInfo("/dev/ttyUSB0", "USB Serial", Optional.of(UsbId.parse("1a86:7523")), "");
    static final PortInfo CP2102 = new PortInfo("/dev/ttyUSB1", "CP2102 USB to UART Bridge Controller",
            Optional.of(new UsbId(0x10C4, 0xEA60)), "0001");
    static final PortInfo ONBOARD = new PortInfo("/dev/ttyS0", "Physical Port S0", Optional.empty(), "");
    static final PortInfo ODD = new PortInfo("/dev/ttyACM0", "Some CDC device", Optional.of(new UsbId(0x1234, 0x5678)), "");
    static final Map<UsbId, List<String>> BOARDS = Map.of(UsbId.parse("1A86:7523"), List.of("longan-nano", "bluepill"));

    @Test
    void describeNamesBridgesAndBoards() {
        List<Ports.Listing> l = Ports.describe(List.of(CH340, ONBOARD, ODD), BOARDS);
        assertEquals(Optional.of("WCH CH340/CH341"), l.get(0).bridge());
        assertEquals(List.of("bluepill", "longan-nano"), l.get(0).boards());
        assertTrue(l.get(1).bridge().isEmpty() && !l.get(1).knownBridge());
        assertTrue(!l.get(2).knownBridge());
        String table = Ports.format(l);
        assertTrue(table.contains("/dev/ttyUSB0") && table.contains("1A86:7523") && table.contains("bluepill,longan-nano"), table);
        assertTrue(table.lines().anyMatch(x -> x.startsWith("/dev/ttyS0") && x.contains("-")), table);
        assertEquals("no serial ports found\n", Ports.format(List.of()));
    }

    @Test
    void exactlyOneKnownBridgeIsChosenAndSaidSo() {
        Ports.Choice c = Ports.choose(Ports.describe(List.of(ONBOARD, CH340, ODD), BOARDS));
        Ports.Choice.Chosen ch = assertInstanceOf(Ports.Choice.Chosen.class, c);
        assertEquals("/dev/ttyUSB0", ch.listing().port().path());
        assertTrue(ch.message().contains("using /dev/ttyUSB0") && ch.message().contains("CH340"), ch.message());
    }

    @Test
    void noneOrSeveralBridgesAreRefused() {
        Ports.Choice none = Ports.choose(Ports.describe(List.of(ONBOARD), BOARDS));
        assertTrue(assertInstanceOf(Ports.Choice.NoneFound.class, none).message().contains("give --port"));
        Ports.Choice two = Ports.choose(Ports.describe(List.of(CH340, CP2102), BOARDS));
        String msg = assertInstanceOf(Ports.Choice.Ambiguous.class, two).message();
        assertTrue(msg.contains("/dev/ttyUSB0") && msg.contains("/dev/ttyUSB1"), msg);
    }

    @Test
    void listingTheRealMachineWorks() {
        List<PortInfo> ports = Ports.list();
        assertNotNull(ports);
        for (PortInfo p : ports) {
            assertTrue(p.path().startsWith("/") || p.path().startsWith("COM"), p.path());
        }
        assertEquals("1A86:7523", UsbId.parse("1a86:7523").toString());
    }
}
