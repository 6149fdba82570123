// A typed IR operand: a register, a global, or a constant, with its IR type. Registers come from
// FunctionBuilder's instructions; this class makes the constants and global references.
package org.fidembed.lower.ir;

import java.nio.charset.StandardCharsets;
import java.util.List;

public record Value(IrType type, String ref) {

    /** "TYPE REF", as an operand is written in most instructions. */
    public String typed() { return type + " " + ref; }

    @Override public String toString() { return typed(); }

    // ------------------------------------------------------------------------------------------ constants

    /** An integer constant, wrapped to the width of t (i1: true or false). */
    public static Value intConst(IrType t, long v) {
        String s = !(t instanceof IrType.Int it) ? Long.toString(v) : switch (it.bits()) {
            case 1 -> (v & 1) != 0 ? "true" : "false";
            case 8 -> Long.toString((byte) v);
            case 16 -> Long.toString((short) v);
            case 32 -> Long.toString((int) v);
            default -> Long.toString(v);
        };
        return new Value(t, s);
    }

    /** An integer constant written as given (a char's code as an unsigned number). */
    public static Value intExact(IrType t, long v) { return new Value(t, Long.toString(v)); }

    public static Value i32(long v) { return intConst(IrType.I32, v); }

    public static Value i8(long v) { return intConst(IrType.I8, v); }

    public static Value bool(boolean v) { return new Value(IrType.I1, Boolean.toString(v)); }

    /** A float or double constant in LLVM's exact hexadecimal form (a float is rounded to float first). */
    public static Value floatConst(IrType t, double d) {
        if (t instanceof IrType.Float) d = (double) (float) d;
        return new Value(t, String.format("0x%016X", java.lang.Double.doubleToRawLongBits(d)));
    }

    public static Value zero(IrType t) { return new Value(t, "zeroinitializer"); }

    /** The zero of a scalar type as a plain literal (0, 0.0), zeroinitializer for others. */
    public static Value zeroLiteral(IrType t) {
        if (t instanceof IrType.Float || t instanceof IrType.Double) return new Value(t, "0.0");
        if (t instanceof IrType.Int) return new Value(t, "0");
        return zero(t);
    }

    public static Value undef(IrType t) { return new Value(t, "undef"); }

    public static Value poison(IrType t) { return new Value(t, "poison"); }

    public static Value nullPtr() { return new Value(IrType.PTR, "null"); }

    public static Value unit() { return zero(IrType.UNIT); }

    /** A constant struct of constant fields: { ptr @x, i32 5 }. */
    public static Value struct(IrType.Struct t, Value... fields) {
        StringBuilder sb = new StringBuilder("{ ");
        for (int i = 0; i < fields.length; i++) sb.append(i > 0 ? ", " : "").append(fields[i].typed());
        return new Value(t, sb.append(" }").toString());
    }

    /** A constant array of constant elements of type elem. */
    public static Value array(IrType elem, List<Value> elems) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elems.size(); i++) sb.append(i > 0 ? ", " : "").append(elems.get(i).typed());
        return new Value(new IrType.Array(elems.size(), elem), sb.append(']').toString());
    }

    /** The bytes of an ASCII string as a constant i8 array: c"..." with unprintable bytes escaped. */
    public static Value asciiBytes(String s) {
        StringBuilder sb = new StringBuilder("c\"");
        for (byte by : s.getBytes(StandardCharsets.US_ASCII)) {
            int c = by & 0xFF;
            if (c >= 32 && c < 127 && c != '"' && c != '\\') sb.append((char) c);
            else sb.append(String.format("\\%02X", c));
        }
        return new Value(new IrType.Array(s.length(), IrType.I8), sb.append('"').toString());
    }

    // ------------------------------------------------------------------------------------------ globals

    /** A global (variable or function) whose name is written in quotes: @"Fid.Core.x". */
    public static Value global(String symbol) { return new Value(IrType.PTR, "@\"" + symbol + "\""); }

    /** A global whose name needs no quotes: @fid.init. */
    public static Value plainGlobal(String symbol) { return new Value(IrType.PTR, "@" + symbol); }

    /** The ELF symbol of a global reference (its name without @ and quotes). */
    public String symbol() {
        String n = ref.startsWith("@") ? ref.substring(1) : ref;
        return n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n;
    }

    /** The same operand as another type of the same representation (an int16 value as a char). */
    public Value as(IrType t) { return new Value(t, ref); }
}
