// A source file as the compiler sees it: its display name, its text and line starts, so that
// diagnostics can quote the offending line and point at a column. A file known only by its name
// (a board profile, an image) has no text, and its diagnostics show no source line.
package org.fidembed.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;
    private final boolean prelude;

    public SourceFile(String name, String text, boolean prelude) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.prelude = prelude;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A file known by its name only: diagnostics in it name the place but quote no line. */
    public static SourceFile named(String name) { return new SourceFile(name, "", false); }

    public String name() { return name; }
    public String text() { return text; }
    public boolean isPrelude() { return prelude; }
    public boolean hasText() { return !text.isEmpty(); }
    public int lineCount() { return lineStarts.length; }

    /** The text of a 1-based line, without its line end. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int s = lineStarts[line - 1];
        int e = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (e > s && text.charAt(e - 1) == '\r') e--;
        return text.substring(s, Math.max(s, e));
    }

    /** Equal when name, text and kind are: two handles on the same file compare equal. */
    @Override public boolean equals(Object o) {
        return o instanceof SourceFile f && f.name.equals(name) && f.prelude == prelude && f.text.equals(text);
    }

    @Override public int hashCode() { return name.hashCode(); }

    @Override public String toString() { return name; }
}
