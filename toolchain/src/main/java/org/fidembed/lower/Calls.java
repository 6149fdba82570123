// Applying functions: inline expansion of inline functions and known lambdas, direct calls of
// instances and lifted local functions, indirect calls of closure values, and partial application
// (arguments held in stack slots until the call is complete).
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.Binding;
import org.fidembed.lower.Env.Closure;
import org.fidembed.lower.Env.F;
import org.fidembed.lower.Env.FnBind;
import org.fidembed.lower.Env.FnRef;
import org.fidembed.lower.Env.GlobalFn;
import org.fidembed.lower.Env.KnownLambda;
import org.fidembed.lower.Env.LocalFn;
import org.fidembed.lower.Env.Partial;
import org.fidembed.lower.Env.Slot;
import org.fidembed.lower.Env.StaticArray;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.rules.Finding;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Calls {
    private Calls() { }

    static Val callGlobal(Fn f, GlobalVal g, List<Val> args, Loc loc, Env env) {
        return apply(f, new GlobalFn(g, List.of()), args, env, loc);
    }

    /** Calls a function of Fid.Runtime (the prelude's panics, output and helpers). */
    static V callRuntime(Fn f, String name, Loc loc, Env env, Val... args) {
        return (V) callGlobal(f, f.m().runtime(name), List.of(args), loc, env);
    }

    /** Applies a function to arguments: inline expansion, a direct call, or a partial application. */
    static Val apply(Fn f, FnRef fn, List<Val> args, Env caller, Loc loc) {
        if (args.isEmpty()) return new F(fn);
        if (fn instanceof Partial p) {
            List<Val> all = new ArrayList<>();
            for (Binding bd : p.args()) all.add(readBinding(f, bd));
            all.addAll(args);
            return apply(f, p.f(), all, caller, loc);
        }
        if (fn instanceof KnownLambda kl) return expand(f, kl.lam(), kl.env(), args, caller, loc);
        if (fn instanceof GlobalFn gf) return applyGlobal(f, gf, args, caller, loc);
        if (fn instanceof LocalFn lf) return applyLocal(f, lf, args, caller, loc);
        return applyClosure(f, (Closure) fn, args, caller, loc);
    }

    private static Val applyGlobal(Fn f, GlobalFn gf, List<Val> args, Env caller, Loc loc) {
        GlobalVal g = gf.g();
        Typed.Lambda lam = (Typed.Lambda) g.body;
        int n = lam.params().size();
        if (g.inline) {
            Map<Type.Var, Type> subst = new IdentityHashMap<>();
            for (int i = 0; i < g.scheme.vars().size() && i < gf.targs().size(); i++) subst.put(g.scheme.vars().get(i), gf.targs().get(i));
            Loc pl = g.prelude ? (caller.panicLoc() != null ? caller.panicLoc() : loc) : null;
            f.b().beginInline(g.qualifiedName, g.loc.file() == null ? null : g.loc.file().name(), g.loc.line());
            try {
                return expand(f, lam, new Env(subst, null, pl, caller.staticAlloc()), args, caller, loc);
            } finally {
                f.b().endInline();
            }
        }
        if (args.size() < n) return partial(f, gf, args);
        Instances.Instance inst = Instances.instance(f.m(), g, gf.targs());
        Type resultType = LType.conc(lam.body().type(), Instances.envFor(g, gf.targs()));
        Val r = emitCall(f, inst, inst.paramTys(), List.of(), args.subList(0, n), resultType, loc, caller);
        return rest(f, r, args, n, caller, loc);
    }

    private static Val applyLocal(Fn f, LocalFn lf, List<Val> args, Env caller, Loc loc) {
        int n = lf.def().lam.params().size();
        if (args.size() < n) return partial(f, lf, args);
        LinkedHashMap<Value, Integer> caps = new LinkedHashMap<>();
        Closures.collectCaps(f.m(), lf, caps);
        Instances.Instance inst = LocalFunctions.instance(f.m(), lf, caps);
        Env inner = LocalFunctions.env(lf);
        Val r = emitCall(f, inst, inst.paramTys().subList(caps.size(), inst.paramTys().size()), new ArrayList<>(caps.keySet()),
                args.subList(0, n), LType.conc(lf.def().lam.body().type(), inner), loc, caller);
        return rest(f, r, args, n, caller, loc);
    }

    private static Val applyClosure(Fn f, Closure c, List<Val> args, Env caller, Loc loc) {
        Type[] res = new Type[1];
        List<Type> ps = LType.funParams(c.type(), res);
        int n = ps.size();
        if (args.size() < n) return partial(f, c, args);
        var b = f.b();
        Value cv = b.load(LType.FN, c.slotPtr());
        Value code = b.extractValue(cv, 0);
        Value envp = b.extractValue(cv, 1);
        List<Value> callArgs = new ArrayList<>(List.of(envp));
        for (int i = 0; i < n; i++) callArgs.add(Closures.materialize(f, args.get(i), ps.get(i), caller, loc).value());
        Value r = b.call(LType.of(res[0]), code, callArgs);
        return rest(f, new V(r), args, n, caller, loc);
    }

    /** The arguments beyond the n a call took apply to its result. */
    private static Val rest(Fn f, Val r, List<Val> args, int n, Env caller, Loc loc) {
        if (args.size() == n) return r;
        return apply(f, asFn(f, r), args.subList(n, args.size()), caller, loc);
    }

    private static Val partial(Fn f, FnRef fn, List<Val> args) {
        List<Binding> held = new ArrayList<>();
        for (Val a : args) held.add(hold(f, a));
        return new F(new Partial(fn, held));
    }

    /** Keeps a value in a stack slot (so closures can capture it by address). */
    private static Binding hold(Fn f, Val a) {
        if (a instanceof F fv) return new FnBind(fv.f());
        V v = (V) a;
        return new Slot(f.hold(v.value()), v.ty(), v.known());
    }

    static Val readBinding(Fn f, Binding bd) {
        if (bd instanceof FnBind fb) return new F(fb.f());
        return readSlot(f, (Slot) bd);
    }

    /** The value in a slot: a load, unless it is unit or a known constant. */
    static V readSlot(Fn f, Slot s) {
        if (s.ty().equals(LType.UNIT)) return Fn.unit();
        if (s.known().constant() instanceof StaticArray sa) return new V(sa.literal(), s.known());
        return new V(f.b().load(s.ty(), s.ptr()), s.known());
    }

    /** A function reference for a value that is called. */
    private static FnRef asFn(Fn f, Val v) {
        if (v instanceof F fv) return fv.f();
        V cv = (V) v;
        Value slot = f.hold(cv.value());
        if (f.m().lastValueType == null) throw new IllegalStateException("closure of unknown type");
        return new Closure(slot, f.m().lastValueType);
    }

    private static Val emitCall(Fn f, Instances.Instance inst, List<IrType> ptys, List<Value> leading, List<Val> args, Type resultType,
                                Loc loc, Env caller) {
        List<Value> callArgs = new ArrayList<>(leading);
        for (int i = 0; i < args.size(); i++) {
            Val a = args.get(i);
            callArgs.add(a instanceof V vv ? vv.value() : Closures.materialize(f, a, null, caller, loc).value());
        }
        Value r = f.b().call(inst.retTy(), inst.name(), callArgs);
        if (LType.isFun(resultType)) {
            f.m().lastValueType = resultType;
            return new F(new Closure(f.hold(r), resultType));
        }
        return new V(r);
    }

    /** Inline expansion of a lambda applied to arguments (extra arguments apply to its result). */
    static Val expand(Fn f, Typed.Lambda lam, Env lenv, List<Val> args, Env caller, Loc loc) {
        int n = lam.params().size();
        if (args.size() < n) return partial(f, new KnownLambda(lam, lenv), args);
        ModuleContext m = f.m();
        if (++m.inlineDepth > 200) {
            m.inlineDepth = 0;
            m.find(Finding.Kind.INLINE_TOO_DEEP, loc);
            throw new ModuleContext.Stop();
        }
        try {
            Env e = new Env(lenv.subst(), lenv.binds(), lenv.panicLoc(), caller.staticAlloc());
            for (int i = 0; i < n; i++) e = bindParam(f, e, lam.params().get(i), args.get(i));
            Val r = Expressions.lower(f, lam.body(), e);
            return rest(f, r, args, n, caller, loc);
        } finally {
            m.inlineDepth--;
        }
    }

    private static Env bindParam(Fn f, Env e, LocalVar p, Val a) {
        if (a instanceof F fv) return e.with(p, new FnBind(fv.f()));
        V v = (V) a;
        if (LType.isFun(LType.conc(p.type, e))) return e.with(p, new FnBind(new Closure(f.hold(v.value()), LType.conc(p.type, e))));
        Value slot = f.b().alloca(v.ty());
        if (!v.ty().equals(LType.UNIT)) f.b().store(v.value(), slot);
        f.describe(p, slot, LType.conc(p.type, e), 0);
        return e.with(p, new Slot(slot, v.ty(), v.known()));
    }
}
