// Compiles the rules of a match into a decision tree (Maranget's clause-matrix method): each test
// examines one sub-value once, or-patterns split rows, guards fall through to the remaining rules.
// An active pattern's view computes a new sub-value once on its path (a View node) and is matched as
// a column of its own. It also finds incomplete matches (with an example not covered) and unused rules.
package org.fidembed.lower;

import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.TypeDefn;
import org.fidembed.types.Typed.*;

import java.util.*;

final class MatchCompiler {

    /** A position inside the scrutinee: the root, or a step from a parent occurrence. */
    record Occ(Occ parent, Step step, int index, int caseIndex, Type type) {
        enum Step { ROOT, TUPLE, RECORD, CASE, VIEW }
        static Occ root(Type t) { return new Occ(null, Step.ROOT, 0, 0, t); }
    }

    sealed interface Node permits Leaf, Fail, Switch, View { }
    record Bind(LocalVar v, Occ occ) { }
    /** A rule is chosen: bind, then (if it has a guard) test it and continue with onGuardFail. */
    record Leaf(int rule, List<Bind> binds, Node onGuardFail) implements Node { }
    record Fail(String example) implements Node { }
    enum Kind { TAG, CONST }
    record Branch(Object key, Node node) { }
    record Switch(Occ occ, Kind kind, List<Branch> branches, Node otherwise) implements Node { }
    /** Computes an active pattern's value (occ, a VIEW of its parent) by view's call, then continues. */
    record View(Occ occ, PView view, Node next) implements Node { }

    private record Row(List<TPat> pats, List<Bind> binds, int rule) { }

    private final List<Rule> rules;
    private final java.util.function.UnaryOperator<Type> concrete;
    private final Map<String, Integer> viewIds = new HashMap<>();
    final Set<Integer> reached = new HashSet<>();
    String missingExample;
    private int nodes = 0;
    private static final int MAX_NODES = 20000;

    MatchCompiler(List<Rule> rules) { this(rules, t -> t); }

    /** concrete: makes a type of the typed tree concrete in the instance being compiled. */
    MatchCompiler(List<Rule> rules, java.util.function.UnaryOperator<Type> concrete) { this.rules = rules; this.concrete = concrete; }

    Node compile(Type scrutineeType) {
        List<Row> rows = new ArrayList<>();
        Occ root = Occ.root(scrutineeType);
        for (int i = 0; i < rules.size(); i++) rows.add(new Row(List.of(rules.get(i).pat()), List.of(), i));
        return compile(rows, List.of(root));
    }

    private static boolean irrefutable(TPat p) {
        if (p instanceof PWild || p instanceof PVar) return true;
        if (p instanceof PAs a) return irrefutable(a.pat());
        if (p instanceof PConst c) return c.value() == null; // ()
        if (p instanceof PTuple t) { for (TPat e : t.elems()) if (!irrefutable(e)) return false; return true; }
        if (p instanceof PRecord r) { for (TPat e : r.fields()) if (!irrefutable(e)) return false; return true; }
        if (p instanceof POr o) return irrefutable(o.left()) || irrefutable(o.right());
        return false;
    }

    private Node compile(List<Row> rows, List<Occ> cols) {
        if (++nodes > MAX_NODES) throw new IllegalStateException("this match is too large to compile");
        if (rows.isEmpty()) return new Fail(null);
        rows = normalize(rows, cols);
        if (rows.isEmpty()) return new Fail(null);
        Row first = rows.get(0);
        int col = -1;
        for (int j = 0; j < cols.size(); j++) if (!isWild(first.pats.get(j))) { col = j; break; }
        if (col < 0) {
            reached.add(first.rule);
            boolean guarded = rules.get(first.rule).guard() != null;
            Node onFail = guarded ? compile(rows.subList(1, rows.size()), cols) : null;
            return new Leaf(first.rule, first.binds, onFail);
        }
        TPat head = first.pats.get(col);
        Occ occ = cols.get(col);
        if (head instanceof PTuple || head instanceof PRecord) return expandProduct(rows, cols, col, head);
        if (head instanceof PCase pc) return switchOnCases(rows, cols, col, pc.def());
        if (head instanceof PConst) return switchOnConsts(rows, cols, col);
        if (head instanceof PView pv) return expandView(rows, cols, col, pv);
        if (head instanceof PAnd) return expandAnd(rows, cols, col);
        throw new IllegalStateException("unexpected pattern " + head);
    }

    private static boolean isWild(TPat p) { return p instanceof PWild || (p instanceof PConst c && c.value() == null); }

    /** Strips variables and as-patterns into bindings, and splits or-patterns into rows. */
    private List<Row> normalize(List<Row> rows, List<Occ> cols) {
        List<Row> out = new ArrayList<>();
        Deque<Row> work = new ArrayDeque<>(rows);
        while (!work.isEmpty()) {
            Row r = work.pollFirst();
            boolean changed = false;
            List<TPat> pats = new ArrayList<>(r.pats);
            List<Bind> binds = new ArrayList<>(r.binds);
            for (int j = 0; j < pats.size(); j++) {
                TPat p = pats.get(j);
                while (true) {
                    if (p instanceof PVar v) { binds.add(new Bind(v.v(), cols.get(j))); p = new PWild(v.loc(), v.type()); changed = true; continue; }
                    if (p instanceof PAs a) { binds.add(new Bind(a.v(), cols.get(j))); p = a.pat(); changed = true; continue; }
                    break;
                }
                pats.set(j, p);
                if (p instanceof POr o) {
                    List<TPat> l = new ArrayList<>(pats); l.set(j, o.left());
                    List<TPat> rr = new ArrayList<>(pats); rr.set(j, o.right());
                    work.addFirst(new Row(rr, binds, r.rule));
                    work.addFirst(new Row(l, binds, r.rule));
                    changed = true;
                    pats = null;
                    break;
                }
            }
            if (pats != null) out.add(new Row(pats, binds, r.rule));
        }
        return out;
    }

    private List<Occ> replaceColumn(List<Occ> cols, int col, List<Occ> with) {
        List<Occ> out = new ArrayList<>(cols.subList(0, col));
        out.addAll(with);
        out.addAll(cols.subList(col + 1, cols.size()));
        return out;
    }

    private static List<TPat> replacePat(List<TPat> pats, int col, List<TPat> with) {
        List<TPat> out = new ArrayList<>(pats.subList(0, col));
        out.addAll(with);
        out.addAll(pats.subList(col + 1, pats.size()));
        return out;
    }

    private Node expandProduct(List<Row> rows, List<Occ> cols, int col, TPat head) {
        Occ occ = cols.get(col);
        Type t = Type.prune(occ.type());
        List<Occ> subs = new ArrayList<>();
        List<Type> elemTypes = new ArrayList<>();
        boolean tuple = head instanceof PTuple;
        if (tuple) {
            Type.Tuple tt = (Type.Tuple) t;
            for (int i = 0; i < tt.elems().size(); i++) { subs.add(new Occ(occ, Occ.Step.TUPLE, i, 0, tt.elems().get(i))); elemTypes.add(tt.elems().get(i)); }
        } else {
            Type.Named n = (Type.Named) t;
            for (int i = 0; i < n.def().fields.size(); i++) {
                Type ft = Type.substParams(n.def().fields.get(i).type(), n.args());
                subs.add(new Occ(occ, Occ.Step.RECORD, i, 0, ft));
                elemTypes.add(ft);
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            TPat p = r.pats.get(col);
            List<TPat> parts;
            if (p instanceof PTuple pt) parts = pt.elems();
            else if (p instanceof PRecord pr) parts = pr.fields();
            else {
                parts = new ArrayList<>();
                for (Type et : elemTypes) parts.add(new PWild(p.loc(), et));
            }
            out.add(new Row(replacePat(r.pats, col, parts), r.binds, r.rule));
        }
        return compile(out, replaceColumn(cols, col, subs));
    }

    /**
     * The view's value becomes a column after col: rows with the same view match their result there
     * (and anything in col); other rows keep their pattern in col and match anything in the new one.
     */
    private Node expandView(List<Row> rows, List<Occ> cols, int col, PView head) {
        Occ occ = cols.get(col);
        int id = viewIds.computeIfAbsent(head.key(), k -> viewIds.size());
        Type rt = concrete.apply(head.resultType());
        Occ vocc = new Occ(occ, Occ.Step.VIEW, id, 0, rt);
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            TPat p = r.pats.get(col);
            List<TPat> two = p instanceof PView v && v.key().equals(head.key())
                    ? List.of(new PWild(p.loc(), occ.type()), v.result())
                    : List.of(p, new PWild(p.loc(), rt));
            out.add(new Row(replacePat(r.pats, col, two), r.binds, r.rule));
        }
        return new View(vocc, head, compile(out, replaceColumn(cols, col, List.of(occ, vocc))));
    }

    /** p1 & p2 tests the same value twice: col becomes two columns of the same occurrence. */
    private Node expandAnd(List<Row> rows, List<Occ> cols, int col) {
        Occ occ = cols.get(col);
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            TPat p = r.pats.get(col);
            List<TPat> two = p instanceof PAnd a ? List.of(a.left(), a.right()) : List.of(p, new PWild(p.loc(), occ.type()));
            out.add(new Row(replacePat(r.pats, col, two), r.binds, r.rule));
        }
        return compile(out, replaceColumn(cols, col, List.of(occ, occ)));
    }

    /** Whether an occurrence is inside an active pattern's value: what is missing there is no value of the input. */
    private static boolean inView(Occ o) {
        for (; o != null; o = o.parent()) if (o.step() == Occ.Step.VIEW) return true;
        return false;
    }

    private Node switchOnCases(List<Row> rows, List<Occ> cols, int col, TypeDefn def) {
        Occ occ = cols.get(col);
        Type.Named n = (Type.Named) Type.prune(occ.type());
        LinkedHashSet<Integer> used = new LinkedHashSet<>();
        for (Row r : rows) if (r.pats.get(col) instanceof PCase pc) used.add(pc.caseIndex());
        List<Branch> branches = new ArrayList<>();
        for (int c : used) {
            TypeDefn.Case cs = def.cases.get(c);
            List<Occ> subs = new ArrayList<>();
            List<Type> fts = new ArrayList<>();
            for (int i = 0; i < cs.fields().size(); i++) {
                Type ft = Type.substParams(cs.fields().get(i).type(), n.args());
                subs.add(new Occ(occ, Occ.Step.CASE, i, c, ft));
                fts.add(ft);
            }
            List<Row> out = new ArrayList<>();
            for (Row r : rows) {
                TPat p = r.pats.get(col);
                if (p instanceof PCase pc) {
                    if (pc.caseIndex() != c) continue;
                    out.add(new Row(replacePat(r.pats, col, pc.args()), r.binds, r.rule));
                } else {
                    List<TPat> wild = new ArrayList<>();
                    for (Type ft : fts) wild.add(new PWild(p.loc(), ft));
                    out.add(new Row(replacePat(r.pats, col, wild), r.binds, r.rule));
                }
            }
            Node sub = compile(out, replaceColumn(cols, col, subs));
            branches.add(new Branch(c, sub));
        }
        Node otherwise = null;
        if (used.size() < def.cases.size()) {
            otherwise = compileDefault(rows, cols, col, p -> p instanceof PCase);
            if (otherwise instanceof Fail f && f.example() == null && inView(occ)) {
                otherwise = new Fail("_");
                if (missingExample == null) missingExample = "_";
            } else if (otherwise instanceof Fail f && f.example() == null) {
                for (TypeDefn.Case cs : def.cases) {
                    if (!used.contains(cs.index())) {
                        String ex = cs.name() + (cs.fields().isEmpty() ? "" : cs.fields().size() == 1 ? " _" : " (" + String.join(", ", Collections.nCopies(cs.fields().size(), "_")) + ")");
                        otherwise = new Fail(ex);
                        if (missingExample == null) missingExample = ex;
                        break;
                    }
                }
            }
        }
        noteFails(branches);
        return new Switch(occ, Kind.TAG, branches, otherwise);
    }

    private Node switchOnConsts(List<Row> rows, List<Occ> cols, int col) {
        Occ occ = cols.get(col);
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        for (Row r : rows) if (r.pats.get(col) instanceof PConst pc && pc.value() != null) values.add(pc.value());
        List<Branch> branches = new ArrayList<>();
        for (Object v : values) {
            List<Row> out = new ArrayList<>();
            for (Row r : rows) {
                TPat p = r.pats.get(col);
                if (p instanceof PConst pc && pc.value() != null && !pc.value().equals(v)) continue;
                List<TPat> rest = new ArrayList<>(r.pats);
                rest.remove(col);
                out.add(new Row(rest, r.binds, r.rule));
            }
            List<Occ> restCols = new ArrayList<>(cols);
            restCols.remove(col);
            branches.add(new Branch(v, compile(out, restCols)));
        }
        boolean complete = values.size() == 2 && values.contains(Boolean.TRUE) && values.contains(Boolean.FALSE);
        Node otherwise = null;
        if (!complete) {
            otherwise = compileDefault(rows, cols, col, p -> p instanceof PConst pc && pc.value() != null);
            if (otherwise instanceof Fail f && f.example() == null) {
                String ex = inView(occ) ? "_" : exampleNotIn(values, occ.type());
                otherwise = new Fail(ex);
                if (missingExample == null) missingExample = ex;
            }
        }
        noteFails(branches);
        return new Switch(occ, Kind.CONST, branches, otherwise);
    }

    /** The default matrix: the rows whose pattern in col is not a head (constructor or constant), without col. */
    private Node compileDefault(List<Row> rows, List<Occ> cols, int col, java.util.function.Predicate<TPat> isHead) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (!isHead.test(r.pats.get(col))) {
                List<TPat> rest = new ArrayList<>(r.pats);
                rest.remove(col);
                out.add(new Row(rest, r.binds, r.rule));
            }
        }
        List<Occ> restCols = new ArrayList<>(cols);
        restCols.remove(col);
        return compile(out, restCols);
    }

    private void noteFails(List<Branch> branches) {
        for (Branch b : branches) if (b.node() instanceof Fail f && missingExample == null) missingExample = f.example() == null ? "_" : f.example();
    }

    private static String exampleNotIn(Set<Object> values, Type t) {
        if (values.contains(Boolean.TRUE)) return "false";
        if (values.contains(Boolean.FALSE)) return "true";
        Object any = values.isEmpty() ? null : values.iterator().next();
        if (any instanceof String) return "\"\"".equals("\"" + "" + "\"") && values.contains("") ? "\"a\"" : "\"\"";
        if (any instanceof Character) {
            for (char c = 'a'; c <= 'z'; c++) if (!values.contains(c)) return "'" + c + "'";
            return "'0'";
        }
        if (any instanceof Long) {
            for (long v = 0; ; v++) if (!values.contains(v)) return Long.toString(v);
        }
        if (any instanceof Double || any instanceof Float) return "0.5";
        return "_";
    }

    /** Whether the tree can fail (the match is incomplete). */
    static boolean canFail(Node n) {
        if (n instanceof Fail) return true;
        if (n instanceof Leaf l) return l.onGuardFail() != null && canFail(l.onGuardFail());
        if (n instanceof View v) return canFail(v.next());
        Switch s = (Switch) n;
        for (Branch b : s.branches()) if (canFail(b.node())) return true;
        return s.otherwise() != null && canFail(s.otherwise());
    }
}
