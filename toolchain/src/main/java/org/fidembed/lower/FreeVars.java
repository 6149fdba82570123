// The locals a lambda or a group of local functions refers to without binding them itself: what
// a closure or a lifted local function captures. Computed once per lambda.
package org.fidembed.lower;

import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.TreeWalk;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

final class FreeVars {
    private FreeVars() { }

    static Set<LocalVar> of(ModuleContext m, Typed.Lambda lam) {
        Set<LocalVar> cached = m.freeVarCache.get(lam);
        if (cached != null) return cached;
        Set<LocalVar> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<LocalVar> used = new LinkedHashSet<>();
        bound.addAll(lam.params());
        collect(lam.body(), bound, used);
        Set<LocalVar> free = new LinkedHashSet<>();
        for (LocalVar v : used) if (!bound.contains(v)) free.add(v);
        m.freeVarCache.put(lam, free);
        return free;
    }

    /** The free locals of a `let rec` group, without the group's own functions. */
    static Set<LocalVar> ofGroup(ModuleContext m, Env.LocalDef def) {
        Set<LocalVar> out = new LinkedHashSet<>();
        for (Env.LocalDef d : def.group) out.addAll(of(m, d.lam));
        for (Env.LocalDef d : def.group) out.remove(d.v);
        return out;
    }

    private static void collect(TExpr e, Set<LocalVar> bound, Set<LocalVar> used) {
        if (e instanceof Typed.LocalRef l) { used.add(l.v()); return; }
        if (e instanceof Typed.SetLocal s) used.add(s.v());
        if (e instanceof Typed.Let l) bound.add(l.v());
        if (e instanceof Typed.LetRec l) bound.addAll(l.vars());
        if (e instanceof Typed.Lambda l) bound.addAll(l.params());
        if (e instanceof Typed.For f) bound.add(f.v());
        if (e instanceof Typed.ForEach f) bound.add(f.v());
        if (e instanceof Typed.Match m) for (Typed.Rule r : m.rules()) { patternVars(r.pat(), bound); TreeWalk.viewInputs(r.pat(), bound); }
        TreeWalk.children(e, c -> collect(c, bound, used));
    }

    /** The variables a pattern binds. */
    static void patternVars(Typed.TPat p, Set<LocalVar> out) {
        if (p instanceof Typed.PVar v) out.add(v.v());
        else if (p instanceof Typed.PAs a) { out.add(a.v()); patternVars(a.pat(), out); }
        else if (p instanceof Typed.PTuple t) t.elems().forEach(x -> patternVars(x, out));
        else if (p instanceof Typed.PRecord r) r.fields().forEach(x -> patternVars(x, out));
        else if (p instanceof Typed.PCase c) c.args().forEach(x -> patternVars(x, out));
        else if (p instanceof Typed.POr o) { patternVars(o.left(), out); patternVars(o.right(), out); }
        else if (p instanceof Typed.PAnd a) { patternVars(a.left(), out); patternVars(a.right(), out); }
        else if (p instanceof Typed.PView v) patternVars(v.result(), out);
    }
}
