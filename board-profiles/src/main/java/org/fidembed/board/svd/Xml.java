// Small DOM helpers for the SVD reader: direct children by tag, trimmed text of a child, all
// descendants by tag, and one-line descriptions.
package org.fidembed.board.svd;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class Xml {
    private Xml() { }

    static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element e) out.add(e);
        return out;
    }

    static List<Element> children(Element parent, String tag) {
        return elements(parent).stream().filter(e -> e.getTagName().equals(tag)).toList();
    }

    static Optional<Element> child(Element parent, String tag) {
        return children(parent, tag).stream().findFirst();
    }

    static Optional<String> text(Element parent, String tag) {
        return child(parent, tag).map(e -> e.getTextContent().trim());
    }

    static List<Element> all(Element root, String tag) {
        NodeList list = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    /** A description on one line: runs of white space (and the literal "\n" some vendors write) become one space. */
    static String oneLine(String s) {
        return s.replace("\\n", " ").replaceAll("\\s+", " ").trim();
    }
}
