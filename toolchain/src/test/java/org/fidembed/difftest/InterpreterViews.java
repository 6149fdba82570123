// The reference interpreter's byrefs, spans and string views, from docs/language.md §4.2 and §4.5:
// a byref is a reference to a place (a variable's cell, an array element, a field, a module-level
// value), a span an array with a start and a length, a part of a string a Java substring.
package org.fidembed.difftest;

import org.fidembed.diag.Loc;
import org.fidembed.types.Builtin;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

final class InterpreterViews {
    /** A place: what &x gives and what a byref holds. */
    interface Ref {
        Object get();
        void set(Object v);
    }

    /** A span: length elements of an array from start. */
    record Span(Interpreter.Arr arr, int start, int length) { }

    private static final String OUT_OF_RANGE = "the index is outside the legal range";

    private final Interpreter in;

    InterpreterViews(Interpreter in) { this.in = in; }

    static boolean handles(Builtin op) {
        return switch (op) {
            case ADDR_OF, DEREF, STORE_REF, SPAN_OF_ARRAY, SPAN_SLICE, STRING_SUBSTRING, STRING_SLICE, STRING_STARTS_WITH,
                 STRING_ENDS_WITH, STRING_STARTS_WITH_CHAR, STRING_ENDS_WITH_CHAR, STRING_CONTAINS, STRING_CONTAINS_CHAR, STRING_INDEX_OF, STRING_INDEX_OF_CHAR -> true;
            default -> false;
        };
    }

    Object prim(Typed.Prim p, Interpreter.Frame f) {
        if (p.op() == Builtin.ADDR_OF) return place(p.args().get(0), f);
        List<Object> a = new ArrayList<>();
        for (TExpr x : p.args()) a.add(in.eval(x, f));
        Loc loc = in.at(f, p.loc());
        switch (p.op()) {
            case DEREF: return ((Ref) a.get(0)).get();
            case STORE_REF: ((Ref) a.get(0)).set(a.get(1)); return Interpreter.Unit.UNIT;
            case SPAN_OF_ARRAY: case SPAN_SLICE: {
                Span s = a.get(0) instanceof Span sp ? sp : new Span((Interpreter.Arr) a.get(0), 0, ((Interpreter.Arr) a.get(0)).e.length);
                if (a.size() == 1) return s;
                int[] r = range(s.length, a, loc);
                return new Span(s.arr, s.start + r[0], r[1]);
            }
            case STRING_SUBSTRING: {
                String s = (String) a.get(0);
                int[] r = range(s.length(), a, loc);
                return s.substring(r[0], r[0] + r[1]);
            }
            case STRING_SLICE: {
                String s = (String) a.get(0);
                long lo = Math.max(0, num(a.get(1))), hi = Math.min(num(a.get(2)), s.length() - 1);
                return hi < lo ? "" : s.substring((int) lo, (int) hi + 1);
            }
            case STRING_STARTS_WITH: return ((String) a.get(0)).startsWith((String) a.get(1));
            case STRING_ENDS_WITH: return ((String) a.get(0)).endsWith((String) a.get(1));
            case STRING_STARTS_WITH_CHAR: return ((String) a.get(0)).startsWith(String.valueOf((char) (Character) a.get(1)));
            case STRING_ENDS_WITH_CHAR: return ((String) a.get(0)).endsWith(String.valueOf((char) (Character) a.get(1)));
            case STRING_CONTAINS: return ((String) a.get(0)).contains((String) a.get(1));
            case STRING_CONTAINS_CHAR: return ((String) a.get(0)).indexOf((Character) a.get(1)) >= 0;
            case STRING_INDEX_OF: return new Interpreter.I(((String) a.get(0)).indexOf((String) a.get(1)), PrimKind.INT32);
            case STRING_INDEX_OF_CHAR: return new Interpreter.I(((String) a.get(0)).indexOf((Character) a.get(1)), PrimKind.INT32);
            default: throw new IllegalStateException("" + p.op());
        }
    }

    private static long num(Object o) { return ((Interpreter.I) o).v(); }

    /** start and count from args 1 and 2 (count: the rest when absent), checked against length as .NET does. */
    private static int[] range(int length, List<Object> a, Loc loc) {
        long start = num(a.get(1));
        long count = a.size() > 2 ? num(a.get(2)) : length - start;
        if (start < 0 || start > length || count < 0 || count > length - start) throw new Interpreter.PanicEx(OUT_OF_RANGE, loc);
        return new int[] { (int) start, (int) count };
    }

    /** The place an &x names. */
    private Ref place(TExpr e, Interpreter.Frame f) {
        if (e instanceof Typed.Prim p && p.op() == Builtin.DEREF) return (Ref) in.eval(p.args().get(0), f);
        if (e instanceof Typed.LocalRef l) {
            Object[] cell = f.cell(l.v());
            return cellRef(cell, 0);
        }
        if (e instanceof Typed.GlobalRef g) {
            in.eval(g, f);
            return new Ref() {
                public Object get() { return in.globalValue(g.g()); }
                public void set(Object v) { in.setGlobal(g.g(), v); }
            };
        }
        if (e instanceof Typed.Field fl) return cellRef(((Interpreter.Rec) in.eval(fl.target(), f)).f, fl.index());
        if (e instanceof Typed.Index ix) {
            Object t = in.eval(ix.target(), f);
            long i = num(in.eval(ix.index(), f));
            Span s = t instanceof Span sp ? sp : new Span((Interpreter.Arr) t, 0, ((Interpreter.Arr) t).e.length);
            check(s, i, in.at(f, ix.target().loc()));
            return cellRef(s.arr.e, s.start + (int) i);
        }
        Object v = in.eval(e, f);
        return cellRef(new Object[] { v }, 0);
    }

    private static Ref cellRef(Object[] cells, int k) {
        return new Ref() {
            public Object get() { return cells[k]; }
            public void set(Object v) { cells[k] = v; }
        };
    }

    private static void check(Span s, long i, Loc loc) {
        if (i < 0 || i >= s.length) throw new Interpreter.PanicEx("index " + i + " out of bounds for length " + s.length, loc);
    }

    Object index(Span s, long i, Loc loc) {
        check(s, i, loc);
        return s.arr.e[s.start + (int) i];
    }

    void setIndex(Span s, long i, Object v, Loc loc) {
        check(s, i, loc);
        s.arr.e[s.start + (int) i] = v;
    }

    static void forEach(Span s, Consumer<Object> body) {
        for (int i = 0; i < s.length; i++) body.accept(s.arr.e[s.start + i]);
    }
}
