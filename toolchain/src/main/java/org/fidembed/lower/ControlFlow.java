// Control flow: if/then/else (its value through a stack slot), while loops, counted for loops that
// end exactly at the limits of their type, and for-each over arrays and strings.
package org.fidembed.lower;

import org.fidembed.rules.Finding;
import org.fidembed.lower.Env.Closure;
import org.fidembed.lower.Env.F;
import org.fidembed.lower.Env.FnBind;
import org.fidembed.lower.Env.Slot;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.IrOp.Bin;
import org.fidembed.lower.ir.IrOp.ICmp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed;

final class ControlFlow {
    private ControlFlow() { }

    static Val lowerIf(Fn f, Typed.If i, Env env) {
        var b = f.b();
        Type t = LType.conc(i.type(), env);
        IrType ty = LType.of(t);
        boolean hasValue = !ty.equals(LType.UNIT);
        Value slot = hasValue ? b.alloca(ty) : null;
        V c = Expressions.value(f, i.cond(), env);
        Label tl = b.label("then"), el = b.label("else"), end = b.label("endif");
        b.condBr(c.value(), tl, el);
        b.block(tl);
        Val tv = Expressions.lower(f, i.then(), env);
        if (hasValue && !b.terminated()) b.store(Closures.materialize(f, tv, t, env, i.loc()).value(), slot);
        b.br(end);
        b.block(el);
        Val ev = Expressions.lower(f, i.otherwise(), env);
        if (hasValue && !b.terminated()) b.store(Closures.materialize(f, ev, t, env, i.loc()).value(), slot);
        b.br(end);
        b.block(end);
        if (!hasValue) return Fn.unit();
        return loadResult(f, slot, ty, t);
    }

    /** The value of a branching expression from its slot (a function value stays a closure in a slot). */
    static Val loadResult(Fn f, Value slot, IrType ty, Type t) {
        Value r = f.b().load(ty, slot);
        if (LType.isFun(t)) return new F(new Closure(f.hold(r), t));
        return new V(r);
    }

    static Val lowerWhile(Fn f, Typed.While w, Env env) {
        var b = f.b();
        Label head = b.label("while"), body = b.label("do"), end = b.label("done");
        b.br(head);
        b.block(head);
        V c = Expressions.value(f, w.cond(), env);
        b.condBr(c.value(), body, end);
        b.block(body);
        Expressions.lower(f, w.body(), env);
        b.br(head);
        b.block(end);
        return Fn.unit();
    }

    /** The parts of a counted loop. */
    private record Range(Typed.For loop, Env inner, Value slot, IrType ty, V from, V step, V to, boolean signed, Label end) { }

    /** for v in from .. step .. to (or for v = from to/downto to): ends exactly at the limits of the type. */
    static Val lowerFor(Fn f, Typed.For fo, Env env) {
        var b = f.b();
        Type t = LType.conc(fo.v().type, env);
        IrType ty = LType.of(t);
        PrimKind k = LType.primOf(t);
        boolean signed = k != null && k.isSigned();
        V from = Expressions.value(f, fo.from(), env);
        V step = fo.step() != null ? Expressions.value(f, fo.step(), env)
                : new V(Value.intConst(ty, fo.down() ? -1 : 1), Env.constant(fo.down() ? -1L : 1L));
        V to = Expressions.value(f, fo.to(), env);
        if (step.constVal() instanceof Long sv && sv == 0) {
            f.m().find(Finding.Kind.ZERO_STEP, fo.loc());
            return Fn.unit();
        }
        Value slot = b.alloca(ty);
        b.store(from.value(), slot);
        f.describe(fo.v(), slot, LType.conc(fo.v().type, env), 0);
        Range r = new Range(fo, env.with(fo.v(), new Slot(slot, ty)), slot, ty, from, step, to, signed, b.label("endfor"));
        // the direction: positive steps count up, negative ones down; a zero step at run time panics
        Boolean up = step.constVal() instanceof Long sv ? (sv > 0 || !signed) : null;
        if (up == null) bothDirections(f, r, env);
        else forLoop(f, r, up);
        b.block(r.end());
        return Fn.unit();
    }

    /** A step known only at run time: zero panics, the sign picks the direction. */
    private static void bothDirections(Fn f, Range r, Env env) {
        var b = f.b();
        Value zero = b.icmp(ICmp.EQ, r.step().value(), Value.intConst(r.ty(), 0));
        Label pz = b.label("zerostep"), ok = b.label("stepok");
        b.condBr(zero, pz, ok);
        b.block(pz);
        Checks.panicMessage(f, "the step of a range cannot be zero", r.loop().loc(), env);
        b.block(ok);
        if (!r.signed()) {
            // an unsigned step is never negative: 0x80000000u counts up (as .NET), not down
            forLoop(f, r, true);
            return;
        }
        Value isUp = b.icmp(ICmp.SGT, r.step().value(), Value.intConst(r.ty(), 0));
        Label upL = b.label("up"), downL = b.label("down");
        b.condBr(isUp, upL, downL);
        b.block(upL);
        forLoop(f, r, true);
        b.block(downL);
        forLoop(f, r, false);
    }

    private static void forLoop(Fn f, Range r, boolean up) {
        var b = f.b();
        ICmp cmp = up ? (r.signed() ? ICmp.SLE : ICmp.ULE) : (r.signed() ? ICmp.SGE : ICmp.UGE);
        Value enter = b.icmp(cmp, r.from().value(), r.to().value());
        Label body = b.label("forbody");
        b.store(r.from().value(), r.slot());
        b.condBr(enter, body, r.end());
        b.block(body);
        Expressions.lower(f, r.loop().body(), r.inner());
        // stop when the distance left (as unsigned) is smaller than the step: no overflow at the type's limits
        Value i = b.load(r.ty(), r.slot());
        Value left = up ? b.binary(Bin.SUB, r.to().value(), i) : b.binary(Bin.SUB, i, r.to().value());
        Value mag = up ? r.step().value() : b.binary(Bin.SUB, Value.intConst(r.ty(), 0), r.step().value());
        Value done = b.icmp(ICmp.ULT, left, mag);
        Label next = b.label("fornext");
        b.condBr(done, r.end(), next);
        b.block(next);
        b.store(b.binary(Bin.ADD, i, r.step().value()), r.slot());
        b.br(body);
    }

    static Val lowerForEach(Fn f, Typed.ForEach fe, Env env) {
        var b = f.b();
        Type st = LType.conc(fe.source().type(), env);
        V src = Expressions.value(f, fe.source(), env);
        boolean isString = Type.isPrim(st, PrimKind.STRING);
        Value len = Strings.lengthOf(f, src, isString);
        Value islot = b.alloca(IrType.I32);
        b.store(Value.i32(0), islot);
        Label head = b.label("each"), body = b.label("eachbody"), end = b.label("endeach");
        b.br(head);
        b.block(head);
        Value i = b.load(IrType.I32, islot);
        b.condBr(b.icmp(ICmp.SLT, i, len), body, end);
        b.block(body);
        V elem = isString ? Strings.charAt(f, src, i) : ArrayOps.element(f, src, i, ArrayOps.elementType(st));
        Type et = LType.conc(fe.v().type, env);
        Env inner;
        if (LType.isFun(et)) inner = env.with(fe.v(), new FnBind(new Closure(f.hold(elem.value()), et)));
        else {
            Value slot = b.alloca(elem.ty());
            if (!elem.ty().equals(LType.UNIT)) b.store(elem.value(), slot);
            f.describe(fe.v(), slot, et, 0);
            inner = env.with(fe.v(), new Slot(slot, elem.ty()));
        }
        Expressions.lower(f, fe.body(), inner);
        Value i2 = b.load(IrType.I32, islot);
        b.store(b.binary(Bin.ADD, i2, Value.i32(1)), islot);
        b.br(head);
        b.block(end);
        return Fn.unit();
    }
}
