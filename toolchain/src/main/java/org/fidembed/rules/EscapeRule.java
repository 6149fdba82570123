// The escape rules of the Constrained profile (language.md §7 and §15.3): a closure that refers to a
// function's locals, or an array or mutable record created in its frame, must not outlive that frame
// (returned, stored in a module-level value, captured by an escaping closure).
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

final class EscapeRule {
    private final Diagnostics diags;
    private final Program prog;

    EscapeRule(Program prog, Diagnostics diags) {
        this.prog = prog;
        this.diags = diags;
    }

    /** Locals of the function being checked (params and lets), for naming what a closure refers to. */
    void checkEscapes(Lambda lam, String fname, Set<LocalVar> outer) {
        for (TExpr r : returned(lam.body())) escapeAt(r, fname, lam, true);
    }

    void checkLocalFunctions(TExpr e, String fname) {
        if (e instanceof Let l && l.value() instanceof Lambda lam) {
            checkEscapes(lam, l.v().name, Set.copyOf(lam.params()));
        }
        if (e instanceof LetRec lr) for (Lambda lam : lr.fns()) checkEscapes(lam, fname, Set.copyOf(lam.params()));
        TreeWalk.children(e, c -> checkLocalFunctions(c, fname));
    }

    void checkModuleValue(GlobalVal g) {
        TExpr v = g.body;
        if (isFunctionType(v.type()) && v instanceof App a && partialOfLocals(a)) {
            diags.error(a.loc(), "closure escapes the function that creates it: it refers to locals of module initialisation; pass the state in and out as values");
        }
    }

    /** The expressions whose value a function returns (tail positions). */
    static List<TExpr> returned(TExpr e) {
        List<TExpr> out = new ArrayList<>();
        collectReturned(e, out);
        return out;
    }

    static void collectReturned(TExpr e, List<TExpr> out) {
        if (e instanceof If i) { collectReturned(i.then(), out); collectReturned(i.otherwise(), out); }
        else if (e instanceof Let l) collectReturned(l.body(), out);
        else if (e instanceof LetRec l) collectReturned(l.body(), out);
        else if (e instanceof Seq s) collectReturned(s.second(), out);
        else if (e instanceof Match m) for (Rule r : m.rules()) collectReturned(r.body(), out);
        else out.add(e);
    }

    /** Reports a returned value that refers to the stack frame of the function that returns it. */
    void escapeAt(TExpr r, String fname, Lambda fn, boolean top) {
        Set<LocalVar> frame = frameLocals(fn);
        if (isFunctionType(r.type())) {
            if (r instanceof Lambda l) {
                LocalVar x = firstFree(l, frame);
                if (x != null) closureError(l.loc(), x, fname);
            } else if (r instanceof App a && isPartial(a)) {
                LocalVar x = firstLocalIn(a.args(), frame);
                if (x != null) closureError(a.loc(), x, fname);
            }
        }
        if (r instanceof Tuple t) for (TExpr x : t.elems()) escapeAt(x, fname, fn, false);
        if (r instanceof Typed.Record rec) for (TExpr x : rec.fields()) escapeAt(x, fname, fn, false);
        if (r instanceof UnionCase u) for (TExpr x : u.args()) escapeAt(x, fname, fn, false);
        if (top && allocates(r, fn)) {
            boolean record = frameObjectType(r) instanceof Type.Named;
            String what = r instanceof LocalRef lr ? "'" + lr.v().name + "'" : record ? "this record" : "this array";
            String fix = record
                    ? "allocate it at module level, make '" + fname + "' inline (the record is then built in its caller's frame), or make the record a [<Struct>] record, which is copied by value"
                    : "allocate it at module level or pass it in as a parameter";
            diags.error(r.loc(), what + " escapes the function that allocates it (it lives in the stack frame of '" + fname + "'); " + fix);
        }
    }

    /** The type of a returned frame object: a record type with mutable fields, or an array type. */
    private static Type frameObjectType(TExpr r) { return Type.prune(r.type()); }

    void closureError(Loc loc, LocalVar x, String fname) {
        diags.error(loc, "closure escapes the function that creates it: it refers to '" + x.name + "', which lives in the stack frame of '"
                + fname + "'; pass the state in and out as values, or make '" + fname + "' inline");
    }

    /** Whether e is an array or reference-record object created in this function's frame. */
    boolean allocates(TExpr e, Lambda fn) {
        if (e instanceof ArrayLit al) return !al.elems().isEmpty();
        if (e instanceof Prim p && p.op() == Builtin.ARRAY_ZEROCREATE) return true;
        if (e instanceof Typed.Record r && r.def().isReference()) return true;
        if (e instanceof App a && a.fn() instanceof GlobalRef g && g.g().inline
                && g.g().body instanceof Lambda lam && a.args().size() >= lam.params().size() && returnsFrameObject(lam)) return true;
        if (e instanceof LocalRef l && !l.v().mutable) {
            TExpr bound = KnownRanges.letValue(fn.body(), l.v());
            return bound != null && bound != e && allocates(bound, fn);
        }
        return false;
    }

    /**
     * Whether an inline function (the library's or the program's) returns an array or mutable record it creates, alone or in a tuple (Array.map,
     * Array.rev, Array.unzip, ...): expanded in the caller, that array lives in the caller's frame.
     */
    private boolean returnsFrameObject(Lambda lam) {
        for (TExpr r : returned(lam.body())) {
            if (allocates(r, lam)) return true;
            if (r instanceof Tuple t) for (TExpr x : t.elems()) if (allocates(x, lam)) return true;
        }
        return false;
    }

    static boolean isFunctionType(Type t) { return Type.prune(t) instanceof Type.Fun; }

    static boolean isPartial(App a) {
        if (a.fn() instanceof GlobalRef g && g.g().body instanceof Lambda l) return a.args().size() < l.params().size();
        return false;
    }

    boolean partialOfLocals(App a) { return false; }

    static Set<LocalVar> frameLocals(Lambda fn) {
        Set<LocalVar> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(fn.params());
        collectBound(fn.body(), s);
        return s;
    }

    static void collectBound(TExpr e, Set<LocalVar> s) {
        if (e instanceof Let l) s.add(l.v());
        if (e instanceof LetRec l) s.addAll(l.vars());
        if (e instanceof For f) s.add(f.v());
        if (e instanceof ForEach f) s.add(f.v());
        if (e instanceof Match m) for (Rule r : m.rules()) patBound(r.pat(), s);
        if (e instanceof Lambda) return; // a nested lambda's own locals are its own
        TreeWalk.children(e, c -> collectBound(c, s));
    }

    static void patBound(TPat p, Set<LocalVar> s) {
        if (p instanceof PVar v) s.add(v.v());
        else if (p instanceof PAs a) { s.add(a.v()); patBound(a.pat(), s); }
        else if (p instanceof PTuple t) t.elems().forEach(x -> patBound(x, s));
        else if (p instanceof PRecord r) r.fields().forEach(x -> patBound(x, s));
        else if (p instanceof PCase c) c.args().forEach(x -> patBound(x, s));
        else if (p instanceof POr o) { patBound(o.left(), s); patBound(o.right(), s); }
        else if (p instanceof PAnd a) { patBound(a.left(), s); patBound(a.right(), s); }
        else if (p instanceof PView v) { s.add(v.input()); patBound(v.result(), s); }
    }

    /** The first local of the frame a lambda refers to (its free variable), or null. */
    static LocalVar firstFree(Lambda l, Set<LocalVar> frame) {
        Set<LocalVar> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        bound.addAll(l.params());
        collectBound(l.body(), bound);
        LocalVar[] found = {null};
        findRef(l.body(), v -> !bound.contains(v) && frame.contains(v), found);
        return found[0];
    }

    static LocalVar firstLocalIn(List<TExpr> es, Set<LocalVar> frame) {
        LocalVar[] found = {null};
        for (TExpr e : es) findRef(e, frame::contains, found);
        return found[0];
    }

    static void findRef(TExpr e, java.util.function.Predicate<LocalVar> p, LocalVar[] found) {
        if (found[0] != null) return;
        if (e instanceof LocalRef l && p.test(l.v())) { found[0] = l.v(); return; }
        if (e instanceof SetLocal s && p.test(s.v())) { found[0] = s.v(); return; }
        TreeWalk.children(e, c -> findRef(c, p, found));
    }

    /**
     * A closure returned with its environment in the function's own frame, found after inline
     * expansion and closure conversion (a case the typed tree does not show).
     */
    static void returnedStackClosure(Loc loc, Diagnostics diags) {
        diags.error(loc, "closure escapes the function that creates it: it refers to locals of this function; pass the state in and out as values, or make the function inline");
    }
}
