// Parses XML into a DOM whose elements remember the line and column where they start (the JDK's DOM
// builder forgets them), so SVD errors can point into the file. No DTDs, no external entities.
package org.fidembed.board.svd;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

final class XmlLines {
    static final String LINE = "fid.line";
    static final String COLUMN = "fid.column";

    private XmlLines() { }

    static Document parse(String file, InputStream in) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            SAXParser parser = f.newSAXParser();
            parser.parse(in, new Builder(doc));
            return doc;
        } catch (SAXParseException e) {
            throw new SvdException(file, e.getLineNumber(), e.getColumnNumber(), "not well-formed XML: " + e.getMessage());
        } catch (Exception e) {
            throw new SvdException(file, 0, 0, "cannot read the file: " + e.getMessage());
        }
    }

    static int line(Node n) {
        Object o = n.getUserData(LINE);
        return o instanceof Integer i ? i : 0;
    }

    static int column(Node n) {
        Object o = n.getUserData(COLUMN);
        return o instanceof Integer i ? i : 0;
    }

    private static final class Builder extends DefaultHandler {
        private final Document doc;
        private final Deque<Node> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;

        Builder(Document doc) {
            this.doc = doc;
            open.push(doc);
        }

        @Override public void setDocumentLocator(Locator l) { this.locator = l; }

        @Override public void startElement(String uri, String local, String qName, Attributes atts) {
            flush();
            Element e = doc.createElement(qName);
            for (int i = 0; i < atts.getLength(); i++) e.setAttribute(atts.getQName(i), atts.getValue(i));
            if (locator != null) {
                e.setUserData(LINE, locator.getLineNumber(), null);
                e.setUserData(COLUMN, locator.getColumnNumber(), null);
            }
            open.peek().appendChild(e);
            open.push(e);
        }

        @Override public void endElement(String uri, String local, String qName) {
            flush();
            open.pop();
        }

        @Override public void characters(char[] ch, int start, int length) { text.append(ch, start, length); }

        private void flush() {
            if (text.length() > 0 && open.peek() instanceof Element) open.peek().appendChild(doc.createTextNode(text.toString()));
            text.setLength(0);
        }
    }
}
