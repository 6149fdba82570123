// Reads a CMSIS-SVD file with the JDK's XML APIs into the Svd model: peripherals (derivedFrom copies
// the registers of another), clusters, dim arrays and "%s" lists, fields (bitOffset/bitWidth, lsb/msb
// or bitRange), enumerated values (derivedFrom too), access, modifiedWriteValues, reset values, interrupts.
package org.fidembed.board.svd;

import org.fidembed.board.svd.Svd.Access;
import org.fidembed.board.svd.Svd.Array;
import org.fidembed.board.svd.Svd.Cluster;
import org.fidembed.board.svd.Svd.Device;
import org.fidembed.board.svd.Svd.EnumValue;
import org.fidembed.board.svd.Svd.Field;
import org.fidembed.board.svd.Svd.Interrupt;
import org.fidembed.board.svd.Svd.Node;
import org.fidembed.board.svd.Svd.Peripheral;
import org.fidembed.board.svd.Svd.Register;
import org.fidembed.board.svd.Svd.WriteEffect;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class SvdReader {
    /** Where the shipped SVD files are, as class-path resources. */
    public static final String RESOURCES = "org/fidembed/board/profiles/svd/";

    /** Inherited register properties (the SVD "registerPropertiesGroup"). */
    private record Props(int size, Access access, long reset) { }

    private final String file;
    private final Map<String, Element> peripheralElements = new LinkedHashMap<>();
    private final Map<String, Peripheral> peripherals = new HashMap<>();
    private final Map<String, Element> enumerations = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private SvdReader(String file) { this.file = file; }

    /** Reads a shipped SVD file ({@code LM3S6965.svd}). */
    public static Device readShipped(String name) {
        try (InputStream in = SvdReader.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new SvdException("svd/" + name, 0, 0, "no such shipped SVD file");
            return read("svd/" + name, in);
        } catch (IOException e) {
            throw new SvdException("svd/" + name, 0, 0, "cannot read the file: " + e.getMessage());
        }
    }

    public static Device read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(path.toString(), in);
        } catch (IOException e) {
            throw new SvdException(path.toString(), 0, 0, "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads an SVD document; {@code file} names it in error messages. */
    public static Device read(String file, InputStream in) {
        return new SvdReader(file).device(XmlLines.parse(file, in));
    }

    private Device device(Document doc) {
        Element root = doc.getDocumentElement();
        if (root == null || !root.getTagName().equals("device")) throw error(root, "the root element must be <device>");
        Props props = props(root, new Props(32, Access.READ_WRITE, 0));
        for (Element e : Xml.all(root, "enumeratedValues"))
            Xml.text(e, "name").ifPresent(n -> enumerations.putIfAbsent(n, e));
        Element list = Xml.child(root, "peripherals").orElseThrow(() -> error(root, "<device> has no <peripherals>"));
        for (Element p : Xml.children(list, "peripheral")) {
            String name = required(p, "name");
            if (peripheralElements.putIfAbsent(name, p) != null) throw error(p, "a second peripheral named '" + name + "'");
        }
        List<Peripheral> out = new ArrayList<>();
        for (Element p : peripheralElements.values()) out.add(peripheral(p, props, 0));
        return new Device(required(root, "name"), Xml.text(root, "description").map(Xml::oneLine).orElse(""), out, warnings);
    }

    private Peripheral peripheral(Element e, Props deviceProps, int depth) {
        String name = required(e, "name");
        Peripheral done = peripherals.get(name);
        if (done != null) return done;
        if (depth > 16) throw error(e, "derivedFrom of peripheral '" + name + "' goes round in a circle");
        Optional<Peripheral> base = Optional.empty();
        String derived = e.getAttribute("derivedFrom");
        if (!derived.isEmpty()) {
            Element b = peripheralElements.get(derived);
            if (b == null) throw error(e, "peripheral '" + name + "' is derivedFrom '" + derived + "', which is not a peripheral of this file");
            base = Optional.of(peripheral(b, deviceProps, depth + 1));
        }
        Props props = props(e, deviceProps);
        List<Node> regs = new ArrayList<>(base.map(Peripheral::registers).orElse(List.of()));
        Optional<Element> own = Xml.child(e, "registers");
        if (own.isPresent()) regs = merge(regs, nodes(own.get(), props));
        String description = Xml.text(e, "description").map(Xml::oneLine).orElse(base.map(Peripheral::description).orElse(""));
        String group = Xml.text(e, "groupName").orElse(base.map(Peripheral::group).orElse(""));
        List<Interrupt> irqs = new ArrayList<>();
        for (Element i : Xml.children(e, "interrupt"))
            irqs.add(new Interrupt(required(i, "name"), Xml.text(i, "description").map(Xml::oneLine).orElse(""), (int) number(i, "value")));
        Peripheral p = new Peripheral(name, description, group, number(e, "baseAddress"), regs, irqs,
                derived.isEmpty() ? Optional.empty() : Optional.of(derived));
        peripherals.put(name, p);
        return p;
    }

    /** Registers of a derived peripheral: its own replace the base's of the same name, the rest are added. */
    private static List<Node> merge(List<Node> base, List<Node> own) {
        Map<String, Node> byName = new LinkedHashMap<>();
        for (Node n : base) byName.put(n.name(), n);
        for (Node n : own) byName.put(n.name(), n);
        return new ArrayList<>(byName.values());
    }

    /** The registers and clusters of a <registers> or <cluster> element, "%s" lists expanded. */
    private List<Node> nodes(Element parent, Props props) {
        List<Node> out = new ArrayList<>();
        Map<String, Element> siblings = new HashMap<>();
        for (Element e : Xml.elements(parent))
            if (e.getTagName().equals("register")) for (Dims.Instance i : Dims.of(this, e)) siblings.put(i.name(), e);
        for (Element e : Xml.elements(parent)) {
            switch (e.getTagName()) {
                case "register" -> {
                    Element source = e.getAttribute("derivedFrom").isEmpty() ? e : derivedRegister(e, siblings);
                    for (Dims.Instance i : Dims.of(this, e)) out.add(register(e, source, props, i));
                }
                case "cluster" -> {
                    Props inner = props(e, props);
                    for (Dims.Instance i : Dims.of(this, e))
                        out.add(new Cluster(i.name(), Xml.text(e, "description").map(Xml::oneLine).orElse(""),
                                number(e, "addressOffset") + i.offset(), nodes(e, inner), i.array()));
                }
                default -> { }
            }
        }
        return out;
    }

    private Element derivedRegister(Element e, Map<String, Element> siblings) {
        String d = e.getAttribute("derivedFrom");
        Element base = siblings.get(d.substring(d.lastIndexOf('.') + 1));
        if (base == null) throw error(e, "register derivedFrom '" + d + "', which is not a register beside it");
        return base;
    }

    /** One register (or one element of a "%s" list); {@code source} gives what {@code e} does not say. */
    private Register register(Element e, Element source, Props outer, Dims.Instance instance) {
        Props props = props(e, props(source, outer));
        String description = Xml.text(e, "description").or(() -> Xml.text(source, "description")).map(Xml::oneLine).orElse("");
        Element fieldsOwner = Xml.child(e, "fields").isPresent() ? e : source;
        List<Field> fields = new ArrayList<>();
        Optional<Element> fs = Xml.child(fieldsOwner, "fields");
        if (fs.isPresent()) {
            for (Element f : Xml.children(fs.get(), "field"))
                for (Dims.Instance fi : Dims.of(this, f)) field(f, props, fi.name()).ifPresent(fields::add);
        }
        if (props.size() <= 0 || props.size() > 64) throw error(e, "register size " + props.size() + " is not a width in bits");
        return new Register(instance.name(), description, number(e, "addressOffset") + instance.offset(), props.size(), props.access(),
                props.reset(), fields, instance.array());
    }

    private Optional<Field> field(Element e, Props reg, String name) {
        int lsb;
        int width;
        if (Xml.child(e, "bitOffset").isPresent()) {
            lsb = (int) number(e, "bitOffset");
            width = Xml.child(e, "bitWidth").isPresent() ? (int) number(e, "bitWidth") : 1;
        } else if (Xml.child(e, "lsb").isPresent()) {
            lsb = (int) number(e, "lsb");
            width = (int) number(e, "msb") - lsb + 1;
        } else {
            String range = required(e, "bitRange").trim();
            if (!range.matches("\\[\\s*\\d+\\s*:\\s*\\d+\\s*]")) throw error(e, "bitRange must be [MSB:LSB], found '" + range + "'");
            String[] parts = range.substring(1, range.length() - 1).split(":");
            lsb = Integer.parseInt(parts[1].trim());
            width = Integer.parseInt(parts[0].trim()) - lsb + 1;
        }
        if (lsb < 0 || width < 1 || lsb + width > reg.size()) {
            warn(e, "field '" + name + "' (bits " + (lsb + width - 1) + ":" + lsb + ") does not fit a " + reg.size() + "-bit register; left out");
            return Optional.empty();
        }
        Access access = Xml.text(e, "access").map(a -> access(e, a)).orElse(reg.access());
        WriteEffect effect = Xml.text(e, "modifiedWriteValues").map(w -> writeEffect(e, w)).orElse(WriteEffect.NONE);
        return Optional.of(new Field(name, Xml.text(e, "description").map(Xml::oneLine).orElse(""), lsb, width, access, effect, enumValues(e)));
    }

    /** The enumerated values of a field: every <enumeratedValues> block (read and write), duplicates once. */
    private List<EnumValue> enumValues(Element field) {
        Map<String, EnumValue> out = new LinkedHashMap<>();
        for (Element block : Xml.children(field, "enumeratedValues")) {
            Element values = block;
            String d = block.getAttribute("derivedFrom");
            if (!d.isEmpty()) {
                values = enumerations.get(d.substring(d.lastIndexOf('.') + 1));
                if (values == null) throw error(block, "enumeratedValues derivedFrom '" + d + "', which names no enumeratedValues");
            }
            for (Element v : Xml.children(values, "enumeratedValue")) {
                Optional<String> text = Xml.text(v, "value");
                if (text.isEmpty() || text.get().trim().toLowerCase().contains("x")
                        && !text.get().trim().toLowerCase().startsWith("0x")) continue;   // isDefault, or don't-care bits
                String name = required(v, "name");
                out.putIfAbsent(name, new EnumValue(name, Xml.text(v, "description").map(Xml::oneLine).orElse(""), number(v, "value")));
            }
        }
        return new ArrayList<>(out.values());
    }

    private Props props(Element e, Props outer) {
        int size = Xml.child(e, "size").isPresent() ? (int) number(e, "size") : outer.size();
        Access access = Xml.text(e, "access").map(a -> access(e, a)).orElse(outer.access());
        long reset = Xml.child(e, "resetValue").isPresent() ? number(e, "resetValue") : outer.reset();
        return new Props(size, access, reset);
    }

    private Access access(Element e, String text) {
        for (Access a : Access.values()) if (a.svdName.equals(text.trim())) return a;
        if (text.trim().equals("write")) {
            warn(e, "access 'write' is not SVD; read as write-only");
            return Access.WRITE_ONLY;
        }
        throw error(e, "unknown access '" + text.trim() + "' (read-only, write-only, read-write, writeOnce, read-writeOnce)");
    }

    private WriteEffect writeEffect(Element e, String text) {
        return switch (text.trim()) {
            case "oneToClear" -> WriteEffect.ONE_TO_CLEAR;
            case "oneToSet" -> WriteEffect.ONE_TO_SET;
            case "oneToToggle" -> WriteEffect.ONE_TO_TOGGLE;
            case "zeroToClear" -> WriteEffect.ZERO_TO_CLEAR;
            case "zeroToSet" -> WriteEffect.ZERO_TO_SET;
            case "zeroToToggle" -> WriteEffect.ZERO_TO_TOGGLE;
            case "clear" -> WriteEffect.CLEAR;
            case "set" -> WriteEffect.SET;
            case "modify" -> WriteEffect.MODIFY;
            default -> throw error(e, "unknown modifiedWriteValues '" + text.trim() + "'");
        };
    }

    String required(Element e, String tag) {
        return Xml.text(e, tag).map(String::trim).orElseThrow(() -> error(e, "<" + e.getTagName() + "> has no <" + tag + ">"));
    }

    /** An SVD scaled non-negative integer: decimal, 0x hexadecimal or # binary. */
    long number(Element e, String tag) {
        String t = required(e, tag);
        Element at = Xml.child(e, tag).orElse(e);
        try {
            String s = t.trim().toLowerCase();
            if (s.startsWith("0x")) return Long.parseUnsignedLong(s.substring(2), 16);
            if (s.startsWith("#")) return Long.parseUnsignedLong(s.substring(1), 2);
            if (s.startsWith("0b")) return Long.parseUnsignedLong(s.substring(2), 2);
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException ex) {
            throw error(at, "<" + tag + "> must be a number, found '" + t.trim() + "'");
        }
    }

    /** A defect of the file that the reader works around (vendor files are stored unchanged). */
    private void warn(Element e, String detail) {
        warnings.add(file + ":" + XmlLines.line(e) + ":" + Math.max(1, XmlLines.column(e)) + ": " + detail);
    }

    SvdException error(Element e, String detail) {
        return new SvdException(file, e == null ? 0 : XmlLines.line(e), e == null ? 0 : XmlLines.column(e), detail);
    }
}
