// A diagnostic is a value: severity, location, message, an optional hint and, for memory overflows,
// the full report. Every module returns them; the driver and the CLI print them once, sorted, with
// the source line and a caret when the text is known.
package org.fidembed.diag;

import java.util.Objects;

public record Diagnostic(Severity severity, Loc loc, String message, String hint, String report)
        implements Comparable<Diagnostic> {
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(loc, "loc");
        Objects.requireNonNull(message, "message");
    }

    public Diagnostic(Severity severity, Loc loc, String message, String hint) { this(severity, loc, message, hint, null); }

    public static Diagnostic error(Loc loc, String message) { return new Diagnostic(Severity.ERROR, loc, message, null); }
    public static Diagnostic warning(Loc loc, String message) { return new Diagnostic(Severity.WARNING, loc, message, null); }
    public static Diagnostic error(Loc loc, String message, String hint) { return new Diagnostic(Severity.ERROR, loc, message, hint); }
    public static Diagnostic warning(Loc loc, String message, String hint) { return new Diagnostic(Severity.WARNING, loc, message, hint); }

    /** The same diagnostic carrying a full report (what an overflow error shows, since nothing links). */
    public Diagnostic withReport(String fullReport) { return new Diagnostic(severity, loc, message, hint, fullReport); }

    public boolean isError() { return severity == Severity.ERROR; }

    public String file() { return loc.fileName(); }
    public int line() { return loc.line(); }
    public int column() { return loc.col(); }

    /** {@code FILE:LINE:COL: error: MESSAGE} ({@code FILE: error: ...} when there is no line). */
    public String headline() { return headline(Style.PLAIN); }

    public String headline(Style style) {
        String kind = severity == Severity.ERROR ? style.error("error") : style.warning("warning");
        String where = loc.known() ? loc.fileName() + ":" + loc.line() + ":" + loc.col() : loc.fileName();
        return style.bold(where + ":") + " " + kind + ": " + message;
    }

    /** The headline, then the source line and a caret (when the text is known), then the hint. */
    public String render() { return render(Style.PLAIN); }

    public String render(Style style) {
        StringBuilder sb = new StringBuilder(headline(style)).append('\n');
        if (loc.file() != null && loc.file().hasText() && loc.line() > 0) {
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
            sb.append(pad).append(style.caret("^")).append('\n');
        }
        if (hint != null) sb.append("    hint: ").append(hint).append('\n');
        return sb.toString();
    }

    /** By file, line and column; diagnostics at one place keep the order they were made in (stable sorts). */
    @Override public int compareTo(Diagnostic o) { return loc.compareTo(o.loc); }

    @Override public String toString() { return headline(); }
}
