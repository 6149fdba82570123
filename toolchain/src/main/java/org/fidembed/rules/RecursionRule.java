// The recursion rule (language.md §15.4): non-tail recursion is accepted only when a measure bounds its
// depth (a parameter that decreases or increases by a constant towards a tested limit, entered with a
// known range); the depth found goes to the stack bound.
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

final class RecursionRule {
    private final Diagnostics diags;
    private final Program prog;
    /** Maximum nesting of each bounded recursive function (for the stack bound). */
    final Map<GlobalVal, Long> recursionDepth = new LinkedHashMap<>();

    RecursionRule(Program prog, Diagnostics diags) {
        this.prog = prog;
        this.diags = diags;
    }

    record Call(App app, boolean tail) { }

    void checkRecursion() {
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
    static void findCalls(TExpr e, GlobalVal target, boolean tail, List<Call> out) {
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

    record Measure(int param, boolean decreasing, long minStep, String op, long guardK) { }

    void checkMeasure(GlobalVal g, List<Call> nonTail) {
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
                long[] range = new KnownRanges.RangeEval(caller).range(c.app().args().get(found.param()));
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
    static long depth(Measure m, long v) {
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

    record Step(boolean decreasing, long amount, String op) { }

    /** How an argument changes the parameter: p - c, p / c, p >>> c (decreasing) or p + c. */
    static Step stepOf(TExpr arg, LocalVar p) {
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
    static Long guardFor(TExpr body, App call, LocalVar p, boolean decreasing) {
        List<Long> ks = new ArrayList<>();
        if (!pathTo(body, call, p, decreasing, ks)) return null;
        if (ks.isEmpty()) return null;
        return decreasing ? Collections.max(ks) : Collections.min(ks);
    }

    static boolean pathTo(TExpr e, TExpr target, LocalVar p, boolean dec, List<Long> ks) {
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

    static boolean contains(TExpr e, TExpr target) {
        if (e == target) return true;
        boolean[] f = {false};
        TreeWalk.children(e, c -> { if (!f[0]) f[0] = contains(c, target); });
        return f[0];
    }

    /** Adds the bounds that cond (when it is true, or false) establishes on p. */
    static void bounds(TExpr cond, LocalVar p, boolean dec, boolean whenTrue, List<Long> ks) {
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

    static boolean isInteger(Type t) {
        t = Type.prune(t);
        return t instanceof Type.Prim p && p.kind().isInteger();
    }
}
