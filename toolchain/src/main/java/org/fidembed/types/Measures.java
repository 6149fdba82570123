// Units of measure as an abelian group: products, quotients and powers of named units and measure
// variables, normalised (variables followed, zero exponents dropped), the unification of two units
// (F#'s algorithm: solve for the variable with the smallest exponent), and how they are written.
package org.fidembed.types;

import org.fidembed.types.Type.Measure;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Type.Var;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class Measures {
    private Measures() { }

    /** A named unit (ms, m) as a measure. */
    public static Measure named(String qualifiedName) { return new Measure(Map.of(qualifiedName, 1)); }

    /** A fresh measure variable's measure. */
    public static Measure of(Var v) { return new Measure(Map.of(v, 1)); }

    /** The primitive type with this unit (dimensionless when the unit is 1). */
    public static Type.Prim primOf(PrimKind k, Type measure) {
        Measure m = normalize(measure);
        return m.units().isEmpty() ? Type.prim(k) : new Type.Prim(k, m);
    }

    /** The unit with its variables followed and zero exponents dropped (null and unbound variables included). */
    public static Measure normalize(Type m) {
        Map<Object, Integer> out = new LinkedHashMap<>();
        addTo(out, m, 1);
        out.values().removeIf(e -> e == 0);
        return new Measure(out);
    }

    private static void addTo(Map<Object, Integer> out, Type m, int times) {
        if (m == null) return;
        m = Type.prune(m);
        if (m instanceof Var v) { out.merge(v, times, Integer::sum); return; }
        if (m instanceof Measure mm) {
            for (Map.Entry<Object, Integer> e : mm.units().entrySet()) {
                if (e.getKey() instanceof Var v) addTo(out, v, e.getValue() * times);
                else out.merge(e.getKey(), e.getValue() * times, Integer::sum);
            }
        }
    }

    public static Measure mul(Type a, Type b) {
        Map<Object, Integer> out = new LinkedHashMap<>();
        addTo(out, a, 1);
        addTo(out, b, 1);
        out.values().removeIf(e -> e == 0);
        return new Measure(out);
    }

    public static Measure div(Type a, Type b) {
        Map<Object, Integer> out = new LinkedHashMap<>();
        addTo(out, a, 1);
        addTo(out, b, -1);
        out.values().removeIf(e -> e == 0);
        return new Measure(out);
    }

    public static Measure pow(Type a, int n) {
        Map<Object, Integer> out = new LinkedHashMap<>();
        addTo(out, a, n);
        out.values().removeIf(e -> e == 0);
        return new Measure(out);
    }

    /** The square root of a unit (sqrt of float<m^2> is float<m>), or null when an exponent is odd. */
    public static Measure sqrt(Type a) {
        Measure m = normalize(a);
        Map<Object, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Integer> e : m.units().entrySet()) {
            if (e.getValue() % 2 != 0) return null;
            out.put(e.getKey(), e.getValue() / 2);
        }
        return new Measure(out);
    }

    public static boolean isOne(Type m) { return normalize(m).units().isEmpty(); }

    static Set<Var> vars(Type m) {
        Set<Var> out = new LinkedHashSet<>();
        for (Object k : normalize(m).units().keySet()) if (k instanceof Var v) out.add(v);
        return out;
    }

    static Type subst(Type m, Map<Var, Type> map) {
        Measure n = normalize(m);
        Map<Object, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Integer> e : n.units().entrySet()) {
            if (e.getKey() instanceof Var v && map.containsKey(v)) addTo(out, map.get(v), e.getValue());
            else out.merge(e.getKey(), e.getValue(), Integer::sum);
        }
        out.values().removeIf(e -> e == 0);
        return new Measure(out);
    }

    /**
     * Makes two units equal by binding measure variables, or returns false. The quotient a/b must be
     * 1: the variable with the smallest exponent is solved for when it divides every other exponent.
     */
    public static boolean unify(Type a, Type b) {
        while (true) {
            Measure q = div(a, b);
            if (q.units().isEmpty()) return true;
            Var best = null;
            int be = 0;
            for (Map.Entry<Object, Integer> e : q.units().entrySet()) {
                if (e.getKey() instanceof Var v && (best == null || Math.abs(e.getValue()) < Math.abs(be))) { best = v; be = e.getValue(); }
            }
            if (best == null) return false;
            Map<Object, Integer> rest = new LinkedHashMap<>();
            for (Map.Entry<Object, Integer> e : q.units().entrySet()) {
                if (e.getKey() == best) continue;
                if (e.getValue() % be != 0) return false;   // no integer solution this simple algorithm finds
                rest.put(e.getKey(), -e.getValue() / be);
                if (e.getKey() instanceof Var v && v.level > best.level) v.level = best.level;
            }
            best.link = new Measure(rest);
        }
    }

    /** <m/s ^ 2> (F#'s spacing) after a type's name, or "" for none. */
    static String suffix(Type m, Map<Var, String> names) {
        if (m == null || normalize(m).units().isEmpty()) return "";
        return "<" + text(m, names) + ">";
    }

    /** m/s ^ 2, 1 for the dimensionless unit. */
    static String text(Type m, Map<Var, String> names) {
        Measure n = normalize(m);
        if (n.units().isEmpty()) return "1";
        List<String> num = new ArrayList<>(), den = new ArrayList<>();
        for (Map.Entry<Object, Integer> e : n.units().entrySet()) {
            String name = e.getKey() instanceof Var v ? Type.show(v, names, 0) : shortName((String) e.getKey());
            int x = Math.abs(e.getValue());
            (e.getValue() > 0 ? num : den).add(x == 1 ? name : name + " ^ " + x);
        }
        String s = num.isEmpty() ? "1" : String.join(" ", num);
        if (!den.isEmpty()) s += "/" + (den.size() == 1 ? den.get(0) : "(" + String.join(" ", den) + ")");
        return s;
    }

    private static String shortName(String qn) { return qn.substring(qn.lastIndexOf('.') + 1); }
}
