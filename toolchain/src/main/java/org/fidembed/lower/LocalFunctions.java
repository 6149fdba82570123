// Local functions (let f x = ... inside a function, let rec groups) are lifted: each becomes an IR
// function taking pointers to the slots it captures before its own parameters, one per structural
// key, generated when first called (the captures are known there).
package org.fidembed.lower;

import org.fidembed.lower.Env.Closure;
import org.fidembed.lower.Env.FnBind;
import org.fidembed.lower.Env.LocalFn;
import org.fidembed.lower.Env.Slot;
import org.fidembed.lower.TailCalls.TailCtx;
import org.fidembed.lower.ir.FunctionBuilder;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.FunctionBuilder.Linkage;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class LocalFunctions {
    private LocalFunctions() { }

    /** The environment of a local function's body: its definition's, with its own type arguments. */
    static Env env(LocalFn lf) {
        Map<Type.Var, Type> subst = new IdentityHashMap<>(lf.env().subst());
        if (lf.def().v.scheme != null) {
            List<Type.Var> vars = lf.def().v.scheme.vars();
            for (int i = 0; i < vars.size() && i < lf.targs().size(); i++) subst.put(vars.get(i), lf.targs().get(i));
        }
        return new Env(subst, lf.env().binds(), lf.env().panicLoc(), false);
    }

    /** The lifted function of lf (generated now when new); caps: the slots it captures, in order. */
    static Instances.Instance instance(ModuleContext m, LocalFn lf, LinkedHashMap<Value, Integer> caps) {
        String key = Closures.sig(m, lf);
        Instances.Instance inst = m.localInstances.get(key);
        if (inst != null) return inst;
        Env inner = env(lf);
        Typed.Lambda lam = lf.def().lam;
        List<IrType> ptys = new ArrayList<>();
        for (int i = 0; i < caps.size(); i++) ptys.add(IrType.PTR);
        for (LocalVar p : lam.params()) ptys.add(LType.of(p.type, inner));
        Value name = Value.global(lf.def().v.name + "." + (m.counter++));
        inst = new Instances.Instance(name, ptys, LType.of(lam.body().type(), inner));
        m.localInstances.put(key, inst);
        m.functionLocs.put(name.symbol(), lf.def().v.loc);
        emit(m, lf, caps, inst, key);
        return inst;
    }

    private static void emit(ModuleContext m, LocalFn lf, LinkedHashMap<Value, Integer> caps, Instances.Instance inst, String key) {
        Fn f = Fn.in(m);
        Typed.Lambda lam = lf.def().lam;
        List<Value> params = new ArrayList<>();
        Map<Value, Value> remap = new HashMap<>();
        int i = 0;
        for (Value p : caps.keySet()) {
            Value c = FunctionBuilder.param("c" + (i++), IrType.PTR);
            params.add(c);
            remap.put(p, c);
        }
        LocalFn self = (LocalFn) Closures.rebuild(m, lf, remap);
        Env e = env(self);
        // the group's functions see each other (and themselves) as local functions
        for (Env.LocalDef d : lf.def().group) e = e.with(d.v, new FnBind(new LocalFn(d, self.env(), d == lf.def() ? lf.targs() : List.of())));
        List<Value> slots = new ArrayList<>();
        List<IrType> own = inst.paramTys().subList(caps.size(), inst.paramTys().size());
        for (int k = 0; k < lam.params().size(); k++) {
            IrType ty = own.get(k);
            Value p = FunctionBuilder.param("p" + k, ty);
            params.add(p);
            Value slot = f.hold(p);
            slots.add(slot);
            LocalVar v = lam.params().get(k);
            Type vt = LType.conc(v.type, e);
            e = e.with(v, LType.isFun(vt) ? new FnBind(new Closure(slot, vt)) : new Slot(slot, ty));
        }
        f.at(lam.loc()); // after the parameters' stores, as in Instances
        for (int k = 0; k < lam.params().size(); k++) {
            Type vt = LType.conc(lam.params().get(k).type, e);
            if (!LType.isFun(vt)) f.describe(lam.params().get(k), slots.get(k), vt, k + 1);
        }
        Label loop = f.b().label("body");
        f.b().block(loop);
        TailCalls.lowerTail(f, lam.body(), e, new TailCtx(key, slots, own, loop, inst.retTy()));
        m.ir.function(f.b().finish(Linkage.INTERNAL, inst.retTy(), inst.name(), params, List.of(), null));
    }
}
