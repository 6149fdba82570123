// printf format strings, parsed at compile time: literal text and %[flags][width][.precision]conversion
// specifications, each with the source location of its '%' for diagnostics.
package org.fidembed.types;

import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;

import java.util.ArrayList;
import java.util.List;

public record Format(List<Segment> segments) {

    public sealed interface Segment permits Text, Spec { }
    public record Text(String text) implements Segment { }
    public record Spec(Loc loc, boolean minus, boolean zero, boolean plus, boolean space, int width, int precision, char conv) implements Segment {
        public boolean isInteger() { return "diuxXoB".indexOf(conv) >= 0; }
        public boolean isFloat() { return "fFeE".indexOf(conv) >= 0; }
    }

    public List<Spec> specs() {
        List<Spec> out = new ArrayList<>();
        for (Segment s : segments) if (s instanceof Spec sp) out.add(sp);
        return out;
    }

    /** Parses value (the string's contents); raw is its text as written, loc the position of its first character. */
    public static Format parse(String value, String raw, Loc loc, Diagnostics diags) {
        Loc[] locs = locations(value, raw, loc);
        List<Segment> segs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '%') { text.append(c); i++; continue; }
            Loc at = locs[i];
            if (i + 1 < value.length() && value.charAt(i + 1) == '%') { text.append('%'); i += 2; continue; }
            int j = i + 1;
            boolean minus = false, zero = false, plus = false, space = false;
            while (j < value.length() && "-0+ ".indexOf(value.charAt(j)) >= 0) {
                switch (value.charAt(j)) {
                    case '-' -> minus = true;
                    case '0' -> zero = true;
                    case '+' -> plus = true;
                    default -> space = true;
                }
                j++;
            }
            int width = -1, precision = -1;
            if (j < value.length() && value.charAt(j) == '*') {
                diags.error(at, "'*' widths are not supported by fid-embed; write the width in the format");
                return new Format(segs);
            }
            while (j < value.length() && Character.isDigit(value.charAt(j))) {
                width = (width < 0 ? 0 : width) * 10 + (value.charAt(j) - '0');
                j++;
            }
            if (j < value.length() && value.charAt(j) == '.') {
                j++;
                precision = 0;
                if (j < value.length() && value.charAt(j) == '*') {
                    diags.error(at, "'*' precisions are not supported by fid-embed; write the precision in the format");
                    return new Format(segs);
                }
                while (j < value.length() && Character.isDigit(value.charAt(j))) { precision = precision * 10 + (value.charAt(j) - '0'); j++; }
            }
            if (j >= value.length()) {
                diags.error(at, "this format specification is not finished: '%' needs a conversion such as %d");
                return new Format(segs);
            }
            char conv = value.charAt(j);
            switch (conv) {
                case 'd', 'i', 'u', 'x', 'X', 'o', 'B', 'c', 's', 'b', 'f', 'F', 'e', 'E' -> { }
                case 'A', 'a' -> { diags.error(at, "%" + conv + " formats by reflection; use a specific format such as %d"); return new Format(segs); }
                case 'O' -> { diags.error(at, "%O formats by reflection; use a specific format such as %d"); return new Format(segs); }
                case 'g', 'G' -> { diags.error(at, "'%" + conv + "' is not supported by fid-embed; use %f or %e"); return new Format(segs); }
                case 't', 'M' -> { diags.error(at, "'%" + conv + "' is not supported by fid-embed"); return new Format(segs); }
                default -> { diags.error(at, "'%" + conv + "' is not a valid format specification"); return new Format(segs); }
            }
            if (minus && zero) diags.error(at, "flags '-' and '0' cannot be combined");
            if ("scb".indexOf(conv) >= 0 && (zero || plus || space)) diags.error(at, "the flags '0', '+' and ' ' are not allowed with %" + conv);
            if (precision >= 0 && !(conv == 'f' || conv == 'F' || conv == 'e' || conv == 'E')) diags.error(at, "a precision is only allowed with %f and %e");
            if (text.length() > 0) { segs.add(new Text(text.toString())); text.setLength(0); }
            segs.add(new Spec(at, minus, zero, plus, space, width, precision, conv));
            i = j + 1;
        }
        if (text.length() > 0) segs.add(new Text(text.toString()));
        return new Format(segs);
    }

    /** The source location of each character of a string's value, from its raw text. */
    static Loc[] locations(String value, String raw, Loc start) {
        Loc[] out = new Loc[value.length() + 1];
        if (raw == null || start == null || start.file() == null) {
            java.util.Arrays.fill(out, start);
            return out;
        }
        int line = start.line(), col = start.col();
        int p = 0;
        boolean verbatim = false, triple = false;
        if (raw.startsWith("\"\"\"")) { triple = true; p = 3; col += 3; }
        else if (raw.startsWith("@\"")) { verbatim = true; p = 2; col += 2; }
        else { p = 1; col += 1; }
        int v = 0;
        while (v < value.length() && p < raw.length()) {
            out[v] = new Loc(start.file(), line, col);
            char c = raw.charAt(p);
            int consumed = 1, produced = 1;
            if (!triple && !verbatim && c == '\\' && p + 1 < raw.length()) {
                char e = raw.charAt(p + 1);
                if (e == 'u') consumed = 6;
                else if (e == 'U') { consumed = 10; produced = Character.charCount((int) Long.parseLong(raw.substring(p + 2, Math.min(raw.length(), p + 10)), 16)); }
                else if (e == 'x') consumed = 4;
                else if (Character.isDigit(e) && p + 3 < raw.length() && Character.isDigit(raw.charAt(p + 2)) && Character.isDigit(raw.charAt(p + 3))) consumed = 4;
                else if (e == '\n') { consumed = 2; produced = 0; }
                else consumed = 2;
            } else if (verbatim && c == '"') consumed = 2;
            for (int k = 0; k < produced && v < value.length(); k++) { out[v] = out[v] == null ? new Loc(start.file(), line, col) : out[v]; v++; }
            for (int k = 0; k < consumed && p < raw.length(); k++) {
                if (raw.charAt(p) == '\n') { line++; col = 1; } else col++;
                p++;
            }
        }
        for (int k = 0; k < out.length; k++) if (out[k] == null) out[k] = new Loc(start.file(), line, col);
        return out;
    }
}
