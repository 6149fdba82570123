// `fid-embed ports`: lists serial ports with their USB bridge and the board profiles that use that bridge,
// and picks the port when --port is omitted and exactly one known bridge is attached.
package org.fidembed.flasher.serial;

import org.fidembed.board.UsbId;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class Ports {
    private Ports() {}

    /** A port with what is known about it. */
    public record Listing(PortInfo port, Optional<String> bridge, List<String> boards) {
        public Listing {
            boards = List.copyOf(boards);
        }

        public boolean knownBridge() {
            return bridge.isPresent() || !boards.isEmpty();
        }
    }

    /** Outcome of choosing a port when the user gave none. */
    public sealed interface Choice {
        record Chosen(Listing listing, String message) implements Choice {}

        record NoneFound(String message) implements Choice {}

        record Ambiguous(List<Listing> candidates, String message) implements Choice {}
    }

    /** The ports the operating system reports, sorted by path. */
    public static List<PortInfo> list() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            Optional<UsbId> usb = Optional.empty();
            int vid = p.getVendorID();
            int pid = p.getProductID();
            if (vid > 0 && vid <= 0xFFFF && pid >= 0 && pid <= 0xFFFF) {
                usb = Optional.of(new UsbId(vid, pid));
            }
            String desc = p.getPortDescription();
            String serial = p.getSerialNumber();
            out.add(new PortInfo(p.getSystemPortPath(), desc == null ? "" : desc.trim(), usb,
                    serial == null || serial.equals("Unknown") ? "" : serial));
        }
        out.sort(Comparator.comparing(PortInfo::path));
        return out;
    }

    /** Annotates ports with bridge names and the boards (from their profiles) that use each bridge. */
    public static List<Listing> describe(List<PortInfo> ports, Map<UsbId, List<String>> boardsByBridge) {
        List<Listing> out = new ArrayList<>();
        for (PortInfo p : ports) {
            Optional<String> bridge = p.usb().flatMap(KnownBridges::name);
            List<String> boards = p.usb().map(id -> boardsByBridge.getOrDefault(id, List.of())).orElse(List.of());
            out.add(new Listing(p, bridge, boards.stream().sorted().toList()));
        }
        return out;
    }

    public static Choice choose(List<Listing> listings) {
        List<Listing> known = listings.stream().filter(Listing::knownBridge).toList();
        if (known.size() == 1) {
            Listing l = known.get(0);
            String what = l.bridge().orElse("USB " + l.port().usb().map(UsbId::toString).orElse("?"));
            return new Choice.Chosen(l, "using " + l.port().path() + " (" + what
                    + "), the only known USB-serial bridge attached");
        }
        if (known.isEmpty()) {
            return new Choice.NoneFound("no known USB-serial bridge is attached; give --port (`fid-embed ports` lists "
                    + listings.size() + " port" + (listings.size() == 1 ? "" : "s") + ")");
        }
        StringBuilder b = new StringBuilder(known.size() + " USB-serial bridges are attached; choose one with --port:");
        for (Listing l : known) {
            b.append(' ').append(l.port().path());
        }
        return new Choice.Ambiguous(known, b.toString());
    }

    /** The table `fid-embed ports` prints. */
    public static String format(List<Listing> listings) {
        if (listings.isEmpty()) {
            return "no serial ports found\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PORT", "DESCRIPTION", "USB", "BRIDGE", "BOARDS"});
        for (Listing l : listings) {
            rows.add(new String[] {
                l.port().path(),
                l.port().description().isEmpty() ? "-" : l.port().description(),
                l.port().usb().map(UsbId::toString).orElse("-"),
                l.bridge().orElse("-"),
                l.boards().isEmpty() ? "-" : String.join(",", l.boards())
            });
        }
        int[] w = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 5; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < 5; i++) {
                b.append(i == 4 ? r[i] : String.format("%-" + w[i] + "s  ", r[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
