// The primitive operations of the typed tree: logic with short circuits, arithmetic (division
// panics on zero and on MinValue / -1), shifts, abs, float functions and conversions; constant
// operands fold. Hardware and memory primitives are Intrinsics, comparisons Equality.
package org.fidembed.lower;

import org.fidembed.rules.Finding;
import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.IrOp.Bin;
import org.fidembed.lower.ir.IrOp.Cast;
import org.fidembed.lower.ir.IrOp.ICmp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Builtin;
import org.fidembed.types.ConstEval;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;

final class Primitives {
    private Primitives() { }

    static Val lower(Fn f, Typed.Prim p, Env env) {
        Builtin op = p.op();
        switch (op) {
            case AND: case OR: return shortCircuit(f, p, env);
            case ASSERT: return assertion(f, p, env);
            case ARRAY_ZEROCREATE: return ArrayOps.zeroCreate(f, p, env);
            case ADDR_OF: case DEREF: case STORE_REF: case SPAN_OF_ARRAY: case SPAN_SLICE: case STRING_SUBSTRING: case STRING_SLICE:
            case STRING_STARTS_WITH: case STRING_ENDS_WITH: case STRING_STARTS_WITH_CHAR: case STRING_ENDS_WITH_CHAR: case STRING_CONTAINS: case STRING_CONTAINS_CHAR: case STRING_INDEX_OF:
            case STRING_INDEX_OF_CHAR:
                return Views.lower(f, p, env);
            default: break;
        }
        // string concatenation of constants folds here (numbers fold below, from the operands' values)
        if (Type.isPrim(p.type(), PrimKind.STRING)) {
            Object folded = ConstEval.eval(p);
            if (folded instanceof String s) return Strings.constant(f.m(), s);
        }
        List<V> args = new ArrayList<>();
        for (TExpr a : p.args()) {
            Val v = Expressions.lower(f, a, env);
            args.add(v instanceof V vv ? vv : Closures.materialize(f, v, a.type(), env, p.loc()));
        }
        Type t0 = p.args().isEmpty() ? null : LType.conc(p.args().get(0).type(), env);
        Type rt = LType.conc(p.type(), env);
        // fold operations on values known at compile time (locals bound to constants, array lengths)
        if (args.size() == 2 && args.get(0).constVal() instanceof Long && args.get(1).constVal() instanceof Long
                && Type.prune(t0) instanceof Type.Prim) {
            Object r = ConstEval.binary(op, args.get(0).constVal(), args.get(1).constVal(), Type.prune(t0));
            if (r instanceof Long) return new V(Globals.literal(f.m(), r, rt), Env.constant(r));
        }
        Val r = operator(f, op, args, t0, rt, p.loc(), env);
        if (r == null) r = other(f, op, args, rt, p.loc());
        return r != null ? r : Intrinsics.lower(f, op, args, p.loc(), env);
    }

    /** The arithmetic, logical, comparison and conversion primitives; null for the others. */
    private static Val operator(Fn f, Builtin op, List<V> args, Type t0, Type rt, Loc loc, Env env) {
        var b = f.b();
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case MOD: return arith(f, op, args.get(0), args.get(1), t0, loc, env);
            case NEG: {
                V x = args.get(0);
                if (LType.isFloat(t0)) return new V(b.fneg(x.value()));
                return new V(b.binary(Bin.SUB, Value.intConst(x.ty(), 0), x.value()));
            }
            case BAND: return new V(b.binary(Bin.AND, args.get(0).value(), args.get(1).value()));
            case BOR: return new V(b.binary(Bin.OR, args.get(0).value(), args.get(1).value()));
            case BXOR: return new V(b.binary(Bin.XOR, args.get(0).value(), args.get(1).value()));
            case BNOT: return new V(b.binary(Bin.XOR, args.get(0).value(), Value.intConst(args.get(0).ty(), -1)));
            case SHL: case SHR: return shift(f, op, args.get(0), args.get(1), t0);
            case NOT: return new V(b.binary(Bin.XOR, args.get(0).value(), Value.bool(true)));
            case EQ: case NE: case LT: case LE: case GT: case GE: return Equality.compareOp(f, op, args.get(0), args.get(1), t0, env, loc);
            case COMPARE: return new V(Equality.compareValues(f, args.get(0), args.get(1), t0, env, loc));
            case ABS: return abs(f, args.get(0), t0, loc, env);
            case SIN: case COS: case TAN: case ASIN: case ACOS: case ATAN: case SINH: case COSH: case TANH: case EXP: case LOG:
            case LOG10: case ATAN2: case POW: case POWN:
                return mathCall(f, op, t0, args, loc, env);
            case SQRT: return floatIntrinsic(f, "sqrt", args.get(0));
            case FLOOR: return floatIntrinsic(f, "floor", args.get(0));
            case CEIL: return floatIntrinsic(f, "ceil", args.get(0));
            case TRUNCATE: return floatIntrinsic(f, "trunc", args.get(0));
            case ROUND: return floatIntrinsic(f, "roundeven", args.get(0));
            case TO_SBYTE: case TO_BYTE: case TO_INT16: case TO_UINT16: case TO_INT32: case TO_UINT32: case TO_INT64:
            case TO_UINT64: case TO_NATIVEINT: case TO_UNATIVEINT: case TO_CHAR: case TO_FLOAT32: case TO_FLOAT: case TO_ENUM:
                return convert(f, args.get(0), t0, rt);
            case OF_INT: return convert(f, args.get(0), Type.INT, rt);
            default:
                return null;
        }
    }

    /** Bit casts, string internals, exit, zero and unreachable; null for the others. */
    private static Val other(Fn f, Builtin op, List<V> args, Type rt, Loc loc) {
        var b = f.b();
        switch (op) {
            case EXIT: {
                b.callVoid(Value.plainGlobal("fid.exit"), List.of(args.get(0).value()));
                b.unreachable();
                return Fn.unit();
            }
            case FLOAT_BITS: return new V(b.cast(Cast.BITCAST, args.get(0).value(), IrType.I64));
            case FLOAT_OF_BITS: return new V(b.cast(Cast.BITCAST, args.get(0).value(), IrType.DOUBLE));
            case FLOAT32_BITS: return new V(b.cast(Cast.BITCAST, args.get(0).value(), IrType.I32));
            case FLOAT32_OF_BITS: return new V(b.cast(Cast.BITCAST, args.get(0).value(), IrType.FLOAT));
            case STRING_IS_WIDE: return new V(Strings.isWide(f, b.extractValue(args.get(0).value(), 1)));
            case STRING_BYTE: {
                Value ptr = b.extractValue(args.get(0).value(), 0);
                return new V(b.load(IrType.I8, b.gep(IrType.I8, ptr, args.get(1).value())));
            }
            case STRING_CHAR: return Strings.charAt(f, args.get(0), args.get(1).value());
            case UNREACHABLE: b.unreachable(); return new V(Value.poison(LType.of(rt)));
            case ZERO: return new V(Value.zeroLiteral(LType.of(rt)));
            case HASH:
                f.m().find(Finding.Kind.HASH_UNSUPPORTED, loc);
                return new V(Value.i32(0));
            default:
                return null;
        }
    }

    /**
     * An elementary function: the prelude's Fid.Math function for the argument's type (sin for float,
     * sinf for float32; pown, pownf, pownInt32, ... by the base's type).
     */
    private static Val mathCall(Fn f, Builtin op, Type argType, List<V> args, Loc loc, Env env) {
        PrimKind k = ((Type.Prim) Type.prune(argType)).kind();
        String name;
        if (op == Builtin.POWN) {
            name = switch (k) {
                case FLOAT -> "pown"; case FLOAT32 -> "pownf";
                case SBYTE -> "pownInt8"; case BYTE -> "pownUInt8"; case INT16 -> "pownInt16"; case UINT16 -> "pownUInt16";
                case INT32 -> "pownInt32"; case UINT32 -> "pownUInt32"; case INT64 -> "pownInt64"; case UINT64 -> "pownUInt64";
                case NATIVEINT -> "pownNativeInt"; case UNATIVEINT -> "pownUNativeInt";
                default -> throw new IllegalStateException("pown of " + k);
            };
        } else name = op.mathName() + (k == PrimKind.FLOAT32 ? "f" : "");
        GlobalVal g = f.m().global("Fid.Math." + name);
        if (g == null) throw new IllegalStateException("the prelude has no Fid.Math." + name);
        return Calls.callGlobal(f, g, new ArrayList<Val>(args), loc, env);
    }

    private static Val assertion(Fn f, Typed.Prim p, Env env) {
        var b = f.b();
        V c = Expressions.value(f, p.args().get(0), env);
        Label fail = b.label("assertfail"), ok = b.label("assertok");
        b.condBr(c.value(), ok, fail);
        b.block(fail);
        Checks.panicMessage(f, "assertion failed", p.loc(), env);
        b.block(ok);
        return Fn.unit();
    }

    private static Val shortCircuit(Fn f, Typed.Prim p, Env env) {
        var b = f.b();
        boolean and = p.op() == Builtin.AND;
        Value slot = b.alloca(IrType.I1);
        V l = Expressions.value(f, p.args().get(0), env);
        b.store(l.value(), slot);
        Label rhs = b.label(and ? "and" : "or"), end = b.label("logic");
        if (and) b.condBr(l.value(), rhs, end); else b.condBr(l.value(), end, rhs);
        b.block(rhs);
        V r = Expressions.value(f, p.args().get(1), env);
        if (!b.terminated()) b.store(r.value(), slot);
        b.br(end);
        b.block(end);
        return new V(b.load(IrType.I1, slot));
    }

    private static Val arith(Fn f, Builtin op, V x, V y, Type t, Loc loc, Env env) {
        var b = f.b();
        if (LType.isFloat(t)) {
            Bin ins = switch (op) { case ADD -> Bin.FADD; case SUB -> Bin.FSUB; case MUL -> Bin.FMUL; case DIV -> Bin.FDIV; default -> Bin.FREM; };
            return new V(b.binary(ins, x.value(), y.value()));
        }
        PrimKind k = LType.primOf(t);
        boolean signed = k != null && k.isSigned();
        switch (op) {
            case ADD: return new V(b.binary(Bin.ADD, x.value(), y.value()));
            case SUB: return new V(b.binary(Bin.SUB, x.value(), y.value()));
            case MUL: return new V(b.binary(Bin.MUL, x.value(), y.value()));
            default: break;
        }
        // division: zero divisor and MinValue / -1 panic
        boolean yNonZero = y.constVal() instanceof Long l && l != 0;
        if (!yNonZero) {
            Value z = b.icmp(ICmp.EQ, y.value(), Value.intConst(x.ty(), 0));
            Checks.panicIf(f, z, "divzero", "divok", "division by zero", loc, env);
        }
        if (signed && !(y.constVal() instanceof Long l2 && l2 != -1)) {
            Value isMin = b.icmp(ICmp.EQ, x.value(), minValue(x.ty()));
            Value isNeg1 = b.icmp(ICmp.EQ, y.value(), Value.intConst(x.ty(), -1));
            Value both = b.binary(Bin.AND, isMin, isNeg1);
            Checks.panicIf(f, both, "overflow", "noverflow", "arithmetic overflow", loc, env);
        }
        Bin ins = op == Builtin.DIV ? (signed ? Bin.SDIV : Bin.UDIV) : (signed ? Bin.SREM : Bin.UREM);
        return new V(b.binary(ins, x.value(), y.value()));
    }

    /** The smallest value of a signed integer type. */
    private static Value minValue(IrType ty) { return Value.intConst(ty, Long.MIN_VALUE >> (64 - LType.intBits(ty))); }

    private static Val shift(Fn f, Builtin op, V x, V n, Type t) {
        var b = f.b();
        IrType ty = x.ty();
        int bits = LType.intBits(ty);
        Value amt = b.binary(Bin.AND, n.value(), Value.i32(bits - 1));
        if (bits < 32) amt = b.cast(Cast.TRUNC, amt, ty);
        else if (bits > 32) amt = b.cast(Cast.ZEXT, amt, ty);
        PrimKind k = LType.primOf(t);
        Bin ins = op == Builtin.SHL ? Bin.SHL : (k != null && k.isSigned() ? Bin.ASHR : Bin.LSHR);
        return new V(b.binary(ins, x.value(), amt));
    }

    private static Val abs(Fn f, V x, Type t, Loc loc, Env env) {
        var b = f.b();
        IrType ty = x.ty();
        if (LType.isFloat(t)) {
            Value fn = f.m().ir.declare(ty.equals(IrType.FLOAT) ? "llvm.fabs.f32" : "llvm.fabs.f64", new IrType.Function(ty, List.of(ty)));
            return new V(b.call(ty, fn, List.of(x.value())));
        }
        Value isMin = b.icmp(ICmp.EQ, x.value(), minValue(ty));
        Checks.panicIf(f, isMin, "absoverflow", "absok", "arithmetic overflow", loc, env);
        Value neg = b.icmp(ICmp.SLT, x.value(), Value.intConst(ty, 0));
        Value nx = b.binary(Bin.SUB, Value.intConst(ty, 0), x.value());
        return new V(b.select(neg, nx, x.value()));
    }

    private static Val floatIntrinsic(Fn f, String name, V x) {
        IrType ty = x.ty();
        Value fn = f.m().ir.declare("llvm." + name + "." + (ty.equals(IrType.FLOAT) ? "f32" : "f64"), new IrType.Function(ty, List.of(ty)));
        return new V(f.b().call(ty, fn, List.of(x.value())));
    }

    private static Val convert(Fn f, V x, Type from, Type to) {
        var b = f.b();
        PrimKind fk = LType.primOf(from), tk = LType.primOf(to);
        IrType fty = x.ty(), tty = LType.of(to);
        if (fk == null || tk == null) return x;
        boolean fFloat = fk.isFloat(), tFloat = tk.isFloat();
        if (!fFloat && !tFloat) {
            int fb = LType.intBits(fty), tb = LType.intBits(tty);
            if (fb == tb) return new V(x.value().as(tty), Env.constant(x.constVal() instanceof Long l ? Type.normalize(l, tk) : null));
            if (fb > tb) return new V(b.cast(Cast.TRUNC, x.value(), tty));
            return new V(b.cast(fk.isSigned() ? Cast.SEXT : Cast.ZEXT, x.value(), tty));
        }
        if (fFloat && tFloat) {
            if (fty.equals(tty)) return x;
            return new V(b.cast(fty.equals(IrType.FLOAT) ? Cast.FPEXT : Cast.FPTRUNC, x.value(), tty));
        }
        if (!fFloat) return new V(b.cast(fk.isSigned() ? Cast.SITOFP : Cast.UITOFP, x.value(), tty));
        // float to integer: truncate toward zero, saturate out of range, NaN gives 0 (as .NET)
        String name = "llvm." + (tk.isSigned() ? "fptosi" : "fptoui") + ".sat." + tty + "." + (fty.equals(IrType.FLOAT) ? "f32" : "f64");
        Value fn = f.m().ir.declare(name, new IrType.Function(tty, List.of(fty)));
        return new V(b.call(tty, fn, List.of(x.value())));
    }
}
