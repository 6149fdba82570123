// The parser's view of one file: the token stream after the offside filter, a position in it, and
// the shared means of reporting a syntax error once, at the token that cannot continue, in words
// that name what was expected (and, for a token the layout cut off, where its block began).
package org.fidembed.parse;

import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.List;

import static org.fidembed.parse.Offside.*;

final class TokenCursor {
    /** Nesting of expressions, patterns and types beyond which a program is rejected (later phases recurse on it). */
    static final int MAX_DEPTH = 400;
    /** Longest chain of operators, applications or statements one expression may have. */
    static final int MAX_CHAIN = 5000;

    final Diagnostics diags;
    private final List<Token> toks;
    private int i = 0;
    private int depth = 0;

    /** Thrown on a syntax error after it is reported; declarations resynchronise on it. */
    static final class SyntaxError extends RuntimeException {
        SyntaxError() { super(null, null, false, false); }
    }

    TokenCursor(List<Token> toks, Diagnostics diags) {
        this.toks = toks;
        this.diags = diags;
        this.earlier = diags.all().size();
    }

    // ---------------------------------------------------------------- access

    Token peek() { return toks.get(i); }
    Token peek(int k) { return toks.get(Math.min(i + k, toks.size() - 1)); }
    Token previous() { return toks.get(Math.max(0, i - 1)); }
    Token advance() { Token t = toks.get(i); if (t.kind() != Kind.EOF) i++; return t; }
    int mark() { return i; }
    void reset(int m) { i = m; }
    Loc loc() { return peek().loc() == null ? previous().loc() : peek().loc(); }

    boolean atSym(String s) { return sym(peek(), s); }
    boolean atKw(String k) { return kw(peek(), k); }
    boolean atVirtual(String v) { return peek().isVirtual(v); }
    boolean atEof() { return peek().kind() == Kind.EOF; }

    boolean acceptSym(String s) { if (atSym(s)) { advance(); return true; } return false; }
    boolean acceptKw(String k) { if (atKw(k)) { advance(); return true; } return false; }
    boolean acceptVirtual(String v) { if (atVirtual(v)) { advance(); return true; } return false; }

    /** Whether the next token follows the previous one with no space between them. */
    boolean adjacentToPrevious() { return i > 0 && peek().offset() == previous().end() && !previous().isVirtual(); }
    boolean adjacent(int k) { Token a = peek(k - 1), b = peek(k); return a.end() == b.offset() && !a.isVirtual() && !b.isVirtual(); }

    /** Skips item separators: ';' and the layout's separators, in any combination. */
    boolean acceptSeps() {
        boolean any = false;
        while (atSym(";") || atVirtual(BLOCK_SEP)) { advance(); any = true; }
        return any;
    }

    /** Splits the token t at the cursor after n characters ('>>' into '>' '>'), keeping both in the stream. */
    void splitFirst(Token t, int n) {
        Loc l = t.loc();
        Token first = new Token(Kind.OP, t.text().substring(0, n), l, t.offset(), t.offset() + n, t.firstOnLine(), t.spaceBefore(), null, "");
        String rest = t.text().substring(n);
        Kind k = rest.equals("]") || rest.equals(">]") || rest.equals("|]") ? Kind.PUNCT : Kind.OP;
        Token second = new Token(k, rest, new Loc(l.file(), l.line(), l.col() + n), t.offset() + n, t.end(), false, false, null, "");
        toks.set(i, first);
        toks.add(i + 1, second);
    }

    // ---------------------------------------------------------------- expectations

    Token expectSym(String s) {
        if (atSym(s)) return advance();
        throw error(peek(), "expected '" + s + "' but found " + describe(peek()));
    }

    Token expectKw(String k) {
        if (atKw(k)) return advance();
        throw error(peek(), "expected '" + k + "' but found " + describe(peek()));
    }

    String expectIdent(String what) {
        Token t = peek();
        if (t.kind() == Kind.IDENT) { advance(); return t.text(); }
        throw error(t, "expected " + what + " but found " + describe(t));
    }

    /** The end of a block the layout opened: every block-begin has one. */
    void expectBlockEnd(String construct) {
        if (acceptVirtual(BLOCK_END)) return;
        throw error(peek(), "unexpected " + describe(peek()) + " in " + construct);
    }

    // ---------------------------------------------------------------- errors

    /**
     * One error per root cause. Syntax errors wait in a list until the declaration they are in ends;
     * then the first is reported, unless the lexer or the offside rule already reported an error
     * inside that declaration (those come first: they were found before parsing began).
     */
    private final java.util.List<org.fidembed.diag.Diagnostic> pending = new java.util.ArrayList<>();
    private final int earlier;

    /** Starts a declaration: returns what {@link #endDeclaration} needs. */
    int[] startDeclaration() { Loc l = loc(); return new int[] {pending.size(), l.line(), l.col()}; }

    void endDeclaration(int[] start) {
        if (pending.size() <= start[0]) return;
        org.fidembed.diag.Diagnostic first = pending.get(start[0]);
        Loc end = loc();
        boolean explained = false;
        for (int k = 0; k < earlier; k++) {
            var d = diags.all().get(k);
            Loc l = d.loc();
            if (d.isError() && l.file() == first.loc().file() && after(l, start[1], start[2]) && !after(l, end.line(), end.col() + 1)) explained = true;
        }
        while (pending.size() > start[0]) pending.remove(pending.size() - 1);
        if (!explained) diags.add(first);
    }

    private static boolean after(Loc l, int line, int col) { return l.line() > line || (l.line() == line && l.col() >= col); }

    /** Reports a syntax error (held until its declaration ends) and returns the exception to throw. */
    SyntaxError error(Token t, String message) {
        report(locOf(t), message);
        return new SyntaxError();
    }

    void report(Loc at, String message) {
        pending.add(org.fidembed.diag.Diagnostic.error(at, message));
    }

    /** Reports what is still held (errors outside any declaration, e.g. in a file's header). */
    void flush() {
        for (var d : pending) diags.add(d);
        pending.clear();
    }

    /** A virtual token has no text of its own: errors at it point at the token it stands before. */
    Loc locOf(Token t) {
        if (t.loc() != null) return t.loc();
        return previous().loc();
    }

    String describe(Token t) {
        if (t.isVirtual()) {
            // the layout ended a block here: say so, with the token that did it
            Token real = nextReal();
            String at = real.kind() == Kind.EOF ? "end of file" : "'" + real.text() + "'";
            return switch (t.text()) {
                case BLOCK_SEP -> at + " (a new line at the column of the block; indent it further to continue the line above)";
                case BLOCK_BEGIN -> "the start of a block";
                default -> at + (real.kind() == Kind.EOF ? "" : " (it is offside of the block it would continue: indent it further)");
            };
        }
        return switch (t.kind()) {
            case EOF -> "end of file";
            case STRING -> "string literal";
            case INT, FLOAT -> "number " + t.text();
            case CHAR -> "character literal";
            case KEYWORD -> "keyword '" + t.text() + "'";
            default -> "'" + t.text() + "'";
        };
    }

    private Token nextReal() {
        for (int k = i; k < toks.size(); k++) if (!toks.get(k).isVirtual()) return toks.get(k);
        return toks.get(toks.size() - 1);
    }

    // ---------------------------------------------------------------- nesting and recovery

    void enter() {
        if (++depth > MAX_DEPTH) {
            diags.error(loc(), "this expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
            throw new CompileAbort();
        }
    }

    void leave() { depth--; }

    /**
     * After a syntax error inside the declaration that starts at declStart: skips to the separator
     * before the next declaration of the same block (or to that block's end), using the balance of
     * the layout's begin and end tokens, which the offside filter always pairs.
     */
    void skipToNextDeclaration(int declStart) {
        i = declStart;
        int level = 0;
        while (!atEof()) {
            Token t = peek();
            if (t.isVirtual(BLOCK_BEGIN)) level++;
            else if (t.isVirtual(BLOCK_END)) { if (level == 0) return; level--; }
            else if (t.isVirtual(BLOCK_SEP) && level == 0) return;
            advance();
        }
    }

    /** Skips a bracketed run up to its closing token (used where a rejected construct's contents are of no interest). */
    void skipBalanced(String open, String close) {
        int d = 0;
        while (!atEof()) {
            Token t = advance();
            if (sym(t, open)) d++;
            else if (sym(t, close)) { d--; if (d <= 0) return; }
        }
    }
}
