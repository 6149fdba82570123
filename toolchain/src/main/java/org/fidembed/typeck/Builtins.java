// Builtin functions and operators: their signatures with traits, partial application as lambdas, and
// printf-style formats, whose literal format types the arguments as F# does.
package org.fidembed.typeck;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.*;
import org.fidembed.types.Typed;
import org.fidembed.types.Symbols.*;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Type.Trait;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Typed.TPat;

import java.math.BigInteger;
import java.util.*;

final class Builtins {
    private final CheckContext cx;

    Builtins(CheckContext cx) { this.cx = cx; }

    /** A builtin used as a value: constants directly, functions as lambdas over their parameters. */
    TExpr builtinValue(Builtin b, Loc loc, Loc nameLoc) {
        switch (b) {
            case NAN: return new Typed.Const(loc, Type.FLOAT, Double.NaN);
            case INFINITY: return new Typed.Const(loc, Type.FLOAT, Double.POSITIVE_INFINITY);
            case NANF: return new Typed.Const(loc, Type.FLOAT32, Float.NaN);
            case INFINITYF: return new Typed.Const(loc, Type.FLOAT32, Float.POSITIVE_INFINITY);
            case MATH_PI: return new Typed.Const(loc, Type.FLOAT, Math.PI);
            case MATH_E: return new Typed.Const(loc, Type.FLOAT, Math.E);
            case MATHF_PI: return new Typed.Const(loc, Type.FLOAT32, (float) Math.PI);
            case MATHF_E: return new Typed.Const(loc, Type.FLOAT32, (float) Math.E);
            case PRINTF: case PRINTFN: case EPRINTF: case EPRINTFN: case FAILWITHF:
                cx.diags.error(loc, "'" + b.fsName + "' needs a literal format string after it");
                return new Typed.Error(loc, cx.errorType());
            default: break;
        }
        BuiltinSig sig = builtinSig(b, loc);
        List<LocalVar> ps = new ArrayList<>();
        List<TExpr> args = new ArrayList<>();
        for (int k = 0; k < sig.params.size(); k++) {
            LocalVar p = new LocalVar("x" + k, sig.params.get(k), false, loc);
            p.compilerGenerated = true;
            ps.add(p);
            args.add(new Typed.LocalRef(loc, p.type, p, List.of()));
        }
        TExpr body = applyBuiltin(b, sig, args, loc);
        if (ps.isEmpty()) return body;
        Type t = body.type();
        for (int k = ps.size() - 1; k >= 0; k--) t = new Type.Fun(ps.get(k).type, t);
        return new Typed.Lambda(loc, t, ps, body);
    }

    /** The parameter and result types of a builtin function (fresh for each use). */
    record BuiltinSig(List<Type> params, Type result, List<Type> typeArgs) { }

    BuiltinSig builtinSig(Builtin b, Loc loc) {
        Optional<BuiltinSig> fixed = fixedSig(b);
        if (fixed.isPresent()) return fixed.get();
        switch (b) {
            case ADD, SUB, MUL, DIV, MOD, BAND, BOR, BXOR -> {
                Type.Var a = cx.fresh();
                cx.unifier.requireTrait(a, switch (b) { case ADD -> Trait.ADD; case BAND, BOR, BXOR -> Trait.INTEGRAL; default -> Trait.ARITH; }, loc, b.fsName);
                return new BuiltinSig(List.of(a, a), a, List.of(a));
            }
            case SHL, SHR -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.INTEGRAL, loc, b.fsName); return new BuiltinSig(List.of(a, Type.INT), a, List.of(a)); }
            case NEG, ABS -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.NEG, loc, b == Builtin.NEG ? "-" : "abs"); return new BuiltinSig(List.of(a), a, List.of(a)); }
            case BNOT -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.INTEGRAL, loc, "~~~"); return new BuiltinSig(List.of(a), a, List.of(a)); }
            case EQ, NE -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.EQUALITY, loc, b.fsName); return new BuiltinSig(List.of(a, a), Type.BOOL, List.of(a)); }
            case LT, LE, GT, GE -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.COMPARISON, loc, b.fsName); return new BuiltinSig(List.of(a, a), Type.BOOL, List.of(a)); }
            case COMPARE -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.COMPARISON, loc, "compare"); return new BuiltinSig(List.of(a, a), Type.INT, List.of(a)); }
            case HASH -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.EQUALITY, loc, "hash"); return new BuiltinSig(List.of(a), Type.INT, List.of(a)); }
            case SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, EXP, LOG, LOG10 -> {
                Type.Var a = cx.fresh();
                cx.unifier.requireTrait(a, Trait.FLOATING, loc, b.fsName);
                return new BuiltinSig(List.of(a), a, List.of(a));
            }
            case ATAN2, POW -> {
                Type.Var a = cx.fresh();
                cx.unifier.requireTrait(a, Trait.FLOATING, loc, b.fsName);
                return new BuiltinSig(List.of(a, a), a, List.of(a));
            }
            case POWN -> {
                Type.Var a = cx.fresh();
                cx.unifier.requireTrait(a, Trait.ARITH, loc, b.fsName);
                return new BuiltinSig(List.of(a, Type.INT), a, List.of(a));
            }
            case SQRT, FLOOR, CEIL, TRUNCATE, ROUND -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.FLOATING, loc, b.fsName); return new BuiltinSig(List.of(a), a, List.of(a)); }
            case TO_SBYTE, TO_BYTE, TO_INT16, TO_UINT16, TO_INT32, TO_UINT32, TO_INT64, TO_UINT64, TO_NATIVEINT, TO_UNATIVEINT,
                 TO_CHAR, TO_FLOAT32, TO_FLOAT -> {
                Type.Var a = cx.fresh();
                cx.unifier.requireTrait(a, Trait.CONVERTIBLE, loc, b.fsName);
                Type r = switch (b) {
                    case TO_SBYTE -> Type.SBYTE; case TO_BYTE -> Type.BYTE; case TO_INT16 -> Type.INT16; case TO_UINT16 -> Type.UINT16;
                    case TO_INT32 -> Type.INT; case TO_UINT32 -> Type.UINT32; case TO_INT64 -> Type.INT64; case TO_UINT64 -> Type.UINT64;
                    case TO_NATIVEINT -> Type.NATIVEINT; case TO_UNATIVEINT -> Type.UNATIVEINT; case TO_CHAR -> Type.CHAR;
                    case TO_FLOAT32 -> Type.FLOAT32; default -> Type.FLOAT;
                };
                return new BuiltinSig(List.of(a), r, List.of(a));
            }
            case TO_ENUM -> { Type.Var a = cx.fresh(); return new BuiltinSig(List.of(Type.INT), a, List.of(a)); }
            case FAILWITH -> { Type.Var a = cx.fresh(); return new BuiltinSig(List.of(Type.STRING), a, List.of(a)); }
            case INVALID_ARG -> { Type.Var a = cx.fresh(); return new BuiltinSig(List.of(Type.STRING, Type.STRING), a, List.of(a)); }
            case ARRAY_ZEROCREATE -> { Type.Var a = cx.fresh(); return new BuiltinSig(List.of(Type.INT), new Type.Array(a), List.of(a)); }
            case UNREACHABLE -> { Type.Var a = cx.fresh(); return new BuiltinSig(List.of(Type.UNIT), a, List.of(a)); }
            case ZERO -> { Type.Var a = cx.fresh(); return new BuiltinSig(List.of(Type.UNIT), a, List.of(a)); }
            // an int as float or float32: what F#'s DivideByInt constraint allows (Array.average)
            case OF_INT -> { Type.Var a = cx.fresh(); cx.unifier.requireTrait(a, Trait.FLOATING, loc, "DivideByInt"); return new BuiltinSig(List.of(Type.INT), a, List.of(a)); }
            case ADDRESS_OF_ARRAY -> { Type.Var a = cx.fresh(); return new BuiltinSig(List.of(new Type.Array(a)), Type.UNATIVEINT, List.of(a)); }
            default -> throw new IllegalStateException("no signature for " + b);
        }
    }

    /** The signature of a builtin whose types are fixed (no type variable, no constraint); empty for the others. */
    private static Optional<BuiltinSig> fixedSig(Builtin b) {
        return switch (b) {
            case AND, OR -> Optional.of(new BuiltinSig(List.of(Type.BOOL, Type.BOOL), Type.BOOL, List.of()));
            case NOT -> Optional.of(new BuiltinSig(List.of(Type.BOOL), Type.BOOL, List.of()));
            case ASSERT -> Optional.of(new BuiltinSig(List.of(Type.BOOL), Type.UNIT, List.of()));
            case MMIO_READ8 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT), Type.BYTE, List.of()));
            case MMIO_READ16 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT), Type.UINT16, List.of()));
            case MMIO_READ32 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT), Type.UINT32, List.of()));
            case MMIO_WRITE8 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT, Type.BYTE), Type.UNIT, List.of()));
            case MMIO_WRITE16 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT, Type.UINT16), Type.UNIT, List.of()));
            case MMIO_WRITE32 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT, Type.UINT32), Type.UNIT, List.of()));
            case CPU_NOP, CPU_WFI, CPU_DISABLE_IRQ, CPU_ENABLE_IRQ -> Optional.of(new BuiltinSig(List.of(Type.UNIT), Type.UNIT, List.of()));
            case CPU_CYCLES -> Optional.of(new BuiltinSig(List.of(Type.UNIT), Type.UINT32, List.of()));
            case EXIT -> Optional.of(new BuiltinSig(List.of(Type.INT), Type.UNIT, List.of()));
            case FLOAT_BITS -> Optional.of(new BuiltinSig(List.of(Type.FLOAT), Type.UINT64, List.of()));
            case FLOAT_OF_BITS -> Optional.of(new BuiltinSig(List.of(Type.UINT64), Type.FLOAT, List.of()));
            case FLOAT32_BITS -> Optional.of(new BuiltinSig(List.of(Type.FLOAT32), Type.UINT32, List.of()));
            case FLOAT32_OF_BITS -> Optional.of(new BuiltinSig(List.of(Type.UINT32), Type.FLOAT32, List.of()));
            case STRING_IS_WIDE -> Optional.of(new BuiltinSig(List.of(Type.STRING), Type.BOOL, List.of()));
            case STRING_BYTE -> Optional.of(new BuiltinSig(List.of(Type.STRING, Type.INT), Type.BYTE, List.of()));
            case STRING_CHAR -> Optional.of(new BuiltinSig(List.of(Type.STRING, Type.INT), Type.CHAR, List.of()));
            case STACK_HIGH_WATER -> Optional.of(new BuiltinSig(List.of(Type.UNIT), Type.INT, List.of()));
            case LOAD8 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT), Type.BYTE, List.of()));
            case LOAD16 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT), Type.UINT16, List.of()));
            case LOAD32 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT), Type.UINT32, List.of()));
            case STORE8 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT, Type.BYTE), Type.UNIT, List.of()));
            case STORE16 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT, Type.UINT16), Type.UNIT, List.of()));
            case STORE32 -> Optional.of(new BuiltinSig(List.of(Type.UNATIVEINT, Type.UINT32), Type.UNIT, List.of()));
            case CSR_READ -> Optional.of(new BuiltinSig(List.of(Type.STRING), Type.UINT32, List.of()));
            case CSR_WRITE, CSR_SET, CSR_CLEAR -> Optional.of(new BuiltinSig(List.of(Type.STRING, Type.UINT32), Type.UNIT, List.of()));
            default -> Optional.empty();
        };
    }

    /** A fully applied builtin with already-checked arguments. */
    TExpr applyBuiltin(Builtin b, BuiltinSig sig, List<TExpr> args, Loc loc) {
        switch (b) {
            case FAILWITH: return new Typed.Panic(loc, sig.result, args.get(0), null);
            case INVALID_ARG: {
                // message: "msg (Parameter 'name')"
                TExpr msg = new Typed.Printf(loc, Type.UNIT, Builtin.PRINTF,
                        new Format(List.of(new Format.Spec(loc, false, false, false, false, -1, -1, 's'), new Format.Text(" (Parameter '"),
                                new Format.Spec(loc, false, false, false, false, -1, -1, 's'), new Format.Text("')"))),
                        List.of(args.get(1), args.get(0)));
                return new Typed.Panic(loc, sig.result, msg, null);
            }
            default: return new Typed.Prim(loc, sig.result, b, args, sig.typeArgs);
        }
    }

    TExpr applyBuiltinExpr(Builtin b, Loc loc, List<Expr> args, Scope scope) {
        switch (b) {
            case PRINTF: case PRINTFN: case EPRINTF: case EPRINTFN: case FAILWITHF:
                return applyPrintf(b, loc, args, scope);
            case NAN: case INFINITY: case NANF: case INFINITYF: case MATH_PI: case MATH_E: case MATHF_PI: case MATHF_E: {
                TExpr v = builtinValue(b, loc, loc);
                return cx.calls.applyArgs(v, args, scope, loc);
            }
            default: break;
        }
        BuiltinSig sig = builtinSig(b, loc);
        int n = sig.params.size();
        if (args.size() < n) {
            // partial application of a builtin: a lambda over the rest
            TExpr v = builtinValue(b, loc, loc);
            return cx.calls.applyArgs(v, args, scope, loc);
        }
        List<TExpr> targs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Expr arg = args.get(k);
            TExpr ta;
            if (b.name().startsWith("TO_") && b != Builtin.TO_ENUM) {
                ta = cx.exprs.infer(arg, scope);
                cx.unifier.expect(SyntaxFacts.startLoc(arg), sig.params.get(k), ta.type());
            } else ta = cx.exprs.check(arg, sig.params.get(k), scope);
            targs.add(ta);
        }
        TExpr res = applyBuiltin(b, sig, targs, loc);
        if (b == Builtin.SQRT && res instanceof Typed.Prim pr) res = sqrtUnit(pr, loc);
        if (args.size() > n) return cx.calls.applyArgs(res, args.subList(n, args.size()), scope, loc);
        return res;
    }

    TExpr applyPrintf(Builtin b, Loc loc, List<Expr> args, Scope scope) {
        if (args.isEmpty()) {
            cx.diags.error(loc, "'" + b.fsName + "' needs a literal format string after it");
            return new Typed.Error(loc, cx.errorType());
        }
        Expr f = args.get(0);
        while (f instanceof Paren p) f = p.inner();
        if (!(f instanceof Const c) || !(c.lit() instanceof StringLit sl)) {
            cx.diags.error(SyntaxFacts.startLoc(args.get(0)), "the format of '" + b.fsName + "' must be a string literal");
            return new Typed.Error(loc, cx.errorType());
        }
        int errorsBefore = (int) cx.diags.errorCount();
        Format fmt = Format.parse(sl.value(), sl.raw(), c.loc(), cx.diags);
        if (cx.diags.errorCount() > errorsBefore) {
            for (int k = 1; k < args.size(); k++) cx.exprs.infer(args.get(k), scope);
            return new Typed.Error(loc, cx.errorType());
        }
        List<Format.Spec> specs = fmt.specs();
        List<Type> types = new ArrayList<>();
        for (Format.Spec s : specs) {
            switch (s.conv()) {
                case 'd', 'i', 'u', 'x', 'X', 'o', 'B' -> { Type.Var v = cx.fresh(); cx.unifier.requireTrait(v, Trait.PRINT_INT, s.loc(), String.valueOf(s.conv())); types.add(v); }
                case 'f', 'F', 'e', 'E' -> { Type.Var v = cx.fresh(); cx.unifier.requireTrait(v, Trait.PRINT_FLOAT, s.loc(), String.valueOf(s.conv())); types.add(v); }
                case 'c' -> types.add(Type.CHAR);
                case 's' -> types.add(Type.STRING);
                case 'b' -> types.add(Type.BOOL);
                default -> types.add(cx.fresh());
            }
        }
        Type result = b == Builtin.FAILWITHF ? cx.fresh() : Type.UNIT;
        List<TExpr> given = new ArrayList<>();
        int k = 1;
        for (; k < args.size() && given.size() < types.size(); k++) given.add(cx.exprs.check(args.get(k), types.get(given.size()), scope));
        TExpr call;
        if (given.size() < types.size()) {
            // partial application: fun rest... -> printf fmt given rest
            List<LocalVar> ps = new ArrayList<>();
            List<TExpr> all = new ArrayList<>(given);
            for (int j = given.size(); j < types.size(); j++) {
                LocalVar p = new LocalVar("fmtArg" + j, types.get(j), false, loc);
                p.compilerGenerated = true;
                ps.add(p);
                all.add(new Typed.LocalRef(loc, p.type, p, List.of()));
            }
            TExpr body = b == Builtin.FAILWITHF ? new Typed.Panic(loc, result, new Typed.Printf(loc, Type.UNIT, Builtin.PRINTF, fmt, all), null)
                    : new Typed.Printf(loc, Type.UNIT, b, fmt, all);
            Type t = body.type();
            for (int j = ps.size() - 1; j >= 0; j--) t = new Type.Fun(ps.get(j).type, t);
            call = new Typed.Lambda(loc, t, ps, body);
        } else {
            call = b == Builtin.FAILWITHF ? new Typed.Panic(loc, result, new Typed.Printf(loc, Type.UNIT, Builtin.PRINTF, fmt, given), null)
                    : new Typed.Printf(loc, Type.UNIT, b, fmt, given);
        }
        if (k < args.size()) return cx.calls.applyArgs(call, args.subList(k, args.size()), scope, loc);
        return call;
    }

    /** sqrt of float<m^2> is float<m>; a unit with an odd exponent has no square root. */
    private TExpr sqrtUnit(Typed.Prim p, Loc loc) {
        if (!(Type.prune(p.args().get(0).type()) instanceof Type.Prim arg) || arg.measure() == null || Measures.isOne(arg.measure())) return p;
        Type.Measure root = Measures.sqrt(arg.measure());
        if (root == null) {
            cx.diags.error(loc, "the unit of '" + Type.show(arg) + "' has no square root: its exponents are not even");
            return new Typed.Error(loc, cx.errorType());
        }
        return new Typed.Prim(p.loc(), Measures.primOf(arg.kind(), root), p.op(), p.args(), List.of(Type.prim(arg.kind())));
    }
}
