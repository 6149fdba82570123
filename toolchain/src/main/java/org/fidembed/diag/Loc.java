// A position in a source file (1-based line and column) carried by tokens, trees and diagnostics.
package org.fidembed.diag;

public record Loc(SourceFile file, int line, int col) {
    public static final Loc NONE = new Loc(null, 0, 0);

    public String fileName() { return file == null ? "<builtin>" : file.name(); }

    @Override public String toString() { return fileName() + ":" + line + ":" + col; }
}
