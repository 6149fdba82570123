// SVD dim elements: "NAME[%s]" is one array element (count and stride), "NAME%s" a list of registers
// (or clusters, or fields) named by dimIndex ("0-3", "A-D" or "A,B,C"), each dimIncrement further on.
package org.fidembed.board.svd;

import org.fidembed.board.svd.Svd.Array;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class Dims {
    /** One thing to make from an element: its name, extra offset, and array shape if it is an array. */
    record Instance(String name, long offset, Optional<Array> array) { }

    private Dims() { }

    static List<Instance> of(SvdReader r, Element e) {
        String name = r.required(e, "name");
        if (Xml.child(e, "dim").isEmpty()) {
            if (name.contains("%s")) throw r.error(e, "'" + name + "' has %s but no <dim>");
            return List.of(new Instance(name, 0, Optional.empty()));
        }
        int count = (int) r.number(e, "dim");
        long stride = Xml.child(e, "dimIncrement").isPresent() ? r.number(e, "dimIncrement") : 0;
        if (name.endsWith("[%s]")) return List.of(new Instance(name.substring(0, name.length() - 4), 0, Optional.of(new Array(count, stride))));
        if (!name.contains("%s")) throw r.error(e, "'" + name + "' has <dim> but no %s in its name");
        List<String> indices = indices(r, e, count);
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(new Instance(name.replace("%s", indices.get(i)), i * stride, Optional.empty()));
        return out;
    }

    private static List<String> indices(SvdReader r, Element e, int count) {
        Optional<String> text = Xml.text(e, "dimIndex");
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            for (int i = 0; i < count; i++) out.add(Integer.toString(i));
            return out;
        }
        String t = text.get().replaceAll("\\s", "");
        if (t.matches("\\d+-\\d+")) {
            String[] p = t.split("-");
            for (int i = Integer.parseInt(p[0]); i <= Integer.parseInt(p[1]); i++) out.add(Integer.toString(i));
        } else if (t.matches("[A-Z]-[A-Z]")) {
            for (char c = t.charAt(0); c <= t.charAt(2); c++) out.add(String.valueOf(c));
        } else {
            out.addAll(List.of(t.split(",")));
        }
        if (out.size() != count) throw r.error(e, "dimIndex '" + text.get() + "' gives " + out.size() + " names for dim " + count);
        return out;
    }
}
