// Control flow: if/else, lambdas, match rules, for loops over ranges, arrays and strings, and local
// `let` / `let rec` bindings with generalisation and the unused-value warning.
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

final class Control {
    private final CheckContext cx;

    Control(CheckContext cx) { this.cx = cx; }

    TExpr checkIf(If i, Type expected, Scope scope) {
        TExpr c = cx.exprs.check(i.cond(), Type.BOOL, scope);
        if (i.otherwise() == null) {
            TExpr t = cx.exprs.check(i.then(), Type.UNIT, scope);
            cx.unifier.expect(i.loc(), expected, Type.UNIT);
            return new Typed.If(i.loc(), Type.UNIT, c, t, new Typed.Const(i.loc(), Type.UNIT, null));
        }
        TExpr t = cx.exprs.check(i.then(), expected, scope);
        TExpr e = cx.exprs.check(i.otherwise(), expected, scope);
        return new Typed.If(i.loc(), expected, c, t, e);
    }

    TExpr checkLambda(Lambda l, Type expected, Scope scope) {
        Binder.Params ps = new Binder.Params();
        Type cur = expected;
        for (Pat p : l.params()) {
            Type c = Type.prune(cur);
            Type pt, rt;
            if (c instanceof Type.Fun f) { pt = f.arg(); rt = f.result(); }
            else {
                pt = cx.fresh(); rt = cx.fresh();
                if (!cx.unifier.expect(l.loc(), c, new Type.Fun(pt, rt))) { pt = cx.fresh(); rt = cx.fresh(); }
            }
            cx.binder.bindParam(ps, p, pt, scope);
            cur = rt;
        }
        TExpr body = ps.destructure(cx.exprs.check(l.body(), cur, ps.scope(scope)));
        return new Typed.Lambda(l.loc(), ps.functionType(cur), ps.vars, body);
    }

    TExpr checkRules(Loc loc, TExpr scrut, List<Rule> rules, Type expected, Scope scope) {
        List<Typed.Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            Map<String, LocalVar> binds = new LinkedHashMap<>();
            TPat p = cx.patterns.checkPattern(r.pat(), scrut.type(), binds, scope, null);
            Scope s = scope;
            for (LocalVar v : binds.values()) s = s.with(v.name, new Local(v));
            TExpr g = r.guard() == null ? null : cx.exprs.check(r.guard(), Type.BOOL, s);
            TExpr b = cx.exprs.check(r.body(), expected, s);
            out.add(new Typed.Rule(r.loc(), p, g, b));
        }
        return new Typed.Match(loc, expected, scrut, out, false);
    }

    TExpr inferForIn(ForIn f, Scope scope) {
        if (f.source() instanceof Range r) {
            TExpr from = cx.exprs.infer(r.from(), scope);
            Type t = from.type();
            TExpr step = r.step() == null ? null : cx.exprs.check(r.step(), t, scope);
            TExpr to = cx.exprs.check(r.to(), t, scope);
            cx.unifier.requireTrait(t, Trait.RANGE, r.loc(), "..");
            Type pt = Type.prune(t);
            if (pt instanceof Type.Var v) { try { cx.unifier.unify(v, Type.INT); } catch (Unifier.Mismatch | Unifier.TraitFailure e) { /* */ } }
            if (Type.isPrim(t, PrimKind.CHAR) && step != null) cx.diags.error(r.loc(), "a range of characters cannot have a step");
            LocalVar v;
            Pat p = f.pat();
            String name;
            if (p instanceof PName pn) { name = pn.name(); v = new LocalVar(name, t, false, pn.loc()); }
            else if (p instanceof PWild w) { name = "_"; v = new LocalVar("_", t, false, w.loc()); }
            else {
                cx.diags.error(p.loc(), "the variable of a range loop must be a name");
                return new Typed.Error(f.loc(), Type.UNIT);
            }
            TExpr body = cx.exprs.checkStatement(f.body(), scope.with(name, new Local(v)));
            return new Typed.For(f.loc(), Type.UNIT, v, from, step, to, false, body);
        }
        TExpr src = cx.exprs.infer(f.source(), scope);
        Type st = Type.prune(src.type());
        Type elem;
        if (st instanceof Type.Array a) elem = a.elem();
        else if (Type.isPrim(st, PrimKind.STRING)) elem = Type.CHAR;
        else if (Predef.isSpan(st)) elem = ((Type.Named) st).args().get(0);
        else if (st instanceof Type.Var) {
            if (!Type.touchesError(st)) cx.diags.error(SyntaxFacts.startLoc(f.source()), "lookup on object of indeterminate type based on information prior to this program point; add a type annotation");
            return new Typed.Error(f.loc(), Type.UNIT);
        } else {
            cx.diags.error(SyntaxFacts.startLoc(f.source()), "'for ... in' needs an array, a string or a range, but this expression has type '" + Type.show(st) + "'");
            return new Typed.Error(f.loc(), Type.UNIT);
        }
        Pat p = f.pat();
        if (p instanceof PName pn && cx.names.resolvePatternName(pn.name(), scope) == null) {
            LocalVar v = new LocalVar(pn.name(), elem, false, pn.loc());
            TExpr body = cx.exprs.checkStatement(f.body(), scope.with(pn.name(), new Local(v)));
            return new Typed.ForEach(f.loc(), Type.UNIT, v, src, body);
        }
        LocalVar v = new LocalVar("item", elem, false, p.loc());
        v.compilerGenerated = true;
        Map<String, LocalVar> binds = new LinkedHashMap<>();
        TPat tp = cx.patterns.checkPattern(p, elem, binds, scope, null);
        Scope s = scope;
        for (LocalVar b : binds.values()) s = s.with(b.name, new Local(b));
        TExpr body = cx.exprs.checkStatement(f.body(), s);
        TExpr m = new Typed.Match(p.loc(), Type.UNIT, new Typed.LocalRef(p.loc(), elem, v, List.of()), List.of(new Typed.Rule(p.loc(), tp, null, body)), true);
        return new Typed.ForEach(f.loc(), Type.UNIT, v, src, m);
    }

    TExpr checkLetIn(LetIn l, Type expected, Scope scope) {
        if (l.rec()) return checkLetRec(l, expected, scope);
        Binding b = l.bindings().get(0);
        if (l.bindings().size() > 1) cx.diags.error(l.loc(), "'and' is only allowed after 'let rec'");
        if (b.isFunction() || (b.name() != null && SyntaxFacts.isLambdaExpr(b.body()) && !b.mutable())) {
            LocalVar v = new LocalVar(b.name(), null, false, b.nameLoc());
            ActivePattern ap = SyntaxFacts.isActivePatternName(b.name()) ? cx.activePatterns.define(b.name(), b.nameLoc(), new Local(v)) : null;
            cx.level++;
            Typed.Lambda lam = cx.binder.checkFunctionBinding(b, v, cx.activePatterns.bodyScope(ap, scope), null);
            cx.activePatterns.checkResult(ap, b, lam);
            cx.level--;
            v.type = lam.type();
            Scheme sc = cx.unifier.generalize(lam.type(), b.inline(), b.loc());
            if (!sc.vars().isEmpty()) v.scheme = sc;
            if (b.inline()) cx.traitCalls.collectRequirements(v, lam);
            TExpr body = cx.exprs.check(l.body(), expected, cx.activePatterns.caseScope(ap, scope.with(v.name, new Local(v))));
            warnUnused(v);
            return new Typed.Let(l.loc(), body.type(), v, lam, body);
        }
        Type declared = null;
        Type t = cx.fresh();
        if (b.returnType() != null) { declared = cx.typeExprs.resolveTypeExpr(b.returnType(), null, true); cx.unifier.unify(t, declared); }
        cx.level++;
        TExpr value = cx.exprs.check(b.body(), t, scope);
        cx.level--;
        if (b.pat() instanceof PName pn && cx.names.resolvePatternName(pn.name(), scope) == null) {
            LocalVar v = new LocalVar(pn.name(), value.type(), b.mutable(), pn.loc());
            TExpr body = cx.exprs.check(l.body(), expected, scope.with(v.name, new Local(v)));
            warnUnused(v);
            return new Typed.Let(l.loc(), body.type(), v, value, body);
        }
        if (b.pat() instanceof PWild) {
            LocalVar v = new LocalVar("_", value.type(), false, b.loc());
            TExpr body = cx.exprs.check(l.body(), expected, scope);
            return new Typed.Let(l.loc(), body.type(), v, value, body);
        }
        if (b.mutable()) cx.diags.error(b.loc(), "'let mutable' needs a single name");
        Map<String, LocalVar> binds = new LinkedHashMap<>();
        TPat p = cx.patterns.checkPattern(b.pat(), value.type(), binds, scope, null);
        Scope s = scope;
        for (LocalVar v : binds.values()) s = s.with(v.name, new Local(v));
        TExpr body = cx.exprs.check(l.body(), expected, s);
        return new Typed.Match(b.loc(), body.type(), value, List.of(new Typed.Rule(b.loc(), p, null, body)), true);
    }

    void warnUnused(LocalVar v) {
        if (v.uses == 0 && !v.name.startsWith("_") && !v.compilerGenerated && !cx.checkingPrelude) {
            cx.diags.warning(v.loc, "the value '" + v.name + "' is unused");
        }
    }

    TExpr checkLetRec(LetIn l, Type expected, Scope scope) {
        List<LocalVar> vars = new ArrayList<>();
        Scope s = scope;
        cx.level++;
        for (Binding b : l.bindings()) {
            if (b.name() == null) { cx.diags.error(b.loc(), "'let rec' needs function bindings"); continue; }
            LocalVar v = new LocalVar(b.name(), cx.fresh(), false, b.nameLoc());
            vars.add(v);
            s = s.with(v.name, new Local(v));
        }
        List<Typed.Lambda> fns = new ArrayList<>();
        int k = 0;
        for (Binding b : l.bindings()) {
            if (b.name() == null) continue;
            LocalVar v = vars.get(k++);
            if (!b.isFunction() && !SyntaxFacts.isLambdaExpr(b.body())) { cx.diags.error(b.nameLoc(), "'let rec' is only supported for functions in fid-embed"); continue; }
            Typed.Lambda lam = checkFunctionBindingRec(b, v, s);
            fns.add(lam);
        }
        cx.level--;
        for (int j = 0; j < fns.size(); j++) {
            LocalVar v = vars.get(j);
            Scheme sc = cx.unifier.generalize(v.type, false, v.loc);
            if (!sc.vars().isEmpty()) v.scheme = sc;
        }
        TExpr body = cx.exprs.check(l.body(), expected, s);
        return new Typed.LetRec(l.loc(), body.type(), vars, fns, body);
    }

    Typed.Lambda checkFunctionBindingRec(Binding b, LocalVar self, Scope s) {
        // self is already in s (for every function of the group)
        return cx.binder.checkFunctionBinding(b, null, s, self.type);
    }
}
