// String literals: each distinct literal is one private constant of bytes (ASCII) or UTF-16 units,
// referenced as { ptr, i32 length }; the top bit of the length marks a wide string, and whether
// the unit has any wide literal is a constant known only when lowering ends (@fid.wide.strings).
package org.fidembed.lower;

import org.fidembed.lower.Env.V;
import org.fidembed.lower.ir.IrOp;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.ModuleBuilder;
import org.fidembed.lower.ir.Value;

import java.util.ArrayList;
import java.util.List;

final class Strings {
    private Strings() { }

    private static final Value WIDE_STRINGS = Value.plainGlobal("fid.wide.strings");

    /** The reference to a string literal (the constant made on first use); its value is known. */
    static V constant(ModuleContext m, String s) {
        boolean wide = false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 127) wide = true;
        m.anyWideString |= wide;
        if (s.isEmpty()) return new V(Value.struct(LType.STR, Value.nullPtr(), Value.i32(0)), Env.constant(s));
        String key = (wide ? "W" : "N") + s;
        Value g = m.strings.get(key);
        if (g == null) {
            g = Value.plainGlobal(".str." + m.strings.size());
            m.strings.put(key, g);
            m.dataLocs.put("str." + (m.strings.size() - 1), m.currentLoc);
            if (!wide) {
                m.ir.global(g, ModuleBuilder.GlobalKind.PRIVATE_CONSTANT, Value.asciiBytes(s), 1);
            } else {
                List<Value> units = new ArrayList<>();
                for (int i = 0; i < s.length(); i++) units.add(Value.intConst(IrType.I16, s.charAt(i)));
                m.ir.global(g, ModuleBuilder.GlobalKind.PRIVATE_CONSTANT, Value.array(IrType.I16, units), 2);
            }
        }
        int len = wide ? (s.length() | 0x80000000) : s.length();
        return new V(Value.struct(LType.STR, g, Value.i32(len)), Env.constant(s));
    }

    /**
     * A string's wide bit (the top bit of its raw length) and-ed with whether this unit has any wide
     * literal at all: in a program of ASCII strings LLVM folds away every wide branch.
     */
    static Value isWide(Fn f, Value rawLength) {
        Value bit = f.b().icmp(IrOp.ICmp.SLT, rawLength, Value.i32(0));
        Value any = f.b().load(IrType.I1, WIDE_STRINGS);
        return f.b().binary(IrOp.Bin.AND, bit, any);
    }

    static String wideStringsGlobal(ModuleContext m) {
        return ModuleBuilder.globalText(WIDE_STRINGS, ModuleBuilder.GlobalKind.CONSTANT, Value.bool(m.anyWideString));
    }

    /** The length of a string (without the wide bit) or an array: a constant when known. */
    static Value lengthOf(Fn f, V v, boolean isString) {
        if (v.knownLen() != null && v.knownLen() >= 0) return Value.i32(v.knownLen());
        if (isString && v.constVal() instanceof String s) return Value.i32(s.length());
        Value raw = f.b().extractValue(v.value(), 1);
        if (isString) return f.b().binary(IrOp.Bin.AND, raw, Value.i32(2147483647));
        return raw;
    }

    /** Character i of a string (an i16), from its bytes or its UTF-16 units. */
    static V charAt(Fn f, V s, Value i) {
        var b = f.b();
        Value p = b.extractValue(s.value(), 0);
        Value raw = b.extractValue(s.value(), 1);
        Value wide = isWide(f, raw);
        Value wp = b.gep(IrType.I16, p, i);
        Value np = b.gep(IrType.I8, p, i);
        Value slot = b.alloca(IrType.I16);
        var wl = b.label("wide");
        var nl = b.label("narrow");
        var end = b.label("char");
        b.condBr(wide, wl, nl);
        b.block(wl);
        b.store(b.load(IrType.I16, wp), slot);
        b.br(end);
        b.block(nl);
        Value by = b.load(IrType.I8, np);
        b.store(b.cast(IrOp.Cast.ZEXT, by, IrType.I16), slot);
        b.br(end);
        b.block(end);
        return new V(b.load(IrType.I16, slot));
    }
}
