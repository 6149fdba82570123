// A source file as the compiler sees it: its display name, its text and line starts, so that
// diagnostics can quote the offending line and point at a column.
package org.fidembed.diag;

import java.util.ArrayList;
import java.util.List;

public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;
    private final boolean prelude;

    public SourceFile(String name, String text, boolean prelude) {
        this.name = name;
        this.text = text;
        this.prelude = prelude;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String name() { return name; }
    public String text() { return text; }
    public boolean isPrelude() { return prelude; }
    public int lineCount() { return lineStarts.length; }

    /** The text of a 1-based line, without its line end. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int s = lineStarts[line - 1];
        int e = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (e > s && text.charAt(e - 1) == '\r') e--;
        return text.substring(s, Math.max(s, e));
    }

    @Override public String toString() { return name; }
}
