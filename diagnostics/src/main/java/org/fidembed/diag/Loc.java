// A position in a source file (1-based line and column) carried by tokens, trees, allocator objects,
// profile keys and image records, so that every diagnostic can point back at what the user wrote.
package org.fidembed.diag;

import java.util.Comparator;

public record Loc(SourceFile file, int line, int col) implements Comparable<Loc> {
    public static final Loc NONE = new Loc(null, 0, 0);

    private static final Comparator<Loc> ORDER = Comparator.comparing(Loc::fileName)
            .thenComparingInt(Loc::line).thenComparingInt(Loc::col);

    /** A place in a file known only by its name (a profile, an image, a source the caller does not hold). */
    public static Loc of(String fileName, int line, int col) {
        return new Loc(SourceFile.named(fileName), line, col);
    }

    /** The whole file, no line: {@code FILE: error: ...}. */
    public static Loc file(String fileName) {
        return of(fileName, 0, 0);
    }

    public String fileName() { return file == null ? "<builtin>" : file.name(); }

    /** Whether this names a line of a file (not {@link #NONE}, not a whole file). */
    public boolean known() { return line > 0; }

    @Override public int compareTo(Loc o) { return ORDER.compare(this, o); }

    /** FILE:LINE:COL, FILE:LINE without a column, or just the file's name when there is no line. */
    @Override public String toString() {
        if (line <= 0) return fileName();
        return col > 0 ? fileName() + ":" + line + ":" + col : fileName() + ":" + line;
    }
}
