// The binder of parameter patterns shared by `let` functions and lambdas: each parameter becomes a
// local (a pattern parameter is matched at the start of the body) and a name bound twice is an error.
package org.fidembed.typeck;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.*;
import org.fidembed.types.Typed;
import org.fidembed.types.Symbols.*;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Type.Trait;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Typed.TPat;

import java.math.BigInteger;
import java.util.*;

final class Binder {
    private final CheckContext cx;

    Binder(CheckContext cx) { this.cx = cx; }

    /**
     * Checks `let f p1 p2 ... = body` (global or local). Parameters become local variables; a
     * parameter written as a pattern is matched at the start of the body. recType, for recursive
     * bindings, is the type the recursive uses already see.
     */
    Typed.Lambda checkFunctionBinding(Binding b, Object self, Scope scope, Type recType) {
        List<Pat> params = new ArrayList<>(b.params());
        Expr body = b.body();
        // F#'s arity rule: let f a = fun b -> e takes two arguments
        while (true) {
            Expr inner = body;
            while (inner instanceof Paren p) inner = p.inner();
            if (inner instanceof Lambda l && b.returnType() == null) { params.addAll(l.params()); body = l.body(); continue; }
            break;
        }
        if (params.isEmpty()) {
            Expr inner = body;
            while (inner instanceof Paren p) inner = p.inner();
            if (inner instanceof Function fn) {
                // let f = function ... : one parameter matched by the rules
                Type argT = cx.fresh(), resT = cx.fresh();
                if (recType != null) cx.unifier.expect(b.loc(), recType, new Type.Fun(argT, resT));
                LocalVar p = new LocalVar("arg", argT, false, fn.loc());
                p.compilerGenerated = true;
                Scope s = scope.with(p.name, new Local(p));
                TExpr m = cx.control.checkRules(fn.loc(), new Typed.LocalRef(fn.loc(), argT, p, List.of()), fn.rules(), resT, s);
                return new Typed.Lambda(b.loc(), new Type.Fun(argT, resT), List.of(p), m);
            }
        }
        Params ps = new Params();
        for (Pat p : params) bindParam(ps, p, cx.fresh(), scope);
        Type resT = b.returnType() != null ? cx.typeExprs.resolveTypeExpr(b.returnType(), null, true) : cx.fresh();
        Type fnType = ps.functionType(resT);
        if (recType != null) cx.unifier.expect(b.nameLoc() != null ? b.nameLoc() : b.loc(), recType, fnType);
        Scope s = ps.scope(scope);
        if (self instanceof LocalVar lv && recType != null) s = s.with(lv.name, new Local(lv));
        TExpr tb = ps.destructure(cx.exprs.check(body, resT, s));
        return new Typed.Lambda(b.loc(), fnType, ps.vars, tb);
    }

    /**
     * The parameters of one function or lambda as they are bound: a variable each (a parameter
     * written as a pattern gets a hidden one, matched at the start of the body), and every name the
     * parameters bind, which must differ (F#: a name bound twice in the parameters is an error).
     */
    static final class Params {
        final List<LocalVar> vars = new ArrayList<>();
        private final List<TPat> pats = new ArrayList<>();
        private final Map<String, LocalVar> names = new LinkedHashMap<>();

        Type functionType(Type result) {
            Type t = result;
            for (int k = vars.size() - 1; k >= 0; k--) t = new Type.Fun(vars.get(k).type, t);
            return t;
        }

        Scope scope(Scope s) {
            for (LocalVar v : names.values()) s = s.with(v.name, new Local(v));
            return s;
        }

        /** Matches the pattern parameters at the start of the body. */
        TExpr destructure(TExpr body) {
            for (int k = vars.size() - 1; k >= 0; k--) {
                TPat p = pats.get(k);
                if (p == null) continue;
                LocalVar v = vars.get(k);
                body = new Typed.Match(p.loc(), body.type(), new Typed.LocalRef(v.loc, v.type, v, List.of()),
                        List.of(new Typed.Rule(p.loc(), p, null, body)), true);
            }
            return body;
        }
    }

    /** Binds one parameter of type pt: a name, '_', or a pattern (with an optional type annotation). */
    void bindParam(Params ps, Pat p, Type pt, Scope scope) {
        Pat inner = p;
        if (inner instanceof PTyped pty) { cx.unifier.expect(pty.loc(), pt, cx.typeExprs.resolveTypeExpr(pty.type(), null, true)); inner = pty.pat(); }
        if (inner instanceof PName pn && cx.names.resolvePatternName(pn.name(), scope) == null) {
            LocalVar v = new LocalVar(pn.name(), pt, false, pn.loc());
            ps.vars.add(v);
            ps.pats.add(null);
            name(ps, v);
        } else if (inner instanceof PWild w) {
            ps.vars.add(new LocalVar("_", pt, false, w.loc()));
            ps.pats.add(null);
        } else {
            LocalVar v = new LocalVar("arg" + ps.vars.size(), pt, false, p.loc());
            v.compilerGenerated = true;
            ps.vars.add(v);
            Map<String, LocalVar> binds = new LinkedHashMap<>();
            ps.pats.add(cx.patterns.checkPattern(inner, pt, binds, scope, null));
            for (LocalVar b : binds.values()) name(ps, b);
        }
    }

    private void name(Params ps, LocalVar v) {
        if (ps.names.containsKey(v.name)) cx.diags.error(v.loc, "the name '" + v.name + "' is bound twice in these parameters");
        else ps.names.put(v.name, v);
    }
}
