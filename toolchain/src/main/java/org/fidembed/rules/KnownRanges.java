// Known ranges of integer expressions inside one function (language.md §15.4): constants, small
// integer types, loop variables with known bounds, immutable lets, and arithmetic by constants.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.typeck.Program;
import org.fidembed.types.*;
import org.fidembed.types.Typed.*;
import org.fidembed.types.Typed;

import java.util.*;

final class KnownRanges {
    private KnownRanges() { }

    static TExpr letValue(TExpr e, LocalVar v) {
        if (e instanceof Let l && l.v() == v) return l.value();
        TExpr[] found = {null};
        TreeWalk.children(e, c -> { if (found[0] == null) found[0] = letValue(c, v); });
        return found[0];
    }

    /** The known range of integer expressions inside one function (language.md §15.4), or null. */
    static final class RangeEval {
        private final GlobalVal fn;
        RangeEval(GlobalVal fn) { this.fn = fn; }

        long[] range(TExpr e) {
            Object c = ConstEval.eval(e);
            if (c instanceof Long v) return new long[]{v, v};
            Type t = Type.prune(e.type());
            if (t instanceof Type.Prim p) {
                switch (p.kind()) {
                    case BYTE: return new long[]{0, 255};
                    case SBYTE: return new long[]{-128, 127};
                    case INT16: return new long[]{-32768, 32767};
                    case UINT16, CHAR: return new long[]{0, 65535};
                    default: break;
                }
            }
            if (e instanceof LocalRef l && !l.v().mutable) {
                long[] r = forRange(fn.body, l.v());
                if (r != null) return r;
                TExpr bound = letValue(fn.body, l.v());
                if (bound != null) return range(bound);
                return null;
            }
            if (e instanceof Prim pr && pr.args().size() == 2) {
                Object k = ConstEval.eval(pr.args().get(1));
                if (k instanceof Long kv) {
                    if ((pr.op() == Builtin.MOD || pr.op() == Builtin.BAND) && kv >= 0) {
                        return pr.op() == Builtin.MOD ? new long[]{-(kv - 1), kv - 1} : new long[]{0, kv};
                    }
                    long[] a = range(pr.args().get(0));
                    if (a == null) return null;
                    switch (pr.op()) {
                        case ADD: return fits(new long[]{a[0] + kv, a[1] + kv}, e.type());
                        case SUB: return fits(new long[]{a[0] - kv, a[1] - kv}, e.type());
                        case MUL: return fits(kv >= 0 ? new long[]{a[0] * kv, a[1] * kv} : new long[]{a[1] * kv, a[0] * kv}, e.type());
                        case DIV: return kv > 0 ? new long[]{a[0] / kv, a[1] / kv} : null;
                        default: return null;
                    }
                }
            }
            return null;
        }

        private static long[] fits(long[] r, Type t) {
            Type p = Type.prune(t);
            if (p instanceof Type.Prim pr && pr.kind().bits <= 32) {
                long min = pr.kind().isSigned() ? -(1L << (pr.kind().bits - 1)) : 0;
                long max = pr.kind().isSigned() ? (1L << (pr.kind().bits - 1)) - 1 : (1L << pr.kind().bits) - 1;
                if (r[0] < min || r[1] > max) return null;
            }
            return r;
        }

        /** The range of a for-loop variable whose bounds have known ranges. */
        private long[] forRange(TExpr e, LocalVar v) {
            if (e instanceof For f && f.v() == v) {
                long[] a = range(f.from()), b = range(f.to());
                if (a == null || b == null) return null;
                return new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])};
            }
            long[][] found = {null};
            TreeWalk.children(e, c -> { if (found[0] == null) found[0] = forRange(c, v); });
            return found[0];
        }
    }
}
