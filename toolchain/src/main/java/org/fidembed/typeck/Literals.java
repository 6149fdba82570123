// The types and values of literals: integer suffixes with their ranges (hexadecimal bit patterns of
// signed types included), floats, chars, strings, booleans and unit.
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

final class Literals {
    private final CheckContext cx;

    Literals(CheckContext cx) { this.cx = cx; }

    TExpr literal(Literal lit, Loc loc) {
        if (lit instanceof IntLit il) {
            PrimKind k = switch (il.suffix()) {
                case "y" -> PrimKind.SBYTE; case "uy" -> PrimKind.BYTE; case "s" -> PrimKind.INT16; case "us" -> PrimKind.UINT16;
                case "u" -> PrimKind.UINT32; case "L" -> PrimKind.INT64; case "UL" -> PrimKind.UINT64;
                case "n" -> PrimKind.NATIVEINT; case "un" -> PrimKind.UNATIVEINT;
                default -> PrimKind.INT32;
            };
            BigInteger v = il.negative() ? il.magnitude().negate() : il.magnitude();
            int bits = k.bits;
            BigInteger min = k.isSigned() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
            BigInteger max = k.isSigned() ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            BigInteger umax = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            boolean ok = v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
            if (!ok && il.bitPattern() && !il.negative() && v.compareTo(umax) <= 0) ok = true;
            if (!ok) {
                cx.diags.error(loc, "literal " + v + " is out of range for " + k.fsName);
                return new Typed.Const(loc, Type.prim(k), 0L);
            }
            return new Typed.Const(loc, Type.prim(k), Type.normalize(v.longValue(), k));
        }
        if (lit instanceof FloatLit fl) {
            if (fl.single()) return new Typed.Const(loc, Type.FLOAT32, (float) fl.value());
            return new Typed.Const(loc, Type.FLOAT, fl.value());
        }
        if (lit instanceof CharLit cl) return new Typed.Const(loc, Type.CHAR, cl.value());
        if (lit instanceof StringLit sl) return new Typed.Const(loc, Type.STRING, sl.value());
        if (lit instanceof BoolLit bl) return new Typed.Const(loc, Type.BOOL, bl.value());
        return new Typed.Const(loc, Type.UNIT, null);
    }

}
