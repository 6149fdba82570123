// printf, printfn, eprintf and failwithf: the format is split at compile time; literal text is
// printed in runs, and each conversion calls the prelude formatter for its type, radix and width
// (fmtDec32, fmtHex64, fmtFloat...), so a program links only the formatters its formats use.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.ir.IrOp.Bin;
import org.fidembed.lower.ir.IrOp.Cast;
import org.fidembed.lower.ir.IrOp.ICmp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Builtin;
import org.fidembed.types.Format;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;

final class Printf {
    private Printf() { }

    static void lower(Fn f, Typed.Printf p, Env env) {
        List<V> args = new ArrayList<>();
        for (TExpr a : p.args()) args.add(Expressions.value(f, a, env));
        int ai = 0;
        StringBuilder pending = new StringBuilder();
        for (Format.Segment s : p.format().segments()) {
            if (s instanceof Format.Text t) { pending.append(t.text()); continue; }
            String known = constantText((Format.Spec) s, args.get(ai));
            if (known != null) { pending.append(known); ai++; continue; } // a constant string joins the text around it
            if (pending.length() > 0) { putText(f, pending.toString(), p.loc(), env); pending.setLength(0); }
            Type at = LType.conc(p.args().get(ai).type(), env);
            conversion(f, (Format.Spec) s, args.get(ai), at, p.loc(), env);
            ai++;
        }
        if (p.kind() == Builtin.PRINTFN || p.kind() == Builtin.EPRINTFN) pending.append('\n');
        if (pending.length() > 0) putText(f, pending.toString(), p.loc(), env);
    }

    /** One %-conversion of value v of type at. */
    private static void conversion(Fn f, Format.Spec sp, V v, Type at, Loc loc, Env env) {
        int flags = (sp.minus() ? 1 : 0) | (sp.zero() ? 2 : 0) | (sp.plus() ? 4 : 0) | (sp.space() ? 8 : 0)
                | (sp.conv() == 'X' || sp.conv() == 'E' ? 16 : 0);
        V width = new V(Value.i32(Math.max(sp.width(), 0)));
        V fl = new V(Value.i32(flags));
        switch (sp.conv()) {
            case 'c' -> Calls.callRuntime(f, "fmtChar", loc, env, v, width, fl);
            case 's' -> Calls.callRuntime(f, "fmtString", loc, env, v, width, fl);
            case 'b' -> Calls.callRuntime(f, "fmtBool", loc, env, v, width, fl);
            case 'f', 'F', 'e', 'E' -> {
                V d = v;
                if (LType.primOf(at) == PrimKind.FLOAT32) d = new V(f.b().cast(Cast.FPEXT, v.value(), IrType.DOUBLE));
                int prec = sp.precision() < 0 ? 6 : sp.precision();
                Calls.callRuntime(f, "fmtFloat", loc, env, d, new V(Value.i32(prec)), width, fl,
                        new V(Value.bool(sp.conv() == 'e' || sp.conv() == 'E')));
            }
            default -> integer(f, sp, v, at, width, fl, loc, env);
        }
    }

    /** The text of %s of a string known at compile time (a literal, a board constant), padded as fmtString pads; else null. */
    private static String constantText(Format.Spec sp, V v) {
        if (sp.conv() != 's' || sp.precision() >= 0 || !(v.constVal() instanceof String cs)) return null;
        String pad = " ".repeat(Math.max(0, sp.width() - cs.length()));
        return sp.minus() ? cs + pad : pad + cs;
    }

    private static void putText(Fn f, String s, Loc loc, Env env) {
        if (s.length() == 1 && s.charAt(0) < 128) Calls.callRuntime(f, "putByte", loc, env, new V(Value.intExact(IrType.I8, s.charAt(0))));
        else Calls.callRuntime(f, "putString", loc, env, Strings.constant(f.m(), s));
    }

    /** An integer in decimal, hex or octal: the magnitude widened to 32 or 64 bits, and its sign for %d. */
    private static void integer(Fn f, Format.Spec sp, V v, Type at, V width, V fl, Loc loc, Env env) {
        var b = f.b();
        PrimKind k = LType.primOf(at);
        int bits = LType.intBits(v.ty());
        boolean wide = bits > 32;
        IrType wty = wide ? IrType.I64 : IrType.I32;
        boolean signedConv = (sp.conv() == 'd' || sp.conv() == 'i') && k != null && k.isSigned();
        Value neg = Value.bool(false);
        Value mag;
        if (signedConv) {
            neg = b.icmp(ICmp.SLT, v.value(), Value.intConst(v.ty(), 0));
            Value ext = bits < (wide ? 64 : 32) ? b.cast(Cast.SEXT, v.value(), wty) : v.value();
            Value negated = b.binary(Bin.SUB, Value.intConst(wty, 0), ext);
            mag = b.select(neg, negated, ext);
        } else {
            mag = bits < (wide ? 64 : 32) ? b.cast(Cast.ZEXT, v.value(), wty) : v.value();
        }
        // one runtime function per radix and width (fmtDec32, fmtHex64, ...): a program links only the ones its formats use
        String fn = switch (sp.conv()) { case 'x', 'X' -> "fmtHex"; case 'o' -> "fmtOct"; case 'B' -> "fmtBin"; default -> "fmtDec"; } + (wide ? "64" : "32");
        V m = new V(mag);
        // "%08x" of a value of at most 32 bits is always exactly eight lower-case digits: putHex32, which
        // the fault handler of every image links anyway, instead of the general formatter
        if (sp.conv() == 'x' && !wide && sp.width() == 8 && !sp.minus() && sp.zero() && !sp.plus() && !sp.space()) {
            Calls.callRuntime(f, "putHex32", loc, env, m);
            return;
        }
        if (fn.startsWith("fmtDec")) Calls.callRuntime(f, fn, loc, env, m, new V(neg), width, fl);
        else Calls.callRuntime(f, fn, loc, env, m, width, fl);
    }
}
