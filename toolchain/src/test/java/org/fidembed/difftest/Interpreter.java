// A reference interpreter of the typed tree (types/Typed.java), written from docs/language.md rather than
// from the lowering, for differential testing: a program's UART output and exit code under
// QEMU must equal what this prints and returns.
//
// Covered: integers of every width with wrap-around (values carry their primitive kind, so generic
// inline code needs no monomorphization), checked / % abs and their panics, shifts modulo the width,
// conversions, bool, char, constant strings, tuples, records (value and reference), unions, options,
// arrays with bounds checks, matches with guards and every pattern form, closures, partial application,
// local and module-level functions (generic ones too), for/while/for-in loops, printf with flags, width
// and the integer, %s %c %b conversions, failwith/failwithf/invalidArg/assert and the other panics;
// byrefs, spans and string views (InterpreterViews).
// Not covered: floats (printed with %f/%e: not generated), MMIO and the CPU intrinsics, interrupts.
package org.fidembed.difftest;

import org.fidembed.diag.Loc;
import org.fidembed.types.Builtin;
import org.fidembed.typeck.Program;
import org.fidembed.typeck.TypeChecker;
import org.fidembed.types.Format;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.TypeDefn;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

public final class Interpreter {

    /** What a run produced: the bytes written to the UART and the exit code (101 after a panic). */
    public record Outcome(byte[] output, int exitCode) {
        public String text() { return new String(output, StandardCharsets.UTF_8); }
    }

    /** Thrown when a run takes more steps than allowed (the generator's programs never should). */
    public static final class StepLimit extends RuntimeException {
        StepLimit() { super("step limit reached"); }
    }

    // ------------------------------------------------------------------------------------------ values

    /** An integer of a given kind, kept normalized (sign- or zero-extended from its width). */
    record I(long v, PrimKind k) { }
    enum Unit { UNIT }
    record Tup(Object[] e) { }
    static final class Rec { final TypeDefn def; final Object[] f; Rec(TypeDefn d, Object[] f) { def = d; this.f = f; } }
    static final class Uni { final TypeDefn def; final int tag; final Object[] a; Uni(TypeDefn d, int t, Object[] a) { def = d; tag = t; this.a = a; } }
    static final class Arr { final Object[] e; Arr(Object[] e) { this.e = e; } }
    interface Fn { }
    record Clo(Typed.Lambda lam, Frame env, Map<Type.Var, Type> subst) implements Fn { }
    record GFn(GlobalVal g, Map<Type.Var, Type> subst) implements Fn { }
    record Part(Fn f, List<Object> args) implements Fn { }
    record PrimFn(Builtin b, Type type, int arity) implements Fn { }

    static final class Frame {
        final Frame parent;
        final Map<LocalVar, Object[]> vars = new HashMap<>();
        final Map<Type.Var, Type> subst;
        final Loc panicLoc;
        Frame(Frame parent, Map<Type.Var, Type> subst, Loc panicLoc) { this.parent = parent; this.subst = subst; this.panicLoc = panicLoc; }
        Object[] cell(LocalVar v) {
            for (Frame f = this; f != null; f = f.parent) { Object[] c = f.vars.get(v); if (c != null) return c; }
            throw new IllegalStateException("unbound " + v);
        }
    }

    static final class PanicEx extends RuntimeException {
        final String msg; final Loc loc;
        PanicEx(String msg, Loc loc) { super(msg, null, false, false); this.msg = msg; this.loc = loc; }
    }
    static final class ExitEx extends RuntimeException {
        final int code;
        ExitEx(int code) { super(null, null, false, false); this.code = code; }
    }

    // ------------------------------------------------------------------------------------------ state

    private final Program program;
    private final StringBuilder out = new StringBuilder();
    private final Map<GlobalVal, Object> globals = new IdentityHashMap<>();
    private final long maxSteps;
    private long steps;
    private final InterpreterViews views = new InterpreterViews(this);

    Object globalValue(GlobalVal g) { return globals.get(g); }
    void setGlobal(GlobalVal g, Object v) { globals.put(g, v); }

    public Interpreter(Program program, long maxSteps) { this.program = program; this.maxSteps = maxSteps; }

    public static Outcome run(Program program, long maxSteps) {
        return new Interpreter(program, maxSteps).run();
    }

    public Outcome run() {
        int code;
        try {
            Object r = apply(value(program.entry(), Map.of()), List.of(new Arr(new Object[0])), null);
            long v = ((I) r).v();
            code = v >= 0 && v <= 100 ? (int) v : -1;
        } catch (PanicEx p) {
            out.append("panic: ").append(p.msg).append(" at ").append(locString(p.loc)).append('\n');
            code = 101;
        } catch (ExitEx e) {
            code = e.code;
        }
        return new Outcome(out.toString().getBytes(StandardCharsets.UTF_8), code);
    }

    static String locString(Loc l) {
        String f = l.file() == null ? "?" : l.file().name();
        int slash = f.lastIndexOf('/');
        return (slash >= 0 ? f.substring(slash + 1) : f) + ":" + l.line() + ":" + l.col();
    }

    // ------------------------------------------------------------------------------------------ globals

    private Object value(GlobalVal g, Map<Type.Var, Type> typeArgsSubst) {
        if (g.isFunction()) return new GFn(g, typeArgsSubst);
        if (globals.containsKey(g)) return globals.get(g);
        if (g.body == null) throw new IllegalStateException("no body for " + g);
        Object v = eval(g.body, new Frame(null, typeArgsSubst, null));
        globals.put(g, v);
        return v;
    }

    // ------------------------------------------------------------------------------------------ types

    private static Type conc(Type t, Frame f) {
        return f == null || f.subst.isEmpty() ? Type.prune(t) : Type.prune(Type.substVars(t, f.subst));
    }

    private Object zeroOf(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Prim p) {
            PrimKind k = p.kind();
            if (k.isInteger()) return new I(0, k);
            switch (k) {
                case BOOL: return false;
                case CHAR: return '\0';
                case UNIT: return Unit.UNIT;
                case FLOAT: return 0.0;
                case FLOAT32: return 0.0f;
                case STRING: return "";
                default: break;
            }
        }
        if (t instanceof Type.Tuple tu) {
            Object[] e = new Object[tu.elems().size()];
            for (int i = 0; i < e.length; i++) e[i] = zeroOf(tu.elems().get(i));
            return new Tup(e);
        }
        if (t instanceof Type.Named n) {
            TypeDefn d = n.def();
            if (d.kind == TypeDefn.Kind.RECORD) {
                Object[] f = new Object[d.fields.size()];
                for (int i = 0; i < f.length; i++) f[i] = zeroOf(Type.substParams(d.fields.get(i).type(), n.args()));
                return new Rec(d, f);
            }
            if (d.kind == TypeDefn.Kind.UNION) {
                TypeDefn.Case c = d.cases.get(0);
                Object[] a = new Object[c.fields().size()];
                for (int i = 0; i < a.length; i++) a[i] = zeroOf(Type.substParams(c.fields().get(i).type(), n.args()));
                return new Uni(d, 0, a);
            }
            if (d.kind == TypeDefn.Kind.ENUM) return zeroOf(d.enumUnderlying);
        }
        if (t instanceof Type.Array) return new Arr(new Object[0]);
        throw new IllegalStateException("no zero value for " + Type.show(t));
    }

    // ------------------------------------------------------------------------------------------ integers

    static long norm(long v, PrimKind k) {
        switch (k) {
            case SBYTE: return (byte) v;
            case BYTE: return v & 0xFF;
            case INT16: return (short) v;
            case UINT16: case CHAR: return v & 0xFFFF;
            case INT32: case NATIVEINT: return (int) v;
            case UINT32: case UNATIVEINT: return v & 0xFFFFFFFFL;
            default: return v;
        }
    }

    static int bits(PrimKind k) { return k.bits; }

    private static I mk(long v, PrimKind k) { return new I(norm(v, k), k); }

    // ------------------------------------------------------------------------------------------ evaluation

    private void step() {
        if (++steps > maxSteps) throw new StepLimit();
    }

    Loc at(Frame f, Loc loc) { return f != null && f.panicLoc != null ? f.panicLoc : loc; }

    Object eval(TExpr e, Frame f) {
        step();
        if (e instanceof Typed.Const c) return constant(c.value(), conc(c.type(), f));
        if (e instanceof Typed.LocalRef l) {
            Object v = f.cell(l.v())[0];
            if (!l.typeArgs().isEmpty() && l.v().scheme != null && v instanceof Clo c) {
                Map<Type.Var, Type> s = new IdentityHashMap<>(c.subst());
                for (int i = 0; i < l.v().scheme.vars().size() && i < l.typeArgs().size(); i++) s.put(l.v().scheme.vars().get(i), conc(l.typeArgs().get(i), f));
                return new Clo(c.lam(), c.env(), s);
            }
            return v;
        }
        if (e instanceof Typed.GlobalRef g) return value(g.g(), typeArgs(g.g().scheme == null ? List.of() : g.g().scheme.vars(), g.typeArgs(), f));
        if (e instanceof Typed.BuiltinRef b) {
            Type t = conc(b.type(), f);
            int n = 0;
            while (t instanceof Type.Fun fn) { n++; t = Type.prune(fn.result()); }
            return new PrimFn(b.b(), conc(b.type(), f), n);
        }
        if (e instanceof Typed.App a) {
            Object fn = eval(a.fn(), f);
            List<Object> args = new ArrayList<>();
            for (TExpr x : a.args()) args.add(eval(x, f));
            return apply(fn, args, callSite(a, f));
        }
        if (e instanceof Typed.Lambda l) return new Clo(l, f, f.subst);
        if (e instanceof Typed.Let l) {
            Object v = eval(l.value(), f);
            f.vars.put(l.v(), new Object[] { v });
            return eval(l.body(), f);
        }
        if (e instanceof Typed.LetRec l) {
            for (int i = 0; i < l.vars().size(); i++) f.vars.put(l.vars().get(i), new Object[] { new Clo(l.fns().get(i), f, f.subst) });
            return eval(l.body(), f);
        }
        if (e instanceof Typed.Seq s) { eval(s.first(), f); return eval(s.second(), f); }
        if (e instanceof Typed.If i) {
            if ((Boolean) eval(i.cond(), f)) return eval(i.then(), f);
            return i.otherwise() == null ? Unit.UNIT : eval(i.otherwise(), f);
        }
        if (e instanceof Typed.While w) {
            while ((Boolean) eval(w.cond(), f)) eval(w.body(), f);
            return Unit.UNIT;
        }
        if (e instanceof Typed.For fo) return evalFor(fo, f);
        if (e instanceof Typed.ForEach fe) {
            Object src = eval(fe.source(), f);
            if (src instanceof InterpreterViews.Span sp) {
                InterpreterViews.forEach(sp, x -> { f.vars.put(fe.v(), new Object[] { x }); eval(fe.body(), f); });
            } else if (src instanceof String s) {
                for (int i = 0; i < s.length(); i++) { f.vars.put(fe.v(), new Object[] { s.charAt(i) }); eval(fe.body(), f); }
            } else {
                Arr a = (Arr) src;
                int n = a.e.length;
                for (int i = 0; i < n; i++) { f.vars.put(fe.v(), new Object[] { a.e[i] }); eval(fe.body(), f); }
            }
            return Unit.UNIT;
        }
        if (e instanceof Typed.Match m) {
            Object v = eval(m.scrutinee(), f);
            for (Typed.Rule r : m.rules()) {
                Map<LocalVar, Object> binds = new HashMap<>();
                if (!matches(r.pat(), v, binds, f)) continue;
                for (Map.Entry<LocalVar, Object> b : binds.entrySet()) f.vars.put(b.getKey(), new Object[] { b.getValue() });
                if (r.guard() != null && !(Boolean) eval(r.guard(), f)) continue;
                return eval(r.body(), f);
            }
            throw new PanicEx("incomplete match", at(f, m.loc()));
        }
        if (e instanceof Typed.Tuple t) {
            Object[] v = new Object[t.elems().size()];
            for (int i = 0; i < v.length; i++) v[i] = eval(t.elems().get(i), f);
            return new Tup(v);
        }
        if (e instanceof Typed.Record r) {
            Object[] v = new Object[r.fields().size()];
            for (int i : r.evalOrder()) v[i] = eval(r.fields().get(i), f);
            return new Rec(r.def(), v);
        }
        if (e instanceof Typed.RecordWith r) {
            Rec o = (Rec) eval(r.original(), f);
            Object[] v = o.f.clone();
            for (int i = 0; i < r.indices().size(); i++) v[r.indices().get(i)] = eval(r.values().get(i), f);
            return new Rec(r.def(), v);
        }
        if (e instanceof Typed.Field fl) return ((Rec) eval(fl.target(), f)).f[fl.index()];
        if (e instanceof Typed.SetField s) {
            Rec r = (Rec) eval(s.target(), f);
            r.f[s.index()] = eval(s.value(), f);
            return Unit.UNIT;
        }
        if (e instanceof Typed.UnionCase u) {
            Object[] a = new Object[u.args().size()];
            for (int i = 0; i < a.length; i++) a[i] = eval(u.args().get(i), f);
            return new Uni(u.def(), u.caseIndex(), a);
        }
        if (e instanceof Typed.ArrayLit al) {
            Object[] a = new Object[al.elems().size()];
            for (int i = 0; i < a.length; i++) a[i] = eval(al.elems().get(i), f);
            return new Arr(a);
        }
        if (e instanceof Typed.Index ix) {
            Object t = eval(ix.target(), f);
            long i = ((I) eval(ix.index(), f)).v();
            if (t instanceof InterpreterViews.Span sp) return views.index(sp, i, at(f, ix.loc()));
            int n = t instanceof String s ? s.length() : ((Arr) t).e.length;
            if (i < 0 || i >= n) throw new PanicEx("index " + i + " out of bounds for length " + n, at(f, ix.loc()));
            return t instanceof String s ? (Object) s.charAt((int) i) : ((Arr) t).e[(int) i];
        }
        if (e instanceof Typed.SetIndex s) {
            Object t = eval(s.target(), f);
            long i = ((I) eval(s.index(), f)).v();
            Object v = eval(s.value(), f);
            if (t instanceof InterpreterViews.Span sp) { views.setIndex(sp, i, v, at(f, s.target().loc())); return Unit.UNIT; }
            Arr a = (Arr) t;
            if (i < 0 || i >= a.e.length) throw new PanicEx("index " + i + " out of bounds for length " + a.e.length, at(f, s.loc()));
            a.e[(int) i] = v;
            return Unit.UNIT;
        }
        if (e instanceof Typed.SetLocal s) { Object v = eval(s.value(), f); f.cell(s.v())[0] = v; return Unit.UNIT; }
        if (e instanceof Typed.SetGlobal s) { Object v = eval(s.value(), f); globals.put(s.g(), v); return Unit.UNIT; }
        if (e instanceof Typed.Prim p) return prim(p, f);
        if (e instanceof Typed.TraitCall t) return traitCall(t, f);
        if (e instanceof Typed.Printf p) { out.append(format(p, f)); if (p.kind() == Builtin.PRINTFN || p.kind() == Builtin.EPRINTFN) out.append('\n'); return Unit.UNIT; }
        if (e instanceof Typed.Panic p) {
            String msg = p.fixedMessage() != null ? p.fixedMessage()
                    : p.message() instanceof Typed.Printf pf ? format(pf, f) : (String) eval(p.message(), f);
            throw new PanicEx(msg, at(f, p.loc()));
        }
        if (e instanceof Typed.Prop p) {
            Object t = eval(p.target(), f);
            switch (p.kind()) {
                case ARRAY_LENGTH: return new I(t instanceof InterpreterViews.Span sp ? sp.length() : ((Arr) t).e.length, PrimKind.INT32);
                case STRING_LENGTH: return new I(((String) t).length(), PrimKind.INT32);
                case IS_SOME: return ((Uni) t).tag != 0;
                case IS_NONE: return ((Uni) t).tag == 0;
                case VALUE: {
                    Uni u = (Uni) t;
                    if (u.tag == 0) throw new PanicEx("the option value was None", at(f, p.loc()));
                    return u.a[0];
                }
                default: throw new IllegalStateException("" + p.kind());
            }
        }
        throw new IllegalStateException("cannot interpret " + e.getClass().getSimpleName() + " at " + e.loc());
    }

    /** The panic location a call passes to an inline prelude function (its panics point at the call). */
    /** A member constraint at the type of this instance: the builtin operator at a primitive type, else the type's member. */
    private Object traitCall(Typed.TraitCall t, Frame f) {
        Type st = Type.prune(conc(t.support(), f));
        TypeDefn.Member m = st instanceof Type.Named n ? n.def().members.get(t.member()) : null;
        if (m == null && t.builtin() != null) return eval(t.builtin(), f);
        if (m == null) throw new IllegalStateException("no member " + t.member() + " of " + Type.show(st));
        List<Object> args = new ArrayList<>();
        for (TExpr x : t.args()) args.add(eval(x, f));
        if (args.isEmpty()) args.add(Unit.UNIT);
        if (t.builtin() != null && Type.prune(m.fn().scheme.type()) instanceof Type.Fun fn && Type.prune(fn.arg()) instanceof Type.Tuple)
            args = List.of(new Tup(args.toArray()));
        return apply(value(m.fn(), Map.of()), args, f);
    }

    private Frame callSite(Typed.App a, Frame f) {
        if (a.fn() instanceof Typed.GlobalRef g && g.g().prelude && g.g().inline) return new Frame(null, Map.of(), at(f, a.loc()));
        return null;
    }

    private Map<Type.Var, Type> typeArgs(List<Type.Var> vars, List<Type> args, Frame f) {
        if (vars.isEmpty() || args.isEmpty()) return Map.of();
        Map<Type.Var, Type> s = new IdentityHashMap<>();
        for (int i = 0; i < vars.size() && i < args.size(); i++) s.put(vars.get(i), conc(args.get(i), f));
        return s;
    }

    private Object constant(Object v, Type t) {
        if (v == null) return Unit.UNIT;
        if (v instanceof Long l) {
            if (t instanceof Type.Prim p && p.kind() == PrimKind.CHAR) return (char) (long) l;
            PrimKind k = t instanceof Type.Prim p ? p.kind() : t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.ENUM
                    ? ((Type.Prim) Type.prune(n.def().enumUnderlying)).kind() : PrimKind.INT32;
            return mk(l, k);
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------ calls

    /** site: for an inline prelude function, the frame whose panicLoc its panics report. */
    Object apply(Object fn, List<Object> args, Frame site) {
        if (args.isEmpty()) return fn;
        if (fn instanceof Part p) {
            List<Object> all = new ArrayList<>(p.args());
            all.addAll(args);
            return apply(p.f(), all, site);
        }
        if (fn instanceof PrimFn pf) {
            if (args.size() < pf.arity()) return new Part(pf, args);
            Object r = primValues(pf.b(), args.subList(0, pf.arity()), pf.type(), null, null);
            return apply(r, args.subList(pf.arity(), args.size()), null);
        }
        Typed.Lambda lam;
        Frame env;
        Map<Type.Var, Type> subst;
        Loc panicLoc = null;
        if (fn instanceof Clo c) { lam = c.lam(); env = c.env(); subst = c.subst(); panicLoc = c.env() == null ? null : c.env().panicLoc; }
        else if (fn instanceof GFn g) {
            lam = (Typed.Lambda) g.g().body;
            env = null;
            subst = g.subst();
            if (site != null) panicLoc = site.panicLoc;
        } else throw new IllegalStateException("not a function: " + fn);
        int n = lam.params().size();
        if (args.size() < n) return new Part((Fn) fn, args);
        Frame f = new Frame(env, subst, panicLoc);
        for (int i = 0; i < n; i++) f.vars.put(lam.params().get(i), new Object[] { args.get(i) });
        Object r = eval(lam.body(), f);
        return apply(r, args.subList(n, args.size()), null);
    }

    // ------------------------------------------------------------------------------------------ loops

    private Object evalFor(Typed.For fo, Frame f) {
        I from = (I) eval(fo.from(), f);
        I step = fo.step() == null ? mk(fo.down() ? -1 : 1, from.k()) : (I) eval(fo.step(), f);
        I to = (I) eval(fo.to(), f);
        PrimKind k = from.k();
        if (step.v() == 0) throw new PanicEx("the step of a range cannot be zero", at(f, fo.loc()));
        boolean up = !k.isSigned() ? true : step.v() > 0;
        if (fo.down()) up = false;
        long mask = k.bits == 64 ? -1L : (1L << k.bits) - 1;
        long mag = up ? step.v() : -step.v();
        if (!k.isSigned() && fo.down()) mag = 1;
        if (up ? compare(from, to) > 0 : compare(from, to) < 0) return Unit.UNIT;
        long i = from.v();
        while (true) {
            step();
            f.vars.put(fo.v(), new Object[] { new I(i, k) });
            eval(fo.body(), f);
            long left = up ? (to.v() - i) & mask : (i - to.v()) & mask;
            if (Long.compareUnsigned(left, mag & mask) < 0) break;
            i = norm(up ? i + mag : i - mag, k);
        }
        return Unit.UNIT;
    }

    // ------------------------------------------------------------------------------------------ patterns

    private boolean matches(Typed.TPat p, Object v, Map<LocalVar, Object> binds, Frame f) {
        if (p instanceof Typed.PWild) return true;
        if (p instanceof Typed.PVar pv) { binds.put(pv.v(), v); return true; }
        if (p instanceof Typed.PConst c) return compare(constant(c.value(), Type.prune(p.type()) instanceof Type.Prim pr ? pr : kindOf(v)), v) == 0;
        if (p instanceof Typed.PTuple t) {
            Tup tv = (Tup) v;
            for (int i = 0; i < t.elems().size(); i++) if (!matches(t.elems().get(i), tv.e()[i], binds, f)) return false;
            return true;
        }
        if (p instanceof Typed.PRecord r) {
            Rec rv = (Rec) v;
            for (int i = 0; i < r.fields().size(); i++) if (!matches(r.fields().get(i), rv.f[i], binds, f)) return false;
            return true;
        }
        if (p instanceof Typed.PCase c) {
            Uni u = (Uni) v;
            if (u.tag != c.caseIndex()) return false;
            for (int i = 0; i < c.args().size(); i++) if (!matches(c.args().get(i), u.a[i], binds, f)) return false;
            return true;
        }
        if (p instanceof Typed.PAs a) { if (!matches(a.pat(), v, binds, f)) return false; binds.put(a.v(), v); return true; }
        if (p instanceof Typed.POr o) {
            Map<LocalVar, Object> left = new HashMap<>();
            if (matches(o.left(), v, left, f)) { binds.putAll(left); return true; }
            return matches(o.right(), v, binds, f);
        }
        if (p instanceof Typed.PAnd a) return matches(a.left(), v, binds, f) && matches(a.right(), v, binds, f);
        if (p instanceof Typed.PView w) {
            f.vars.put(w.input(), new Object[] { v });
            return matches(w.result(), eval(w.call(), f), binds, f);
        }
        throw new IllegalStateException("pattern " + p);
    }

    private static Type kindOf(Object v) {
        if (v instanceof I i) return Type.prim(i.k());
        if (v instanceof Character) return Type.CHAR;
        return Type.INT;
    }

    // ------------------------------------------------------------------------------------------ comparison

    static int compare(Object a, Object b) {
        if (a instanceof I x && b instanceof I y) {
            int c = x.k().isSigned() ? Long.compare(x.v(), y.v()) : Long.compareUnsigned(x.v(), y.v());
            return Integer.signum(c);
        }
        if (a instanceof Boolean x) return Integer.signum(Boolean.compare(x, (Boolean) b));
        if (a instanceof Character x) return Integer.signum(Character.compare(x, (Character) b));
        if (a instanceof String x) return Integer.signum(x.compareTo((String) b));
        if (a instanceof Double x) return Double.compare(x, (Double) b);
        if (a instanceof Float x) return Float.compare(x, (Float) b);
        if (a instanceof Unit) return 0;
        if (a instanceof Tup x) return compareAll(x.e(), ((Tup) b).e());
        if (a instanceof Rec x) return compareAll(x.f, ((Rec) b).f);
        if (a instanceof Uni x) {
            Uni y = (Uni) b;
            if (x.tag != y.tag) return x.tag < y.tag ? -1 : 1;
            return compareAll(x.a, y.a);
        }
        if (a instanceof Arr x) {
            Arr y = (Arr) b;
            if (x.e.length != y.e.length) return x.e.length < y.e.length ? -1 : 1;
            return compareAll(x.e, y.e);
        }
        throw new IllegalStateException("cannot compare " + a);
    }

    private static int compareAll(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) { int c = compare(a[i], b[i]); if (c != 0) return c; }
        return 0;
    }

    // ------------------------------------------------------------------------------------------ primitives

    private Object prim(Typed.Prim p, Frame f) {
        Builtin op = p.op();
        if (InterpreterViews.handles(op)) return views.prim(p, f);
        if (op == Builtin.AND) return (Boolean) eval(p.args().get(0), f) && (Boolean) eval(p.args().get(1), f);
        if (op == Builtin.OR) return (Boolean) eval(p.args().get(0), f) || (Boolean) eval(p.args().get(1), f);
        if (op == Builtin.ZERO) return zeroOf(conc(p.type(), f));
        if (op == Builtin.ARRAY_ZEROCREATE) {
            long n = ((I) eval(p.args().get(0), f)).v();
            Type et = ((Type.Array) conc(p.type(), f)).elem();
            Object[] a = new Object[(int) n];
            for (int i = 0; i < a.length; i++) a[i] = zeroOf(et);
            return new Arr(a);
        }
        List<Object> args = new ArrayList<>();
        for (TExpr a : p.args()) args.add(eval(a, f));
        return primValues(op, args, conc(p.type(), f), p, f);
    }

    private Object primValues(Builtin op, List<Object> args, Type resultType, Typed.Prim p, Frame f) {
        Loc loc = p == null ? null : at(f, p.loc());
        Object a = args.isEmpty() ? null : args.get(0);
        Object b = args.size() > 1 ? args.get(1) : null;
        Type rt = resultType;
        while (p == null && rt instanceof Type.Fun fn) rt = Type.prune(fn.result());
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case MOD: return arith(op, a, b, loc);
            case NEG: {
                if (a instanceof Double d) return -d;
                if (a instanceof Float x) return -x;
                I x = (I) a;
                return mk(-x.v(), x.k());
            }
            case BAND: { I x = (I) a, y = (I) b; return mk(x.v() & y.v(), x.k()); }
            case BOR: { I x = (I) a, y = (I) b; return mk(x.v() | y.v(), x.k()); }
            case BXOR: { I x = (I) a, y = (I) b; return mk(x.v() ^ y.v(), x.k()); }
            case BNOT: { I x = (I) a; return mk(~x.v(), x.k()); }
            case SHL: case SHR: {
                I x = (I) a;
                int n = (int) (((I) b).v() & (x.k().bits - 1));
                if (op == Builtin.SHL) return mk(x.v() << n, x.k());
                if (x.k().isSigned()) return mk(x.v() >> n, x.k());
                return mk(x.v() >>> n, x.k());
            }
            case NOT: return !(Boolean) a;
            case EQ: return equal(a, b);
            case NE: return !equal(a, b);
            case LT: return compare(a, b) < 0;
            case LE: return compare(a, b) <= 0;
            case GT: return compare(a, b) > 0;
            case GE: return compare(a, b) >= 0;
            case COMPARE: return new I(compare(a, b), PrimKind.INT32);
            case ABS: {
                if (a instanceof Double d) return Math.abs(d);
                if (a instanceof Float x) return Math.abs(x);
                I x = (I) a;
                if (x.v() == minOf(x.k())) throw new PanicEx("arithmetic overflow", loc);
                return mk(Math.abs(x.v()), x.k());
            }
            case TO_SBYTE: case TO_BYTE: case TO_INT16: case TO_UINT16: case TO_INT32: case TO_UINT32: case TO_INT64:
            case TO_UINT64: case TO_NATIVEINT: case TO_UNATIVEINT: case TO_CHAR: case TO_FLOAT32: case TO_FLOAT: case TO_ENUM:
                return convert(a, Type.prune(rt));
            case ASSERT: if (!(Boolean) a) throw new PanicEx("assertion failed", loc); return Unit.UNIT;
            case EXIT: throw new ExitEx((int) ((I) a).v());
            case CPU_NOP: return Unit.UNIT;
            case SQRT: return a instanceof Float x ? (Object) (float) Math.sqrt(x) : Math.sqrt((Double) a);
            default: throw new IllegalStateException("primitive " + op + " is not interpreted");
        }
    }

    static long minOf(PrimKind k) {
        return k.isSigned() ? Long.MIN_VALUE >> (64 - k.bits) : 0;
    }

    private static Object arith(Builtin op, Object a, Object b, Loc loc) {
        if (a instanceof Double x) {
            double y = (Double) b;
            switch (op) { case ADD: return x + y; case SUB: return x - y; case MUL: return x * y; case DIV: return x / y; default: return x % y; }
        }
        if (a instanceof Float x) {
            float y = (Float) b;
            switch (op) { case ADD: return x + y; case SUB: return x - y; case MUL: return x * y; case DIV: return x / y; default: return x % y; }
        }
        I x = (I) a, y = (I) b;
        PrimKind k = x.k();
        switch (op) {
            case ADD: return mk(x.v() + y.v(), k);
            case SUB: return mk(x.v() - y.v(), k);
            case MUL: return mk(x.v() * y.v(), k);
            default: break;
        }
        if (y.v() == 0) throw new PanicEx("division by zero", loc);
        if (k.isSigned()) {
            if (x.v() == minOf(k) && y.v() == -1) throw new PanicEx("arithmetic overflow", loc);
            return mk(op == Builtin.DIV ? x.v() / y.v() : x.v() % y.v(), k);
        }
        return mk(op == Builtin.DIV ? Long.divideUnsigned(x.v(), y.v()) : Long.remainderUnsigned(x.v(), y.v()), k);
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Double x) return x.doubleValue() == (Double) b;
        if (a instanceof Float x) return x.floatValue() == (Float) b;
        return compare(a, b) == 0;
    }

    private static Object convert(Object a, Type to) {
        PrimKind tk = to instanceof Type.Prim p ? p.kind() : to instanceof Type.Named n && n.def().kind == TypeDefn.Kind.ENUM
                ? ((Type.Prim) Type.prune(n.def().enumUnderlying)).kind() : null;
        if (tk == null) throw new IllegalStateException("conversion to " + Type.show(to));
        long bitsv;
        if (a instanceof I x) bitsv = x.v();
        else if (a instanceof Character c) bitsv = c;
        else if (a instanceof Double || a instanceof Float) {
            double d = ((Number) a).doubleValue();
            if (tk == PrimKind.FLOAT) return d;
            if (tk == PrimKind.FLOAT32) return (float) d;
            if (Double.isNaN(d)) return tk == PrimKind.CHAR ? (Object) '\0' : new I(0, tk);
            double t = d < 0 ? Math.ceil(d) : Math.floor(d);
            long v;
            if (tk.isSigned()) {
                long lo = minOf(tk), hi = -(lo + 1);
                v = t <= lo ? lo : t >= hi ? hi : (long) t;
            } else if (tk == PrimKind.UINT64) {
                v = t <= 0 ? 0 : t >= 18446744073709551615.0 ? -1L : new java.math.BigDecimal(t).toBigInteger().longValue();
            } else {
                long hi = (1L << tk.bits) - 1;
                v = t <= 0 ? 0 : t >= hi ? hi : (long) t;
            }
            return tk == PrimKind.CHAR ? (Object) (char) v : new I(v, tk);
        } else throw new IllegalStateException("conversion of " + a);
        if (tk == PrimKind.FLOAT || tk == PrimKind.FLOAT32) {
            PrimKind fk = a instanceof I x ? x.k() : PrimKind.CHAR;
            double d;
            if (fk == PrimKind.UINT64 && bitsv < 0) {
                java.math.BigDecimal bd = new java.math.BigDecimal(new java.math.BigInteger(Long.toUnsignedString(bitsv)));
                d = tk == PrimKind.FLOAT ? bd.doubleValue() : bd.floatValue();
                return tk == PrimKind.FLOAT ? (Object) d : (Object) (float) bd.floatValue();
            }
            return tk == PrimKind.FLOAT ? (Object) (double) bitsv : (Object) (float) bitsv;
        }
        if (tk == PrimKind.CHAR) return (char) bitsv;
        return mk(bitsv, tk);
    }

    // ------------------------------------------------------------------------------------------ printf

    private String format(Typed.Printf p, Frame f) {
        List<Object> args = new ArrayList<>();
        for (TExpr a : p.args()) args.add(eval(a, f));
        StringBuilder sb = new StringBuilder();
        int ai = 0;
        for (Format.Segment s : p.format().segments()) {
            if (s instanceof Format.Text t) { sb.append(t.text()); continue; }
            Format.Spec sp = (Format.Spec) s;
            sb.append(spec(sp, args.get(ai++)));
        }
        return sb.toString();
    }

    static String spec(Format.Spec sp, Object v) {
        switch (sp.conv()) {
            case 's': return pad((String) v, sp, false);
            case 'c': return pad(String.valueOf((char) (Character) v), sp, false);
            case 'b': return pad((Boolean) v ? "true" : "false", sp, false);
            case 'f': case 'F': case 'e': case 'E': throw new IllegalStateException("floats are not interpreted");
            default: break;
        }
        I x = (I) v;
        PrimKind k = x.k();
        boolean neg = (sp.conv() == 'd' || sp.conv() == 'i') && k.isSigned() && x.v() < 0;
        long bitsv = x.v();
        long mask = k.bits == 64 ? -1L : (1L << k.bits) - 1;
        String digits;
        switch (sp.conv()) {
            case 'd': case 'i':
                digits = k.isSigned() ? (neg ? new java.math.BigInteger(Long.toString(bitsv)).negate().toString() : Long.toString(bitsv))
                        : Long.toUnsignedString(bitsv & mask);
                break;
            case 'u': digits = Long.toUnsignedString(bitsv & mask); break;
            case 'x': digits = Long.toHexString(bitsv & mask); break;
            case 'X': digits = Long.toHexString(bitsv & mask).toUpperCase(); break;
            case 'o': digits = Long.toOctalString(bitsv & mask); break;
            default: throw new IllegalStateException("conversion " + sp.conv());
        }
        String sign = neg ? "-" : sp.plus() ? "+" : sp.space() ? " " : "";
        int padding = Math.max(0, sp.width() - sign.length() - digits.length());
        if (sp.minus()) return sign + digits + " ".repeat(padding);
        if (sp.zero()) return sign + "0".repeat(padding) + digits;
        return " ".repeat(padding) + sign + digits;
    }

    private static String pad(String s, Format.Spec sp, boolean unused) {
        int padding = Math.max(0, sp.width() - s.length());
        return sp.minus() ? s + " ".repeat(padding) : " ".repeat(padding) + s;
    }
}
