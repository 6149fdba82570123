// The rules of the Constrained memory profile that are checked on the typed program (language.md
// §7 closures, §15.3 escape, §15.4 recursion): what would need a heap or an unbounded stack is
// rejected with the message the spec gives; bounded recursion gets its depth for the stack bound.
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

public final class Restrictions {
    private final Diagnostics diags;
    private final Program prog;
    /** Maximum nesting of each bounded recursive function (for the stack bound). */
    public final Map<GlobalVal, Long> recursionDepth = new LinkedHashMap<>();

    public Restrictions(Program prog, Diagnostics diags) {
        this.prog = prog;
        this.diags = diags;
    }

    public void check() {
        for (GlobalVal g : prog.globals()) {
            if (g.prelude || g.body == null) continue;
            if (g.isFunction() && g.body instanceof Lambda lam) {
                if (!g.inline) checkEscapes(lam, g.name, Set.copyOf(lam.params()));
                checkLocalFunctions(lam.body(), g.name);
            } else {
                checkModuleValue(g);
            }
        }
        checkRecursion();
    }

    // =============================================================================================== escape (§7, §15.3)

    /** Locals of the function being checked (params and lets), for naming what a closure refers to. */
    private void checkEscapes(Lambda lam, String fname, Set<LocalVar> outer) {
        for (TExpr r : returned(lam.body())) escapeAt(r, fname, lam, true);
    }

    private void checkLocalFunctions(TExpr e, String fname) {
        if (e instanceof Let l && l.value() instanceof Lambda lam) {
            checkEscapes(lam, l.v().name, Set.copyOf(lam.params()));
        }
        if (e instanceof LetRec lr) for (Lambda lam : lr.fns()) checkEscapes(lam, fname, Set.copyOf(lam.params()));
        TreeWalk.children(e, c -> checkLocalFunctions(c, fname));
    }

    private void checkModuleValue(GlobalVal g) {
        TExpr v = g.body;
        if (isFunctionType(v.type()) && v instanceof App a && partialOfLocals(a)) {
            diags.error(a.loc(), "closure escapes the function that creates it: it refers to locals of module initialisation; pass the state in and out as values");
        }
    }

    /** The expressions whose value a function returns (tail positions). */
    private static List<TExpr> returned(TExpr e) {
        List<TExpr> out = new ArrayList<>();
        collectReturned(e, out);
        return out;
    }

    private static void collectReturned(TExpr e, List<TExpr> out) {
        if (e instanceof If i) { collectReturned(i.then(), out); collectReturned(i.otherwise(), out); }
        else if (e instanceof Let l) collectReturned(l.body(), out);
        else if (e instanceof LetRec l) collectReturned(l.body(), out);
        else if (e instanceof Seq s) collectReturned(s.second(), out);
        else if (e instanceof Match m) for (Rule r : m.rules()) collectReturned(r.body(), out);
        else out.add(e);
    }

    /** Reports a returned value that refers to the stack frame of the function that returns it. */
    private void escapeAt(TExpr r, String fname, Lambda fn, boolean top) {
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
            String what = r instanceof LocalRef lr ? lr.v().name : "this array";
            diags.error(r.loc(), "'" + what + "' escapes the function that allocates it (it lives in the stack frame of '" + fname
                    + "'); allocate it at module level or pass it in as a parameter");
        }
    }

    private void closureError(Loc loc, LocalVar x, String fname) {
        diags.error(loc, "closure escapes the function that creates it: it refers to '" + x.name + "', which lives in the stack frame of '"
                + fname + "'; pass the state in and out as values, or make '" + fname + "' inline");
    }

    /** Whether e is an array or reference-record object created in this function's frame. */
    private boolean allocates(TExpr e, Lambda fn) {
        if (e instanceof ArrayLit al) return !al.elems().isEmpty();
        if (e instanceof Prim p && p.op() == Builtin.ARRAY_ZEROCREATE) return true;
        if (e instanceof Typed.Record r && r.def().isReference()) return true;
        if (e instanceof App a && a.fn() instanceof GlobalRef g && g.g().prelude && g.g().inline
                && g.g().body instanceof Lambda lam && a.args().size() >= lam.params().size() && returnsFrameObject(lam)) return true;
        if (e instanceof LocalRef l && !l.v().mutable) {
            TExpr bound = letValue(fn.body(), l.v());
            return bound != null && bound != e && allocates(bound, fn);
        }
        return false;
    }

    /**
     * Whether an inline library function returns an array it creates, alone or in a tuple (Array.map,
     * Array.rev, Array.unzip, ...): expanded in the caller, that array lives in the caller's frame.
     */
    private boolean returnsFrameObject(Lambda lam) {
        for (TExpr r : returned(lam.body())) {
            if (allocates(r, lam)) return true;
            if (r instanceof Tuple t) for (TExpr x : t.elems()) if (allocates(x, lam)) return true;
        }
        return false;
    }

    private static TExpr letValue(TExpr e, LocalVar v) {
        if (e instanceof Let l && l.v() == v) return l.value();
        TExpr[] found = {null};
        TreeWalk.children(e, c -> { if (found[0] == null) found[0] = letValue(c, v); });
        return found[0];
    }

    private static boolean isFunctionType(Type t) { return Type.prune(t) instanceof Type.Fun; }

    private static boolean isPartial(App a) {
        if (a.fn() instanceof GlobalRef g && g.g().body instanceof Lambda l) return a.args().size() < l.params().size();
        return false;
    }

    private boolean partialOfLocals(App a) { return false; }

    private static Set<LocalVar> frameLocals(Lambda fn) {
        Set<LocalVar> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(fn.params());
        collectBound(fn.body(), s);
        return s;
    }

    private static void collectBound(TExpr e, Set<LocalVar> s) {
        if (e instanceof Let l) s.add(l.v());
        if (e instanceof LetRec l) s.addAll(l.vars());
        if (e instanceof For f) s.add(f.v());
        if (e instanceof ForEach f) s.add(f.v());
        if (e instanceof Match m) for (Rule r : m.rules()) patBound(r.pat(), s);
        if (e instanceof Lambda) return; // a nested lambda's own locals are its own
        TreeWalk.children(e, c -> collectBound(c, s));
    }

    private static void patBound(TPat p, Set<LocalVar> s) {
        if (p instanceof PVar v) s.add(v.v());
        else if (p instanceof PAs a) { s.add(a.v()); patBound(a.pat(), s); }
        else if (p instanceof PTuple t) t.elems().forEach(x -> patBound(x, s));
        else if (p instanceof PRecord r) r.fields().forEach(x -> patBound(x, s));
        else if (p instanceof PCase c) c.args().forEach(x -> patBound(x, s));
        else if (p instanceof POr o) { patBound(o.left(), s); patBound(o.right(), s); }
    }

    /** The first local of the frame a lambda refers to (its free variable), or null. */
    private static LocalVar firstFree(Lambda l, Set<LocalVar> frame) {
        Set<LocalVar> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        bound.addAll(l.params());
        collectBound(l.body(), bound);
        LocalVar[] found = {null};
        findRef(l.body(), v -> !bound.contains(v) && frame.contains(v), found);
        return found[0];
    }

    private static LocalVar firstLocalIn(List<TExpr> es, Set<LocalVar> frame) {
        LocalVar[] found = {null};
        for (TExpr e : es) findRef(e, frame::contains, found);
        return found[0];
    }

    private static void findRef(TExpr e, java.util.function.Predicate<LocalVar> p, LocalVar[] found) {
        if (found[0] != null) return;
        if (e instanceof LocalRef l && p.test(l.v())) { found[0] = l.v(); return; }
        if (e instanceof SetLocal s && p.test(s.v())) { found[0] = s.v(); return; }
        TreeWalk.children(e, c -> findRef(c, p, found));
    }

    // =============================================================================================== recursion (§15.4)

    private record Call(App app, boolean tail) { }

    private void checkRecursion() {
        Map<GlobalVal, List<Call>> self = new LinkedHashMap<>();
        for (GlobalVal g : prog.globals()) {
            if (g.prelude || !(g.body instanceof Lambda lam) || !g.rec) continue;
            List<Call> calls = new ArrayList<>();
            findCalls(lam.body(), g, true, calls);
            List<Call> nonTail = calls.stream().filter(c -> !c.tail()).toList();
            if (!nonTail.isEmpty()) self.put(g, nonTail);
        }
        // non-tail recursion among several functions is always rejected
        for (GlobalVal g : prog.globals()) {
            if (g.prelude || !(g.body instanceof Lambda lam) || !g.rec) continue;
            for (GlobalVal other : prog.globals()) {
                if (other == g || !other.rec || other.prelude || !(other.body instanceof Lambda) || other.module != g.module) continue;
                List<Call> calls = new ArrayList<>();
                findCalls(lam.body(), other, true, calls);
                List<Call> back = new ArrayList<>();
                findCalls(((Lambda) other.body).body(), g, true, back);
                for (Call c : calls) {
                    if (!c.tail() && !back.isEmpty()) {
                        diags.error(c.app().loc(), "recursion depth is unbounded; stack cannot be proven (non-tail recursion between '" + g.name + "' and '" + other.name + "')");
                    }
                }
            }
        }
        for (Map.Entry<GlobalVal, List<Call>> e : self.entrySet()) checkMeasure(e.getKey(), e.getValue());
    }

    /** Calls of target inside e, marking those in tail position. */
    private static void findCalls(TExpr e, GlobalVal target, boolean tail, List<Call> out) {
        if (e instanceof App a && a.fn() instanceof GlobalRef g && g.g() == target) {
            out.add(new Call(a, tail));
            for (TExpr x : a.args()) findCalls(x, target, false, out);
            return;
        }
        if (e instanceof If i) { findCalls(i.cond(), target, false, out); findCalls(i.then(), target, tail, out); findCalls(i.otherwise(), target, tail, out); return; }
        if (e instanceof Let l) { findCalls(l.value(), target, false, out); findCalls(l.body(), target, tail, out); return; }
        if (e instanceof LetRec l) { for (Lambda f : l.fns()) findCalls(f, target, false, out); findCalls(l.body(), target, tail, out); return; }
        if (e instanceof Seq s) { findCalls(s.first(), target, false, out); findCalls(s.second(), target, tail, out); return; }
        if (e instanceof Match m) {
            findCalls(m.scrutinee(), target, false, out);
            for (Rule r : m.rules()) { if (r.guard() != null) findCalls(r.guard(), target, false, out); findCalls(r.body(), target, tail, out); }
            return;
        }
        if (e instanceof Lambda l) { findCalls(l.body(), target, false, out); return; }
        TreeWalk.children(e, c -> findCalls(c, target, false, out));
    }

    private record Measure(int param, boolean decreasing, long minStep, String op, long guardK) { }

    private void checkMeasure(GlobalVal g, List<Call> nonTail) {
        Lambda lam = (Lambda) g.body;
        String reason = null;
        Loc at = nonTail.get(0).app().loc();
        Measure found = null;
        for (int p = 0; p < lam.params().size() && found == null; p++) {
            LocalVar pv = lam.params().get(p);
            if (!isInteger(pv.type)) continue;
            Boolean decreasing = null;
            long minStep = Long.MAX_VALUE;
            String op = null;
            Long k = null;
            boolean ok = true;
            for (Call c : nonTail) {
                if (c.app().args().size() <= p) { ok = false; break; }
                Step s = stepOf(c.app().args().get(p), pv);
                if (s == null) { ok = false; if (reason == null) { reason = "the argument for '" + pv.name + "' does not change by a constant"; at = c.app().loc(); } break; }
                if (decreasing == null) decreasing = s.decreasing;
                else if (decreasing != s.decreasing) { ok = false; break; }
                minStep = Math.min(minStep, s.amount);
                if (op == null) op = s.op; else if (!op.equals(s.op)) op = "mixed";
                Long guard = guardFor(lam.body(), c.app(), pv, s.decreasing);
                if (guard == null) {
                    ok = false;
                    if (reason == null || reason.startsWith("the argument")) {
                        reason = "no test establishes a " + (s.decreasing ? "lower" : "upper") + " bound of '" + pv.name + "' before this call";
                        at = c.app().loc();
                    }
                    break;
                }
                k = k == null ? guard : (s.decreasing ? Math.min(k, guard) : Math.max(k, guard));
            }
            if (!ok || decreasing == null) continue;
            if (("/".equals(op) || ">>>".equals(op)) && k < 1) continue;
            found = new Measure(p, decreasing, minStep, op, k);
        }
        if (found == null) {
            diags.error(at, "recursion depth is unbounded; stack cannot be proven (" + (reason != null ? reason : "no integer parameter decreases or increases on every recursive call") + ")");
            return;
        }
        // (3) every outside call passes a value of known range for the measured parameter
        long worst = Long.MIN_VALUE;
        boolean anyCall = false;
        for (GlobalVal caller : prog.globals()) {
            if (caller.body == null || caller == g) continue;
            List<Call> calls = new ArrayList<>();
            findCalls(caller.body, g, true, calls);
            for (Call c : calls) {
                anyCall = true;
                if (c.app().args().size() <= found.param()) {
                    diags.error(c.app().loc(), "recursion depth is unbounded; stack cannot be proven ('" + g.name + "' is used as a function value)");
                    return;
                }
                long[] range = new RangeEval(caller).range(c.app().args().get(found.param()));
                if (range == null) {
                    diags.error(c.app().fn().loc(), "recursion depth is unbounded; stack cannot be proven (the argument for '"
                            + lam.params().get(found.param()).name + "' has no known range here)");
                    return;
                }
                long entry = found.decreasing() ? range[1] : range[0];
                worst = found.decreasing() ? Math.max(worst, entry) : (worst == Long.MIN_VALUE ? entry : Math.min(worst, entry));
            }
        }
        if (!anyCall) return;
        recursionDepth.put(g, depth(found, worst));
    }

    /** The largest number of nested frames the measure allows from entry value v. */
    private static long depth(Measure m, long v) {
        long k = m.guardK(), c = m.minStep();
        if (m.op().equals("-") || m.op().equals("+")) {
            long dist = m.decreasing() ? v - k : k - v;
            if (dist < 0) return 1;
            return dist / c + 2;
        }
        long d = 1;
        while (v >= k && d < 200) {
            v = m.op().equals("/") ? v / c : v >> c;
            d++;
        }
        return d;
    }

    private record Step(boolean decreasing, long amount, String op) { }

    /** How an argument changes the parameter: p - c, p / c, p >>> c (decreasing) or p + c. */
    private static Step stepOf(TExpr arg, LocalVar p) {
        if (arg instanceof Prim pr && pr.args().size() == 2 && pr.args().get(0) instanceof LocalRef l && l.v() == p) {
            Object c = ConstEval.eval(pr.args().get(1));
            if (!(c instanceof Long cv)) return null;
            switch (pr.op()) {
                case SUB: return cv > 0 ? new Step(true, cv, "-") : null;
                case ADD: return cv > 0 ? new Step(false, cv, "+") : null;
                case DIV: return cv >= 2 ? new Step(true, cv, "/") : null;
                case SHR: return cv >= 1 ? new Step(true, cv, ">>>") : null;
                default: return null;
            }
        }
        return null;
    }

    /**
     * The constant k of a test that holds wherever call runs: p >= k (decreasing) or p <= k
     * (increasing), from enclosing ifs, && conjuncts and when guards; null if none.
     */
    private static Long guardFor(TExpr body, App call, LocalVar p, boolean decreasing) {
        List<Long> ks = new ArrayList<>();
        if (!pathTo(body, call, p, decreasing, ks)) return null;
        if (ks.isEmpty()) return null;
        return decreasing ? Collections.max(ks) : Collections.min(ks);
    }

    private static boolean pathTo(TExpr e, TExpr target, LocalVar p, boolean dec, List<Long> ks) {
        if (e == target) return true;
        if (e instanceof If i) {
            if (contains(i.then(), target)) { bounds(i.cond(), p, dec, true, ks); return pathTo(i.then(), target, p, dec, ks); }
            if (contains(i.otherwise(), target)) { bounds(i.cond(), p, dec, false, ks); return pathTo(i.otherwise(), target, p, dec, ks); }
            return pathTo(i.cond(), target, p, dec, ks);
        }
        if (e instanceof Match m) {
            for (Rule r : m.rules()) {
                if (contains(r.body(), target)) {
                    if (r.guard() != null) bounds(r.guard(), p, dec, true, ks);
                    return pathTo(r.body(), target, p, dec, ks);
                }
            }
        }
        boolean[] done = {false};
        TreeWalk.children(e, c -> { if (!done[0] && contains(c, target)) done[0] = pathTo(c, target, p, dec, ks); });
        return done[0];
    }

    private static boolean contains(TExpr e, TExpr target) {
        if (e == target) return true;
        boolean[] f = {false};
        TreeWalk.children(e, c -> { if (!f[0]) f[0] = contains(c, target); });
        return f[0];
    }

    /** Adds the bounds that cond (when it is true, or false) establishes on p. */
    private static void bounds(TExpr cond, LocalVar p, boolean dec, boolean whenTrue, List<Long> ks) {
        if (cond instanceof Prim pr && pr.op() == Builtin.AND && whenTrue) {
            for (TExpr c : pr.args()) bounds(c, p, dec, true, ks);
            return;
        }
        if (cond instanceof Prim pr && pr.op() == Builtin.OR && !whenTrue) {
            for (TExpr c : pr.args()) bounds(c, p, dec, false, ks);
            return;
        }
        if (cond instanceof Prim pr && pr.op() == Builtin.NOT) { bounds(pr.args().get(0), p, dec, !whenTrue, ks); return; }
        if (!(cond instanceof Prim pr) || pr.args().size() != 2) return;
        Builtin op = pr.op();
        TExpr l = pr.args().get(0), r = pr.args().get(1);
        Object k;
        if (l instanceof LocalRef lr && lr.v() == p && (k = ConstEval.eval(r)) instanceof Long kv) { }
        else if (r instanceof LocalRef rr && rr.v() == p && (k = ConstEval.eval(l)) instanceof Long kv2) {
            // k op p: mirror it to p op' k
            op = switch (op) { case LT -> Builtin.GT; case LE -> Builtin.GE; case GT -> Builtin.LT; case GE -> Builtin.LE; default -> op; };
        } else return;
        long kv = (Long) k;
        if (!whenTrue) {
            op = switch (op) { case LT -> Builtin.GE; case LE -> Builtin.GT; case GT -> Builtin.LE; case GE -> Builtin.LT; default -> null; };
            if (op == null) return;
        }
        if (dec) {
            if (op == Builtin.GE) ks.add(kv);
            else if (op == Builtin.GT) ks.add(kv + 1);
        } else {
            if (op == Builtin.LE) ks.add(kv);
            else if (op == Builtin.LT) ks.add(kv - 1);
        }
    }

    private static boolean isInteger(Type t) {
        t = Type.prune(t);
        return t instanceof Type.Prim p && p.kind().isInteger();
    }

    // ---------------------------------------------------------------------------------------------- known ranges

    /** The known range of integer expressions inside one function (language.md §15.4), or null. */
    private static final class RangeEval {
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
