// Random well-typed programs in the fid-embed subset, Csmith-style: every program
// terminates (loops have constant bounds, recursion is tail recursion with a decreasing counter), has
// fixed-size arrays only, no escaping closures, and prints every intermediate value so that a
// miscompilation shows in the output. Divisions and indexing are mostly guarded so that programs run
// to the end, but a few raw ones are left in on purpose: their panics are part of what is compared.
//
// What it uses: the integer types (sbyte .. uint64, nativeint), bool, char, constant strings, + - * / %
// &&& ||| ^^^ ~~~ <<< >>> unary -, comparisons, compare, min, max, abs, conversions, if/elif, match on
// integers (constants, or-patterns, guards, as), tuples, records (and `with`), unions with fields,
// options, module-level and local arrays, units of measure (int<m>, int<s>, a generic int<'u>),
// members of records and unions (properties, methods, static methods, a static operator),
// Array.fold/map/init/iter/sum/exists, for/while loops, mutable
// locals, module-level mutables, curried module functions, tail-recursive functions, local closures
// over locals, partial application, printf with flags and widths, failwith/failwithf, active patterns
// (multi-case, partial with a parameter, voption) matched on ints; byrefs (&x of locals,
// module-level mutables and array elements, byref and inref parameters), spans over arrays (constructors,
// Slice, indexer, for) and string views (slices, Substring, StartsWith, EndsWith, Contains, IndexOf).
package org.fidembed.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public final class ProgramGenerator {
    /** An integer type and its F# spelling, literal suffix, bits and signedness. */
    record IT(String name, String suffix, int bits, boolean signed) {
        long min() { return signed ? (bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1))) : 0; }
        long max() { return signed ? (bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1) : (bits == 64 ? -1L : (1L << bits) - 1); }
    }

    static final IT SBYTE = new IT("sbyte", "y", 8, true), BYTE = new IT("byte", "uy", 8, false),
            INT16 = new IT("int16", "s", 16, true), UINT16 = new IT("uint16", "us", 16, false),
            INT = new IT("int", "", 32, true), UINT32 = new IT("uint32", "u", 32, false),
            INT64 = new IT("int64", "L", 64, true), UINT64 = new IT("uint64", "UL", 64, false),
            NATIVE = new IT("nativeint", "n", 32, true);
    static final IT[] TYPES = { SBYTE, BYTE, INT16, UINT16, INT, UINT32, INT64, UINT64, NATIVE };

    record Var(String name, IT type) { }
    record Fn(String name, List<IT> params, IT result) { }

    /** The random choices; while a view statement is written, those of viewsRandom (see block). */
    private Random r;
    private final Random viewsRandom;
    private final StringBuilder sb = new StringBuilder();
    private final List<Fn> fns = new ArrayList<>();
    private final List<Var> globalArrays = new ArrayList<>();
    private final List<Var> globalMutables = new ArrayList<>();
    private int counter;
    private int depthBudget;
    /** The byref helpers main uses (one per integer type), defined before main. */
    private final java.util.Set<IT> byrefHelpers = new java.util.LinkedHashSet<>();

    private ProgramGenerator(long seed) { r = new Random(seed); viewsRandom = new Random(~seed); }

    /** The program for a seed (the same seed gives the same text). */
    public static String generate(long seed) { return new ProgramGenerator(seed).program(); }

    private String fresh(String p) { return p + (counter++); }
    private IT anyType() { return TYPES[r.nextInt(TYPES.length)]; }
    private boolean chance(int percent) { return r.nextInt(100) < percent; }

    // ------------------------------------------------------------------------------------------ literals

    private String lit(IT t) {
        long v;
        switch (r.nextInt(8)) {
            case 0: v = 0; break;
            case 1: v = 1; break;
            case 2: v = t.min(); break;
            case 3: v = t.max(); break;
            case 4: v = t.signed ? -1 : 2; break;
            case 5: v = r.nextInt(16); break;
            default: v = r.nextLong(); break;
        }
        return literal(t, v);
    }

    static String literal(IT t, long v) {
        // the value truncated to the type, written in decimal (or hex for the unsigned 64-bit top half)
        long n = t.bits == 64 ? v : (t.signed ? (v << (64 - t.bits)) >> (64 - t.bits) : v & ((1L << t.bits) - 1));
        String s;
        if (!t.signed) s = Long.toUnsignedString(n);
        else if (n == Long.MIN_VALUE) s = "-9223372036854775808";
        else s = Long.toString(n);
        if (t == INT && n == Integer.MIN_VALUE) return "(-2147483648)";
        if (t == NATIVE && n == Integer.MIN_VALUE) return "(-2147483648n)";
        if (t == INT64 && n == Long.MIN_VALUE) return "(-9223372036854775808L)";
        return n < 0 ? "(" + s + t.suffix + ")" : s + t.suffix;
    }

    // ------------------------------------------------------------------------------------------ expressions

    private String expr(IT t, List<Var> scope, int depth) {
        if (depth <= 0 || depthBudget <= 0) return leaf(t, scope);
        depthBudget--;
        int k = r.nextInt(27);
        switch (k) {
            case 0: case 1: case 2: {
                String op = new String[] { "+", "-", "*", "&&&", "|||", "^^^" }[r.nextInt(6)];
                return "(" + expr(t, scope, depth - 1) + " " + op + " " + expr(t, scope, depth - 1) + ")";
            }
            case 3: {
                // a guarded division: divisor in 1 .. 8, never 0 and never -1
                String op = chance(50) ? "/" : "%";
                return "(" + expr(t, scope, depth - 1) + " " + op + " ((" + expr(t, scope, depth - 1) + " &&& " + literal(t, 7) + ") + " + literal(t, 1) + "))";
            }
            case 4: {
                String op = chance(50) ? "<<<" : ">>>";
                return "(" + expr(t, scope, depth - 1) + " " + op + " " + expr(INT, scope, depth - 1) + ")";
            }
            case 5: return t.signed ? "(-" + atomOf(expr(t, scope, depth - 1)) + ")" : "(~~~" + atomOf(expr(t, scope, depth - 1)) + ")";
            case 6: {
                IT from = anyType();
                return "(" + t.name + " " + atomOf(expr(from, scope, depth - 1)) + ")";
            }
            case 7: return "(if " + cond(scope, depth - 1) + " then " + expr(t, scope, depth - 1) + " else " + expr(t, scope, depth - 1) + ")";
            case 8: {
                String fn = chance(50) ? "min" : "max";
                return "(" + fn + " " + atomOf(expr(t, scope, depth - 1)) + " " + atomOf(expr(t, scope, depth - 1)) + ")";
            }
            case 9: if (t.signed) return "(abs (" + expr(t, scope, depth - 1) + " ||| " + literal(t, 1) + "))"; return leaf(t, scope);
            case 10: {
                List<Fn> ok = fns.stream().filter(f -> f.result == t).toList();
                if (ok.isEmpty()) return leaf(t, scope);
                Fn f = ok.get(r.nextInt(ok.size()));
                StringBuilder c = new StringBuilder("(" + f.name);
                for (IT p : f.params) c.append(' ').append(atomOf(expr(p, scope, depth - 1)));
                return c.append(')').toString();
            }
            case 11: {
                List<Var> arrs = globalArrays.stream().filter(a -> a.type == t).toList();
                if (arrs.isEmpty()) return leaf(t, scope);
                Var a = arrs.get(r.nextInt(arrs.size()));
                IT it = anyType();
                return a.name + ".[int (" + expr(it, scope, depth - 1) + " &&& " + literal(it, 7) + ")]";
            }
            case 12: {
                // match on a small integer with constants, an or-pattern and a guard
                String x = fresh("m");
                String s = "(match " + expr(t, scope, depth - 1) + " &&& " + literal(t, 3) + " with | " + literal(t, 0) + " -> " + expr(t, scope, depth - 1)
                        + " | " + literal(t, 1) + " | " + literal(t, 2) + " -> " + expr(t, scope, depth - 1)
                        + " | " + x + " when " + x + " > " + literal(t, 2) + " -> " + x
                        + " | _ -> " + expr(t, scope, depth - 1) + ")";
                return s;
            }
            case 13: {
                // a tuple built and taken apart
                String a = fresh("a"), b = fresh("b");
                IT u = anyType();
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(a, t));
                inner.add(new Var(b, u));
                return "(let " + a + ", " + b + " = (" + expr(t, scope, depth - 1) + ", " + expr(u, scope, depth - 1) + ") in " + expr(t, inner, depth - 1) + ")";
            }
            case 14: {
                // a local closure over the scope, applied (fully or through a partial application)
                String f = fresh("f"), p = fresh("p"), q = fresh("q");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(p, t));
                inner.add(new Var(q, t));
                String body = expr(t, inner, depth - 1);
                if (chance(50)) return "(let " + f + " (" + p + ": " + t.name + ") (" + q + ": " + t.name + ") = " + body + " in " + f + " " + atomOf(expr(t, scope, depth - 1)) + " " + atomOf(expr(t, scope, depth - 1)) + ")";
                String g = fresh("g");
                return "(let " + f + " (" + p + ": " + t.name + ") (" + q + ": " + t.name + ") = " + body + " in let " + g + " = " + f + " " + atomOf(expr(t, scope, depth - 1)) + " in " + g + " " + atomOf(expr(t, scope, depth - 1)) + ")";
            }
            case 15: {
                // Array.fold over a literal array
                String acc = fresh("acc"), x = fresh("x");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(acc, t));
                inner.add(new Var(x, t));
                StringBuilder arr = new StringBuilder("[| ");
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) { if (i > 0) arr.append("; "); arr.append(expr(t, scope, 0)); }
                arr.append(" |]");
                return "(Array.fold (fun " + acc + " " + x + " -> " + expr(t, inner, depth - 1) + ") " + atomOf(expr(t, scope, depth - 1)) + " " + arr + ")";
            }
            case 16: {
                // an option made and opened
                String v = fresh("o");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(v, t));
                return "(match (if " + cond(scope, depth - 1) + " then Some " + atomOf(expr(t, scope, depth - 1)) + " else None) with Some " + v + " -> " + expr(t, inner, depth - 1) + " | None -> " + expr(t, scope, depth - 1) + ")";
            }
            case 17: {
                // a record built, updated and read
                String rv = fresh("r");
                IT u = anyType();
                List<Var> inner = new ArrayList<>(scope);
                return "(let " + rv + " = { P = " + expr(INT, scope, depth - 1) + "; Q = " + expr(INT64, scope, depth - 1) + "; B = " + cond(scope, depth - 1) + " } in "
                        + "let " + rv + " = { " + rv + " with Q = " + rv + ".Q + " + literal(INT64, r.nextInt(100)) + " } in "
                        + "(if " + rv + ".B then " + t.name + " " + rv + ".P else " + t.name + " " + rv + ".Q) + " + expr(t, inner, depth - 1) + ")";
            }
            case 18: {
                // a union value built and matched
                String x = fresh("u"), y = fresh("w");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(x, INT));
                inner.add(new Var(y, UINT16));
                String mk;
                switch (r.nextInt(3)) {
                    case 0: mk = "Nothing"; break;
                    case 1: mk = "One " + atomOf(expr(INT, scope, depth - 1)); break;
                    default: mk = "Two (" + expr(INT, scope, depth - 1) + ", " + expr(UINT16, scope, depth - 1) + ")"; break;
                }
                return "(match " + mk + " with | Nothing -> " + expr(t, scope, depth - 1) + " | One " + x + " -> " + t.name + " " + x
                        + " | Two (" + x + ", " + y + ") -> " + t.name + " " + x + " + " + t.name + " " + y + ")";
            }
            case 19: return "(" + t.name + " (compare " + atomOf(expr(t, scope, depth - 1)) + " " + atomOf(expr(t, scope, depth - 1)) + "))";
            case 20: {
                List<Var> ms = globalMutables.stream().filter(a -> a.type == t).toList();
                if (ms.isEmpty()) return leaf(t, scope);
                return ms.get(r.nextInt(ms.size())).name;
            }
            case 21: {
                // units of measure: products and quotients of int<m> and int<s>, erased back to int
                String d = fresh("d"), v = fresh("v");
                return "(" + t.name + " (let " + d + " = " + atomOf(expr(INT, scope, depth - 1)) + " * 3<m> in let " + v + " = " + d + " / 2<s> in "
                        + "(" + v + " * 1<s> + scaleBy " + atomOf(expr(INT, scope, depth - 1)) + " " + d + ") / 1<m>))";
            }
            case 22: {
                // members: a property, a method and a static operator of a record
                String a = fresh("r"), b = fresh("r");
                return "(let " + a + " = { P = " + expr(INT, scope, depth - 1) + "; Q = " + expr(INT64, scope, depth - 1) + "; B = " + cond(scope, depth - 1) + " } in "
                        + "let " + b + " = " + a + ".Scale(" + expr(INT, scope, depth - 1) + ") in "
                        + t.name + " (" + a + " + " + b + ").Sum + " + t.name + " (Rec.Make " + atomOf(expr(INT, scope, depth - 1)) + ").P)";
            }
            case 23: {
                // a member of a union: an instance property matching on this
                String x = fresh("s");
                String mk = chance(50) ? "One " + atomOf(expr(INT, scope, depth - 1)) : "Two (" + expr(INT, scope, depth - 1) + ", " + expr(UINT16, scope, depth - 1) + ")";
                return "(let " + x + " = " + mk + " in " + t.name + " " + x + ".Weight)";
            }
            case 24: {
                // the multi-case active pattern of the program's header
                String m = fresh("mid"), h = fresh("hi");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(m, INT));
                inner.add(new Var(h, INT));
                return "(match " + expr(INT, scope, depth - 1) + " with | Low -> " + expr(t, scope, depth - 1)
                        + " | Mid " + m + " -> " + t.name + " " + m + " + " + atomOf(expr(t, scope, depth - 1))
                        + " | High " + h + " -> " + t.name + " " + h + ")";
            }
            case 25: {
                // the partial ones: parameterized (option) and struct (voption), with a fallback
                String v = fresh("v"), w = fresh("s");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(v, INT));
                return "(match " + expr(INT, scope, depth - 1) + " with | Masked " + literal(INT, 1 + r.nextInt(8)) + " " + v + " -> " + t.name + " " + v + " + " + atomOf(expr(t, inner, depth - 1))
                        + " | Small " + w + " -> " + t.name + " " + w + " | _ -> " + expr(t, scope, depth - 1) + ")";
            }
            default: return leaf(t, scope);
        }
    }

    /** The expression as an argument (parenthesized unless it already is an atom). */
    private static String atomOf(String e) {
        if (e.startsWith("(") && balancedOuter(e)) return e;
        if (e.matches("[A-Za-z_][A-Za-z0-9_]*|[0-9]+[A-Za-z]*")) return e;
        return "(" + e + ")";
    }

    private static boolean balancedOuter(String e) {
        int d = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '(') d++;
            else if (c == ')') { d--; if (d == 0 && i < e.length() - 1) return false; }
        }
        return e.endsWith(")");
    }

    private String leaf(IT t, List<Var> scope) {
        List<Var> vs = scope.stream().filter(v -> v.type == t).toList();
        if (!vs.isEmpty() && chance(70)) return vs.get(r.nextInt(vs.size())).name;
        return lit(t);
    }

    private String cond(List<Var> scope, int depth) {
        IT t = anyType();
        String op = new String[] { "=", "<>", "<", "<=", ">", ">=" }[r.nextInt(6)];
        String c = "(" + expr(t, scope, Math.max(0, depth - 1)) + " " + op + " " + expr(t, scope, Math.max(0, depth - 1)) + ")";
        if (chance(20)) c = "(" + c + (chance(50) ? " && " : " || ") + cond(scope, 0) + ")";
        if (chance(10)) c = "(not " + c + ")";
        return c;
    }

    // ------------------------------------------------------------------------------------------ printing

    private String fmt(IT t) {
        String conv = new String[] { "d", "d", "d", "i", "u", "x", "X", "o" }[r.nextInt(8)];
        StringBuilder f = new StringBuilder("%");
        int flag = r.nextInt(6);
        if (flag == 1) f.append('-');
        else if (flag == 2) f.append('0');
        else if (flag == 3) f.append('+');
        else if (flag == 4) f.append(' ');
        if (chance(40)) f.append(1 + r.nextInt(24));
        return f.append(conv).toString();
    }

    private void print(String indent, String label, String value, IT t) {
        sb.append(indent).append("printfn \"").append(label).append('=').append(fmt(t)).append("\" ").append(atomOf(value)).append('\n');
    }

    // ------------------------------------------------------------------------------------------ statements

    private void block(String indent, List<Var> scope, int statements, boolean inLoop) {
        for (int st = 0; st < statements; st++) {
            if (!inLoop && viewsRandom.nextInt(100) < 25) {
                // byrefs, spans and string views draw from a random source of their own, and add nothing to
                // the scope: the program a seed gave without them is the same, with them in between
                Random main = r;
                r = viewsRandom;
                try { views(indent, scope, 10 + r.nextInt(3)); } finally { r = main; }
            }
            depthBudget = 12;
            int k = r.nextInt(10);
            if (k <= 3 || inLoop && k <= 6) {
                IT t = anyType();
                String v = fresh("v");
                sb.append(indent).append("let ").append(v).append(" = ").append(expr(t, scope, 3)).append('\n');
                print(indent, v, v, t);
                scope.add(new Var(v, t));
            } else if (k == 4 && !inLoop) {
                // a counted loop over a mutable accumulator
                IT t = anyType();
                String acc = fresh("acc"), i = fresh("i");
                int n = r.nextInt(6);
                sb.append(indent).append("let mutable ").append(acc).append(" = ").append(lit(t)).append('\n');
                String loop = switch (r.nextInt(4)) {
                    case 0 -> "for " + i + " in 0 .. " + n + " do";
                    case 1 -> "for " + i + " = " + n + " downto 0 do";
                    case 2 -> "for " + i + " in " + n + " .. -2 .. -3 do";
                    default -> "for " + i + " = 1 to " + n + " do";
                };
                sb.append(indent).append(loop).append('\n');
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(i, INT));
                inner.add(new Var(acc, t));
                sb.append(indent).append("    ").append(acc).append(" <- ").append(expr(t, inner, 2)).append('\n');
                if (chance(50)) print(indent + "    ", acc, acc, t);
                sb.append(indent).append("    ()\n");
                print(indent, acc, acc, t);
                scope.add(new Var(acc, t));
            } else if (k == 5 && !inLoop) {
                // a local array, filled, mapped and summed
                IT t = anyType();
                String a = fresh("arr");
                int n = 1 + r.nextInt(6);
                sb.append(indent).append("let ").append(a).append(" : ").append(t.name).append("[] = Array.zeroCreate ").append(n).append('\n');
                String i = fresh("i");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(i, INT));
                sb.append(indent).append("for ").append(i).append(" in 0 .. ").append(a).append(".Length - 1 do\n");
                sb.append(indent).append("    ").append(a).append(".[").append(i).append("] <- ").append(expr(t, inner, 2)).append('\n');
                String b = fresh("mapped"), x = fresh("x");
                List<Var> inner2 = new ArrayList<>(scope);
                inner2.add(new Var(x, t));
                sb.append(indent).append("let ").append(b).append(" = Array.map (fun ").append(x).append(" -> ").append(expr(t, inner2, 2)).append(") ").append(a).append('\n');
                String e = fresh("each");
                sb.append(indent).append("for ").append(e).append(" in ").append(b).append(" do\n");
                print(indent + "    ", b, e, t);
                String s = fresh("sum");
                // Array.sum is checked in F# (an overflow panics): mostly over small values, so that programs go on
                String summed = chance(80) ? "(Array.map (fun " + x + " -> " + x + " &&& " + literal(t, 1023) + ") " + b + ")" : b;
                sb.append(indent).append("let ").append(s).append(" = Array.sum ").append(summed).append('\n');
                print(indent, s, s, t);
                sb.append(indent).append("printfn \"exists=%b\" (Array.exists (fun ").append(x).append(" -> ").append(x).append(" > ").append(lit(t)).append(") ").append(a).append(")\n");
                scope.add(new Var(s, t));
            } else if (k == 6 && !inLoop) {
                // a while loop with a counter
                String c = fresh("c");
                IT t = anyType();
                String acc = fresh("w");
                sb.append(indent).append("let mutable ").append(c).append(" = 0\n");
                sb.append(indent).append("let mutable ").append(acc).append(" = ").append(lit(t)).append('\n');
                sb.append(indent).append("while ").append(c).append(" < ").append(1 + r.nextInt(5)).append(" do\n");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(acc, t));
                sb.append(indent).append("    ").append(acc).append(" <- ").append(expr(t, inner, 2)).append('\n');
                sb.append(indent).append("    ").append(c).append(" <- ").append(c).append(" + 1\n");
                print(indent, acc, acc, t);
                scope.add(new Var(acc, t));
            } else if (k == 7 && !globalArrays.isEmpty()) {
                Var a = globalArrays.get(r.nextInt(globalArrays.size()));
                sb.append(indent).append(a.name).append(".[").append(r.nextInt(8)).append("] <- ").append(expr(a.type, scope, 2)).append('\n');
            } else if (k == 8 && !globalMutables.isEmpty()) {
                Var m = globalMutables.get(r.nextInt(globalMutables.size()));
                sb.append(indent).append(m.name).append(" <- ").append(expr(m.type, scope, 2)).append('\n');
                print(indent, m.name, m.name, m.type);
            } else {
                IT t = anyType();
                String v = fresh("t");
                sb.append(indent).append("let ").append(v).append(" = ").append(expr(t, scope, 2)).append('\n');
                sb.append(indent).append("printfn \"").append(v).append("=%s %c %b\" (if ").append(v).append(" > ").append(lit(t))
                        .append(" then \"big\" else \"small\") (if ").append(v).append(" = ").append(lit(t)).append(" then 'y' else 'n') (")
                        .append(v).append(" <> ").append(lit(t)).append(")\n");
                scope.add(new Var(v, t));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ views

    /** k 10: a byref statement; 11: a span over a local array; 12: string views. */
    private void views(String indent, List<Var> scope, int k) {
        if (k == 10) byrefs(indent, scope);
        else if (k == 11) span(indent, scope);
        else strings(indent);
    }

    private void byrefs(String indent, List<Var> scope) {
        IT t = anyType();
        byrefHelpers.add(t);
        String v = fresh("m");
        sb.append(indent).append("let mutable ").append(v).append(" = ").append(lit(t)).append('\n');
        sb.append(indent).append("addTo_").append(t.name).append(" &").append(v).append(' ').append(atomOf(expr(t, scope, 2))).append('\n');
        print(indent, v, v, t);
        List<Var> ms = globalMutables.stream().filter(m -> m.type == t).toList();
        if (!ms.isEmpty()) {
            Var m = ms.get(r.nextInt(ms.size()));
            sb.append(indent).append("addTo_").append(t.name).append(" &").append(m.name).append(' ').append(atomOf(expr(t, scope, 2))).append('\n');
            print(indent, m.name, m.name, m.type);
        }
        List<Var> as = globalArrays.stream().filter(a -> a.type == t).toList();
        if (!as.isEmpty()) {
            Var a = as.get(r.nextInt(as.size()));
            int i = chance(98) ? r.nextInt(8) : 8;
            sb.append(indent).append("addTo_").append(t.name).append(" &").append(a.name).append(".[").append(i).append("] ").append(atomOf(expr(t, scope, 2))).append('\n');
            print(indent, a.name, a.name + ".[" + i + "]", t);
        }
        String p = fresh("peek");
        sb.append(indent).append("let ").append(p).append(" = peek_").append(t.name).append(" &").append(v).append('\n');
        print(indent, p, p, t);
    }

    private void span(String indent, List<Var> scope) {
        IT t = anyType();
        int n = 1 + r.nextInt(6);
        String a = fresh("sa"), s = fresh("sp"), x = fresh("x");
        sb.append(indent).append("let ").append(a).append(" = [| ");
        for (int j = 0; j < n; j++) { if (j > 0) sb.append("; "); sb.append(lit(t)); }
        sb.append(" |]\n");
        int start = r.nextInt(n + 1), len = r.nextInt(n - start + 1);
        if (chance(2)) len = n - start + 1; // out of range on purpose: the panic is compared
        String make = switch (r.nextInt(3)) {
            case 0 -> "Span<" + t.name + ">(" + a + ", " + start + ", " + len + ")";
            case 1 -> "Span<" + t.name + ">(" + a + ").Slice(" + start + ", " + len + ")";
            default -> "Span<" + t.name + ">(" + a + ").Slice(" + start + ")";
        };
        sb.append(indent).append("let ").append(s).append(" = ").append(make).append('\n');
        sb.append(indent).append("printfn \"").append(s).append(".Length=%d\" ").append(s).append(".Length\n");
        if (n - start > 0 || chance(10)) {
            int i = chance(98) ? 0 : n;
            sb.append(indent).append("if ").append(s).append(".Length > 0 then ").append(s).append(".[").append(i).append("] <- ").append(expr(t, scope, 2)).append('\n');
        }
        sb.append(indent).append("for ").append(x).append(" in ").append(s).append(" do\n");
        print(indent + "    ", s, x, t);
        String ro = fresh("ro");
        sb.append(indent).append("let ").append(ro).append(" = ReadOnlySpan<").append(t.name).append(">(").append(a).append(")\n");
        print(indent, ro, ro + ".[" + r.nextInt(n) + "]", t);
    }

    private String word() {
        String letters = "abcab,=xy";
        StringBuilder w = new StringBuilder();
        int n = r.nextInt(9);
        for (int i = 0; i < n; i++) w.append(letters.charAt(r.nextInt(letters.length())));
        return w.toString();
    }

    private void strings(String indent) {
        String w = word(), s = fresh("str");
        sb.append(indent).append("let ").append(s).append(" = \"").append(w).append("\"\n");
        int loN = r.nextInt(12) - 2, hiN = r.nextInt(12) - 2;
        String lo = loN < 0 ? "(" + loN + ")" : String.valueOf(loN), hi = hiN < 0 ? "(" + hiN + ")" : String.valueOf(hiN);
        int start = r.nextInt(w.length() + 1), len = r.nextInt(w.length() - start + 1);
        if (chance(2)) start = w.length() + 1;
        String p = word();
        char c = "abc,=z".charAt(r.nextInt(6));
        sb.append(indent).append("printfn \"").append(s).append("=[%s] [%s] [%s] [%s] %d %d %b %b %b %b\" ")
                .append(s).append(".[").append(lo).append("..").append(hi).append("] ")
                .append(s).append(".[").append(lo).append("..] ").append(s).append(".[..").append(hi).append("] ")
                .append('(').append(s).append(".Substring(").append(start).append(", ").append(len).append(")) ")
                .append('(').append(s).append(".IndexOf '").append(c).append("') (").append(s).append(".IndexOf \"").append(p).append("\") ")
                .append('(').append(s).append(".StartsWith \"").append(p).append("\") (").append(s).append(".EndsWith \"").append(p).append("\") ")
                .append('(').append(s).append(".Contains \"").append(p).append("\") (").append(s).append(".Contains '").append(c).append("')\n");
    }

    // ------------------------------------------------------------------------------------------ program

    private String program() {
        sb.append("module Test\n\nopen System\n\n");
        sb.append("[<Measure>]\ntype m\n\n[<Measure>]\ntype s\n\n");
        sb.append("type Rec =\n    { P: int\n      Q: int64\n      B: bool }\n\n");
        sb.append("    member r.Sum = int64 r.P + r.Q\n");
        sb.append("    member r.Scale(k: int) = { r with P = r.P * k; Q = r.Q - int64 k }\n");
        sb.append("    static member Make(p: int) = { P = p; Q = int64 p * 2L; B = p > 0 }\n\n");
        sb.append("    static member (+)(a: Rec, b: Rec) =\n        { P = a.P + b.P\n          Q = a.Q ^^^ b.Q\n          B = a.B <> b.B }\n\n");
        sb.append("type Shape =\n    | Nothing\n    | One of int\n    | Two of int * uint16\n\n");
        sb.append("    member this.Weight =\n        match this with\n        | Nothing -> 0\n        | One n -> n * 3\n        | Two (a, b) -> a - int b\n\n");
        sb.append("let scaleBy (k: int) (x: int<'u>) : int<'u> = x * k\n\n");
        sb.append("let (|Low|Mid|High|) (n: int) = if n < 0 then Low elif n < 100 then Mid (n % 7) else High (n / 3)\n");
        sb.append("let (|Masked|_|) (m: int) (n: int) = if (n &&& m) = 0 then Some (n ||| m) else None\n");
        sb.append("[<return: Struct>]\nlet (|Small|_|) (n: int) = if n > -50 && n < 50 then ValueSome (n * 2) else ValueNone\n\n");
        int nArrays = r.nextInt(3);
        for (int i = 0; i < nArrays; i++) {
            IT t = anyType();
            String a = fresh("table");
            sb.append("let ").append(a).append(" = [| ");
            for (int j = 0; j < 8; j++) { if (j > 0) sb.append("; "); sb.append(lit(t)); }
            sb.append(" |]\n");
            globalArrays.add(new Var(a, t));
        }
        int nMut = r.nextInt(3);
        for (int i = 0; i < nMut; i++) {
            IT t = anyType();
            String m = fresh("state");
            sb.append("let mutable ").append(m).append(" = ").append(lit(t)).append('\n');
            globalMutables.add(new Var(m, t));
        }
        sb.append('\n');
        int nFns = r.nextInt(4);
        for (int i = 0; i < nFns; i++) {
            IT res = anyType();
            List<IT> ps = new ArrayList<>();
            int np = 1 + r.nextInt(3);
            for (int j = 0; j < np; j++) ps.add(anyType());
            String name = fresh("fn");
            List<Var> scope = new ArrayList<>();
            StringBuilder head = new StringBuilder("let " + name);
            for (int j = 0; j < np; j++) {
                String p = fresh("p");
                head.append(" (").append(p).append(": ").append(ps.get(j).name).append(')');
                scope.add(new Var(p, ps.get(j)));
            }
            depthBudget = 14;
            if (chance(30)) {
                // a tail-recursive loop inside: counts n down to 0
                String loop = fresh("loop"), n = fresh("n"), acc = fresh("acc");
                sb.append(head).append(" : ").append(res.name).append(" =\n");
                List<Var> inner = new ArrayList<>(scope);
                inner.add(new Var(acc, res));
                sb.append("    let rec ").append(loop).append(" (").append(n).append(": int) (").append(acc).append(": ").append(res.name).append(") =\n");
                sb.append("        if ").append(n).append(" <= 0 then ").append(acc).append(" else ").append(loop).append(" (").append(n).append(" - 1) ")
                        .append(atomOf(expr(res, inner, 2))).append('\n');
                sb.append("    ").append(loop).append(' ').append(r.nextInt(10)).append(' ').append(atomOf(expr(res, scope, 2))).append("\n\n");
            } else {
                sb.append(head).append(" : ").append(res.name).append(" =\n");
                sb.append("    ").append(expr(res, scope, 3)).append("\n\n");
            }
            fns.add(new Fn(name, ps, res));
        }
        int mainAt = sb.length();
        sb.append("[<EntryPoint>]\nlet main _ =\n");
        List<Var> scope = new ArrayList<>();
        block("    ", scope, 6 + r.nextInt(10), false);
        StringBuilder helpers = new StringBuilder();
        for (IT t : byrefHelpers) {
            helpers.append("let addTo_").append(t.name).append(" (x: byref<").append(t.name).append(">) (d: ").append(t.name).append(") = x <- x + d\n");
            helpers.append("let peek_").append(t.name).append(" (x: inref<").append(t.name).append(">) = x\n\n");
        }
        sb.insert(mainAt, helpers);
        if (chance(5)) {
            // a failing division or index on purpose: the panic (message and location) is compared too
            IT t = anyType();
            if (chance(50)) sb.append("    printfn \"%d\" (").append(literal(t, 5)).append(" / ").append(leaf(t, scope)).append(" / ").append(literal(t, 0)).append(")\n");
            else sb.append("    failwithf \"stop %d\" ").append(scope.isEmpty() ? "1" : scope.get(0).name).append('\n');
        }
        Var last = scope.isEmpty() ? null : scope.get(scope.size() - 1);
        sb.append("    ").append(last == null ? "0" : "int (" + last.name + " &&& " + literal(last.type, 63) + ")").append('\n');
        return sb.toString();
    }
}
