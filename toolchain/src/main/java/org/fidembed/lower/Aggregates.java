// Tuples, records (value records as IR structs, reference records as pointers to storage made
// here), record copies with changed fields, field reads and writes, union cases (tag and payload),
// and the properties of values (array and string length, option Value/IsSome/IsNone).
package org.fidembed.lower;

import org.fidembed.lower.Env.Binding;
import org.fidembed.lower.Env.Closure;
import org.fidembed.lower.Env.F;
import org.fidembed.lower.Env.Slot;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.IrOp.Cast;
import org.fidembed.lower.ir.IrOp.ICmp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Type;
import org.fidembed.types.TypeDefn;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Aggregates {
    private Aggregates() { }

    static Val tuple(Fn f, Typed.Tuple t, Env env) {
        Type tt = LType.conc(t.type(), env);
        IrType ty = LType.of(tt);
        List<Type> ets = ((Type.Tuple) tt).elems();
        Value cur = Value.undef(ty);
        for (int k = 0; k < t.elems().size(); k++) {
            V v = Closures.materialize(f, Expressions.lower(f, t.elems().get(k), env), ets.get(k), env, t.loc());
            cur = f.b().insertValue(cur, v.value(), k);
        }
        if (t.elems().isEmpty()) return Fn.unit();
        return new V(cur);
    }

    /** The field values of a record expression (in its evaluation order), missing ones zero. */
    static Val record(Fn f, Typed.Record r, Env env) {
        Type.Named t = (Type.Named) LType.conc(r.type(), env);
        List<IrType> fts = LType.fieldTypes(t);
        Value[] vals = new Value[r.fields().size()];
        for (int idx : r.evalOrder()) {
            Type ft = Type.substParams(r.def().fields.get(idx).type(), t.args());
            vals[idx] = Closures.materialize(f, Expressions.lower(f, r.fields().get(idx), env), LType.conc(ft, env), env, r.loc()).value();
        }
        for (int k = 0; k < vals.length; k++) if (vals[k] == null) vals[k] = Value.zero(fts.get(k));
        if (r.def().isReference()) {
            IrType.Struct st = LType.recordStruct(t);
            Value obj = Globals.allocStorage(f, st, env);
            for (int k = 0; k < vals.length; k++) {
                if (fts.get(k).equals(LType.UNIT)) continue;
                f.b().store(vals[k], f.b().fieldPtr(st, obj, k));
            }
            return new V(obj);
        }
        IrType ty = LType.of(t);
        Value cur = Value.undef(ty);
        for (int k = 0; k < vals.length; k++) cur = f.b().insertValue(cur, vals[k], k);
        if (vals.length == 0) return new V(Value.zero(ty));
        return new V(cur);
    }

    static Val recordWith(Fn f, Typed.RecordWith r, Env env) {
        var b = f.b();
        Type.Named t = (Type.Named) LType.conc(r.type(), env);
        List<IrType> fts = LType.fieldTypes(t);
        V orig = Expressions.value(f, r.original(), env);
        Map<Integer, V> upd = new LinkedHashMap<>();
        for (int k = 0; k < r.indices().size(); k++) {
            int idx = r.indices().get(k);
            Type ft = Type.substParams(r.def().fields.get(idx).type(), t.args());
            upd.put(idx, Closures.materialize(f, Expressions.lower(f, r.values().get(k), env), LType.conc(ft, env), env, r.loc()));
        }
        if (r.def().isReference()) {
            IrType.Struct st = LType.recordStruct(t);
            Value obj = Globals.allocStorage(f, st, env);
            for (int k = 0; k < fts.size(); k++) {
                if (fts.get(k).equals(LType.UNIT)) continue;
                Value dst = b.fieldPtr(st, obj, k);
                Value val = upd.containsKey(k) ? upd.get(k).value() : b.load(fts.get(k), b.fieldPtr(st, orig.value(), k));
                b.store(val, dst);
            }
            return new V(obj);
        }
        Value cur = orig.value();
        for (Map.Entry<Integer, V> e : upd.entrySet()) cur = b.insertValue(cur, e.getValue().value(), e.getKey());
        return new V(cur);
    }

    static Val field(Fn f, Typed.Field fi, Env env) {
        Type.Named t = (Type.Named) LType.conc(fi.target().type(), env);
        IrType fty = LType.fieldTypes(t).get(fi.index());
        Type ft = LType.conc(Type.substParams(fi.def().fields.get(fi.index()).type(), t.args()), env);
        V obj = Expressions.value(f, fi.target(), env);
        if (fty.equals(LType.UNIT)) return Fn.unit();
        Value r = fi.def().isReference()
                ? f.b().load(fty, f.b().fieldPtr(LType.recordStruct(t), obj.value(), fi.index()))
                : f.b().extractValue(obj.value(), fi.index());
        if (LType.isFun(ft)) return new F(new Closure(f.hold(r), ft));
        return new V(r);
    }

    /** The address of an assignable place: a mutable variable, an array element, a field of either. */
    static Value placeAddress(Fn f, TExpr e, Env env) {
        if (e instanceof Typed.LocalRef l) {
            Binding bd = env.lookup(l.v());
            if (bd instanceof Slot s) return s.ptr();
        }
        if (e instanceof Typed.GlobalRef g && !g.g().isFunction()) return Globals.info(f.m(), g.g()).name();
        if (e instanceof Typed.Index i) {
            Type at = LType.conc(i.target().type(), env);
            Type et = ArrayOps.elementType(at);
            if (et != null) return ArrayOps.elementAddress(f, i, et, env);
        }
        // through a byref: the place is the one it points to
        if (e instanceof Typed.Prim p && p.op() == org.fidembed.types.Builtin.DEREF) return Expressions.value(f, p.args().get(0), env).value();
        if (e instanceof Typed.Field fi) return fieldAddress(f, fi.target(), fi.def(), fi.index(), env);
        // a temporary: changes to it are lost, as in F# for a struct that is not a variable
        return f.hold(Expressions.value(f, e, env).value());
    }

    private static Value fieldAddress(Fn f, TExpr target, TypeDefn def, int index, Env env) {
        Type.Named t = (Type.Named) LType.conc(target.type(), env);
        if (def.isReference()) return f.b().fieldPtr(LType.recordStruct(t), Expressions.value(f, target, env).value(), index);
        return f.b().fieldPtr(LType.of(t), placeAddress(f, target, env), index);
    }

    static Val setField(Fn f, Typed.SetField s, Env env) {
        Type.Named t = (Type.Named) LType.conc(s.target().type(), env);
        IrType fty = LType.fieldTypes(t).get(s.index());
        Type ft = LType.conc(Type.substParams(s.def().fields.get(s.index()).type(), t.args()), env);
        Value p = fieldAddress(f, s.target(), s.def(), s.index(), env);
        V v = Closures.materialize(f, Expressions.lower(f, s.value(), env), ft, env, s.loc());
        if (!fty.equals(LType.UNIT)) f.b().store(v.value(), p);
        return Fn.unit();
    }

    static Val unionCase(Fn f, Typed.UnionCase u, Env env) {
        var b = f.b();
        Type.Named t = (Type.Named) LType.conc(u.type(), env);
        IrType uty = LType.of(t);
        IrType.Struct cs = LType.caseStruct(t, u.caseIndex());
        List<V> vals = new ArrayList<>();
        TypeDefn.Case c = u.def().cases.get(u.caseIndex());
        for (int k = 0; k < u.args().size(); k++) {
            Type ft = LType.conc(Type.substParams(c.fields().get(k).type(), t.args()), env);
            vals.add(Closures.materialize(f, Expressions.lower(f, u.args().get(k), env), ft, env, u.loc()));
        }
        Value tmp = b.alloca(uty);
        b.store(Value.zero(uty), tmp);
        b.store(Value.intExact(LType.tagType(u.def()), u.caseIndex()), b.fieldPtr(uty, tmp, 0));
        if (!vals.isEmpty()) {
            Value pp = b.fieldPtr(uty, tmp, 1);
            for (int k = 0; k < vals.size(); k++) {
                if (vals.get(k).ty().equals(LType.UNIT)) continue;
                storeCaseField(f, vals.get(k).value(), b.fieldPtr(cs, pp, k));
            }
        }
        return new V(b.load(uty, tmp));
    }

    /** A union case field (LType.caseField: a bool is an i8 in the payload). */
    static void storeCaseField(Fn f, Value value, Value ptr) {
        IrType mty = LType.caseField(value.type());
        f.b().store(mty.equals(value.type()) ? value : f.b().cast(Cast.ZEXT, value, mty), ptr);
    }

    static Value loadCaseField(Fn f, IrType ty, Value ptr) {
        IrType mty = LType.caseField(ty);
        Value v = f.b().load(mty, ptr);
        return mty.equals(ty) ? v : f.b().cast(Cast.TRUNC, v, ty);
    }

    static Val property(Fn f, Typed.Prop p, Env env) {
        var b = f.b();
        V t = Expressions.value(f, p.target(), env);
        switch (p.kind()) {
            case ARRAY_LENGTH: {
                if (t.knownLen() != null && t.knownLen() >= 0) return new V(Value.i32(t.knownLen()), Env.constant((long) t.knownLen()));
                return new V(b.extractValue(t.value(), 1));
            }
            case STRING_LENGTH: {
                if (t.constVal() instanceof String s) return new V(Value.i32(s.length()), Env.constant((long) s.length()));
                return new V(Strings.lengthOf(f, t, true));
            }
            case IS_SOME: case IS_NONE: {
                Value tag = b.extractValue(t.value(), 0);
                return new V(b.icmp(p.kind() == Typed.PropKind.IS_SOME ? ICmp.NE : ICmp.EQ, tag, Value.i8(0)));
            }
            default:
                return optionValue(f, p, t, env);
        }
    }

    /** Option.Value: the payload of Some, a panic for None. */
    private static Val optionValue(Fn f, Typed.Prop p, V t, Env env) {
        var b = f.b();
        Type.Named ot = (Type.Named) LType.conc(p.target().type(), env);
        Value tag = b.extractValue(t.value(), 0);
        Value none = b.icmp(ICmp.EQ, tag, Value.i8(0));
        Label fail = b.label("none"), ok = b.label("some");
        b.condBr(none, fail, ok);
        b.block(fail);
        Checks.panicMessage(f, "the option value was None", p.loc(), env);
        b.block(ok);
        Value tmp = f.hold(t.value());
        Value pp = b.fieldPtr(t.ty(), tmp, 1);
        Value fp = b.fieldPtr(LType.caseStruct(ot, 1), pp, 0);
        IrType vty = LType.of(p.type(), env);
        if (vty.equals(LType.UNIT)) return Fn.unit();
        Value r = loadCaseField(f, vty, fp);
        Type vt = LType.conc(p.type(), env);
        if (LType.isFun(vt)) return new F(new Closure(f.hold(r), vt));
        return new V(r);
    }
}
