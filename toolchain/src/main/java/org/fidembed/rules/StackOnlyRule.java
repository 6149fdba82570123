// The rules of the stack-only types (language.md §15.5), as .NET's for byref-like types: a byref,
// inref, outref, Span or ReadOnlySpan is a variable, a parameter or a result only; it is never a
// module-level value, a part of a tuple, array, record or union, a generic type argument, captured by
// a closure, nor returned when it points into the frame of the function that returns it.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;
import org.fidembed.typeck.Program;
import org.fidembed.types.Builtin;
import org.fidembed.types.Predef;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.TreeWalk;
import org.fidembed.types.Type;
import org.fidembed.types.TypeDefn;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.*;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

final class StackOnlyRule {
    private final Diagnostics diags;
    private final Program prog;
    private final EscapeRule escape;

    StackOnlyRule(Program prog, Diagnostics diags, EscapeRule escape) {
        this.prog = prog;
        this.diags = diags;
        this.escape = escape;
    }

    void check() {
        for (TypeDefn d : prog.types()) checkFields(d);
        for (GlobalVal g : prog.globals()) {
            if (g.prelude || g.body == null) continue;
            if (!g.isFunction() && g.scheme != null && (Predef.isStackOnly(g.scheme.type()) || Predef.nestsStackOnly(g.scheme.type()))) {
                diags.error(g.loc, "'" + g.name + "' has the type '" + Type.show(g.scheme.type()) + "', which may live only on the stack: a byref or a span cannot be a module-level value; make it a local of a function");
                continue;
            }
            if (walk(g.body, true)) continue;
            if (g.isFunction() && g.body instanceof Lambda lam && !g.inline) checkReturns(lam, g.name);
        }
    }

    private void checkFields(TypeDefn d) {
        for (TypeDefn.Field f : d.fields) fieldError(d, f);
        for (TypeDefn.Case c : d.cases) for (TypeDefn.Field f : c.fields()) fieldError(d, f);
    }

    private void fieldError(TypeDefn d, TypeDefn.Field f) {
        if (Predef.isStackOnly(f.type()) || Predef.nestsStackOnly(f.type()))
            diags.error(f.loc(), "the field '" + f.name() + "' of '" + d.name + "' has the type '" + Type.show(f.type())
                    + "': a byref or a span may live only on the stack and cannot be stored in a record or a union");
    }

    /** Reports the first misuse inside e (top: e is a global's own body); true when one was reported. */
    private boolean walk(TExpr e, boolean top) {
        // a function, its reference and its call are reported where their values are made, in its body
        boolean made = !(e instanceof Lambda || e instanceof App || e instanceof Typed.Error || Type.prune(e.type()) instanceof Type.Fun);
        if (made && Predef.nestsStackOnly(e.type())) {
            diags.error(e.loc(), "this value has the type '" + Type.show(e.type()) + "': a byref or a span may live only on the stack and cannot be part of a tuple, an array, an option or a union");
            return true;
        }
        List<Type> targs = e instanceof GlobalRef g ? g.typeArgs() : e instanceof LocalRef l ? l.typeArgs() : List.of();
        for (Type t : targs) {
            if (Predef.isStackOnly(t)) {
                diags.error(e.loc(), "a byref or a span cannot be the type argument of a generic function: here '" + Type.show(t) + "'");
                return true;
            }
        }
        if (e instanceof Lambda lam && !top && captured(lam)) return true;
        boolean[] found = {false};
        TreeWalk.children(e, c -> { if (!found[0]) found[0] = walk(c, false); });
        return found[0];
    }

    /** A closure that refers to a byref or span of the code around it. */
    private boolean captured(Lambda lam) {
        Set<LocalVar> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        bound.addAll(lam.params());
        EscapeRule.collectBound(lam.body(), bound);
        LocalRef[] use = {null};
        firstUse(lam.body(), v -> !bound.contains(v) && Predef.isStackOnly(v.type), use);
        if (use[0] == null) return false;
        diags.error(use[0].loc(), "'" + use[0].v().name + "' has the type '" + Type.show(use[0].v().type)
                + "', which may live only on the stack, and cannot be captured by a closure; pass it as a parameter");
        return true;
    }

    private static void firstUse(TExpr e, java.util.function.Predicate<LocalVar> p, LocalRef[] found) {
        if (found[0] != null) return;
        if (e instanceof LocalRef l && p.test(l.v())) { found[0] = l; return; }
        TreeWalk.children(e, c -> firstUse(c, p, found));
    }

    // ------------------------------------------------------------------------------------------ returns

    private void checkReturns(Lambda lam, String fname) {
        for (TExpr r : EscapeRule.returned(lam.body())) {
            if (!Predef.isStackOnly(r.type())) continue;
            LocalVar v = frameRoot(r, lam, 0);
            if (v != null) {
                diags.error(r.loc(), "this " + (Predef.isByref(r.type()) ? "byref" : "span") + " points into the stack frame of '" + fname + "' (at '" + v.name
                        + "') and cannot be returned from it; return the value, or take the place as a parameter");
            }
        }
    }

    /** The local of fn's frame that a byref or span r points into, or null (a parameter, an array passed in...). */
    private LocalVar frameRoot(TExpr r, Lambda fn, int depth) {
        if (depth > 20) return null;
        if (r instanceof Prim p && p.op() == Builtin.ADDR_OF) return placeRoot(p.args().get(0), fn, depth);
        if (r instanceof Prim p && (p.op() == Builtin.SPAN_OF_ARRAY || p.op() == Builtin.SPAN_SLICE)) {
            TExpr src = p.args().get(0);
            if (p.op() == Builtin.SPAN_SLICE) return frameRoot(src, fn, depth + 1);
            return escape.allocates(src, fn) ? arrayName(src) : null;
        }
        if (r instanceof LocalRef l && !fn.params().contains(l.v())) {
            TExpr bound = KnownRanges.letValue(fn.body(), l.v());
            return bound == null ? null : frameRoot(bound, fn, depth + 1);
        }
        // a call that returns a byref or span may return one of those it is given (.NET's rule)
        if (r instanceof App a) {
            for (TExpr arg : a.args()) {
                LocalVar v = Predef.isStackOnly(arg.type()) ? frameRoot(arg, fn, depth + 1) : null;
                if (v != null) return v;
            }
        }
        return null;
    }

    private LocalVar placeRoot(TExpr place, Lambda fn, int depth) {
        if (place instanceof Prim p && p.op() == Builtin.DEREF) return frameRoot(p.args().get(0), fn, depth + 1);
        // a byref parameter's place is outside (it is read through: a DEREF, not a LocalRef)
        if (place instanceof LocalRef l) return EscapeRule.frameLocals(fn).contains(l.v()) ? l.v() : null;
        if (place instanceof Field f && !f.def().isReference()) return placeRoot(f.target(), fn, depth);
        if (place instanceof Index i) {
            if (Predef.isSpan(i.target().type())) return frameRoot(i.target(), fn, depth + 1);
            return escape.allocates(i.target(), fn) ? arrayName(i.target()) : null;
        }
        return null;
    }

    private static LocalVar arrayName(TExpr arr) {
        return arr instanceof LocalRef l ? l.v() : new LocalVar("an array made here", arr.type(), false, arr.loc());
    }
}
