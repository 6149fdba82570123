// Byrefs, spans and string views in code: a byref is the address of its place, a span is an
// array's (pointer, length) pair moved and shortened, a part of a string is the string's own
// (pointer, length) moved and shortened (nothing is copied); searches call Fid.Runtime.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.Closure;
import org.fidembed.lower.Env.F;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.IrOp.Bin;
import org.fidembed.lower.ir.IrOp.Cast;
import org.fidembed.lower.ir.IrOp.ICmp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;

final class Views {
    private Views() { }

    /** The panic of a start and length that do not lie within what they view (Array.sub's message). */
    static final String OUT_OF_RANGE = "the index is outside the legal range";

    static Val lower(Fn f, Typed.Prim p, Env env) {
        if (p.op() == org.fidembed.types.Builtin.ADDR_OF) return new V(Aggregates.placeAddress(f, p.args().get(0), env));
        List<V> args = new ArrayList<>();
        for (TExpr a : p.args()) args.add(Closures.materialize(f, Expressions.lower(f, a, env), LType.conc(a.type(), env), env, p.loc()));
        Loc at = Checks.panicAt(env, p.loc());
        return switch (p.op()) {
            case DEREF -> deref(f, args.get(0), LType.conc(p.type(), env));
            case STORE_REF -> {
                if (!args.get(1).ty().equals(LType.UNIT)) f.b().store(args.get(1).value(), args.get(0).value());
                yield Fn.unit();
            }
            case SPAN_OF_ARRAY, SPAN_SLICE -> part(f, args, elemType(p.args().get(0).type(), env), at, env);
            case STRING_SUBSTRING -> substring(f, args, at, env);
            case STRING_SLICE -> slice(f, args);
            case STRING_STARTS_WITH -> Calls.callRuntime(f, "stringStartsWith", at, env, args.get(0), args.get(1));
            case STRING_ENDS_WITH -> Calls.callRuntime(f, "stringEndsWith", at, env, args.get(0), args.get(1));
            case STRING_STARTS_WITH_CHAR -> Calls.callRuntime(f, "stringStartsWithChar", at, env, args.get(0), args.get(1));
            case STRING_ENDS_WITH_CHAR -> Calls.callRuntime(f, "stringEndsWithChar", at, env, args.get(0), args.get(1));
            case STRING_CONTAINS -> contains(f, Calls.callRuntime(f, "stringIndexOf", at, env, args.get(0), args.get(1)));
            case STRING_CONTAINS_CHAR -> contains(f, Calls.callRuntime(f, "stringIndexOfChar", at, env, args.get(0), args.get(1)));
            case STRING_INDEX_OF -> Calls.callRuntime(f, "stringIndexOf", at, env, args.get(0), args.get(1));
            case STRING_INDEX_OF_CHAR -> Calls.callRuntime(f, "stringIndexOfChar", at, env, args.get(0), args.get(1));
            default -> throw new IllegalStateException("not a view operation: " + p.op());
        };
    }

    private static Type elemType(Type arrayOrSpan, Env env) {
        Type t = LType.conc(arrayOrSpan, env);
        return t instanceof Type.Array a ? a.elem() : ((Type.Named) t).args().get(0);
    }

    /** What a byref points to. */
    private static Val deref(Fn f, V ptr, Type t) {
        IrType ty = LType.of(t);
        if (ty.equals(LType.UNIT)) return Fn.unit();
        if (LType.isFun(t)) return new F(new Closure(ptr.value(), t));
        return new V(f.b().load(ty, ptr.value()));
    }

    private static V contains(Fn f, V index) { return new V(f.b().icmp(ICmp.SGE, index.value(), Value.i32(0))); }

    /**
     * Panics unless 0 <= start <= length and 0 <= count <= length - start (unsigned comparisons, as
     * .NET checks a span's bounds); count null means the rest. Returns the count.
     */
    private static Value checkRange(Fn f, Value length, Value start, Value count, Loc at, Env env) {
        var b = f.b();
        Value bad = b.icmp(ICmp.UGT, start, length);
        Value rest = b.binary(Bin.SUB, length, start);
        if (count == null) {
            Checks.panicIf(f, bad, "outofrange", "inrange", OUT_OF_RANGE, at, env);
            return rest;
        }
        bad = b.binary(Bin.OR, bad, b.icmp(ICmp.UGT, count, rest));
        Checks.panicIf(f, bad, "outofrange", "inrange", OUT_OF_RANGE, at, env);
        return count;
    }

    /** Span(arr[, start, length]), arr.AsSpan([start[, length]]) and span.Slice(start[, length]). */
    private static Val part(Fn f, List<V> args, Type elem, Loc at, Env env) {
        V src = args.get(0);
        if (args.size() == 1) return src;
        var b = f.b();
        Value len = Strings.lengthOf(f, src, false);
        Value start = args.get(1).value();
        Value count = checkRange(f, len, start, args.size() > 2 ? args.get(2).value() : null, at, env);
        IrType ety = LType.of(elem);
        Value p = b.extractValue(src.value(), 0);
        Value np = ety.equals(LType.UNIT) ? p : b.gep(ety, p, start);
        return new V(b.insertValue(b.insertValue(Value.undef(LType.ARR), np, 0), count, 1));
    }

    /** s.Substring(start[, length]): panics when the part is not within s. */
    private static Val substring(Fn f, List<V> args, Loc at, Env env) {
        V s = args.get(0);
        Value len = Strings.lengthOf(f, s, true);
        Value start = args.get(1).value();
        Value count = checkRange(f, len, start, args.size() > 2 ? args.get(2).value() : null, at, env);
        return view(f, s, start, count);
    }

    /** s.[lo..hi] with F#'s tolerance: lo below 0 is 0, hi past the end is the last index, nothing left is "". */
    private static Val slice(Fn f, List<V> args) {
        var b = f.b();
        V s = args.get(0);
        Value len = Strings.lengthOf(f, s, true);
        Value lo = args.get(1).value(), hi = args.get(2).value();
        lo = b.select(b.icmp(ICmp.SLT, lo, Value.i32(0)), Value.i32(0), lo);
        Value last = b.binary(Bin.SUB, len, Value.i32(1));
        hi = b.select(b.icmp(ICmp.SGT, hi, last), last, hi);
        Value n = b.binary(Bin.ADD, b.binary(Bin.SUB, hi, lo), Value.i32(1));
        Value empty = b.icmp(ICmp.SLE, n, Value.i32(0));
        return view(f, s, b.select(empty, Value.i32(0), lo), b.select(empty, Value.i32(0), n));
    }

    /** The count characters of s from start (in range): its pointer moved by whole characters, its wide bit kept. */
    private static V view(Fn f, V s, Value start, Value count) {
        var b = f.b();
        Value p = b.extractValue(s.value(), 0);
        Value raw = b.extractValue(s.value(), 1);
        Value shift = b.cast(Cast.ZEXT, Strings.isWide(f, raw), IrType.I32);
        Value np = b.gep(IrType.I8, p, b.binary(Bin.SHL, start, shift));
        Value wideBit = b.binary(Bin.AND, raw, Value.i32(0x80000000));
        Value nl = b.binary(Bin.OR, count, wideBit);
        return new V(b.insertValue(b.insertValue(Value.undef(LType.STR), np, 0), nl, 1));
    }
}
