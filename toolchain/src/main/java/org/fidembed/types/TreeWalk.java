// Generic traversal of the typed tree: the direct children of a node, in evaluation order, for
// passes that only care about some node kinds.
package org.fidembed.types;

import org.fidembed.types.Typed.*;

import java.util.function.Consumer;

public final class TreeWalk {
    private TreeWalk() { }

    public static void children(TExpr e, Consumer<TExpr> f) {
        if (e instanceof App a) { f.accept(a.fn()); a.args().forEach(f); }
        else if (e instanceof Lambda l) f.accept(l.body());
        else if (e instanceof Let l) { f.accept(l.value()); f.accept(l.body()); }
        else if (e instanceof LetRec l) { l.fns().forEach(f); f.accept(l.body()); }
        else if (e instanceof Seq s) { f.accept(s.first()); f.accept(s.second()); }
        else if (e instanceof If i) { f.accept(i.cond()); f.accept(i.then()); f.accept(i.otherwise()); }
        else if (e instanceof While w) { f.accept(w.cond()); f.accept(w.body()); }
        else if (e instanceof For fo) { f.accept(fo.from()); if (fo.step() != null) f.accept(fo.step()); f.accept(fo.to()); f.accept(fo.body()); }
        else if (e instanceof ForEach fe) { f.accept(fe.source()); f.accept(fe.body()); }
        else if (e instanceof Match m) {
            f.accept(m.scrutinee());
            for (Rule r : m.rules()) { views(r.pat(), f); if (r.guard() != null) f.accept(r.guard()); f.accept(r.body()); }
        }
        else if (e instanceof Tuple t) t.elems().forEach(f);
        else if (e instanceof Typed.Record r) { for (int i : r.evalOrder()) f.accept(r.fields().get(i)); }
        else if (e instanceof RecordWith r) { f.accept(r.original()); r.values().forEach(f); }
        else if (e instanceof Field fl) f.accept(fl.target());
        else if (e instanceof SetField s) { f.accept(s.target()); f.accept(s.value()); }
        else if (e instanceof UnionCase u) u.args().forEach(f);
        else if (e instanceof ArrayLit a) a.elems().forEach(f);
        else if (e instanceof Index i) { f.accept(i.target()); f.accept(i.index()); }
        else if (e instanceof SetIndex s) { f.accept(s.target()); f.accept(s.index()); f.accept(s.value()); }
        else if (e instanceof SetLocal s) f.accept(s.value());
        else if (e instanceof SetGlobal s) f.accept(s.value());
        else if (e instanceof Prim p) p.args().forEach(f);
        else if (e instanceof Printf p) p.args().forEach(f);
        else if (e instanceof Panic p) { if (p.message() != null) f.accept(p.message()); }
        else if (e instanceof Prop p) f.accept(p.target());
        else if (e instanceof TraitCall t) { if (t.builtin() != null) f.accept(t.builtin()); else t.args().forEach(f); }
        // Const, LocalRef, GlobalRef, BuiltinRef, Error: no children
    }

    /** Every pattern inside p, p first. */
    public static void subPatterns(TPat p, Consumer<TPat> f) {
        f.accept(p);
        if (p instanceof PView v) subPatterns(v.result(), f);
        else if (p instanceof PAs a) subPatterns(a.pat(), f);
        else if (p instanceof PTuple t) t.elems().forEach(x -> subPatterns(x, f));
        else if (p instanceof PRecord r) r.fields().forEach(x -> subPatterns(x, f));
        else if (p instanceof PCase c) c.args().forEach(x -> subPatterns(x, f));
        else if (p instanceof POr o) { subPatterns(o.left(), f); subPatterns(o.right(), f); }
        else if (p instanceof PAnd a) { subPatterns(a.left(), f); subPatterns(a.right(), f); }
    }

    /** The calls of the active patterns inside a pattern, outermost first. */
    public static void views(TPat p, Consumer<TExpr> f) {
        subPatterns(p, q -> { if (q instanceof PView v) f.accept(v.call()); });
    }

    /** The hidden variables through which active patterns read the value they test. */
    public static void viewInputs(TPat p, java.util.Set<Symbols.LocalVar> out) {
        subPatterns(p, q -> { if (q instanceof PView v) out.add(v.input()); });
    }
}
