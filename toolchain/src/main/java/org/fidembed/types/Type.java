// Types of the F# subset during and after inference: primitives, functions, tuples, arrays, named
// record/union/enum types, and unification variables that carry operator traits (F#'s constraints).
package org.fidembed.types;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public sealed interface Type permits Type.Prim, Type.Fun, Type.Tuple, Type.Array, Type.Named, Type.Var, Type.Param, Type.Measure {

    enum PrimKind {
        UNIT("unit", 0), BOOL("bool", 8), CHAR("char", 16), STRING("string", 0),
        SBYTE("sbyte", 8), BYTE("byte", 8), INT16("int16", 16), UINT16("uint16", 16),
        INT32("int", 32), UINT32("uint32", 32), INT64("int64", 64), UINT64("uint64", 64),
        NATIVEINT("nativeint", 32), UNATIVEINT("unativeint", 32), FLOAT32("float32", 32), FLOAT("float", 64);

        public final String fsName;
        public final int bits;
        PrimKind(String n, int bits) { this.fsName = n; this.bits = bits; }

        public boolean isInteger() { return ordinal() >= SBYTE.ordinal() && ordinal() <= UNATIVEINT.ordinal(); }
        public boolean isFloat() { return this == FLOAT32 || this == FLOAT; }
        public boolean isNumeric() { return isInteger() || isFloat(); }
        public boolean isSigned() {
            return this == SBYTE || this == INT16 || this == INT32 || this == INT64 || this == NATIVEINT || isFloat();
        }
        public boolean isSignedInteger() { return isInteger() && isSigned(); }
    }

    /** Operator and function constraints a type variable must satisfy (F#'s statically resolved members). */
    enum Trait {
        ADD("+"), ARITH("arithmetic"), NEG("-"), INTEGRAL("bitwise"), EQUALITY("="), COMPARISON("comparison"),
        FLOATING("floating-point"), CONVERTIBLE("conversion"), PRINT_INT("%d"), PRINT_FLOAT("%f"), RANGE("..");
        public final String what;
        Trait(String w) { this.what = w; }
    }

    /**
     * A primitive type; a numeric one may carry a unit of measure (float<m/s>): a Measure or a measure
     * variable, null for none. Units are checked here and erased in code: lowering reads only the kind.
     */
    record Prim(PrimKind kind, Type measure) implements Type {
        public Prim(PrimKind kind) { this(kind, null); }
        @Override public String toString() { return kind.fsName; }
    }

    /**
     * A unit of measure: named units (by qualified name) and measure variables with integer exponents,
     * m^1 s^-2 for m/s^2; empty for the dimensionless 1.
     */
    record Measure(Map<Object, Integer> units) implements Type {
        public static final Measure ONE = new Measure(Map.of());
    }

    record Fun(Type arg, Type result) implements Type { }

    record Tuple(List<Type> elems, boolean struct) implements Type { }

    record Array(Type elem) implements Type { }

    record Named(TypeDefn def, List<Type> args) implements Type { }

    /** A type parameter of a generic type definition, by position (substituted on instantiation). */
    record Param(int index, String name) implements Type { }

    /** A unification variable: unbound (link == null) or a link to the type it was unified with. */
    final class Var implements Type {
        private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();
        public final int id = COUNTER.incrementAndGet();
        public Type link;
        public int level;
        public final EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);
        /** Name written by the user ('T) for display, or null. */
        public String name;
        /** Where the trait that forces a default (for instance '+') was used, for messages. */
        public org.fidembed.diag.Loc traitLoc;
        public String traitOp;
        /** The type of an expression whose error is already reported: nothing more is said about it. */
        public boolean fromError;
        /** A variable that stands for a unit of measure ('u in float<'u>), not for a type. */
        public boolean isMeasure;

        public Var(int level) { this.level = level; }
        @Override public String toString() { return link != null ? link.toString() : "'" + (name != null ? name : "t" + id); }
    }

    // ------------------------------------------------------------------------------------------ helpers

    Prim UNIT = new Prim(PrimKind.UNIT), BOOL = new Prim(PrimKind.BOOL), CHAR = new Prim(PrimKind.CHAR),
         STRING = new Prim(PrimKind.STRING), SBYTE = new Prim(PrimKind.SBYTE), BYTE = new Prim(PrimKind.BYTE),
         INT16 = new Prim(PrimKind.INT16), UINT16 = new Prim(PrimKind.UINT16), INT = new Prim(PrimKind.INT32),
         UINT32 = new Prim(PrimKind.UINT32), INT64 = new Prim(PrimKind.INT64), UINT64 = new Prim(PrimKind.UINT64),
         NATIVEINT = new Prim(PrimKind.NATIVEINT), UNATIVEINT = new Prim(PrimKind.UNATIVEINT),
         FLOAT32 = new Prim(PrimKind.FLOAT32), FLOAT = new Prim(PrimKind.FLOAT);

    static Prim prim(PrimKind k) {
        return switch (k) {
            case UNIT -> UNIT; case BOOL -> BOOL; case CHAR -> CHAR; case STRING -> STRING; case SBYTE -> SBYTE;
            case BYTE -> BYTE; case INT16 -> INT16; case UINT16 -> UINT16; case INT32 -> INT; case UINT32 -> UINT32;
            case INT64 -> INT64; case UINT64 -> UINT64; case NATIVEINT -> NATIVEINT; case UNATIVEINT -> UNATIVEINT;
            case FLOAT32 -> FLOAT32; case FLOAT -> FLOAT;
        };
    }

    /** Follows variable links. */
    static Type prune(Type t) {
        while (t instanceof Var v && v.link != null) {
            Type next = v.link;
            if (next instanceof Var nv && nv.link != null) v.link = nv.link; // path compression
            t = next;
        }
        return t;
    }

    /** The type with every bound variable replaced by what it is bound to (deeply). */
    static Type resolve(Type t) {
        t = prune(t);
        if (t instanceof Fun f) return new Fun(resolve(f.arg()), resolve(f.result()));
        if (t instanceof Tuple tu) return new Tuple(tu.elems().stream().map(Type::resolve).toList(), tu.struct());
        if (t instanceof Array a) return new Array(resolve(a.elem()));
        if (t instanceof Named n) return new Named(n.def(), n.args().stream().map(Type::resolve).toList());
        if (t instanceof Prim p && p.measure() != null) return Measures.primOf(p.kind(), Measures.normalize(p.measure()));
        return t;
    }

    /** The most parts a type may have: beyond it a value would not fit any board, and lowering it would not end. */
    public static final int MAX_PARTS = 4096;

    /** Whether t has more than limit parts (counting shared parts each time), in time bounded by limit. */
    public static boolean largerThan(Type t, int limit) {
        int[] budget = {limit};
        return !fits(t, budget);
    }

    private static boolean fits(Type t, int[] budget) {
        if (--budget[0] < 0) return false;
        t = prune(t);
        if (t instanceof Fun f) return fits(f.arg(), budget) && fits(f.result(), budget);
        if (t instanceof Tuple tu) { for (Type e : tu.elems()) if (!fits(e, budget)) return false; return true; }
        if (t instanceof Array a) return fits(a.elem(), budget);
        if (t instanceof Named n) { for (Type e : n.args()) if (!fits(e, budget)) return false; return true; }
        return true;
    }

    static boolean isPrim(Type t, PrimKind k) { return prune(t) instanceof Prim p && p.kind() == k; }

    /** Replaces generic parameters of a definition by the given arguments. */
    static Type substParams(Type t, List<Type> args) {
        t = prune(t);
        if (t instanceof Param p) return p.index() < args.size() ? args.get(p.index()) : p;
        if (t instanceof Fun f) return new Fun(substParams(f.arg(), args), substParams(f.result(), args));
        if (t instanceof Tuple tu) return new Tuple(tu.elems().stream().map(e -> substParams(e, args)).toList(), tu.struct());
        if (t instanceof Array a) return new Array(substParams(a.elem(), args));
        if (t instanceof Named n) return new Named(n.def(), n.args().stream().map(e -> substParams(e, args)).toList());
        return t;
    }

    /** Replaces variables by the map's types (used to instantiate schemes and in monomorphization). */
    static Type substVars(Type t, Map<Var, Type> map) {
        t = prune(t);
        if (t instanceof Var v) return map.getOrDefault(v, v);
        if (t instanceof Fun f) return new Fun(substVars(f.arg(), map), substVars(f.result(), map));
        if (t instanceof Tuple tu) return new Tuple(tu.elems().stream().map(e -> substVars(e, map)).toList(), tu.struct());
        if (t instanceof Array a) return new Array(substVars(a.elem(), map));
        if (t instanceof Named n) return new Named(n.def(), n.args().stream().map(e -> substVars(e, map)).toList());
        if (t instanceof Prim p && p.measure() != null) return Measures.primOf(p.kind(), Measures.subst(p.measure(), map));
        return t;
    }

    static void freeVars(Type t, Set<Var> out) {
        t = prune(t);
        if (t instanceof Var v) out.add(v);
        else if (t instanceof Fun f) { freeVars(f.arg(), out); freeVars(f.result(), out); }
        else if (t instanceof Tuple tu) tu.elems().forEach(e -> freeVars(e, out));
        else if (t instanceof Array a) freeVars(a.elem(), out);
        else if (t instanceof Named n) n.args().forEach(e -> freeVars(e, out));
        else if (t instanceof Prim p && p.measure() != null) out.addAll(Measures.vars(p.measure()));
    }

    static boolean containsVars(Type t) {
        Set<Var> s = new java.util.LinkedHashSet<>();
        freeVars(t, s);
        return !s.isEmpty();
    }

    /** F#'s way of writing a type: int, int[], int * bool, int -> int, Box<int>, int option. */
    static String show(Type t) { return show(t, new IdentityHashMap<>(), 0); }

    static String show(Type t, Map<Var, String> names, int ctx) {
        t = prune(t);
        if (t instanceof Prim p) return p.kind().fsName + Measures.suffix(p.measure(), names);
        if (t instanceof Var v) {
            String n = names.get(v);
            if (n == null) {
                n = v.name != null ? "'" + v.name : "'" + (char) ('a' + names.size() % 26) + (names.size() >= 26 ? String.valueOf(names.size() / 26) : "");
                names.put(v, n);
            }
            return n;
        }
        if (t instanceof Param p) return "'" + p.name();
        if (t instanceof Fun f) {
            String s = show(f.arg(), names, 2) + " -> " + show(f.result(), names, 1);
            return ctx >= 2 ? "(" + s + ")" : s;
        }
        if (t instanceof Tuple tu) {
            List<String> parts = new ArrayList<>();
            for (Type e : tu.elems()) parts.add(show(e, names, 3));
            String s = String.join(" * ", parts);
            if (tu.struct()) return "struct (" + s + ")";
            return ctx >= 3 ? "(" + s + ")" : s;
        }
        if (t instanceof Array a) return show(a.elem(), names, 4) + "[]";
        if (t instanceof Measure m) return Measures.text(m, names);
        Named n = (Named) t;
        String nm = n.def().displayName();
        if (n.args().isEmpty()) return nm;
        if (n.def().postfixDisplay() && n.args().size() == 1) return show(n.args().get(0), names, 4) + " " + nm;
        List<String> parts = new ArrayList<>();
        for (Type e : n.args()) parts.add(show(e, names, 0));
        return nm + "<" + String.join(",", parts) + ">";
    }

    /** The canonical long for an integer of kind k: truncated to its width and extended by its signedness. */
    public static long normalize(long v, PrimKind k) {
        return switch (k) {
            case SBYTE -> (byte) v;
            case BYTE, BOOL -> v & 0xFF;
            case INT16 -> (short) v;
            case UINT16, CHAR -> v & 0xFFFF;
            case INT32, NATIVEINT -> (int) v;
            case UINT32, UNATIVEINT -> v & 0xFFFFFFFFL;
            default -> v;
        };
    }

    /** Whether t involves the type of an already reported error (through links too): no further error is due. */
    public static boolean touchesError(Type t) {
        if (t instanceof Var v) return v.fromError || (v.link != null && touchesError(v.link));
        if (t instanceof Fun f) return touchesError(f.arg()) || touchesError(f.result());
        if (t instanceof Tuple tu) { for (Type e : tu.elems()) if (touchesError(e)) return true; return false; }
        if (t instanceof Array a) return touchesError(a.elem());
        if (t instanceof Named n) { for (Type e : n.args()) if (touchesError(e)) return true; }
        return false;
    }
}
