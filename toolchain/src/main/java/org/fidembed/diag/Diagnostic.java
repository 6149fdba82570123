// A diagnostic is a value: severity, location, message and an optional hint. Phases collect them;
// the driver prints them once, sorted, with the source line and a caret.
package org.fidembed.diag;

public record Diagnostic(Severity severity, Loc loc, String message, String hint) implements Comparable<Diagnostic> {
    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(Loc loc, String message) { return new Diagnostic(Severity.ERROR, loc, message, null); }
    public static Diagnostic warning(Loc loc, String message) { return new Diagnostic(Severity.WARNING, loc, message, null); }

    public boolean isError() { return severity == Severity.ERROR; }

    /** `FILE:LINE:COL: error: MESSAGE`, then the source line and a caret, then the hint. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(loc.fileName()).append(':').append(loc.line()).append(':').append(loc.col()).append(": ")
          .append(severity == Severity.ERROR ? "error" : "warning").append(": ").append(message).append('\n');
        if (loc.file() != null && loc.line() > 0) {
            String src = loc.file().line(loc.line());
            int col = loc.col() - 1;
            // a long line is shown as a window around the column
            if (src.length() > 120) {
                int from = Math.max(0, Math.min(col - 60, src.length() - 120));
                int to = Math.min(src.length(), from + 120);
                String window = src.substring(from, to);
                src = (from > 0 ? "..." : "") + window + (to < src.length() ? "..." : "");
                col = col - from + (from > 0 ? 3 : 0);
            }
            sb.append("    ").append(src).append('\n');
            StringBuilder pad = new StringBuilder("    ");
            for (int i = 0; i < col && i < src.length(); i++) pad.append(src.charAt(i) == '\t' ? '\t' : ' ');
            sb.append(pad).append("^\n");
        }
        if (hint != null) sb.append("    hint: ").append(hint).append('\n');
        return sb.toString();
    }

    @Override public int compareTo(Diagnostic o) {
        int c = loc.fileName().compareTo(o.loc.fileName());
        if (c != 0) return c;
        c = Integer.compare(loc.line(), o.loc.line());
        if (c != 0) return c;
        return Integer.compare(loc.col(), o.loc.col());
    }
}
