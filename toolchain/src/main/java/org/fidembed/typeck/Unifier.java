// Unification of types, the traits operators put on type variables (arithmetic, equality, printf
// conversions) and their messages, let-generalisation with its levels, instantiation, and the defaulting
// of unresolved trait variables to int or float at the end of a declaration (F#'s weak resolution).
package org.fidembed.typeck;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.*;
import org.fidembed.types.Typed;
import org.fidembed.types.Symbols.*;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Type.Trait;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Typed.TPat;

import java.math.BigInteger;
import java.util.*;

final class Unifier {
    private final CheckContext cx;

    Unifier(CheckContext cx) { this.cx = cx; }

    /** Mismatch during unification. */
    static final class Mismatch extends RuntimeException {
        Mismatch() { super(null, null, false, false); }
    }

    /** A trait a concrete type does not satisfy. */
    static final class TraitFailure extends RuntimeException {
        final Type.Var var; final Type type; final Trait trait;
        TraitFailure(Type.Var v, Type t, Trait tr) { super(null, null, false, false); var = v; type = t; trait = tr; }
    }

    boolean sameType(Type a, Type b) { return Type.show(a).equals(Type.show(b)); }

    void unify(Type a, Type b) {
        a = Type.prune(a);
        b = Type.prune(b);
        if (a == b) return;
        if (a instanceof Type.Var va) { bind(va, b); return; }
        if (b instanceof Type.Var vb) { bind(vb, a); return; }
        if (a instanceof Type.Prim pa && b instanceof Type.Prim pb) {
            if (pa.kind() != pb.kind()) throw new Mismatch();
            if ((pa.measure() != null || pb.measure() != null) && !Measures.unify(pa.measure(), pb.measure())) throw new Mismatch();
            return;
        }
        if (a instanceof Type.Fun fa && b instanceof Type.Fun fb) { unify(fa.arg(), fb.arg()); unify(fa.result(), fb.result()); return; }
        if (a instanceof Type.Tuple ta && b instanceof Type.Tuple tb) {
            if (ta.elems().size() != tb.elems().size() || ta.struct() != tb.struct()) throw new Mismatch();
            for (int k = 0; k < ta.elems().size(); k++) unify(ta.elems().get(k), tb.elems().get(k));
            return;
        }
        if (a instanceof Type.Array aa && b instanceof Type.Array ab) { unify(aa.elem(), ab.elem()); return; }
        if (a instanceof Type.Named na && b instanceof Type.Named nb && na.def() == nb.def()) {
            for (int k = 0; k < na.args().size(); k++) unify(na.args().get(k), nb.args().get(k));
            return;
        }
        throw new Mismatch();
    }

    void bind(Type.Var v, Type t) {
        if (occurs(v, t)) throw new Mismatch();
        if (v.fromError) poison(t);
        if (t instanceof Type.Var tv) {
            tv.isMeasure |= v.isMeasure;
            tv.traits.addAll(v.traits);
            if (tv.traitLoc == null) { tv.traitLoc = v.traitLoc; tv.traitOp = v.traitOp; }
            tv.level = Math.min(tv.level, v.level);
            if (tv.name == null) tv.name = v.name;
            v.link = tv;
            return;
        }
        for (Trait tr : v.traits) if (!Predef.satisfies(t, tr)) throw new TraitFailure(v, t, tr);
        adjustLevels(t, v.level);
        v.link = t;
    }

    boolean occurs(Type.Var v, Type t) {
        t = Type.prune(t);
        if (t == v) return true;
        if (t instanceof Type.Fun f) return occurs(v, f.arg()) || occurs(v, f.result());
        if (t instanceof Type.Tuple tu) { for (Type e : tu.elems()) if (occurs(v, e)) return true; return false; }
        if (t instanceof Type.Array a) return occurs(v, a.elem());
        if (t instanceof Type.Named n) { for (Type e : n.args()) if (occurs(v, e)) return true; }
        if (t instanceof Type.Prim p && p.measure() != null) return Measures.normalize(p.measure()).units().containsKey(v);
        return false;
    }

    void adjustLevels(Type t, int lvl) {
        t = Type.prune(t);
        if (t instanceof Type.Var v) { if (v.level > lvl) v.level = lvl; }
        else if (t instanceof Type.Fun f) { adjustLevels(f.arg(), lvl); adjustLevels(f.result(), lvl); }
        else if (t instanceof Type.Tuple tu) tu.elems().forEach(e -> adjustLevels(e, lvl));
        else if (t instanceof Type.Array a) adjustLevels(a.elem(), lvl);
        else if (t instanceof Type.Named n) n.args().forEach(e -> adjustLevels(e, lvl));
        else if (t instanceof Type.Prim p && p.measure() != null) {
            for (Object u : Measures.normalize(p.measure()).units().keySet()) if (u instanceof Type.Var mv && mv.level > lvl) mv.level = lvl;
        }
    }

    /** What an erroneous expression's type is unified with inherits its silence. */
    private static void poison(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Var v) v.fromError = true;
        else if (t instanceof Type.Fun f) { poison(f.arg()); poison(f.result()); }
        else if (t instanceof Type.Tuple tu) tu.elems().forEach(Unifier::poison);
        else if (t instanceof Type.Array a) poison(a.elem());
        else if (t instanceof Type.Named n) n.args().forEach(Unifier::poison);
    }

    /** Unifies, reporting F#'s message at loc when the types disagree. Returns false on error. */
    boolean expect(Loc loc, Type expected, Type actual) {
        try {
            unify(expected, actual);
            return true;
        } catch (Mismatch m) {
            if (Type.touchesError(expected) || Type.touchesError(actual)) return false;
            cx.diags.error(loc, mismatchMessage(expected, actual));
            return false;
        } catch (TraitFailure tf) {
            reportTrait(tf, loc);
            return false;
        }
    }

    /** F#'s words: two units of the same number type disagree, or else the whole types do. */
    private static String mismatchMessage(Type expected, Type actual) {
        if (Type.prune(expected) instanceof Type.Prim pe && Type.prune(actual) instanceof Type.Prim pa
                && pe.kind() == pa.kind() && pe.measure() != null && pa.measure() != null) {
            return "the unit of measure '" + Type.show(pa.measure()) + "' does not match the unit of measure '"
                    + Type.show(pe.measure()) + "'";
        }
        return "this expression was expected to have type '" + Type.show(expected) + "' but here has type '" + Type.show(actual) + "'";
    }

    void reportTrait(TraitFailure tf, Loc fallback) {
        Loc at = tf.var.traitLoc != null ? tf.var.traitLoc : fallback;
        String op = tf.var.traitOp != null ? tf.var.traitOp : tf.trait.what;
        cx.diags.error(at, traitMessage(tf.type, tf.trait, op));
    }

    String traitMessage(Type t, Trait tr, String op) {
        return switch (tr) {
            case PRINT_INT -> "the type '" + Type.show(t) + "' is not an integer type, which %" + op + " requires";
            case PRINT_FLOAT -> "the type '" + Type.show(t) + "' is not a floating-point type, which %" + op + " requires";
            case FLOATING -> "the type '" + Type.show(t) + "' does not support '" + op + "' (it needs float or float32)";
            case CONVERTIBLE -> Type.isPrim(t, PrimKind.STRING)
                    ? "converting a string with '" + op + "' is parsing, which is not supported by fid-embed"
                    : "the type '" + Type.show(t) + "' does not support the conversion '" + op + "'";
            case EQUALITY -> "the type '" + Type.show(t) + "' does not support equality";
            case COMPARISON -> "the type '" + Type.show(t) + "' does not support comparison";
            default -> "the type '" + Type.show(t) + "' does not support the operator '" + op + "'";
        };
    }

    /** Requires a trait of t (now, or when a variable is resolved). */
    void requireTrait(Type t, Trait tr, Loc loc, String op) {
        t = Type.prune(t);
        if (t instanceof Type.Var v) {
            if (v.traits.add(tr) && v.traitLoc == null) { v.traitLoc = loc; v.traitOp = op; }
            return;
        }
        if (!Predef.satisfies(t, tr)) cx.diags.error(loc, traitMessage(t, tr, op));
        if ((tr == Trait.EQUALITY || tr == Trait.COMPARISON) && containsFunction(t)) {
            cx.diags.error(loc, "the type '" + Type.show(t) + "' does not support " + (tr == Trait.EQUALITY ? "equality" : "comparison") + " because it contains a function");
        }
    }

    boolean containsFunction(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Fun) return true;
        if (t instanceof Type.Tuple tu) { for (Type e : tu.elems()) if (containsFunction(e)) return true; }
        if (t instanceof Type.Array a) return containsFunction(a.elem());
        return false;
    }

    Scheme generalize(Type t, boolean keepTraits, Loc loc) {
        Set<Type.Var> free = new LinkedHashSet<>();
        Type.freeVars(t, free);
        List<Type.Var> vars = new ArrayList<>();
        for (Type.Var v : free) {
            if (v.level <= cx.level) continue;
            if (!v.traits.isEmpty() && !keepTraits) {
                Type def = Predef.defaultFor(v.traits);
                if (def != null) {
                    try { unify(v, def); } catch (Mismatch | TraitFailure e) { /* reported elsewhere */ }
                    continue;
                }
            }
            vars.add(v);
        }
        return new Scheme(vars, t);
    }

    Type instantiate(Scheme s, List<Type> typeArgsOut) {
        if (s.vars().isEmpty()) return s.type();
        Map<Type.Var, Type> map = new IdentityHashMap<>();
        for (Type.Var v : s.vars()) {
            Type.Var nv = cx.fresh();
            nv.isMeasure = v.isMeasure;
            nv.fromError = v.fromError;
            nv.traits.addAll(v.traits);
            nv.traitOp = v.traitOp;
            map.put(v, nv);
            typeArgsOut.add(nv);
        }
        return Type.substVars(s.type(), map);
    }

    /** Defaults remaining trait variables in a finished top-cx.level declaration (F#'s weak resolution). */
    void defaultTraits(TExpr e) { defaultTraits(e, List.of()); }

    /** As above, leaving alone the variables a scheme quantifies over (an inline function's traits). */
    void defaultTraits(TExpr e, List<Type.Var> keep) {
        new DefaultWalker(Collections.newSetFromMap(new IdentityHashMap<>())).walkKeeping(e, keep);
    }

    final class DefaultWalker {
        final Set<Type.Var> keep;
        DefaultWalker(Set<Type.Var> keep) { this.keep = keep; }
        void walkKeeping(TExpr e, List<Type.Var> k) { keep.addAll(k); walk(e); }
        void type(Type t) {
            Set<Type.Var> free = new LinkedHashSet<>();
            Type.freeVars(t, free);
            for (Type.Var v : free) {
                if (v.level > cx.level && !v.traits.isEmpty() && !keep.contains(v)) {
                    Type def = Predef.defaultFor(v.traits);
                    if (def != null) try { unify(v, def); } catch (Mismatch | TraitFailure e) { /* already reported */ }
                }
            }
        }
        void walk(TExpr e) {
            if (e == null) return;
            type(e.type());
            TreeWalk.children(e, this::walk);
        }
    }
}
