// Reads the tables of the host tools that run, debug and flash a board: [qemu], [debug] and [flash]
// (protocol, identity, USB bridges, boot entry), each key checked as TargetReader checks the rest.
package org.fidembed.board;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

final class HostToolsReader {
    private final Doc doc;

    HostToolsReader(Doc doc) { this.doc = doc; }

    Optional<Qemu> qemu() {
        if (!doc.has("qemu")) return Optional.empty();
        doc.allowOnly("qemu", List.of("executable", "machine", "args", "stderr-noise"));
        return Optional.of(new Qemu(doc.nonEmpty("qemu.executable"), doc.nonEmpty("qemu.machine"), doc.optStrings("qemu.args"), doc.optStrings("qemu.stderr-noise")));
    }

    /** [debug] openocd = [scripts...], probe = "what to connect". */
    Optional<DebugProbe> debugProbe() {
        if (!doc.has("debug")) return Optional.empty();
        doc.allowOnly("debug", List.of("openocd", "probe"));
        List<String> scripts = doc.strings("debug.openocd");
        if (scripts.isEmpty()) throw doc.error("debug.openocd", "expected OpenOCD's scripts, e.g. [\"interface/stlink.cfg\", \"target/stm32f1x.cfg\"]");
        return Optional.of(new DebugProbe(scripts, doc.nonEmpty("debug.probe")));
    }

    Optional<FlashMethod> flash() {
        if (!doc.has("flash")) return Optional.empty();
        doc.allowOnly("flash", List.of("protocol", "chip-id", "page-size", "default-baud", "usb-ids", "boot-entry", "identity",
                "page-erase-ms", "block-write-ms"));
        FlashMethod.Protocol protocol = doc.choice("flash.protocol", FlashMethod.Protocol.values(), FlashMethod.Protocol::id);
        int pageSize = (int) doc.integer("flash.page-size", "a page size in bytes", 1, 1 << 20);
        if (Integer.bitCount(pageSize) != 1) throw doc.error("flash.page-size", "expected a power of two, found " + pageSize);
        int baud = doc.has("flash.default-baud") ? (int) doc.integer("flash.default-baud", "a baud rate", 1, 20_000_000) : 115200;
        Duration erase = Duration.ofMillis(doc.has("flash.page-erase-ms") ? doc.integer("flash.page-erase-ms", "the worst-case erase time of one page in ms", 1, 60_000) : 100);
        Duration write = Duration.ofMillis(doc.has("flash.block-write-ms") ? doc.integer("flash.block-write-ms", "the worst-case time to program 256 bytes in ms", 1, 60_000) : 500);
        return Optional.of(new FlashMethod(protocol, identity(), pageSize, erase, write, bootEntry(), baud, usbBridges()));
    }

    /** chip-id, and [flash.identity] bootloader-version, commands, flash-size-register + flash-size (KiB). */
    private FlashMethod.Identity identity() {
        int chipId = (int) doc.integer("flash.chip-id", "a 16-bit chip ID (e.g. 0x410)", 0, 0xFFFF);
        if (!doc.has("flash.identity")) return FlashMethod.Identity.of(chipId);
        doc.allowOnly("flash.identity", List.of("bootloader-version", "commands", "flash-size-register", "flash-size"));
        OptionalInt version = doc.has("flash.identity.bootloader-version")
                ? OptionalInt.of((int) doc.integer("flash.identity.bootloader-version", "the version byte of Get (0x22 = 2.2)", 0, 0xFF))
                : OptionalInt.empty();
        List<Integer> commands = new ArrayList<>();
        if (doc.has("flash.identity.commands")) {
            JsonNode arr = doc.node("flash.identity.commands");
            if (!arr.isArray()) throw doc.error("flash.identity.commands", "expected the Get command list, e.g. [0x00, 0x01, 0x02, 0x11]");
            for (JsonNode c : arr) commands.add((int) doc.integerValue("flash.identity.commands", c, "a command byte", 0, 0xFF));
        }
        boolean register = doc.has("flash.identity.flash-size-register");
        if (register != doc.has("flash.identity.flash-size"))
            throw doc.missing(register ? "flash.identity.flash-size" : "flash.identity.flash-size-register");
        OptionalLong address = register ? OptionalLong.of(doc.address("flash.identity.flash-size-register")) : OptionalLong.empty();
        OptionalInt kib = register ? OptionalInt.of((int) doc.integer("flash.identity.flash-size", "the register's value: flash size in KiB", 1, 0xFFFF))
                : OptionalInt.empty();
        return new FlashMethod.Identity(chipId, version, commands, address, kib);
    }

    private List<FlashMethod.UsbBridge> usbBridges() {
        List<FlashMethod.UsbBridge> ids = new ArrayList<>();
        if (!doc.has("flash.usb-ids")) return ids;
        String p = "flash.usb-ids";
        JsonNode arr = doc.node(p);
        if (!arr.isArray()) throw doc.error(p, "expected an array of { vid = 0x1A86, pid = 0x7523, name = \"...\" }, found " + Doc.describe(arr));
        for (int i = 0; i < arr.size(); i++) {
            JsonNode e = arr.get(i);
            if (!e.isObject() || !e.has("vid") || !e.has("pid"))
                throw doc.error(p, "element " + i + ": expected { vid = 0x1A86, pid = 0x7523, name = \"...\" }");
            for (var f : e.properties())
                if (!List.of("vid", "pid", "name").contains(f.getKey())) throw doc.error(p, "element " + i + ": unknown key '" + f.getKey() + "' (known: vid, pid, name)");
            int vid = (int) doc.integerValue(p, e.get("vid"), "a 16-bit USB vendor ID", 0, 0xFFFF);
            int pid = (int) doc.integerValue(p, e.get("pid"), "a 16-bit USB product ID", 0, 0xFFFF);
            JsonNode nm = e.get("name");
            if (nm != null && !nm.isTextual()) throw doc.error(p, "element " + i + ": name: expected a string, found " + Doc.describe(nm));
            ids.add(new FlashMethod.UsbBridge(new UsbId(vid, pid), nm == null ? "" : nm.textValue()));
        }
        return ids;
    }

    private BootEntry bootEntry() {
        if (!doc.has("flash.boot-entry")) return BootEntry.manual();
        String kind = doc.choice("flash.boot-entry.kind", new String[]{"manual", "lines"}, s -> s);
        if (kind.equals("manual")) {
            doc.allowOnly("flash.boot-entry", List.of("kind", "instructions"));
            return new BootEntry.Manual(doc.nonEmpty("flash.boot-entry.instructions"));
        }
        doc.allowOnly("flash.boot-entry", List.of("kind", "sequence"));
        String seq = doc.string("flash.boot-entry.sequence");
        try {
            return BootEntry.parse(seq);
        } catch (IllegalArgumentException e) {
            throw doc.error("flash.boot-entry.sequence", "expected stm32flash's -i syntax ENTRY[:EXIT], e.g. \"-rts&dtr,-dtr:rts&dtr,-dtr\" "
                    + "(dtr/rts, ',' pauses, '&' does not, '-' releases), found \"" + seq + "\"");
        }
    }
}
