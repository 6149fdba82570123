// The permitted undentations of F#'s offside rule: for a context about to be pushed, the column its
// first token must reach, set by the contexts below it (e.g. a `fun` body may start left of the `fun`
// down to the enclosing `let`; the rules of `function` may align with the `let` above them).
package org.fidembed.parse;

import org.fidembed.parse.Offside.Ctx;
import org.fidembed.parse.Offside.K;

import java.util.List;

final class Undentation {
    /** The column a new context must start at or right of, and the context that sets it. */
    record Limit(Ctx ctx, int col) { }

    private static final String[] EXPR_PARENS = {"(", "{", "[", "[|", "begin"};

    /** stack: the offside stack with its head last. */
    Limit limit(Ctx newCtx, List<Ctx> stack) {
        return limit(newCtx, stack, stack.size() - 1, true);
    }

    private static Ctx at(List<Ctx> s, int i) { return i >= 0 ? s.get(i) : null; }
    private static boolean is(Ctx c, K k) { return c != null && c.is(k); }
    private static Limit on(Ctx c) { return new Limit(c, c.col()); }
    private static Limit right(Ctx c) { return new Limit(c, c.col() + 1); }

    /** i: the index of the context to look at (the head first, then outwards). */
    private Limit limit(Ctx n, List<Ctx> s, int i, boolean strict) {
        while (true) {
            Ctx c0 = at(s, i), c1 = at(s, i - 1), c2 = at(s, i - 2), c3 = at(s, i - 3);
            if (c0 == null) return new Limit(n, -1);
            K k = c0.kind();
            boolean newSeq = n.is(K.SEQ_BLOCK) && n.flag();
            if (k == K.VANILLA) { i--; continue; }                       // a block always follows
            if (newSeq && k == K.DO && is(c1, K.SEQ_BLOCK) && (is(c2, K.TYPE_DEFNS) || is(c2, K.MODULE_BODY))) return right(c0);
            if (newSeq && k == K.WITH_AS_AUGMENT && is(c1, K.TYPE_DEFNS)) return right(c1);
            if ((k == K.SEQ_BLOCK || k == K.PAREN) && !strict) { i--; continue; }
            // `(match` and `begin match` are limited by the nearer of the two
            if (k == K.MATCH && is(c1, K.SEQ_BLOCK) && c2 != null && c2.isParen("(", "begin")) return c0.col() <= c2.col() ? on(c0) : on(c2);
            if (k == K.MATCH_CLAUSES && is(c1, K.MATCH) && is(c2, K.SEQ_BLOCK) && c3 != null && c3.isParen("(", "begin"))
                return c0.col() <= c3.col() ? on(c0) : on(c3);
            // `let f x = function` / `| ...` may align with the `let`
            if (n.is(K.MATCH_CLAUSES) && k == K.FUNCTION && is(c1, K.SEQ_BLOCK) && is(c2, K.LET_DECL)) return on(c2);
            if (n.is(K.MATCH_CLAUSES) && k == K.FUNCTION) { i--; strict = false; continue; }
            if (k == K.MATCH_CLAUSES && is(c1, K.TRY)) return on(c1);
            if (k == K.MATCH_CLAUSES && is(c1, K.MATCH)) return on(c1);
            if (k == K.FUN) { i--; strict = false; continue; }
            // brackets place no limit of their own: their contents may undent to what encloses them
            if (c0.isParen(EXPR_PARENS)) { i--; strict = false; continue; }
            if (k == K.SEQ_BLOCK && c1 != null && c1.isParen(EXPR_PARENS)) { i -= 2; strict = false; continue; }
            // `if c then x else` / `let y = ...`: the block after a dangling `else` may align with the `if`
            if (n.is(K.SEQ_BLOCK) && k == K.ELSE && is(c1, K.IF)) return on(c1);
            if (n.is(K.WITH_AS_AUGMENT) && (k == K.INTERFACE_HEAD || k == K.MEMBER_HEAD || k == K.EXCEPTION || k == K.TYPE_DEFNS)) return on(c0);
            // `then`, `else`, `do`, `with` that dangle place no limit until the construct that leads them
            if (k == K.WITH_AS_AUGMENT || k == K.THEN || k == K.ELSE || k == K.DO || k == K.FUNCTION) { i--; strict = false; continue; }
            if (c0.isParen("sig", "struct") && is(c1, K.SEQ_BLOCK) && is(c2, K.MODULE_BODY) && !c2.flag()) return right(c2);
            if (c0.isParen("class", "struct", "interface") && is(c1, K.SEQ_BLOCK) && is(c2, K.TYPE_DEFNS)) return right(c2);
            if (k == K.WITH_AS_LET && is(c1, K.MEMBER_HEAD)) return right(c1);
            // `if ... then ... elif ... else` may align with the `if`; `while ...` / `do` with the `while`
            if ((n.is(K.IF) || n.is(K.ELSE) || n.is(K.THEN)) && k == K.IF) return on(c0);
            if (n.is(K.DO) && (k == K.FOR || k == K.WHILE)) return on(c0);
            return switch (k) {
                case INTERFACE_HEAD, NAMESPACE_HEAD, MODULE_HEAD, EXCEPTION, IF, WITH_AS_LET, LET_DECL, MEMBER_HEAD, MEMBER_BODY -> right(c0);
                case MODULE_BODY -> c0.flag() ? on(c0) : right(c0);
                default -> on(c0);
            };
        }
    }
}
