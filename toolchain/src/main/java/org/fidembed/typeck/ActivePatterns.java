// Active patterns: a binding named (|Even|Odd|), (|Small|_|) or (|Celsius|) defines its cases; in its
// body a multi-case pattern's case names build its Choice result; in a pattern a case becomes a view
// (the function applied to the matched value, its result matched as a Choice case, Some or itself).
package org.fidembed.typeck;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.*;
import org.fidembed.types.Symbols.*;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Typed.TPat;

import java.util.*;

final class ActivePatterns {
    private final CheckContext cx;
    private int uniqueKeys;

    ActivePatterns(CheckContext cx) { this.cx = cx; }

    /** The active pattern a binding named |A|B| defines (null, reported, when its cases are not well formed). */
    ActivePattern define(String name, Loc loc, ValueSym fn) {
        List<String> cases = new ArrayList<>(List.of(name.substring(1, name.length() - 1).split("\\|", -1)));
        boolean partial = cases.size() == 2 && cases.get(1).equals("_");
        if (partial) cases.remove(1);
        if (cases.contains("_")) {
            cx.diags.error(loc, "this is not a valid name for an active pattern");
            return null;
        }
        if (cases.size() > Predef.MAX_CHOICES) {
            cx.diags.error(loc, "active patterns cannot return more than " + Predef.MAX_CHOICES + " possibilities");
            return null;
        }
        for (String c : cases) {
            if (c.isEmpty() || !Character.isUpperCase(c.charAt(0))) {
                cx.diags.error(loc, "active pattern case identifiers must begin with an uppercase letter");
                return null;
            }
        }
        return new ActivePattern(name, cases, partial, fn);
    }

    /** The scope of a definition's body: a multi-case pattern's case names construct its result there. */
    Scope bodyScope(ActivePattern ap, Scope s) {
        if (ap == null || !ap.multiCase()) return s;
        for (int k = 0; k < ap.cases().size(); k++) s = s.with(ap.cases().get(k), new ActiveRef(ap, k, true));
        return s;
    }

    /** The scope after a local definition: its cases test values in patterns. */
    Scope caseScope(ActivePattern ap, Scope s) {
        if (ap == null) return s;
        for (int k = 0; k < ap.cases().size(); k++) s = s.with(ap.cases().get(k), new ActiveRef(ap, k, false));
        return s;
    }

    /** After a module-level definition: its cases are in the module, for patterns. */
    void register(ActivePattern ap, ModuleDef m) {
        if (ap == null) return;
        for (int k = 0; k < ap.cases().size(); k++) m.values.put(ap.cases().get(k), new ActiveRef(ap, k, false));
    }

    /**
     * Checks what a definition returns, given its checked function: a partial pattern an option (a
     * voption with [<return: Struct>]), a multi-case one its Choice.
     */
    void checkResult(ActivePattern ap, Binding b, Typed.Lambda lam) {
        if (ap == null) return;
        boolean struct = b.attrs().stream().anyMatch(a -> a.name().equals("Struct") && "return".equals(a.target()));
        Type r = lam.type();
        for (int k = 0; k < lam.params().size(); k++) r = ((Type.Fun) Type.prune(r)).result();
        Type want;
        if (ap.partial()) want = new Type.Named(struct ? cx.predef.voption : cx.predef.option, List.of(cx.fresh()));
        else if (ap.multiCase()) want = new Type.Named(choice(ap), cx.names.freshArgs(choice(ap)));
        else return;
        cx.unifier.expect(b.nameLoc(), want, Type.prune(r));
    }

    private TypeDefn choice(ActivePattern ap) { return cx.predef.choices.get(ap.cases().size() - 2); }

    /** A case of a multi-case pattern used as a value inside its definition: Even, or Pos n. */
    TExpr construct(ActiveRef ar, Loc loc, List<Expr> args, Scope scope) {
        TypeDefn d = choice(ar.ap());
        List<Type> targs = cx.names.freshArgs(d);
        Type payload = targs.get(ar.index());
        TExpr value = args.isEmpty() ? new Typed.Const(loc, Type.UNIT, null) : cx.exprs.check(args.get(0), payload, scope);
        if (args.isEmpty()) cx.unifier.expect(loc, payload, Type.UNIT);
        TExpr res = new Typed.UnionCase(loc, new Type.Named(d, targs), d, ar.index(), List.of(value));
        if (args.size() > 1) return cx.calls.applyArgs(res, args.subList(1, args.size()), scope, loc);
        return res;
    }

    /** A case outside its definition, used as a value: F# does not define the name there. */
    TExpr notAValue(ActiveRef ar, Loc loc) {
        cx.diags.error(loc, "the value or constructor '" + ar.ap().cases().get(ar.index()) + "' is not defined");
        return new Typed.Error(loc, cx.errorType());
    }

    /**
     * A case in a pattern, with its arguments: the ones before the last are the function's parameters
     * (expressions), the last matches the case's value; none (or a unit result of the right arity)
     * matches ().
     */
    TPat use(ActiveRef ar, Loc loc, List<Pat> args, Type expected, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        ActivePattern ap = ar.ap();
        TExpr fn = cx.calls.symbolValue(ap.fn(), loc, loc);
        List<Pat> params = args;
        Pat valuePat = null;
        if (!args.isEmpty() && !unitResultOfArity(fn.type(), args.size())) {
            params = args.subList(0, args.size() - 1);
            valuePat = args.get(args.size() - 1);
        }
        if (ap.multiCase() && !params.isEmpty()) {
            cx.diags.error(loc, "only active patterns returning exactly one result may accept arguments");
            return failed(loc, expected, args, binds, scope, reuse);
        }
        List<TExpr> callArgs = new ArrayList<>();
        StringBuilder key = new StringBuilder(identity(ap.fn()));
        List<Type> paramTypes = new ArrayList<>();
        for (Pat p : params) {
            Expr e = asExpr(p);
            if (e == null) {
                cx.diags.error(p.loc(), "this argument of an active pattern is not supported yet; give it a name with let first");
                return failed(loc, expected, args, binds, scope, reuse);
            }
            TExpr te = cx.exprs.infer(e, scope);
            callArgs.add(te);
            paramTypes.add(te.type());
            String r = render(p);
            key.append(' ').append(r != null ? r : "#" + (++uniqueKeys));
        }
        Type resultT;
        Type payload;
        TypeDefn def = null;
        int caseIndex = 0;
        if (ap.multiCase()) {
            def = choice(ap);
            List<Type> targs = cx.names.freshArgs(def);
            resultT = new Type.Named(def, targs);
            payload = targs.get(ar.index());
            caseIndex = ar.index();
        } else if (ap.partial()) {
            def = returnsVoption(fn.type(), params.size()) ? cx.predef.voption : cx.predef.option;
            payload = cx.fresh();
            resultT = new Type.Named(def, List.of(payload));
            caseIndex = 1;
        } else {
            resultT = cx.fresh();
            payload = resultT;
        }
        Type want = new Type.Fun(expected, resultT);
        for (int k = paramTypes.size() - 1; k >= 0; k--) want = new Type.Fun(paramTypes.get(k), want);
        if (!cx.unifier.expect(loc, want, fn.type())) return failed(loc, expected, valuePat == null ? List.of() : List.of(valuePat), binds, scope, reuse);
        TPat inner;
        if (valuePat != null) inner = cx.patterns.checkPattern(valuePat, payload, binds, scope, reuse);
        else if (cx.unifier.expect(loc, Type.UNIT, payload)) inner = new Typed.PWild(loc, payload);
        else return new Typed.PWild(loc, expected);
        if (def != null) inner = new Typed.PCase(loc, resultT, def, caseIndex, List.of(inner));
        LocalVar input = new LocalVar("matched", expected, false, loc);
        input.compilerGenerated = true;
        callArgs.add(new Typed.LocalRef(loc, expected, input, List.of()));
        TExpr call = new Typed.App(loc, resultT, fn, callArgs);
        return new Typed.PView(loc, expected, input, call, resultT, inner, key.toString());
    }

    /** After an error: the names the arguments bind are still bound (of an error's type), so nothing more is reported. */
    private TPat failed(Loc loc, Type expected, List<Pat> args, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        for (Pat a : args) cx.patterns.checkPattern(a, cx.errorType(), binds, scope, reuse);
        return new Typed.PWild(loc, expected);
    }

    /** The function of an active pattern, as text: the same text is the same function. */
    private static String identity(ValueSym s) {
        if (s instanceof Global g) return g.g().qualifiedName;
        if (s instanceof Local l) return l.v().name + "#" + l.v().id;
        return String.valueOf(s);
    }

    /** F#: `| DivisibleBy 3 ->` passes 3 as a parameter when the pattern returns a unit option and takes one more. */
    private boolean unitResultOfArity(Type fnType, int args) {
        List<Type> ps = new ArrayList<>();
        Type r = arrows(fnType, ps);
        if (ps.size() != args + 1) return false;
        return r instanceof Type.Named n && (n.def() == cx.predef.option || n.def() == cx.predef.voption)
                && Type.isPrim(n.args().get(0), Type.PrimKind.UNIT);
    }

    private boolean returnsVoption(Type fnType, int params) {
        List<Type> ps = new ArrayList<>();
        Type r = arrows(fnType, ps);
        return ps.size() == params + 1 && r instanceof Type.Named n && n.def() == cx.predef.voption;
    }

    private static Type arrows(Type t, List<Type> params) {
        t = Type.prune(t);
        while (t instanceof Type.Fun f) { params.add(f.arg()); t = Type.prune(f.result()); }
        return t;
    }

    /** A parameter written in a pattern (3, limit, (1, 2), "x") read as the expression it is. */
    private static Expr asExpr(Pat p) {
        if (p instanceof Ast.PConst c) return new Const(c.loc(), c.lit());
        if (p instanceof PName n) return new Name(n.loc(), List.of(n.name()), List.of(n.loc()));
        if (p instanceof PCase c && c.named().isEmpty()) {
            Expr e = new Name(c.loc(), c.path(), Collections.nCopies(c.path().size(), c.loc()));
            for (Pat a : c.args()) {
                Expr x = asExpr(a);
                if (x == null) return null;
                e = new App(c.loc(), e, x);
            }
            return e;
        }
        if (p instanceof Ast.PTuple t) {
            List<Expr> el = new ArrayList<>();
            for (Pat x : t.elems()) { Expr e = asExpr(x); if (e == null) return null; el.add(e); }
            return new Ast.Tuple(t.loc(), el, t.struct());
        }
        if (p instanceof PTyped t) {
            Expr e = asExpr(t.pat());
            return e == null ? null : new Ast.Typed(t.loc(), e, t.type());
        }
        return null;
    }

    /** The parameter as text without locations, for telling the same view apart (null: never the same). */
    private static String render(Pat p) {
        if (p instanceof Ast.PConst c) return c.lit() instanceof BytesLit ? null : c.lit().toString();
        if (p instanceof PName n) return n.name();
        if (p instanceof PCase c && c.args().isEmpty() && c.named().isEmpty()) return String.join(".", c.path());
        if (p instanceof Ast.PTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (Pat x : t.elems()) { String r = render(x); if (r == null) return null; sb.append(r).append(','); }
            return sb.append(')').toString();
        }
        return null;
    }
}
