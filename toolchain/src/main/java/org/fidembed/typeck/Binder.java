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
        List<LocalVar> vars = new ArrayList<>();
        List<TPat> pats = new ArrayList<>();
        List<Type> ptypes = new ArrayList<>();
        Scope s = scope;
        Map<String, LocalVar> allBinds = new LinkedHashMap<>();
        for (Pat p : params) {
            Type pt = cx.fresh();
            Pat inner = p;
            if (inner instanceof PTyped pty) { cx.unifier.unify(pt, cx.typeExprs.resolveTypeExpr(pty.type(), null, true)); inner = pty.pat(); }
            if (inner instanceof PName pn && cx.names.resolvePatternName(pn.name()) == null) {
                LocalVar v = new LocalVar(pn.name(), pt, false, pn.loc());
                vars.add(v);
                pats.add(null);
            } else if (inner instanceof PWild w) {
                LocalVar v = new LocalVar("_", pt, false, w.loc());
                vars.add(v);
                pats.add(null);
            } else {
                LocalVar v = new LocalVar("arg" + vars.size(), pt, false, p.loc());
                v.compilerGenerated = true;
                vars.add(v);
                Map<String, LocalVar> binds = new LinkedHashMap<>();
                TPat tp = cx.patterns.checkPattern(inner, pt, binds, scope, null);
                pats.add(tp);
                for (String n : binds.keySet()) {
                    if (allBinds.containsKey(n)) cx.diags.error(binds.get(n).loc, "the name '" + n + "' is bound twice in these parameters");
                }
                allBinds.putAll(binds);
            }
            ptypes.add(pt);
        }
        Type resT = b.returnType() != null ? cx.typeExprs.resolveTypeExpr(b.returnType(), null, true) : cx.fresh();
        Type fnType = resT;
        for (int k = ptypes.size() - 1; k >= 0; k--) fnType = new Type.Fun(ptypes.get(k), fnType);
        if (recType != null) cx.unifier.expect(b.nameLoc() != null ? b.nameLoc() : b.loc(), recType, fnType);
        for (int k = 0; k < vars.size(); k++) {
            if (pats.get(k) == null) s = s.with(vars.get(k).name, new Local(vars.get(k)));
        }
        for (LocalVar v : allBinds.values()) s = s.with(v.name, new Local(v));
        if (self instanceof LocalVar lv && recType != null) s = s.with(lv.name, new Local(lv));
        TExpr tb = cx.exprs.check(body, resT, s);
        // destructure pattern parameters at the start of the body
        for (int k = vars.size() - 1; k >= 0; k--) {
            if (pats.get(k) == null) continue;
            LocalVar v = vars.get(k);
            tb = new Typed.Match(pats.get(k).loc(), resT, new Typed.LocalRef(v.loc, v.type, v, List.of()),
                    List.of(new Typed.Rule(pats.get(k).loc(), pats.get(k), null, tb)), true);
        }
        return new Typed.Lambda(b.loc(), fnType, vars, tb);
    }
}
