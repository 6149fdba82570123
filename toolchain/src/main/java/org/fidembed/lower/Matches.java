// Match expressions: the rules become a decision tree (MatchCompiler) whose tests read the parts of
// the scrutinee from memory; pattern variables get slots bound at the leaves; incomplete and
// redundant rules are reported; a failing tree panics ("incomplete match").
package org.fidembed.lower;

import org.fidembed.rules.Finding;
import org.fidembed.lower.Env.Closure;
import org.fidembed.lower.Env.FnBind;
import org.fidembed.lower.Env.Slot;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.TailCalls.TailCtx;
import org.fidembed.lower.ir.FunctionBuilder;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.IrOp.FCmp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class Matches {
    private Matches() { }

    /** What the tree's code needs: the match, the scrutinee's type and slot, the variables' slots, the rule bodies. */
    private record MatchCtx(Typed.Match m, Type st, Value root, Map<LocalVar, Value> varSlots, Label[] bodyLabels, Env env,
                            Map<MatchCompiler.Occ, Value> viewSlots) { }

    /** tc: the match is in tail position (its rules return or jump), or null. */
    static Val lower(Fn f, Typed.Match m, Env env, TailCtx tc) {
        var b = f.b();
        Type st = LType.conc(m.scrutinee().type(), env);
        Val sv = Expressions.lower(f, m.scrutinee(), env);
        if (b.terminated()) return new V(Value.poison(LType.of(m.type(), env)));
        Type rt = LType.conc(m.type(), env);
        IrType rty = LType.of(rt);
        boolean hasValue = tc == null && !rty.equals(LType.UNIT);
        Value result = hasValue ? b.alloca(rty) : null;
        // the scrutinee lives in memory; tests read the parts they need
        // (unless an active pattern tests it: then it is a value in memory like any other)
        boolean funScrut = LType.isFun(st) && !hasViews(m);
        Value root = null;
        if (!funScrut) {
            V mv = Closures.materialize(f, sv, st, env, m.loc());
            root = b.alloca(mv.ty());
            if (!mv.ty().equals(LType.UNIT)) b.store(mv.value(), root);
        }
        MatchCompiler mc = new MatchCompiler(m.rules(), t -> LType.conc(t, env));
        MatchCompiler.Node tree;
        try {
            tree = mc.compile(st);
        } catch (IllegalStateException ex) {
            f.m().find(Finding.Kind.MATCH_TOO_LARGE, m.loc());
            return Fn.unit();
        }
        report(f, m, mc, tree);
        Map<LocalVar, Value> varSlots = new IdentityHashMap<>();
        Set<LocalVar> vars = new LinkedHashSet<>();
        Env benv = bindVariables(f, m, env, varSlots, vars);
        if (funScrut) {
            // only variables and wildcards can match a function: bind and take the first rule
            V mv = Closures.materialize(f, sv, st, env, m.loc());
            for (LocalVar v : vars) b.store(mv.value(), varSlots.get(v));
        }
        Label[] bodyLabels = new Label[m.rules().size()];
        for (int r = 0; r < bodyLabels.length; r++) bodyLabels[r] = b.label("rule");
        Label end = b.label("endmatch");
        emitNode(f, tree, new MatchCtx(m, st, root, varSlots, bodyLabels, benv, new java.util.HashMap<>()));
        for (int r = 0; r < m.rules().size(); r++) {
            if (!mc.reached.contains(r)) continue;
            b.block(bodyLabels[r]);
            if (tc != null) {
                TailCalls.lowerTail(f, m.rules().get(r).body(), benv, tc);
            } else {
                Val v = Expressions.lower(f, m.rules().get(r).body(), benv);
                if (hasValue && !b.terminated()) b.store(Closures.materialize(f, v, rt, benv, m.loc()).value(), result);
                b.br(end);
            }
        }
        if (tc != null) return Fn.unit();
        b.block(end);
        if (!hasValue) return Fn.unit();
        return ControlFlow.loadResult(f, result, rty, rt);
    }

    private static boolean hasViews(Typed.Match m) {
        boolean[] found = {false};
        for (Typed.Rule r : m.rules()) org.fidembed.types.TreeWalk.views(r.pat(), c -> found[0] = true);
        return found[0];
    }

    private static void report(Fn f, Typed.Match m, MatchCompiler mc, MatchCompiler.Node tree) {
        ModuleContext mod = f.m();
        if (MatchCompiler.canFail(tree) && !m.letPattern()) mod.find(Finding.Kind.INCOMPLETE_MATCH, m.loc(), mc.missingExample);
        else if (MatchCompiler.canFail(tree)) mod.find(Finding.Kind.INCOMPLETE_BINDING, m.loc(), mc.missingExample);
        for (int r = 0; r < m.rules().size(); r++) {
            if (!mc.reached.contains(r)) mod.find(Finding.Kind.RULE_NEVER_MATCHED, m.rules().get(r).loc());
        }
    }

    /** A slot for every variable the patterns bind (into varSlots and vars); the rules' environment. */
    private static Env bindVariables(Fn f, Typed.Match m, Env env, Map<LocalVar, Value> varSlots, Set<LocalVar> vars) {
        Env benv = env;
        for (Typed.Rule r : m.rules()) FreeVars.patternVars(r.pat(), vars);
        for (LocalVar v : vars) {
            Type vt = LType.conc(v.type, env);
            IrType ty = LType.of(vt);
            Value slot = f.b().alloca(ty);
            varSlots.put(v, slot);
            if (!LType.isFun(vt)) f.describe(v, slot, vt, 0);
            if (LType.isFun(vt)) benv = benv.with(v, new FnBind(new Closure(slot, vt)));
            else benv = benv.with(v, new Slot(slot, ty));
        }
        return benv;
    }

    private static void emitNode(Fn f, MatchCompiler.Node n, MatchCtx ctx) {
        if (n instanceof MatchCompiler.Fail) {
            Checks.panicMessage(f, "incomplete match", ctx.m().loc(), ctx.env());
            return;
        }
        if (n instanceof MatchCompiler.Leaf l) {
            emitLeaf(f, l, ctx);
            return;
        }
        if (n instanceof MatchCompiler.View v) {
            emitView(f, v, ctx);
            emitNode(f, v.next(), ctx);
            return;
        }
        var b = f.b();
        MatchCompiler.Switch s = (MatchCompiler.Switch) n;
        Label otherwise = b.label("nomatch");
        List<Label> labels = new ArrayList<>();
        for (int k = 0; k < s.branches().size(); k++) labels.add(b.label("case"));
        if (s.kind() == MatchCompiler.Kind.TAG) switchOnTag(f, s, labels, otherwise, ctx);
        else switchOnValue(f, s, labels, otherwise, ctx);
        for (int k = 0; k < s.branches().size(); k++) {
            b.block(labels.get(k));
            emitNode(f, s.branches().get(k).node(), ctx);
        }
        b.block(otherwise);
        if (s.otherwise() != null) emitNode(f, s.otherwise(), ctx);
        else b.unreachable();
    }

    /** A rule is chosen: bind its variables, test its guard (falling through to the rest of the tree). */
    private static void emitLeaf(Fn f, MatchCompiler.Leaf l, MatchCtx ctx) {
        var b = f.b();
        for (MatchCompiler.Bind bd : l.binds()) {
            if (ctx.root() == null) continue;
            Value slot = ctx.varSlots().get(bd.v());
            V v = occValue(f, bd.occ(), ctx);
            if (!v.ty().equals(LType.UNIT)) b.store(v.value(), slot);
        }
        Typed.Rule rule = ctx.m().rules().get(l.rule());
        if (rule.guard() != null) {
            V g = Expressions.value(f, rule.guard(), ctx.env());
            Label fail = b.label("guardfail");
            b.condBr(g.value(), ctx.bodyLabels()[l.rule()], fail);
            b.block(fail);
            emitNode(f, l.onGuardFail(), ctx);
        } else {
            b.br(ctx.bodyLabels()[l.rule()]);
        }
    }

    /** An active pattern's value: its function applied to the part it tests, kept in a slot of its own. */
    private static void emitView(Fn f, MatchCompiler.View v, MatchCtx ctx) {
        var b = f.b();
        Env env = ctx.env();
        LocalVar input = v.view().input();
        IrType ity = LType.of(LType.conc(input.type, env));
        Value in = b.alloca(ity);
        V part = occValue(f, v.occ().parent(), ctx);
        if (!ity.equals(LType.UNIT)) b.store(part.value(), in);
        Type it = LType.conc(input.type, env);
        Env venv = LType.isFun(it) ? env.with(input, new FnBind(new Closure(in, it))) : env.with(input, new Slot(in, ity));
        Val r = Expressions.lower(f, v.view().call(), venv);
        if (b.terminated()) return;
        Type rt = Type.prune(v.occ().type());
        V rv = Closures.materialize(f, r, rt, venv, v.view().loc());
        Value slot = ctx.viewSlots().computeIfAbsent(v.occ(), o -> b.alloca(LType.of(rt)));
        if (!rv.ty().equals(LType.UNIT)) b.store(rv.value(), slot);
    }

    private static void switchOnTag(Fn f, MatchCompiler.Switch s, List<Label> labels, Label otherwise, MatchCtx ctx) {
        var b = f.b();
        Value p = occPtr(f, s.occ(), ctx);
        Type.Named un = (Type.Named) Type.prune(s.occ().type());
        IrType tty = LType.tagType(un.def());
        Value tag = b.load(tty, b.fieldPtr(LType.of(un), p, 0));
        List<FunctionBuilder.Case> cases = new ArrayList<>();
        for (int k = 0; k < s.branches().size(); k++) {
            cases.add(new FunctionBuilder.Case(Value.intExact(tty, (Integer) s.branches().get(k).key()), labels.get(k)));
        }
        b.switchOn(tag, otherwise, cases);
    }

    /** Constants: a switch for integers, chars and bools, a chain of comparisons for strings and floats. */
    private static void switchOnValue(Fn f, MatchCompiler.Switch s, List<Label> labels, Label otherwise, MatchCtx ctx) {
        var b = f.b();
        Type ot = Type.prune(s.occ().type());
        V v = occValue(f, s.occ(), ctx);
        PrimKind k = LType.primOf(ot);
        if (k == PrimKind.STRING || k == PrimKind.FLOAT || k == PrimKind.FLOAT32) {
            for (int i = 0; i < s.branches().size(); i++) {
                Object key = s.branches().get(i).key();
                Value eq = k == PrimKind.STRING
                        ? Calls.callRuntime(f, "stringEquals", ctx.m().loc(), ctx.env(), v, Strings.constant(f.m(), (String) key)).value()
                        : b.fcmp(FCmp.OEQ, v.value(), Globals.literal(f.m(), key, ot));
                Label next = b.label("next");
                b.condBr(eq, labels.get(i), next);
                b.block(next);
            }
            b.br(otherwise);
            return;
        }
        List<FunctionBuilder.Case> cases = new ArrayList<>();
        for (int i = 0; i < s.branches().size(); i++) cases.add(new FunctionBuilder.Case(Globals.literal(f.m(), s.branches().get(i).key(), ot), labels.get(i)));
        b.switchOn(v.value(), otherwise, cases);
    }

    /** The address of an occurrence inside the scrutinee. */
    private static Value occPtr(Fn f, MatchCompiler.Occ o, MatchCtx ctx) {
        if (o.parent() == null) return ctx.root();
        if (o.step() == MatchCompiler.Occ.Step.VIEW) return ctx.viewSlots().get(o);
        var b = f.b();
        Value pp = occPtr(f, o.parent(), ctx);
        Type pt = Type.prune(o.parent().type());
        switch (o.step()) {
            case TUPLE:
                return b.fieldPtr(LType.of(pt), pp, o.index());
            case RECORD: {
                Type.Named n = (Type.Named) pt;
                if (n.def().isReference()) return b.fieldPtr(LType.recordStruct(n), b.load(IrType.PTR, pp), o.index());
                return b.fieldPtr(LType.of(pt), pp, o.index());
            }
            case CASE: {
                Type.Named n = (Type.Named) pt;
                Value payload = b.fieldPtr(LType.of(pt), pp, 1);
                return b.fieldPtr(LType.caseStruct(n, o.caseIndex()), payload, o.index());
            }
            default: throw new IllegalStateException();
        }
    }

    private static V occValue(Fn f, MatchCompiler.Occ o, MatchCtx ctx) {
        IrType ty = LType.of(o.type());
        if (ty.equals(LType.UNIT)) return Fn.unit();
        Value p = occPtr(f, o, ctx);
        if (o.step() == MatchCompiler.Occ.Step.CASE) return new V(Aggregates.loadCaseField(f, ty, p));
        return new V(f.b().load(ty, p));
    }
}
