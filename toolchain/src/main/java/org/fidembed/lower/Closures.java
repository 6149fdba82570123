// Closure conversion: a function becomes a value (code, environment) only where one must exist.
// The environment is an array of pointers to the captured stack slots; the code is one function per
// structural key (sig), which reloads the captures and applies the function as it was known.
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
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.FunctionBuilder;
import org.fidembed.lower.ir.FunctionBuilder.Linkage;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class Closures {
    private Closures() { }

    /** Makes a value an IR operand; functions become closures (code, environment in this frame). */
    static V materialize(Fn f, Val v, Type t, Env env, Loc loc) {
        if (v instanceof V vv) return vv;
        FnRef fn = ((F) v).f();
        if (fn instanceof Closure c) return new V(f.b().load(LType.FN, c.slotPtr()));
        Type ft = t != null ? LType.conc(t, env) : typeOf(fn);
        return closureOf(f, fn, ft, env);
    }

    private static Type typeOf(FnRef fn) {
        if (fn instanceof KnownLambda kl) return LType.conc(kl.lam().type(), kl.env());
        if (fn instanceof GlobalFn gf) return LType.conc(gf.g().body.type(), Instances.envFor(gf.g(), gf.targs()));
        if (fn instanceof LocalFn lf) return LType.conc(lf.def().lam.type(), LocalFunctions.env(lf));
        if (fn instanceof Closure c) return c.type();
        Partial p = (Partial) fn;
        Type t = typeOf(p.f());
        for (int i = 0; i < p.args().size(); i++) t = ((Type.Fun) Type.prune(t)).result();
        return t;
    }

    private static V closureOf(Fn f, FnRef fn, Type fnType, Env env) {
        ModuleContext m = f.m();
        LinkedHashMap<Value, Integer> caps = new LinkedHashMap<>();
        collectCaps(m, fn, caps);
        String key = sig(m, fn) + "::" + Type.show(fnType);
        Value code = m.closureCodes.get(key);
        if (code == null) {
            code = Value.global("clo." + m.closureCodes.size());
            m.closureCodes.put(key, code);
            emitCode(m, code, fn, caps, fnType);
        }
        var b = f.b();
        Value envPtr = Value.nullPtr();
        if (!caps.isEmpty()) {
            IrType envTy = new IrType.Array(caps.size(), IrType.PTR);
            envPtr = Globals.allocStorage(f, envTy, env);
            int i = 0;
            for (Value p : caps.keySet()) b.store(p, b.fieldPtr(envTy, envPtr, i++));
        }
        Value v1 = b.insertValue(Value.undef(LType.FN), code, 0);
        Value v2 = b.insertValue(v1, envPtr, 1);
        return new V(v2, caps.isEmpty() ? Env.Known.NOTHING : new Env.StackClosure());
    }

    /** The code of a closure: reloads the captures from %env, then applies the function to the parameters. */
    private static void emitCode(ModuleContext m, Value name, FnRef fn, LinkedHashMap<Value, Integer> caps, Type fnType) {
        Type[] res = new Type[1];
        List<Type> ps = LType.funParams(fnType, res);
        Fn f = Fn.in(m);
        Value envParam = FunctionBuilder.param("env", IrType.PTR);
        List<Value> params = new ArrayList<>(List.of(envParam));
        IrType envTy = new IrType.Array(caps.size(), IrType.PTR);
        Map<Value, Value> remap = new HashMap<>();
        int i = 0;
        for (Value p : caps.keySet()) remap.put(p, f.b().load(IrType.PTR, f.b().fieldPtr(envTy, envParam, i++)));
        List<Val> args = new ArrayList<>();
        for (int k = 0; k < ps.size(); k++) {
            Value a = FunctionBuilder.param("a" + k, LType.of(ps.get(k)));
            params.add(a);
            if (LType.isFun(ps.get(k))) {
                m.lastValueType = ps.get(k);
                args.add(new F(new Closure(f.hold(a), ps.get(k))));
            } else args.add(new V(a));
        }
        Val r = Calls.apply(f, rebuild(m, fn, remap), args, Env.empty(), Loc.NONE);
        V mv = materialize(f, r, res[0], Env.empty(), Loc.NONE);
        f.b().ret(mv.value());
        m.ir.function(f.b().finish(Linkage.INTERNAL, LType.of(res[0]), name, params, List.of(), null));
    }

    /** The stack slots a function reference needs, in a fixed order (its captures). */
    static void collectCaps(ModuleContext m, FnRef fn, LinkedHashMap<Value, Integer> caps) {
        if (fn instanceof KnownLambda kl) {
            for (LocalVar v : FreeVars.of(m, kl.lam())) capBinding(m, kl.env().lookup(v), caps);
        } else if (fn instanceof LocalFn lf) {
            for (LocalVar v : FreeVars.ofGroup(m, lf.def())) capBinding(m, lf.env().lookup(v), caps);
        } else if (fn instanceof Partial p) {
            collectCaps(m, p.f(), caps);
            for (Binding bd : p.args()) capBinding(m, bd, caps);
        } else if (fn instanceof Closure c) {
            caps.putIfAbsent(c.slotPtr(), caps.size());
        }
    }

    private static void capBinding(ModuleContext m, Binding bd, LinkedHashMap<Value, Integer> caps) {
        if (bd == null) return;
        if (bd instanceof Slot s) caps.putIfAbsent(s.ptr(), caps.size());
        else collectCaps(m, ((FnBind) bd).f(), caps);
    }

    /** A structural key: two references with the same key compile to the same code. */
    static String sig(ModuleContext m, FnRef fn) {
        if (fn instanceof KnownLambda kl) {
            StringBuilder sb = new StringBuilder("L").append(m.id(kl.lam())).append('[');
            for (LocalVar v : FreeVars.of(m, kl.lam())) sb.append(bindSig(m, kl.env().lookup(v))).append(';');
            return sb.append(']').append(substSig(kl.env())).append(kl.env().panicLoc()).toString();
        }
        if (fn instanceof GlobalFn gf) {
            StringBuilder sb = new StringBuilder("G").append(gf.g().qualifiedName).append('<');
            for (Type t : gf.targs()) sb.append(Type.show(t)).append(',');
            return sb.append('>').toString();
        }
        if (fn instanceof LocalFn lf) {
            StringBuilder sb = new StringBuilder("F").append(m.id(lf.def())).append('<');
            for (Type t : lf.targs()) sb.append(Type.show(t)).append(',');
            sb.append(">[");
            for (LocalVar v : FreeVars.ofGroup(m, lf.def())) sb.append(bindSig(m, lf.env().lookup(v))).append(';');
            return sb.append(']').append(substSig(lf.env())).append(lf.env().panicLoc()).toString();
        }
        if (fn instanceof Partial p) {
            StringBuilder sb = new StringBuilder("P(").append(sig(m, p.f()));
            for (Binding bd : p.args()) sb.append(';').append(bindSig(m, bd));
            return sb.append(')').toString();
        }
        return "C" + Type.show(((Closure) fn).type());
    }

    private static String bindSig(ModuleContext m, Binding bd) {
        if (bd == null) return "-";
        if (bd instanceof Slot s) return "S" + s.ty() + "=" + s.known();
        return sig(m, ((FnBind) bd).f());
    }

    private static String substSig(Env env) {
        if (env.subst().isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Type.Var, Type> e : env.subst().entrySet()) parts.add(e.getKey().id + "=" + Type.show(e.getValue()));
        Collections.sort(parts);
        return "{" + String.join(",", parts) + "}";
    }

    /** The same function reference with its captured slots replaced (by the pointers reloaded in a closure's code). */
    static FnRef rebuild(ModuleContext m, FnRef fn, Map<Value, Value> remap) {
        if (fn instanceof KnownLambda kl) return new KnownLambda(kl.lam(), rebuildEnv(m, kl.env(), FreeVars.of(m, kl.lam()), remap));
        if (fn instanceof LocalFn lf) return new LocalFn(lf.def(), rebuildEnv(m, lf.env(), FreeVars.ofGroup(m, lf.def()), remap), lf.targs());
        if (fn instanceof Partial p) {
            List<Binding> args = new ArrayList<>();
            for (Binding bd : p.args()) args.add(rebuildBinding(m, bd, remap));
            return new Partial(rebuild(m, p.f(), remap), args);
        }
        if (fn instanceof Closure c) return new Closure(remap.getOrDefault(c.slotPtr(), c.slotPtr()), c.type());
        return fn;
    }

    private static Env rebuildEnv(ModuleContext m, Env env, Set<LocalVar> vars, Map<Value, Value> remap) {
        Env out = new Env(env.subst(), null, env.panicLoc(), false);
        for (LocalVar v : vars) {
            Binding bd = env.lookup(v);
            if (bd != null) out = out.with(v, rebuildBinding(m, bd, remap));
        }
        return out;
    }

    private static Binding rebuildBinding(ModuleContext m, Binding bd, Map<Value, Value> remap) {
        if (bd instanceof Slot s) return new Slot(remap.getOrDefault(s.ptr(), s.ptr()), s.ty(), s.known());
        return new FnBind(rebuild(m, ((FnBind) bd).f(), remap));
    }
}
