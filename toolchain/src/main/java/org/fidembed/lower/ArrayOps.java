// Arrays: literals and Array.zeroCreate (storage on the stack, or static in module initialisation;
// the length must be a compile-time constant), element reads and writes with their bounds checks.
package org.fidembed.lower;

import org.fidembed.rules.Finding;
import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.Closure;
import org.fidembed.lower.Env.F;
import org.fidembed.lower.Env.StaticArray;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;

final class ArrayOps {
    private ArrayOps() { }

    private static V empty() { return new V(Value.struct(LType.ARR, Value.nullPtr(), Value.i32(0)), new Env.Length(0)); }

    static Val literal(Fn f, Typed.ArrayLit a, Env env) {
        Type.Array t = (Type.Array) LType.conc(a.type(), env);
        IrType ety = LType.of(t.elem());
        int n = a.elems().size();
        if (n == 0) return empty();
        IrType st = new IrType.Array(n, ety);
        List<V> vals = new ArrayList<>();
        for (TExpr x : a.elems()) vals.add(Closures.materialize(f, Expressions.lower(f, x, env), t.elem(), env, a.loc()));
        Value storage = Globals.allocStorage(f, st, env);
        for (int k = 0; k < n; k++) {
            if (ety.equals(LType.UNIT)) break;
            f.b().store(vals.get(k).value(), f.b().fieldPtr(st, storage, k));
        }
        return reference(f, storage, n);
    }

    /** The reference to n elements at storage: a constant for static storage. */
    private static V reference(Fn f, Value storage, int n) {
        if (storage.ref().startsWith("@")) {
            StaticArray sa = new StaticArray(storage, n);
            return new V(sa.literal(), Env.constant(sa));
        }
        Value v1 = f.b().insertValue(Value.undef(LType.ARR), storage, 0);
        Value v2 = f.b().insertValue(v1, Value.i32(n), 1);
        return new V(v2, new Env.Length(n));
    }

    /** Array.zeroCreate n: n must be known at compile time (no dynamic allocation). */
    static Val zeroCreate(Fn f, Typed.Prim p, Env env) {
        Type.Array t = (Type.Array) LType.conc(p.type(), env);
        Val nv = Expressions.lower(f, p.args().get(0), env);
        Long n = nv instanceof V v && v.constVal() instanceof Long l ? l : null;
        Loc at = env.panicLoc() != null ? env.panicLoc() : p.loc();
        if (n == null) {
            f.m().find(Finding.Kind.DYNAMIC_ALLOCATION, at);
            return empty();
        }
        if (n < 0) {
            f.m().find(Finding.Kind.NEGATIVE_LENGTH, at, n);
            n = 0L;
        }
        if (n > 1_000_000) {
            f.m().find(Finding.Kind.ARRAY_TOO_LARGE, at, n);
            n = 0L;
        }
        if (n == 0) return empty();
        IrType st = new IrType.Array(n, LType.of(t.elem()));
        Value storage = Globals.allocStorage(f, st, env);
        if (!env.staticAlloc()) f.b().store(Value.zero(st), storage);
        return reference(f, storage, n.intValue());
    }

    /** Element i of an array of elem. */
    static V element(Fn f, V arr, Value i, Type elem) {
        IrType ety = LType.of(elem);
        Value p = f.b().extractValue(arr.value(), 0);
        Value ep = f.b().gep(ety, p, i);
        if (ety.equals(LType.UNIT)) return Fn.unit();
        return new V(f.b().load(ety, ep));
    }

    /** The element type of an array or a span (the same representation), or null for another type. */
    static Type elementType(Type t) {
        if (t instanceof Type.Array a) return a.elem();
        if (org.fidembed.types.Predef.isSpan(t)) return ((Type.Named) Type.prune(t)).args().get(0);
        return null;
    }

    /** The checked address of an array or span element (an assignable place). */
    static Value elementAddress(Fn f, Typed.Index i, Type elem, Env env) {
        V a = Expressions.value(f, i.target(), env);
        V idx = Expressions.value(f, i.index(), env);
        Checks.bounds(f, a, idx, false, i.target().loc(), env);
        Value p = f.b().extractValue(a.value(), 0);
        return f.b().gep(LType.of(elem), p, idx.value());
    }

    static Val index(Fn f, Typed.Index i, Env env) {
        Type tt = LType.conc(i.target().type(), env);
        V t = Expressions.value(f, i.target(), env);
        V idx = Expressions.value(f, i.index(), env);
        boolean isString = Type.isPrim(tt, PrimKind.STRING);
        Checks.bounds(f, t, idx, isString, i.target().loc(), env);
        if (isString) return Strings.charAt(f, t, idx.value());
        Type et = elementType(tt);
        V v = element(f, t, idx.value(), et);
        if (LType.isFun(et)) return new F(new Closure(f.hold(v.value()), et));
        return v;
    }

    static Val setIndex(Fn f, Typed.SetIndex s, Env env) {
        Type elem = elementType(LType.conc(s.target().type(), env));
        V a = Expressions.value(f, s.target(), env);
        V idx = Expressions.value(f, s.index(), env);
        V v = Closures.materialize(f, Expressions.lower(f, s.value(), env), elem, env, s.loc());
        Checks.bounds(f, a, idx, false, s.target().loc(), env);
        IrType ety = LType.of(elem);
        if (ety.equals(LType.UNIT)) return Fn.unit();
        Value p = f.b().extractValue(a.value(), 0);
        f.b().store(v.value(), f.b().gep(ety, p, idx.value()));
        return Fn.unit();
    }
}
