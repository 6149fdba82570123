// Lowers one expression of the typed tree: dispatches each construct to the concern that compiles
// it, and handles names themselves (constants, locals, globals, let bindings, assignments) and
// applications.
package org.fidembed.lower;

import org.fidembed.lower.Env.Binding;
import org.fidembed.lower.Env.Closure;
import org.fidembed.lower.Env.F;
import org.fidembed.lower.Env.FnBind;
import org.fidembed.lower.Env.FnRef;
import org.fidembed.lower.Env.GlobalFn;
import org.fidembed.lower.Env.KnownLambda;
import org.fidembed.lower.Env.LocalFn;
import org.fidembed.lower.Env.Slot;
import org.fidembed.lower.Env.StaticArray;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.ConstEval;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;

final class Expressions {
    private Expressions() { }

    static Val lower(Fn f, TExpr e, Env env) {
        if (e.loc() == null || e.loc().file() == null) return dispatch(f, e, env);
        f.m().currentLoc = e.loc();
        int outer = f.b().location();
        f.at(e.loc());
        Val v = dispatch(f, e, env);
        f.b().restoreLocation(outer);
        return v;
    }

    private static Val dispatch(Fn f, TExpr e, Env env) {
        if (e instanceof Typed.Const c) return constant(f, c, env);
        if (e instanceof Typed.LocalRef l) return local(f, l, env);
        if (e instanceof Typed.GlobalRef g) return globalRef(f, g, env);
        if (e instanceof Typed.App a) return app(f, a, env);
        if (e instanceof Typed.Lambda l) return new F(new KnownLambda(l, env));
        if (e instanceof Typed.Let l) return lower(f, l.body(), bindLet(f, l, env));
        if (e instanceof Typed.LetRec l) return lower(f, l.body(), bindLetRec(l, env));
        if (e instanceof Typed.Seq s) { lower(f, s.first(), env); return lower(f, s.second(), env); }
        if (e instanceof Typed.If i) return ControlFlow.lowerIf(f, i, env);
        if (e instanceof Typed.While w) return ControlFlow.lowerWhile(f, w, env);
        if (e instanceof Typed.For fo) return ControlFlow.lowerFor(f, fo, env);
        if (e instanceof Typed.ForEach fe) return ControlFlow.lowerForEach(f, fe, env);
        if (e instanceof Typed.Match m) return Matches.lower(f, m, env, null);
        if (e instanceof Typed.Tuple t) return Aggregates.tuple(f, t, env);
        if (e instanceof Typed.Record r) return Aggregates.record(f, r, env);
        if (e instanceof Typed.RecordWith r) return Aggregates.recordWith(f, r, env);
        if (e instanceof Typed.Field fi) return Aggregates.field(f, fi, env);
        if (e instanceof Typed.SetField s) return Aggregates.setField(f, s, env);
        if (e instanceof Typed.UnionCase u) return Aggregates.unionCase(f, u, env);
        if (e instanceof Typed.ArrayLit a) return ArrayOps.literal(f, a, env);
        if (e instanceof Typed.Index i) return ArrayOps.index(f, i, env);
        if (e instanceof Typed.SetIndex s) return ArrayOps.setIndex(f, s, env);
        if (e instanceof Typed.SetLocal s) return setLocal(f, s, env);
        if (e instanceof Typed.SetGlobal s) return setGlobal(f, s, env);
        if (e instanceof Typed.Prim p) return Primitives.lower(f, p, env);
        if (e instanceof Typed.Printf p) { Printf.lower(f, p, env); return Fn.unit(); }
        if (e instanceof Typed.Panic p) return Checks.lowerPanic(f, p, env);
        if (e instanceof Typed.Prop p) return Aggregates.property(f, p, env);
        if (e instanceof Typed.TraitCall t) return MemberConstraints.lower(f, t, env);
        throw new IllegalStateException("cannot lower " + e.getClass().getSimpleName() + " at " + e.loc());
    }

    /** lower for an expression whose value is an operand (not a function). */
    static V value(Fn f, TExpr e, Env env) { return (V) lower(f, e, env); }

    static Env bindLet(Fn f, Typed.Let l, Env env) {
        LocalVar v = l.v();
        if (l.value() instanceof Typed.Lambda lam && !v.mutable) {
            Env.LocalDef def = new Env.LocalDef(v, lam);
            def.group = List.of(def);
            return env.with(v, new FnBind(new LocalFn(def, env, List.of())));
        }
        Val val = lower(f, l.value(), env);
        Type t = LType.conc(v.type, env);
        if (val instanceof F fv && !v.mutable) return env.with(v, new FnBind(fv.f()));
        IrType ty = LType.of(t);
        if (f.b().terminated()) return env.with(v, new Slot(f.b().alloca(ty), ty));
        V mv = Closures.materialize(f, val, t, env, l.loc());
        Value slot = f.b().alloca(ty);
        if (!ty.equals(LType.UNIT)) f.b().store(mv.value(), slot);
        if (!LType.isFun(t)) f.describe(v, slot, t, 0);
        if (LType.isFun(t)) return env.with(v, new FnBind(new Closure(slot, t)));
        return env.with(v, new Slot(slot, ty, v.mutable ? Env.Known.NOTHING : mv.known()));
    }

    static Env bindLetRec(Typed.LetRec l, Env env) {
        List<Env.LocalDef> defs = new ArrayList<>();
        for (int k = 0; k < l.vars().size(); k++) defs.add(new Env.LocalDef(l.vars().get(k), l.fns().get(k)));
        for (Env.LocalDef d : defs) d.group = defs;
        Env e = env;
        for (Env.LocalDef d : defs) e = e.with(d.v, new FnBind(new LocalFn(d, env, List.of())));
        return e;
    }

    private static Val constant(Fn f, Typed.Const c, Env env) {
        Type t = LType.conc(c.type(), env);
        if (c.value() == null) return Fn.unit();
        if (c.value() instanceof String s) return Strings.constant(f.m(), s);
        Object v = c.value();
        if (v instanceof Character ch) v = (long) ch;
        return new V(Globals.literal(f.m(), c.value(), t), Env.constant(v));
    }

    private static Val local(Fn f, Typed.LocalRef l, Env env) {
        Binding bd = env.lookup(l.v());
        if (bd == null) throw new IllegalStateException("unbound local " + l.v() + " at " + l.loc());
        if (bd instanceof FnBind fb) {
            if (fb.f() instanceof LocalFn lf && (!l.typeArgs().isEmpty() || l.v().scheme != null)) {
                List<Type> targs = new ArrayList<>();
                List<Type> given = l.typeArgs().isEmpty() ? new ArrayList<>(l.v().scheme.vars()) : l.typeArgs();
                for (Type t : given) targs.add(LType.conc(t, env));
                return new F(new LocalFn(lf.def(), lf.env(), targs));
            }
            return new F(fb.f());
        }
        return Calls.readSlot(f, (Slot) bd);
    }

    private static Val globalRef(Fn f, Typed.GlobalRef g, Env env) {
        GlobalVal gv = g.g();
        if (gv.isFunction()) {
            List<Type> targs = new ArrayList<>();
            // a recursive use inside its own definition was checked before generalisation: same type arguments
            List<Type> given = g.typeArgs().isEmpty() && !gv.scheme.vars().isEmpty() ? new ArrayList<>(gv.scheme.vars()) : g.typeArgs();
            for (Type t : given) targs.add(LType.conc(t, env));
            return new F(new GlobalFn(gv, targs));
        }
        Globals.GInfo gi = Globals.info(f.m(), gv);
        if (gi.ty().equals(LType.UNIT)) return Fn.unit();
        if (gi.constRef() != null) return new V(gi.constRef().literal(), Env.constant(gi.constRef()));
        Value r = f.b().load(gi.ty(), gi.name(), f.m().volatileGlobals && gv.mutable, 0);
        if (LType.isFun(gv.scheme.type())) return new F(new Closure(f.hold(r), Type.resolve(gv.scheme.type())));
        Object cv = gi.isConst() ? ConstEval.eval(g) : null;
        return new V(r, gi.knownLen() != null ? new Env.Length(gi.knownLen()) : Env.constant(cv instanceof String ? null : cv));
    }

    private static Val app(Fn f, Typed.App a, Env env) {
        FnRef fn = callee(f, a.fn(), env);
        List<Val> args = new ArrayList<>();
        for (TExpr x : a.args()) args.add(lower(f, x, env));
        return Calls.apply(f, fn, args, env, a.loc());
    }

    private static FnRef callee(Fn f, TExpr fn, Env env) {
        Val v = lower(f, fn, env);
        if (v instanceof F fv) return fv.f();
        return new Closure(f.hold(((V) v).value()), LType.conc(fn.type(), env));
    }

    private static Val setLocal(Fn f, Typed.SetLocal s, Env env) {
        Binding bd = env.lookup(s.v());
        Type t = LType.conc(s.v().type, env);
        V v = Closures.materialize(f, lower(f, s.value(), env), t, env, s.loc());
        Value ptr = bd instanceof Slot sl ? sl.ptr() : ((Closure) ((FnBind) bd).f()).slotPtr();
        if (!v.ty().equals(LType.UNIT)) f.b().store(v.value(), ptr);
        return Fn.unit();
    }

    private static Val setGlobal(Fn f, Typed.SetGlobal s, Env env) {
        Globals.GInfo gi = Globals.info(f.m(), s.g());
        V v = Closures.materialize(f, lower(f, s.value(), env), s.g().scheme.type(), env, s.loc());
        if (!gi.ty().equals(LType.UNIT)) f.b().store(v.value(), gi.name(), f.m().volatileGlobals, 0);
        return Fn.unit();
    }
}
