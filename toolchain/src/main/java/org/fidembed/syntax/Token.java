// A token of the F# subset with its position and the layout facts the offside rule needs
// (first on its line, whitespace before it).
package org.fidembed.syntax;

import org.fidembed.diag.Loc;

public record Token(Kind kind, String text, Loc loc, int offset, int end, boolean firstOnLine, boolean spaceBefore,
                    Object value, String suffix) {

    /** VIRTUAL: a token the offside rule inserts (block begin/end/separator, end of a let or match). */
    public enum Kind { IDENT, KEYWORD, INT, FLOAT, CHAR, STRING, OP, PUNCT, TYVAR, EOF, VIRTUAL }

    public int line() { return loc.line(); }
    public int col() { return loc.col(); }

    public boolean is(Kind k, String t) { return kind == k && text.equals(t); }
    public boolean isKeyword(String t) { return kind == Kind.KEYWORD && text.equals(t); }
    public boolean isPunct(String t) { return kind == Kind.PUNCT && text.equals(t); }
    public boolean isOp(String t) { return kind == Kind.OP && text.equals(t); }
    public boolean isVirtual(String t) { return kind == Kind.VIRTUAL && text.equals(t); }
    public boolean isVirtual() { return kind == Kind.VIRTUAL; }
    /** Punctuation or operator with this text. */
    public boolean isSym(String t) { return (kind == Kind.PUNCT || kind == Kind.OP) && text.equals(t); }

    @Override public String toString() { return kind + "(" + text + ")@" + loc.line() + ":" + loc.col(); }
}
