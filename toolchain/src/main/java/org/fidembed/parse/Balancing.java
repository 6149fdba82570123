// The balancing rules of the offside filter: which closing token ends which context ('in' a 'let',
// 'done' a 'do', ')' a '(', 'else' an 'if', 'with' a 'match'...), and when a closing token forces
// the contexts above its partner to close first.
package org.fidembed.parse;

import org.fidembed.parse.Offside.Ctx;
import org.fidembed.parse.Offside.K;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.List;

import static org.fidembed.parse.Offside.*;

final class Balancing {
    private Balancing() { }

    /** Whether tok closes the context at index i of the stack (head last) directly. */
    static boolean balances(Token tok, List<Ctx> s, int i) {
        if (i < 0) return false;
        Ctx c0 = s.get(i), c1 = i > 0 ? s.get(i - 1) : null;
        K k = c0.kind();
        if (kw(tok, "end") && k == K.WITH_AS_AUGMENT) return true;
        if ((kw(tok, "else") || kw(tok, "elif")) && k == K.IF) return true;
        if (kw(tok, "done") && k == K.DO) return true;
        if (kw(tok, "with")) {
            switch (k) {
                case MATCH, EXCEPTION, MEMBER_HEAD, INTERFACE_HEAD, TRY, TYPE_DEFNS, MEMBER_BODY -> { return true; }
                case SEQ_BLOCK -> { return c1 != null && c1.isParen("{"); }
                default -> { return false; }
            }
        }
        if (kw(tok, "finally") && k == K.TRY) return true;
        if (kw(tok, "in") && (k == K.FOR || k == K.LET_DECL)) return true;
        if (sym(tok, ";;") && k == K.SEQ_BLOCK && c1 != null && (c1.is(K.NAMESPACE_BODY) || (c1.is(K.MODULE_BODY) && c1.flag()))) return true;
        return k == K.PAREN && parensBalance(c0.tok(), tok);
    }

    /** Closing tokens end every context above the one they balance; the end of the file ends all. */
    static boolean forcesHeadClosure(Token tok, List<Ctx> s) {
        if (s.isEmpty()) return false;
        int head = s.size() - 1;
        if (tok.kind() == Kind.EOF) return true;
        if (sym(tok, ";;")) return !balances(tok, s, head);
        boolean closing = closesParen(tok) || kw(tok, "else") || kw(tok, "elif") || kw(tok, "done") || kw(tok, "in")
                || kw(tok, "with") || kw(tok, "finally");
        if (!closing || balances(tok, s, head)) return false;
        // only when some context further out balances it: otherwise the parser reports the stray token
        for (int i = head - 1; i >= 0; i--) if (balances(tok, s, i)) return true;
        return false;
    }
}
