// The rules of the offside filter that push contexts: keywords (let, type, module, if/then/else,
// match/with, function, fun, for, while, do, try, members), brackets, `=` of bindings and fields,
// `->` and `<-` that open blocks, and infix tokens that end a line. They run after the popping rules.
package org.fidembed.parse;

import org.fidembed.diag.Loc;
import org.fidembed.parse.Offside.BlockEnd;
import org.fidembed.parse.Offside.Ctx;
import org.fidembed.parse.Offside.K;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.fidembed.parse.Offside.*;

final class PushRules {
    private final LexFilter f;

    PushRules(LexFilter f) { this.f = f; }

    /** The rules that push contexts: keywords, brackets, `=`, `->`, `<-`, infix tokens at a line's end. */
    Token pushingRules(Token tok) {
        Ctx h = f.head();
        if (h == null) return tok;
        if (LexFilter.isDummy(tok)) return LexFilter.AGAIN;
        if (tok.kind() == Kind.VIRTUAL) return tok;
        if (tok.kind() == Kind.KEYWORD) {
            Token r = keywordRules(tok, h);
            if (r != null) return r;
        }
        if (sym(tok, "=")) {
            Token r = equalsRules(tok, h);
            if (r != null) return r;
        }
        if (opensParen(tok) || kw(tok, "sig")) {
            f.push(Ctx.paren(tok));
            f.pushSeqBlock(BlockEnd.NONE);
            return tok;
        }
        if (sym(tok, "->") && arrowStartsBlock()) {
            f.pushSeqBlock(BlockEnd.ONE_SIDED);
            return tok;
        }
        if (sym(tok, "<-") && f.isControlFlowOrNotSameLine(tok)) {
            f.pushSeqBlock(BlockEnd.ADD);
            return tok;
        }
        if (isInfix(tok) && !f.isSameLine(tok) && !h.is(K.MATCH_CLAUSES)) {
            f.pushSeqBlock(BlockEnd.NONE);
            return tok;
        }
        if (h.is(K.SEQ_BLOCK)) {
            boolean field = f.isLongIdentEquals(tok);
            f.tryPush(new Ctx(K.VANILLA, tok.line(), colOf(tok), tok.loc(), field, BlockEnd.NONE, tok, false, false), true);
        }
        return tok;
    }

    boolean arrowStartsBlock() {
        Ctx h = f.head(), r = f.at(1);
        switch (h.kind()) {
            case WHILE, FOR, WHEN, MATCH_CLAUSES, FUN -> { return true; }
            case SEQ_BLOCK -> {
                if (r == null) return false;
                if (r.isParen("[", "{", "[|")) return true;
                return switch (r.kind()) {
                    case DO, WHILE, FOR, WHEN, MATCH_CLAUSES, TRY, THEN, ELSE -> true;
                    default -> false;
                };
            }
            default -> { return false; }
        }
    }

    Token equalsRules(Token tok, Ctx h) {
        switch (h.kind()) {
            case LET_DECL -> { f.pushSeqBlock(BlockEnd.ADD); return tok; }
            case TYPE_DEFNS -> {
                f.pop();
                f.tryPush(h.withEquals(), true);
                f.pushSeqBlock(BlockEnd.ADD);
                return tok;
            }
            case MEMBER_HEAD -> {
                f.pop();
                f.push(new Ctx(K.MEMBER_BODY, h.line(), h.col(), h.loc(), false, BlockEnd.NONE, null, false, false));
                f.pushSeqBlock(BlockEnd.ADD);
                return tok;
            }
            case WITH_AS_LET -> { return recordFieldEquals(tok); }
            case VANILLA -> {
                Ctx s = f.at(1), w = f.at(2);
                if (h.flag() && s != null && s.is(K.SEQ_BLOCK) && w != null && (w.is(K.WITH_AS_LET) || w.isParen("{"))) return recordFieldEquals(tok);
                return null;
            }
            default -> { return null; }
        }
    }

    /** `{ X = ...` and `{ r with X = ...`: a block only when the value starts on a later line or is control flow. */
    Token recordFieldEquals(Token tok) {
        f.pushSeqBlock(f.isControlFlowOrNotSameLine(tok) ? BlockEnd.ADD : BlockEnd.NONE);
        return tok;
    }

    /** The keywords of declarations and bindings: namespace, module, type, let, members, do, struct. */
    Token keywordRules(Token tok, Ctx h) {
        switch (tok.text()) {
            case "namespace" -> { f.push(Ctx.head(K.NAMESPACE_HEAD, tok, tok, false, false)); return tok; }
            case "module" -> {
                boolean nested = !(f.stack.size() == 1 && h.is(K.SEQ_BLOCK));
                return keywordAfterClosingExpressions(tok, Ctx.head(K.MODULE_HEAD, tok, tok, false, nested));
            }
            case "type" -> { return keywordAfterClosingExpressions(tok, Ctx.of(K.TYPE_DEFNS, tok)); }
            case "exception" -> { f.push(Ctx.of(K.EXCEPTION, tok)); return tok; }
            case "let", "use" -> {
                if (h.is(K.VANILLA) && h.tok() != null && sym(h.tok(), "[<") && h.line() == tok.line()) {
                    // [<Literal>] let X = 1 on one line: the attributes do not make the let an inner one
                    f.pop();
                    h = f.head();
                }
                if (h.is(K.MEMBER_HEAD)) {
                    f.pop();
                    f.push(new Ctx(K.LET_DECL, h.line(), h.col(), h.loc(), true, BlockEnd.NONE, null, false, false));
                    return tok;
                }
                f.tryPush(Ctx.of(K.LET_DECL, tok, h.is(K.SEQ_BLOCK) || h.is(K.MATCH_CLAUSES)), false);
                return tok;
            }
            case "val", "static", "abstract", "member", "override", "default" -> {
                if (!h.is(K.MEMBER_HEAD)) f.tryPush(Ctx.of(K.MEMBER_HEAD, tok), false);
                return tok;
            }
            case "public", "private", "internal" -> {
                if (!kw(f.peekNext(), "new")) return null;
                f.tryPush(Ctx.of(K.MEMBER_HEAD, tok), false);
                return tok;
            }
            case "new" -> {
                if (!sym(f.peekNext(), "(") || h.is(K.MEMBER_HEAD)) return null;
                f.tryPush(Ctx.of(K.MEMBER_HEAD, tok), false);
                return tok;
            }
            case "lazy", "assert" -> {
                if (f.isControlFlowOrNotSameLine(tok)) f.pushSeqBlock(BlockEnd.ADD);
                return tok;
            }
            case "struct" -> {
                Ctx r = f.at(1);
                if (h.is(K.SEQ_BLOCK) && r != null && (r.is(K.MODULE_BODY) || r.is(K.TYPE_DEFNS))) {
                    f.push(Ctx.paren(tok));
                    f.pushSeqBlock(BlockEnd.NONE);
                    return tok;
                }
                return null;
            }
            case "do" -> {
                f.tryPush(Ctx.of(K.DO, tok), false);
                f.pushSeqBlock(BlockEnd.ADD);
                return tok;
            }
            default -> { return controlKeywordRules(tok, h); }
        }
    }

    /** The keywords of control flow: with, finally, function, then, else, if, match, loops, fun, try. */
    private Token controlKeywordRules(Token tok, Ctx h) {
        switch (tok.text()) {
            case "with" -> { return withRules(tok, h); }
            case "finally" -> {
                if (h.is(K.TRY)) { f.pushSeqBlock(BlockEnd.ADD); return tok; }
                return null;
            }
            case "function" -> {
                Token n = f.peekNext();
                f.tryPush(Ctx.of(K.FUNCTION, tok), false);
                f.tryPush(Ctx.of(K.MATCH_CLAUSES, n, sym(n, "|")), false);
                return tok;
            }
            case "then" -> {
                f.tryPush(Ctx.of(K.THEN, tok), false);
                f.pushSeqBlock(BlockEnd.ADD);
                return tok;
            }
            case "else" -> { return elseRule(tok); }
            case "elif", "if" -> { f.tryPush(Ctx.of(K.IF, tok), false); return tok; }
            case "match" -> { f.tryPush(Ctx.of(K.MATCH, tok), false); return tok; }
            case "for" -> { f.tryPush(Ctx.of(K.FOR, tok), false); return tok; }
            case "while" -> { f.tryPush(Ctx.of(K.WHILE, tok), false); return tok; }
            case "when" -> {
                if (h.is(K.SEQ_BLOCK)) { f.tryPush(Ctx.of(K.WHEN, tok), false); return tok; }
                return null;
            }
            case "fun" -> { f.tryPush(Ctx.of(K.FUN, tok), false); return tok; }
            case "interface" -> { f.tryPush(Ctx.of(K.INTERFACE_HEAD, tok), false); return tok; }
            case "class" -> {
                f.push(Ctx.paren(tok));
                f.pushSeqBlock(BlockEnd.ADD);
                return tok;
            }
            case "try" -> {
                f.tryPush(Ctx.of(K.TRY, tok), false);
                f.pushSeqBlock(BlockEnd.ONE_SIDED);
                return tok;
            }
            default -> { return null; }
        }
    }

    Token elseRule(Token tok) {
        Token n = f.peekNext();
        if (kw(n, "if") && n.line() == tok.line()) {
            // `else if` on one line is `elif`: the block opens at the right place
            f.popNext();
            f.tryPush(Ctx.of(K.IF, tok), false);
            return new Token(Kind.KEYWORD, "elif", tok.loc(), tok.offset(), n.end(), tok.firstOnLine(), tok.spaceBefore(), null, "");
        }
        f.tryPush(Ctx.of(K.ELSE, tok), false);
        f.pushSeqBlock(BlockEnd.ADD);
        return tok;
    }

    Token withRules(Token tok, Ctx h) {
        if (h.is(K.TRY) || h.is(K.MATCH)) {
            Token n = f.peekNext();
            f.tryPush(Ctx.of(K.MATCH_CLAUSES, n, sym(n, "|")), false);
            return tok;
        }
        Ctx lim = null;
        switch (h.kind()) {
            case EXCEPTION, TYPE_DEFNS, MEMBER_HEAD, INTERFACE_HEAD, MEMBER_BODY -> lim = h;
            case SEQ_BLOCK -> { Ctx r = f.at(1); if (r != null && r.isParen("{")) lim = h; }
            default -> { }
        }
        if (lim != null) {
            Token n = f.peekNext();
            if (sym(n, "}") || n.kind() == Kind.IDENT || kw(n, "public") || kw(n, "private") || kw(n, "internal") || kw(n, "inline")) {
                Ctx at = colOf(n) > tok.col() + tok.text().length() ? Ctx.of(K.WITH_AS_LET, tok) : Ctx.of(K.WITH_AS_LET, f.tokAt(lim));
                f.push(at);
                f.popNext();
                boolean fields = f.isLongIdentEquals(n);
                f.delay(n);
                if (fields) f.pushSeqBlock(BlockEnd.NONE);
                return tok;
            }
            if (sym(n, "[<") && n.line() == tok.line()) { f.push(Ctx.of(K.WITH_AS_LET, tok)); return tok; }
            if (colOf(n) <= lim.col() && lim.is(K.INTERFACE_HEAD)) return tok;
            f.push(Ctx.of(K.WITH_AS_AUGMENT, f.tokAt(lim)));
            f.pushSeqBlock(BlockEnd.ADD);
            return tok;
        }
        f.push(Ctx.of(K.WITH_AS_AUGMENT, tok));
        f.pushSeqBlock(BlockEnd.ADD);
        return tok;
    }

    static boolean startsDeclaration(Token t) {
        return switch (t.text()) {
            case "let", "type", "module", "open", "exception", "namespace" -> t.kind() == Kind.KEYWORD;
            default -> false;
        };
    }

    /**
     * A declaration that starts at (or left of) the column of its module's declarations while a bracket
     * above is open: that bracket was never closed. It is reported once, and the contexts it left open
     * are closed with their end tokens, so that the declarations after it parse as they would.
     */
    boolean closeUnclosedBrackets(Token tok) {
        int decl = f.stack.size() - 1;
        while (decl > 0 && !(f.stack.get(decl).is(K.SEQ_BLOCK) && (f.stack.get(decl - 1).is(K.MODULE_BODY) || f.stack.get(decl - 1).is(K.NAMESPACE_BODY)))) decl--;
        if (colOf(tok) > f.stack.get(decl).col()) return false;
        Ctx open = null;
        for (int k = f.stack.size() - 1; k > decl; k--) if (f.stack.get(k).is(K.PAREN) && opensParen(f.stack.get(k).tok())) { open = f.stack.get(k); break; }
        if (open == null) return false;
        // the layout f.errors since the bracket follow from it
        Loc from = open.loc();
        f.errors.removeIf(e -> e.loc().line() > from.line() || (e.loc().line() == from.line() && e.loc().col() > from.col()));
        f.errors.add(org.fidembed.diag.Diagnostic.error(open.loc(), "this '" + open.tok().text() + "' is not closed: the declaration at line "
                + tok.line() + " starts before its closing '" + closerOf(open.tok().text()) + "'"));
        List<Token> ends = new ArrayList<>();
        while (f.stack.size() - 1 > decl) {
            Ctx c = f.pop();
            String end = f.endTokenFor(c);
            if (end != null && !end.equals(BLOCK_SEP)) ends.add(f.virtualAt(end, tok, c));
        }
        f.delay(tok);
        for (int i = ends.size() - 1; i >= 0; i--) f.delayNoProcessing(ends.get(i));
        return true;
    }

    static String closerOf(String open) {
        return switch (open) { case "(" -> ")"; case "{" -> "}"; case "[" -> "]"; case "[|" -> "|]"; default -> "end"; };
    }

    /**
     * `module` and `type` cannot stand inside an expression: the open brackets and blocks up to the
     * enclosing module or namespace are closed (the parser then reports the unclosed bracket once),
     * and the keyword follows the end tokens of those blocks without further rules.
     */
    Token keywordAfterClosingExpressions(Token tok, Ctx pushed) {
        List<Token> ends = new ArrayList<>();
        while (!f.stack.isEmpty() && !nextOuterIsModuleOrNamespace(f.stack.size() - 1)) {
            Ctx h = f.head();
            boolean expression = (h.is(K.PAREN) && opensParen(h.tok())) || h.is(K.SEQ_BLOCK) || h.is(K.VANILLA);
            if (!expression) break;
            f.pop();
            if (h.is(K.SEQ_BLOCK) && h.end() != BlockEnd.NONE)
                ends.add(f.virtualAt(h.end() == BlockEnd.ADD ? BLOCK_END : RIGHT_BLOCK_END, tok, h));
        }
        f.push(pushed);
        f.delayNoProcessing(tok);
        for (int i = ends.size() - 1; i >= 0; i--) f.delayNoProcessing(ends.get(i));
        return LexFilter.AGAIN;
    }

    boolean nextOuterIsModuleOrNamespace(int headIndex) {
        if (headIndex == 0) return true;
        Ctx below = f.stack.get(headIndex - 1);
        if (below.is(K.NAMESPACE_BODY) || below.is(K.MODULE_BODY)) return true;
        if (headIndex >= 2 && (below.isParen("begin", "struct")) && f.stack.get(headIndex - 2).is(K.SEQ_BLOCK))
            return nextOuterIsModuleOrNamespace(headIndex - 2);
        return false;
    }
}
