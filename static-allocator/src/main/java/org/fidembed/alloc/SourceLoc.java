// A position in a source file (1-based line and column) that the caller attaches to objects,
// functions and call sites, so that every diagnostic and report line can point back at the program.
package org.fidembed.alloc;

import java.util.Comparator;
import java.util.Objects;

public record SourceLoc(String file, int line, int column) implements Comparable<SourceLoc> {
    /** For things that have no place in the user's sources (the reset stub, runtime helpers). */
    public static final SourceLoc NONE = new SourceLoc("<builtin>", 0, 0);

    private static final Comparator<SourceLoc> ORDER = Comparator.comparing(SourceLoc::file)
            .thenComparingInt(SourceLoc::line).thenComparingInt(SourceLoc::column);

    public SourceLoc {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) throw new IllegalArgumentException("negative line or column: " + line + ":" + column);
    }

    public static SourceLoc of(String file, int line, int column) { return new SourceLoc(file, line, column); }

    @Override public int compareTo(SourceLoc o) { return ORDER.compare(this, o); }

    /** Whether this names a place in a source file (not {@link #NONE}). */
    public boolean known() { return line > 0; }

    /** FILE:LINE:COL, or just the file's name when there is no line (the reset stub is "<builtin>"). */
    @Override public String toString() { return known() ? file + ":" + line + ":" + column : file; }
}
