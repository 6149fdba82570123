// Evaluates constant expressions (language.md §15.2) at compile time: literals, [<Literal>]s,
// immutable names bound to constants, and arithmetic on them, with the wrap-around of each type.
package org.fidembed.types;

import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed.*;

public final class ConstEval {
    private ConstEval() { }

    /** The value (Long, Double, Float, Boolean, Character, String) or null when e is not constant. */
    public static Object eval(TExpr e) { return eval(e, 0); }

    private static Object eval(TExpr e, int depth) {
        if (depth > 64) return null;
        if (e instanceof Const c) return c.value() == null ? null : c.value();
        if (e instanceof GlobalRef g) {
            if (g.g().literal && g.g().literalValue != null) return g.g().literalValue;
            if (!g.g().mutable && !g.g().isFunction() && g.g().body != null && isScalar(g.type())) return eval(g.g().body, depth + 1);
            return null;
        }
        if (e instanceof Prim p) {
            if (p.args().size() == 2) {
                Object a = eval(p.args().get(0), depth + 1), b = eval(p.args().get(1), depth + 1);
                if (a == null || b == null) return null;
                return binary(p.op(), a, b, Type.prune(p.args().get(0).type()));
            }
            if (p.args().size() == 1 && p.op() == Builtin.NEG) {
                Object a = eval(p.args().get(0), depth + 1);
                if (a instanceof Long l && Type.prune(p.type()) instanceof Type.Prim pr) return Type.normalize(-l, pr.kind());
                if (a instanceof Double d) return -d;
                if (a instanceof Float f) return -f;
            }
            return null;
        }
        return null;
    }

    private static boolean isScalar(Type t) {
        t = Type.prune(t);
        return t instanceof Type.Prim;
    }

    /** op applied to two constants of type t (null when it is not foldable, e.g. division by zero). */
    public static Object binary(Builtin op, Object a, Object b, Type t) {
        if (a instanceof String sa && b instanceof String sb && op == Builtin.ADD) return sa + sb;
        if (a instanceof Long x && b instanceof Long y && t instanceof Type.Prim p) {
            PrimKind k = p.kind();
            boolean signed = k.isSigned();
            int bits = k.bits;
            long r;
            switch (op) {
                case ADD -> r = x + y;
                case SUB -> r = x - y;
                case MUL -> r = x * y;
                case DIV -> { if (y == 0) return null; r = signed ? x / y : (bits == 64 ? Long.divideUnsigned(x, y) : x / y); }
                case MOD -> { if (y == 0) return null; r = signed ? x % y : (bits == 64 ? Long.remainderUnsigned(x, y) : x % y); }
                case BAND -> r = x & y;
                case BOR -> r = x | y;
                case BXOR -> r = x ^ y;
                case SHL -> r = x << (y & (bits - 1));
                case SHR -> r = signed ? x >> (y & (bits - 1)) : (bits == 64 ? x >>> (y & 63) : x >>> (y & (bits - 1)));
                default -> { return null; }
            }
            return Type.normalize(r, k);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return switch (op) { case ADD -> x + y; case SUB -> x - y; case MUL -> x * y; case DIV -> x / y; default -> null; };
        }
        return null;
    }
}
