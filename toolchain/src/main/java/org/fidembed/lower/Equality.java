// Structural equality and F#'s compare: primitives compare directly, strings in the prelude, and
// tuples, records, unions and arrays through one generated helper function per type (eq<T>,
// cmp<T>) that compares field by field and stops at the first difference.
package org.fidembed.lower;

import org.fidembed.rules.Finding;
import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.FunctionBuilder;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.FunctionBuilder.Linkage;
import org.fidembed.lower.ir.IrOp.Bin;
import org.fidembed.lower.ir.IrOp.Cast;
import org.fidembed.lower.ir.IrOp.FCmp;
import org.fidembed.lower.ir.IrOp.ICmp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Builtin;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.TypeDefn;

import java.util.ArrayList;
import java.util.List;

final class Equality {
    private Equality() { }

    static Val compareOp(Fn f, Builtin op, V x, V y, Type t, Env env, Loc loc) {
        var b = f.b();
        PrimKind k = LType.primOf(t);
        if (k != null && k != PrimKind.STRING && k != PrimKind.UNIT) {
            if (k.isFloat()) {
                FCmp pred = switch (op) { case EQ -> FCmp.OEQ; case NE -> FCmp.UNE; case LT -> FCmp.OLT; case LE -> FCmp.OLE; case GT -> FCmp.OGT; default -> FCmp.OGE; };
                return new V(b.fcmp(pred, x.value(), y.value()));
            }
            boolean signed = k.isSigned();
            ICmp pred = switch (op) {
                case EQ -> ICmp.EQ; case NE -> ICmp.NE;
                case LT -> signed ? ICmp.SLT : ICmp.ULT; case LE -> signed ? ICmp.SLE : ICmp.ULE;
                case GT -> signed ? ICmp.SGT : ICmp.UGT; default -> signed ? ICmp.SGE : ICmp.UGE;
            };
            return new V(b.icmp(pred, x.value(), y.value()));
        }
        if (op == Builtin.EQ || op == Builtin.NE) {
            Value eq = equalValues(f, x, y, t, env, loc);
            if (op == Builtin.NE) eq = b.binary(Bin.XOR, eq, Value.bool(true));
            return new V(eq);
        }
        Value c = compareValues(f, x, y, t, env, loc);
        ICmp pred = switch (op) { case LT -> ICmp.SLT; case LE -> ICmp.SLE; case GT -> ICmp.SGT; default -> ICmp.SGE; };
        return new V(b.icmp(pred, c, Value.i32(0)));
    }

    /** Structural equality of two values of type t: an i1. */
    static Value equalValues(Fn f, V x, V y, Type t, Env env, Loc loc) {
        t = Type.prune(t);
        PrimKind k = LType.primOf(t);
        if (k == PrimKind.UNIT) return Value.bool(true);
        if (k == PrimKind.STRING) return Calls.callRuntime(f, "stringEquals", loc, env, x, y).value();
        if (k != null) return ((V) compareOp(f, Builtin.EQ, x, y, t, env, loc)).value();
        return f.b().call(IrType.I1, helper(f.m(), true, t, loc), List.of(x.value(), y.value()));
    }

    /** F#'s compare: -1, 0 or 1 (negative, zero, positive), an i32. */
    static Value compareValues(Fn f, V x, V y, Type t, Env env, Loc loc) {
        var b = f.b();
        t = Type.prune(t);
        PrimKind k = LType.primOf(t);
        if (k == PrimKind.UNIT) return Value.i32(0);
        if (k == PrimKind.STRING) return Calls.callRuntime(f, "stringCompare", loc, env, x, y).value();
        if (k != null) {
            Value lt = ((V) compareOp(f, Builtin.LT, x, y, t, env, loc)).value();
            Value gt = ((V) compareOp(f, Builtin.GT, x, y, t, env, loc)).value();
            Value a = b.cast(Cast.ZEXT, gt, IrType.I32);
            Value c = b.cast(Cast.ZEXT, lt, IrType.I32);
            return b.binary(Bin.SUB, a, c);
        }
        return b.call(IrType.I32, helper(f.m(), false, t, loc), List.of(x.value(), y.value()));
    }

    /** A helper being generated: its Fn, parameters %x and %y, the result slot and the block that returns it. */
    private record Helper(Fn f, V x, V y, boolean eq, Value result, Label done, Env env) { }

    /** The generated function comparing two values of a structured type field by field (made once per type). */
    private static Value helper(ModuleContext m, boolean eq, Type t, Loc loc) {
        String kind = eq ? "eq" : "cmp";
        String key = kind + ":" + Type.show(t);
        Value name = m.helpers.get(key);
        if (name != null) return name;
        name = Value.global(kind + "<" + Type.show(t) + ">");
        m.helpers.put(key, name);
        IrType ty = LType.of(t);
        IrType rty = eq ? IrType.I1 : IrType.I32;
        Fn f = Fn.in(m);
        var b = f.b();
        Value px = FunctionBuilder.param("x", ty), py = FunctionBuilder.param("y", ty);
        Value result = b.alloca(rty);
        Helper h = new Helper(f, new V(px), new V(py), eq, result, b.label("done"), Env.empty());
        b.store(eq ? Value.bool(true) : Value.i32(0), result);
        if (t instanceof Type.Tuple tu) tupleFields(h, tu);
        else if (t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.RECORD) recordFields(h, n);
        else if (t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.UNION) unionFields(h, n);
        else if (t instanceof Type.Array a) arrayElements(h, a);
        else m.find(Finding.Kind.NOT_COMPARABLE, loc, Type.show(t));
        b.block(h.done());
        b.ret(b.load(rty, result));
        m.ir.function(b.finish(Linkage.INTERNAL, rty, name, List.of(px, py), List.of(), null));
        return name;
    }

    private static void tupleFields(Helper h, Type.Tuple tu) {
        var b = h.f().b();
        List<V> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < tu.elems().size(); i++) {
            xs.add(new V(b.extractValue(h.x().value(), i)));
            ys.add(new V(b.extractValue(h.y().value(), i)));
        }
        fieldsInOrder(h, xs, ys, tu.elems());
    }

    private static void recordFields(Helper h, Type.Named n) {
        var b = h.f().b();
        List<IrType> fts = LType.fieldTypes(n);
        List<V> xs = new ArrayList<>(), ys = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < fts.size(); i++) {
            types.add(Type.substParams(n.def().fields.get(i).type(), n.args()));
            if (n.def().isReference()) {
                IrType.Struct st = LType.recordStruct(n);
                Value px = b.fieldPtr(st, h.x().value(), i);
                Value py = b.fieldPtr(st, h.y().value(), i);
                xs.add(new V(b.load(fts.get(i), px)));
                ys.add(new V(b.load(fts.get(i), py)));
            } else {
                xs.add(new V(b.extractValue(h.x().value(), i)));
                ys.add(new V(b.extractValue(h.y().value(), i)));
            }
        }
        fieldsInOrder(h, xs, ys, types);
    }

    /** Tags first (different cases compare by case order), then the fields of the case both are. */
    private static void unionFields(Helper h, Type.Named n) {
        var b = h.f().b();
        Value tx = sameOrDone(h, 0, ICmp.ULT, "tagsdiffer", "fields");
        Value sx = h.f().hold(h.x().value()), sy = h.f().hold(h.y().value());
        List<FunctionBuilder.Case> cases = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int c = 0; c < n.def().cases.size(); c++) {
            Label l = b.label("c");
            labels.add(l);
            cases.add(new FunctionBuilder.Case(Value.intExact(tx.type(), c), l));
        }
        b.switchOn(tx, h.done(), cases);
        for (int c = 0; c < n.def().cases.size(); c++) {
            b.block(labels.get(c));
            caseFields(h, n, c, sx, sy);
            b.br(h.done());
        }
    }

    private static void caseFields(Helper h, Type.Named n, int c, Value sx, Value sy) {
        var b = h.f().b();
        TypeDefn.Case cs = n.def().cases.get(c);
        IrType.Struct cst = LType.caseStruct(n, c);
        IrType uty = LType.of(n);
        Value px = b.fieldPtr(uty, sx, 1);
        Value py = b.fieldPtr(uty, sy, 1);
        List<V> xs = new ArrayList<>(), ys = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < cs.fields().size(); i++) {
            Type ft = Type.substParams(cs.fields().get(i).type(), n.args());
            IrType fty = LType.of(ft);
            types.add(ft);
            Value fx = b.fieldPtr(cst, px, i);
            Value fy = b.fieldPtr(cst, py, i);
            xs.add(new V(fty.equals(LType.UNIT) ? Value.zero(fty) : Aggregates.loadCaseField(h.f(), fty, fx)));
            ys.add(new V(fty.equals(LType.UNIT) ? Value.zero(fty) : Aggregates.loadCaseField(h.f(), fty, fy)));
        }
        fieldsInOrder(h, xs, ys, types);
    }

    /** F#: arrays compare by length first, then element by element. */
    private static void arrayElements(Helper h, Type.Array a) {
        var b = h.f().b();
        Value lx = sameOrDone(h, 1, ICmp.SLT, "lendiffer", "elems");
        Value islot = b.alloca(IrType.I32);
        b.store(Value.i32(0), islot);
        Label head = b.label("head"), body = b.label("body");
        b.br(head);
        b.block(head);
        Value i = b.load(IrType.I32, islot);
        b.condBr(b.icmp(ICmp.SLT, i, lx), body, h.done());
        b.block(body);
        V ex = ArrayOps.element(h.f(), h.x(), i, a.elem()), ey = ArrayOps.element(h.f(), h.y(), i, a.elem());
        fieldsInOrder(h, List.of(ex), List.of(ey), List.of(a.elem()));
        b.store(b.binary(Bin.ADD, i, Value.i32(1)), islot);
        b.br(head);
    }

    /**
     * Goes on (in a block named sameHint) when field k of x and y, the tags or lengths, are equal;
     * otherwise the result is false for equality, -1 or 1 for compare (by less), and the helper
     * returns it. Returns x's field.
     */
    private static Value sameOrDone(Helper h, int k, ICmp less, String differHint, String sameHint) {
        var b = h.f().b();
        Value a = b.extractValue(h.x().value(), k);
        Value c = b.extractValue(h.y().value(), k);
        Value same = b.icmp(ICmp.EQ, a, c);
        Label differ = b.label(differHint), go = b.label(sameHint);
        b.condBr(same, go, differ);
        b.block(differ);
        if (h.eq()) b.store(Value.bool(false), h.result());
        else b.store(b.select(b.icmp(less, a, c), Value.i32(-1), Value.i32(1)), h.result());
        b.br(h.done());
        b.block(go);
        return a;
    }

    /** Compares field pairs in order; stops at the first difference (storing the result). */
    private static void fieldsInOrder(Helper h, List<V> xs, List<V> ys, List<Type> types) {
        var b = h.f().b();
        for (int i = 0; i < xs.size(); i++) {
            Type ft = types.get(i);
            if (LType.isFun(ft)) continue;
            Label next, ne;
            if (h.eq()) {
                Value e = equalValues(h.f(), xs.get(i), ys.get(i), ft, h.env(), Loc.NONE);
                next = b.label("next");
                ne = b.label("ne");
                b.condBr(e, next, ne);
                b.block(ne);
                b.store(Value.bool(false), h.result());
            } else {
                Value c = compareValues(h.f(), xs.get(i), ys.get(i), ft, h.env(), Loc.NONE);
                Value zero = b.icmp(ICmp.EQ, c, Value.i32(0));
                next = b.label("next");
                ne = b.label("ne");
                b.condBr(zero, next, ne);
                b.block(ne);
                b.store(c, h.result());
            }
            b.br(h.done());
            b.block(next);
        }
    }
}
