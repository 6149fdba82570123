// The offside rule of F#'s light syntax, as the F# spec defines it ("lexical filtering"): a stack of
// contexts that `let`, `type`, `module`, brackets, `match`/`with`, `then`/`else`, `->`, `fun`,
// `function`, `do` and infix tokens push, that offside tokens pop, and that insert the virtual tokens
// (block begin/end/separator, end of a let or of match rules) the parser reads instead of columns.
package org.fidembed.parse;

import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.parse.Offside.BlockEnd;
import org.fidembed.parse.Offside.Ctx;
import org.fidembed.parse.Offside.K;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.fidembed.parse.Offside.*;

final class LexFilter {
    /** Deeper than this the program is rejected (the parser's own limit is lower). */
    private static final int MAX_CONTEXTS = 20_000;

    final List<Token> raw;
    final Diagnostics diags;
    int next = 0;
    final Deque<Token> delayed = new ArrayDeque<>();
    int noProcessing = 0;
    /** The offside stack; the head (innermost context) is the last element. */
    final List<Ctx> stack = new ArrayList<>();
    private final Undentation undentation = new Undentation();
    private final PushRules pushes = new PushRules(this);
    /** The layout errors, reported when the file is filtered (an unclosed bracket drops the ones after it). */
    final List<org.fidembed.diag.Diagnostic> errors = new ArrayList<>();

    LexFilter(List<Token> raw, Diagnostics diags) {
        this.raw = raw;
        this.diags = diags;
    }

    /** The filtered token stream of one file, ending with its EOF token. */
    static List<Token> filter(List<Token> raw, Diagnostics diags) {
        LexFilter f = new LexFilter(raw, diags);
        List<Token> out = new ArrayList<>(raw.size() * 3 / 2);
        Token first = f.popNext();
        f.delay(first);
        f.stack.add(Ctx.seqBlock(true, first, BlockEnd.NONE));
        while (true) {
            Token t = f.fetch(true);
            out.add(t);
            if (t.kind() == Kind.EOF) {
                f.errors.forEach(diags::add);
                return out;
            }
        }
    }

    // ================================================================ token supply

    Token popNext() {
        if (!delayed.isEmpty()) return delayed.pop();
        Token t = raw.get(Math.min(next, raw.size() - 1));
        if (next < raw.size()) next++;
        return t;
    }

    void delay(Token t) { delayed.push(t); }
    void delayNoProcessing(Token t) { delay(t); noProcessing++; }

    Token peekNext() {
        Token t = popNext();
        delay(t);
        return t;
    }

    /** The k-th token after the current lookahead (0 = the next one), without consuming any. */
    Token peekAhead(int k) {
        List<Token> taken = new ArrayList<>();
        for (int i = 0; i <= k; i++) taken.add(popNext());
        for (int i = taken.size() - 1; i >= 0; i--) delay(taken.get(i));
        return taken.get(k);
    }

    /** Stands at a closing token's place after it was returned, so that closing rules apply there. */
    static Token dummy(Token t) {
        return new Token(Kind.VIRTUAL, "ODUMMY", t.loc(), t.offset(), t.offset(), t.firstOnLine(), t.spaceBefore(), t, "");
    }

    static boolean isDummy(Token t) { return t.kind() == Kind.VIRTUAL && t.text().equals("ODUMMY"); }

    /** A dummy stands for the token it was made from when a continuator is asked about. */
    static Token unwrap(Token t) { return isDummy(t) ? (Token) t.value() : t; }

    // ================================================================ the stack

    Ctx head() { return stack.isEmpty() ? null : stack.get(stack.size() - 1); }
    /** The k-th context from the head (0 = head), or null. */
    Ctx at(int k) { int i = stack.size() - 1 - k; return i >= 0 ? stack.get(i) : null; }
    boolean headIs(K k) { Ctx h = head(); return h != null && h.kind() == k; }

    void push(Ctx c) {
        if (stack.size() >= MAX_CONTEXTS) {
            diags.error(c.loc(), "this program is nested too deeply (more than " + MAX_CONTEXTS + " levels)");
            throw new CompileAbort();
        }
        stack.add(c);
    }

    Ctx pop() {
        Ctx h = stack.remove(stack.size() - 1);
        // the rules of `match ... with` end the match too
        if (h.is(K.MATCH_CLAUSES) && headIs(K.MATCH)) stack.remove(stack.size() - 1);
        return h;
    }

    void replace(Ctx c) { pop(); tryPush(c, false); }

    /** Pushes a context, reporting it when it starts left of the limit that the contexts below set. */
    boolean tryPush(Ctx c, boolean ignoreIndent) {
        if (!ignoreIndent && c.kind() != K.VANILLA) {
            Undentation.Limit limit = undentation.limit(c, stack);
            if (c.col() < limit.col()) reportOffside(c, limit);
        }
        push(c);
        return true;
    }

    int lastOffsideLine = -1;

    void reportOffside(Ctx c, Undentation.Limit limit) { reportOffside(c, limit, limit.ctx().describe()); }

    void reportOffside(Ctx c, Undentation.Limit limit, String what) {
        if (c.line() == lastOffsideLine) return;  // one report per line: the rest follow from it
        lastOffsideLine = c.line();
        Ctx by = limit.ctx();
        boolean align = by.is(K.SEQ_BLOCK);
        errors.add(org.fidembed.diag.Diagnostic.error(c.loc(), "this is offside of " + what + " at line " + by.line() + ", column " + by.col()
                + (align ? ": align it with that item" : ": indent it to column " + limit.col() + " or further")));
    }

    /**
     * Pushes a block that starts at the next token (reported when that is offside; at the end of the
     * file the parser reports the missing expression instead), with a block-begin token when it ends
     * with a block-end token.
     */
    void pushSeqBlock(BlockEnd end) {
        Token at = peekNext();
        Ctx c = Ctx.seqBlock(true, at, end);
        if (at.kind() == Kind.EOF) push(c); else tryPush(c, false);
        if (end == BlockEnd.ADD) delay(virtual(BLOCK_BEGIN, at.loc(), at.offset(), at.loc()));
    }

    // ================================================================ the rules

    Token virtualAt(String name, Token at, Ctx closed) {
        return virtual(name, at.loc(), at.offset(), closed == null ? null : closed.loc());
    }

    /** Returns tok after putting it back, with the virtual token v in front of it. */
    Token insert(String v, Token tok, Ctx closed) {
        delay(tok);
        return virtualAt(v, tok, closed);
    }

    static String endTokenFor(Ctx c) {
        return switch (c.kind()) {
            case FUN, MATCH_CLAUSES, WITH_AS_LET -> END;
            case WITH_AS_AUGMENT, DO -> DECL_END;
            case LET_DECL -> c.flag() ? DECL_END : null;
            case SEQ_BLOCK -> switch (c.end()) {
                case ADD -> BLOCK_END;
                case ONE_SIDED -> RIGHT_BLOCK_END;
                case NONE -> null;
            };
            case MODULE_HEAD -> c.flag() ? BLOCK_SEP : null;
            default -> null;
        };
    }

    /** The next token of the filtered stream. */
    Token fetch(boolean useBlockRule) {
        while (true) {
            Token tok = popNext();
            if (noProcessing > 0) { noProcessing--; return tok; }
            if (tok.firstOnLine() && PushRules.startsDeclaration(tok) && pushes.closeUnclosedBrackets(tok)) continue;
            Token r = closingRules(tok);
            if (r == AGAIN) continue;
            if (r != null) return r;
            r = offsideRules(tok, useBlockRule);
            if (r == AGAIN) continue;
            if (r == AGAIN_WITHOUT_BLOCK_RULE) { useBlockRule = false; continue; }
            if (r != null) return r;
            r = pushes.pushingRules(tok);
            if (r == AGAIN) continue;
            return r;
        }
    }

    /** Marks "the token was put back: process it again". */
    static final Token AGAIN = virtual("AGAIN", null, 0, null);
    private static final Token AGAIN_WITHOUT_BLOCK_RULE = virtual("AGAIN_NB", null, 0, null);

    Token reprocess(Token tok) { delay(tok); return AGAIN; }

    /** Balancing rules: closing tokens end the contexts they close, and the heads of modules and namespaces. */
    Token closingRules(Token tok) {
        Ctx h = head();
        if (h == null) return null;
        if (Balancing.forcesHeadClosure(tok, stack)) {
            Ctx c = pop();
            String end = endTokenFor(c);
            return end != null ? insert(end, tok, c) : reprocess(tok);
        }
        if (kw(tok, "in") && h.is(K.LET_DECL)) {
            pop();
            delay(dummy(tok));
            // the end of a let written with 'in' remembers it (at module level that is an error)
            return h.flag() ? new Token(Kind.VIRTUAL, DECL_END, tok.loc(), tok.offset(), tok.offset(), false, true, h.loc(), "in") : tok;
        }
        if (kw(tok, "done") && h.is(K.DO)) {
            pop();
            delay(virtualAt(DECL_END, tok, h));
            return AGAIN;
        }
        if (closesParen(tok) && h.is(K.PAREN) && parensBalance(h.tok(), tok)) {
            pop();
            delay(dummy(tok));
            return tok;
        }
        if (kw(tok, "end") && h.is(K.WITH_AS_AUGMENT) && tok.col() + 1 > h.col()) {
            pop();
            delay(dummy(tok));
            return virtualAt(END, tok, h);
        }
        if (h.is(K.NAMESPACE_HEAD)) return namespaceHead(tok, h);
        if (h.is(K.MODULE_HEAD)) return moduleHead(tok, h);
        return null;
    }

    Token namespaceHead(Token tok, Ctx h) {
        Token prev = h.tok();
        boolean right = h.col() < colOf(tok);
        if (right && (kw(prev, "namespace") || sym(prev, ".") || kw(prev, "rec") || kw(prev, "global"))
                && (kw(tok, "rec") || tok.kind() == Kind.IDENT || kw(tok, "global"))) {
            stack.set(stack.size() - 1, h.withHead(tok, false));
            return tok;
        }
        if (right && prev.kind() == Kind.IDENT && sym(tok, ".")) {
            stack.set(stack.size() - 1, h.withHead(tok, false));
            return tok;
        }
        pop();
        if (tok.kind() == Kind.EOF) return tok;
        delay(tok);
        push(Ctx.of(K.NAMESPACE_BODY, tokAt(h)));
        Token at = peekNext();
        push(Ctx.seqBlock(true, at, BlockEnd.ADD));
        delay(virtual(BLOCK_BEGIN, at.loc(), at.offset(), at.loc()));
        return AGAIN;
    }

    /** A token standing at a context's start, for pushing a context at that position. */
    static Token tokAt(Ctx c) { return new Token(Kind.PUNCT, "", c.loc(), 0, 0, false, true, null, ""); }

    Token moduleHead(Token tok, Ctx h) {
        Token prev = h.tok();
        boolean right = h.col() < colOf(tok);
        if (h.lexingAttributes() && right) {
            if (sym(tok, ">]")) stack.set(stack.size() - 1, h.withHead(prev, false));
            return tok;
        }
        if (right && kw(prev, "module") && (kw(tok, "public") || kw(tok, "private") || kw(tok, "internal"))) return tok;
        if (right && ((kw(prev, "module") && kw(tok, "global"))
                || ((kw(prev, "module") || kw(prev, "rec") || sym(prev, ".")) && (kw(tok, "rec") || tok.kind() == Kind.IDENT))
                || (prev.kind() == Kind.IDENT && sym(tok, ".")))) {
            stack.set(stack.size() - 1, h.withHead(tok, false));
            return tok;
        }
        if (right && kw(prev, "module") && sym(tok, "[<")) {
            stack.set(stack.size() - 1, h.withHead(prev, true));
            return tok;
        }
        if (sym(tok, "=") || sym(tok, ":")) {
            pop();
            push(Ctx.of(K.MODULE_BODY, tokAt(h), false));
            pushSeqBlock(BlockEnd.ADD);
            return tok;
        }
        if (stack.size() == 2 && at(1).is(K.SEQ_BLOCK)) {
            // the first declaration of a file: `module A.B` spans the whole file
            pop();
            if (tok.kind() == Kind.EOF) return tok;
            delay(tok);
            push(Ctx.of(K.MODULE_BODY, tokAt(h), true));
            pushSeqBlock(BlockEnd.ADD);
            return AGAIN;
        }
        pop();
        return insert(BLOCK_SEP, tok, h);
    }

    /** The rules that pop contexts a token is offside of, and that separate the items of a block. */
    Token offsideRules(Token tok, boolean useBlockRule) {
        Ctx h = head();
        if (h == null) return null;
        int col = colOf(tok);
        Token t = unwrap(tok);
        boolean relax = isDummy(tok) && closesParen(t);
        switch (h.kind()) {
            case SEQ_BLOCK -> { return seqBlockRules(tok, h, col, useBlockRule); }
            case VANILLA -> { if (col <= h.col()) { pop(); return reprocess(tok); } return null; }
            case LET_DECL -> {
                if (h.flag() && (relax || isLetContinuator(t) ? col + 1 : col) <= h.col()) { pop(); return insert(DECL_END, tok, h); }
                return null;
            }
            case DO -> { if ((isDoContinuator(t) ? col + 1 : col) <= h.col()) { pop(); return insert(DECL_END, tok, h); } return null; }
            case INTERFACE_HEAD -> { return popIf((relax || isInterfaceContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case TYPE_DEFNS -> { return popIf((relax || isTypeContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case MODULE_BODY -> { return popIf((relax ? col + 1 : col) <= h.col(), tok); }
            case NAMESPACE_BODY -> { return popIf((relax || isNamespaceContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case EXCEPTION, MEMBER_HEAD, WHEN, ELSE -> { return popIf((relax ? col + 1 : col) <= h.col(), tok); }
            case MEMBER_BODY -> { if (col <= h.col()) { pop(); return insert(DECL_END, tok, h); } return null; }
            case IF -> { return popIf((relax || isIfContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case WITH_AS_LET -> { if ((relax || isLetContinuator(t) ? col + 1 : col) <= h.col()) { pop(); return insert(END, tok, h); } return null; }
            case WITH_AS_AUGMENT -> {
                if ((relax || isWithAugmentContinuator(t) ? col + 1 : col) <= h.col()) { pop(); return insert(DECL_END, tok, h); }
                return null;
            }
            case MATCH -> { return popIf((relax || isMatchContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case FOR -> { return popIf((relax || isForContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case WHILE -> { return popIf((relax || isDoContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case FUN -> { if (col <= h.col()) { pop(); return insert(END, tok, h); } return null; }
            case FUNCTION -> { return popIf(col <= h.col(), tok); }
            case TRY -> { return popIf((relax || isTryContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case THEN -> { return popIf((relax || isThenContinuator(t) ? col + 1 : col) <= h.col(), tok); }
            case MATCH_CLAUSES -> { return matchClausesRule(tok, t, h, col); }
            default -> { return null; }
        }
    }

    Token popIf(boolean offside, Token tok) {
        if (!offside) return null;
        pop();
        return reprocess(tok);
    }

    Token matchClausesRule(Token tok, Token t, Ctx h, int col) {
        boolean leadingBar = h.flag();
        boolean close;
        if (sym(tok, "|")) {
            boolean c1 = col + (leadingBar ? 0 : 2) < h.col();
            boolean c2 = col + (leadingBar ? 1 : 2) < h.col();
            if (c1 != c2) diags.error(tok.loc(), "the '|' of this rule is misaligned by one column with the rules before it; align it with them");
            close = c1;
        } else close = col + (leadingBar ? -1 : 1) < h.col();
        if (!close) return null;
        pop();
        return insert(END, tok, h);
    }

    Token seqBlockRules(Token tok, Ctx h, int col, boolean useBlockRule) {
        Ctx rest = at(1);
        Token t = unwrap(tok);
        boolean semiSemi = sym(tok, ";;");
        int grace;
        if (sym(tok, "|") && rest != null && rest.is(K.TYPE_DEFNS)) grace = 2;
        else if (rest != null && rest.is(K.TYPE_DEFNS) && h.col() == rest.col() && !isTypeSeqBlockElementContinuator(t)) grace = -1;
        else if (rest != null && rest.is(K.NAMESPACE_BODY) && h.col() == rest.col() && kw(tok, "namespace")) grace = -1;
        else grace = isInfix(tok) && !isAdjacentPrefix(tok, peekNext()) ? tok.text().length() + 1 : 0;
        boolean endsFile = rest != null && (rest.is(K.NAMESPACE_BODY) || (rest.is(K.MODULE_BODY) && rest.flag()));
        if ((semiSemi && !endsFile) || col + grace < h.col()) {
            if (rest != null && rest.isParen("{") && tok.firstOnLine() && tok.line() != h.line() && isFieldStart(tok)) {
                // the fields of a record align: `{ X = 1` / ` Y = 2 }` would make Y an argument of 1 (a continuation
                // left of the first field is valid F# otherwise, e.g. an operator or an argument)
                reportOffside(Ctx.of(K.VANILLA, tok), new Undentation.Limit(h, h.col()), "the first item after '" + rest.tok().text() + "'");
            }
            pop();
            return switch (h.end()) {
                case ADD -> insert(BLOCK_END, tok, h);
                case ONE_SIDED -> insert(RIGHT_BLOCK_END, tok, h);
                case NONE -> reprocess(tok);
            };
        }
        if (!h.flag() && sym(tok, ">]")) {
            // an attribute's end: the declaration below it is the first of a new item
            stack.set(stack.size() - 1, h.withFlag(true));
            delay(tok);
            return AGAIN_WITHOUT_BLOCK_RULE;
        }
        if (h.flag() && useBlockRule) {
            stack.set(stack.size() - 1, h.withFlag(false));
            delay(tok);
            return AGAIN_WITHOUT_BLOCK_RULE;
        }
        if (!h.flag() && useBlockRule && col == h.col() && tok.line() != h.line()) {
            boolean continues;
            if (rest != null && rest.is(K.NAMESPACE_BODY)) continues = kw(t, "namespace");
            else if (rest != null && rest.is(K.TYPE_DEFNS)) continues = isTypeSeqBlockElementContinuator(t);
            else continues = isSeqBlockElementContinuator(t) && !isAdjacentPrefix(t, peekNext());
            if (!continues && tok.kind() != Kind.EOF) {
                stack.set(stack.size() - 1, h.withFlag(true));
                return insert(BLOCK_SEP, tok, null);
            }
        }
        return null;
    }

    /** `Name =` or `Name :` at the lookahead: a record field's start. */
    boolean isFieldStart(Token tok) {
        if (tok.kind() != Kind.IDENT) return false;
        Token n = peekNext();
        return sym(n, "=") || sym(n, ":");
    }

    boolean isSameLine(Token tok) {
        if (tok.kind() == Kind.EOF) return false;
        return peekNext().line() == tok.line();
    }

    boolean isControlFlowOrNotSameLine(Token tok) {
        if (tok.kind() == Kind.EOF) return false;
        if (!isSameLine(tok)) return true;
        Token n = peekNext();
        return kw(n, "try") || kw(n, "match") || kw(n, "if") || kw(n, "let") || kw(n, "use") || kw(n, "for") || kw(n, "while");
    }

    /** `x =` or `x.y.z =` at the lookahead: a field of a record expression. */
    boolean isLongIdentEquals(Token tok) {
        if (tok.kind() != Kind.IDENT) return false;
        int k = 0;
        while (true) {
            Token n = peekAhead(k);
            if (sym(n, "=")) return true;
            if (!sym(n, ".")) return false;
            if (peekAhead(k + 1).kind() != Kind.IDENT) return false;
            k += 2;
        }
    }












}
