// Module-level values: constants and constant arrays go straight into the image, other values are
// computed by fid.init into zero-initialised globals; objects created while initialising them get
// static storage named after the value. Also the IR constants of compile-time values.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.StaticArray;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.ModuleBuilder.GlobalKind;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.ConstEval;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;

final class Globals {
    private Globals() { }

    /**
     * A module-level value: its global, IR type, array length when known, whether it is a constant,
     * and, when the value itself is known at compile time (an immutable array in static storage), that
     * constant: uses then need no load, and LLVM sees the storage and the length.
     */
    record GInfo(Value name, IrType ty, Integer knownLen, boolean isConst, StaticArray constRef) {
        GInfo(Value name, IrType ty, Integer knownLen, boolean isConst) { this(name, ty, knownLen, isConst, null); }
    }

    static GInfo info(ModuleContext m, GlobalVal g) {
        GInfo gi = m.globals.get(g);
        if (gi != null) return gi;
        // referenced before its initialiser was lowered (a prelude value): define it now
        IrType ty = LType.of(Type.resolve(g.scheme.type()));
        Value name = Value.global(g.qualifiedName);
        m.ir.global(name, GlobalKind.VARIABLE, Value.zero(ty));
        gi = new GInfo(name, ty, null, false);
        m.globals.put(g, gi);
        return gi;
    }

    /** Defines a module-level value; f is fid.init, where values not known at compile time are computed. */
    static void lowerInit(Fn f, GlobalVal g, Env env) {
        define(f, g, env);
        GInfo gi = f.m().globals.get(g);
        DebugTypes dt = f.m().debugTypes;
        if (gi == null || dt == null || g.loc == null || g.loc.file() == null || !g.loc.known()) return;
        Type t = Type.resolve(g.scheme.type());
        Object c = g.mutable ? null : ConstEval.eval(g.body);
        Long bits = c instanceof Long l ? l : c instanceof Boolean b ? (b ? 1L : 0L) : c instanceof Character ch ? (long) ch
                : c instanceof Double x ? (LType.of(t) instanceof IrType.Float ? Float.floatToRawIntBits(x.floatValue()) & 0xFFFF_FFFFL : Double.doubleToRawLongBits(x))
                : c instanceof Float x ? Float.floatToRawIntBits(x) & 0xFFFF_FFFFL : null;
        if (bits != null && dt.of(t) >= 0) {
            f.m().ir.debug().constantVariable(g.qualifiedName, g.loc.file().name(), g.loc.line(), dt.of(t), bits);
            return;
        }
        // an immutable array in static storage: the debugger sees its elements (the reference itself is folded away)
        Value storage = gi.constRef() != null ? gi.constRef().storage() : gi.name();
        int type = gi.constRef() != null ? dt.fixedArray(((Type.Array) t).elem(), gi.constRef().length()) : dt.of(t);
        if (type < 0) return;
        f.m().ir.describe(storage, f.m().ir.debug().globalVariable(g.qualifiedName, g.loc.file().name(), g.loc.line(), type));
    }

    private static void define(Fn f, GlobalVal g, Env env) {
        ModuleContext m = f.m();
        m.dataLocs.put(g.qualifiedName, g.loc);
        m.dataLocs.put(g.qualifiedName + ".data", g.loc);
        Type t = Type.resolve(g.scheme.type());
        IrType ty = LType.of(t);
        Value name = Value.global(g.qualifiedName);
        if (g.name.startsWith("do@")) {
            Expressions.lower(f, g.body, env);
            return;
        }
        // constant scalars and constant arrays of scalars go straight into the image
        Object c = ConstEval.eval(g.body);
        GlobalKind kind = g.mutable ? GlobalKind.VARIABLE : GlobalKind.CONSTANT;
        if (c != null && !(c instanceof String)) {
            m.ir.global(name, kind, literal(m, c, t));
            m.globals.put(g, new GInfo(name, ty, null, !g.mutable));
            return;
        }
        if (g.body instanceof Typed.ArrayLit al && allConst(al.elems())) {
            constantArray(m, g, al, t, name, kind);
            return;
        }
        V mv = computed(f, g, t, env);
        if (!g.mutable && mv.constVal() instanceof StaticArray sa) {
            // an immutable array in static storage (Array.zeroCreate, Array.init, ... at module level): the
            // initialiser fills the storage; the reference itself is a constant
            m.ir.global(name, GlobalKind.CONSTANT, sa.literal());
            m.globals.put(g, new GInfo(name, ty, sa.length(), false, sa));
            return;
        }
        m.ir.global(name, GlobalKind.VARIABLE, Value.zero(ty));
        if (!ty.equals(LType.UNIT)) f.b().store(mv.value(), name, m.volatileGlobals && g.mutable, 0);
        m.globals.put(g, new GInfo(name, ty, g.mutable ? null : mv.knownLen(), false));
    }

    /** An array literal of constants: its elements in a global of their own, the reference a constant too. */
    private static void constantArray(ModuleContext m, GlobalVal g, Typed.ArrayLit al, Type t, Value name, GlobalKind kind) {
        Type elem = ((Type.Array) t).elem();
        IrType ety = LType.of(elem);
        Value data = Value.global(g.qualifiedName + ".data");
        List<Value> elems = new ArrayList<>();
        for (TExpr e : al.elems()) elems.add(literal(m, ConstEval.eval(e), elem));
        m.ir.global(data, GlobalKind.VARIABLE, Value.array(ety, elems));
        int n = al.elems().size();
        m.ir.global(name, kind, Value.struct(LType.ARR, data, Value.i32(n)));
        StaticArray ref = g.mutable ? null : new StaticArray(data, n);
        m.globals.put(g, new GInfo(name, LType.ARR, g.mutable ? null : n, !g.mutable, ref));
    }

    /** The value of a module-level value computed in fid.init, its objects named after it. */
    private static V computed(Fn f, GlobalVal g, Type t, Env env) {
        ModuleContext m = f.m();
        m.storageOwner = g.qualifiedName;
        m.storageOwnerLoc = g.loc;
        try {
            return Closures.materialize(f, Expressions.lower(f, g.body, env), t, env, g.loc);
        } finally {
            m.storageOwner = null;
            m.storageOwnerLoc = null;
        }
    }

    /** Whether every element is a compile-time constant (strings included: their references are constants too). */
    private static boolean allConst(List<TExpr> es) {
        for (TExpr e : es) {
            if (ConstEval.eval(e) == null) return false;
        }
        return true;
    }

    /** The IR constant of a compile-time value of type t. */
    static Value literal(ModuleContext m, Object c, Type t) {
        PrimKind k = LType.primOf(t);
        IrType ty = LType.of(t);
        if (c instanceof Boolean bo) return Value.bool(bo);
        if (c instanceof Character ch) return Value.intExact(ty, ch);
        if (c instanceof Long l) {
            if (k == PrimKind.FLOAT || k == PrimKind.FLOAT32) return Value.floatConst(ty, (double) l);
            return Value.intConst(ty, l);
        }
        if (c instanceof Double d) return Value.floatConst(ty, d);
        if (c instanceof Float fl) return Value.floatConst(ty, fl);
        if (c instanceof String s) return Strings.constant(m, s).value();
        throw new IllegalStateException("constant " + c);
    }

    /** Storage for an object created here: a stack slot, or a static in module initialisation. */
    static Value allocStorage(Fn f, IrType ty, Env env) {
        int align = Math.max(4, ty.align());
        if (!env.staticAlloc()) return f.b().alloca(ty, align);
        ModuleContext m = f.m();
        // named after the module-level value it is made for, so reports and maps say whose it is
        Value g;
        if (m.storageOwner != null) {
            int n = m.storageCount.merge(m.storageOwner, 1, Integer::sum);
            g = Value.global(m.storageOwner + ".storage" + (n == 1 ? "" : "." + n));
        } else {
            g = Value.global("static." + (m.counter++));
        }
        Loc at = m.storageOwnerLoc != null ? m.storageOwnerLoc : env.panicLoc() != null ? env.panicLoc() : m.currentLoc;
        m.dataLocs.put(g.symbol(), at);
        m.ir.global(g, GlobalKind.VARIABLE, Value.zero(ty), align);
        return g;
    }
}
