// Names used as values and applications: locals, globals (instantiated), union cases as constructors
// and functions, explicit type arguments, and the checking of arguments against a function's type.
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

final class Calls {
    private final CheckContext cx;

    Calls(CheckContext cx) { this.cx = cx; }

    TExpr inferName(Name n, Scope scope) {
        if (TraitCalls.isGenericConstant(n.path())) return cx.traitCalls.generic(n.path().get(1), n.loc(), cx.fresh());
        Names.Resolved r = cx.names.resolveValue(n.path(), n.locs(), scope, true);
        if (r == null) return new Typed.Error(n.loc(), cx.errorType());
        TExpr head;
        if (r.sym() == null) head = new Typed.Const(n.loc(), r.constType(), r.constant());
        else head = symbolValue(r.sym(), n.loc(), n.locs().get(Math.min(r.used() - 1, n.locs().size() - 1)));
        if (r.staticProperty()) head = applyUnit(head, n.loc());
        for (int k = r.used(); k < n.path().size(); k++) head = cx.members.member(head, n.path().get(k), n.locs().get(k));
        return head;
    }

    /** The value of a resolved symbol used as an expression (instantiated). */
    TExpr symbolValue(ValueSym s, Loc loc, Loc nameLoc) {
        if (s instanceof Local l) {
            l.v().uses++;
            if (l.v().scheme != null) {
                List<Type> targs = new ArrayList<>();
                Type t = cx.unifier.instantiate(l.v().scheme, targs);
                cx.traitCalls.checkUse(l.v().memberRequirements, targs, loc);
                return new Typed.LocalRef(loc, t, l.v(), targs);
            }
            return Views.deref(new Typed.LocalRef(loc, l.v().type, l.v(), List.of()));
        }
        if (s instanceof Global g) {
            GlobalVal gv = g.g();
            gv.uses++;
            if (gv.literal && gv.literalValue != null) return new Typed.Const(loc, gv.scheme.type(), gv.literalValue);
            if (gv.scheme == null) {
                cx.diags.error(loc, "'" + gv.name + "' is used before its definition is complete");
                return new Typed.Error(loc, cx.errorType());
            }
            List<Type> targs = new ArrayList<>();
            Type t = cx.unifier.instantiate(gv.scheme, targs);
            cx.traitCalls.checkUse(gv.memberRequirements, targs, loc);
            return new Typed.GlobalRef(loc, t, gv, targs);
        }
        if (s instanceof CaseRef c) {
            List<Type> targs = new ArrayList<>();
            for (int k = 0; k < c.def().typeParams.size(); k++) targs.add(cx.fresh());
            Type ut = new Type.Named(c.def(), targs);
            List<TypeDefn.Field> fields = c.c().fields();
            if (fields.isEmpty()) return new Typed.UnionCase(loc, ut, c.def(), c.c().index(), List.of());
            // a case with fields used as a function value: fun (a, b) -> Case (a, b)
            List<Type> ft = new ArrayList<>();
            for (TypeDefn.Field f : fields) ft.add(Type.substParams(f.type(), targs));
            LocalVar p = new LocalVar("case", fields.size() == 1 ? ft.get(0) : new Type.Tuple(ft, false), false, loc);
            p.compilerGenerated = true;
            List<TExpr> args = new ArrayList<>();
            if (fields.size() == 1) args.add(new Typed.LocalRef(loc, p.type, p, List.of()));
            else {
                List<LocalVar> parts = new ArrayList<>();
                List<TPat> ps = new ArrayList<>();
                for (int k = 0; k < ft.size(); k++) {
                    LocalVar pv = new LocalVar("item" + k, ft.get(k), false, loc);
                    pv.compilerGenerated = true;
                    parts.add(pv);
                    ps.add(new Typed.PVar(loc, ft.get(k), pv));
                    args.add(new Typed.LocalRef(loc, ft.get(k), pv, List.of()));
                }
                TExpr body = new Typed.UnionCase(loc, ut, c.def(), c.c().index(), args);
                TExpr m = new Typed.Match(loc, ut, new Typed.LocalRef(loc, p.type, p, List.of()),
                        List.of(new Typed.Rule(loc, new Typed.PTuple(loc, p.type, ps), null, body)), true);
                return new Typed.Lambda(loc, new Type.Fun(p.type, ut), List.of(p), m);
            }
            return new Typed.Lambda(loc, new Type.Fun(p.type, ut), List.of(p), new Typed.UnionCase(loc, ut, c.def(), c.c().index(), args));
        }
        if (s instanceof EnumRef er) {
            return new Typed.Const(loc, new Type.Named(er.def(), List.of()), er.v().value());
        }
        if (s instanceof ActiveRef ar) return ar.result() ? cx.activePatterns.construct(ar, loc, List.of(), Scope.EMPTY) : cx.activePatterns.notAValue(ar, loc);
        Builtin b = ((BuiltinRef) s).b();
        return cx.builtins.builtinValue(b, loc, nameLoc);
    }

    TExpr inferApp(App a, Scope scope, Type hint) {
        List<Expr> args = new ArrayList<>();
        Expr head = a;
        while (head instanceof App ap) { args.add(0, ap.arg()); head = ap.fn(); }
        Expr h = head;
        while (h instanceof Paren p && !(p.inner() instanceof App)) h = p.inner();
        if (h instanceof Name n) {
            Names.Resolved r = cx.names.resolveValue(n.path(), n.locs(), scope, false);
            if (r != null && r.tupled() && r.used() == n.path().size()) args = untuple(args);
            if (r != null && r.used() == n.path().size() && r.sym() instanceof BuiltinRef br) return cx.builtins.applyBuiltinExpr(br.b(), n.loc(), args, scope);
            if (r != null && r.used() == n.path().size() && r.sym() instanceof CaseRef cr) return applyCase(cr, n.loc(), args, scope);
            if (r != null && r.used() == n.path().size() && r.sym() instanceof ActiveRef ar)
                return ar.result() ? cx.activePatterns.construct(ar, n.loc(), args, scope) : cx.activePatterns.notAValue(ar, n.loc());
            if (r == null && n.path().size() == 1 && Predef.isSpanName(n.path().get(0))
                    && cx.names.lookupUserType(n.path()) == null) {
                // Span arr and ReadOnlySpan(arr, 0, 4): a span's constructor with its element type inferred
                TExpr span = cx.exprs.infer(new New(a.loc(), new TName(n.loc(), n.path(), List.of()), args.get(0)), scope);
                return args.size() == 1 ? span : applyArgs(span, args.subList(1, args.size()), scope, a.loc());
            }
            if (r != null && r.used() < n.path().size() && Views.METHODS.contains(n.path().get(n.path().size() - 1))) {
                int last = n.path().size() - 1;
                TExpr target = inferName(new Name(n.loc(), n.path().subList(0, last), n.locs().subList(0, last)), scope);
                return applyMethod(target, n.path().get(last), n.locs().get(last), args, scope, a.loc());
            }
        }
        if (h instanceof DotGet d && Views.METHODS.contains(d.name())) {
            return applyMethod(cx.exprs.infer(d.target(), scope), d.name(), d.nameLoc(), args, scope, a.loc());
        }
        TExpr fn = cx.exprs.infer(head, scope);
        TExpr result = applyArgs(fn, args, scope, a.loc());
        // a type that doubles at each call ((x, x) nested 40 times) is refused here, in bounded time
        if (Type.largerThan(result.type(), Type.MAX_PARTS))
            throw cx.diags.fatal(a.loc(), "the type of this expression has more than " + Type.MAX_PARTS + " parts: its values could not be stored or compiled");
        // a function returning a byref: its call is read through, as in F# (&f x keeps the byref)
        return Views.deref(result);
    }

    /** target.name args: a method of Views (on strings, arrays and spans), or a member applied to them. */
    private TExpr applyMethod(TExpr target, String name, Loc nameLoc, List<Expr> args, Scope scope, Loc loc) {
        if (!(target instanceof Typed.Error) && cx.views.isMethod(target.type(), name)) return cx.views.method(target, name, nameLoc, args, scope, loc);
        return applyArgs(cx.members.member(target, name, nameLoc), args, scope, loc);
    }

    /** A static property: its getter called with unit, each time it is read (as in F#). */
    private TExpr applyUnit(TExpr getter, Loc loc) {
        Type t = Type.prune(getter.type());
        if (!(t instanceof Type.Fun f)) return getter;
        return new Typed.App(loc, f.result(), getter, List.of(new Typed.Const(loc, Type.UNIT, null)));
    }

    /** Math.Max(a, b): a .NET static method's tuple argument is its parameters, in order. */
    static List<Expr> untuple(List<Expr> args) {
        if (args.isEmpty()) return args;
        Expr first = args.get(0);
        while (first instanceof Paren p) first = p.inner();
        if (!(first instanceof Ast.Tuple t) || t.struct()) return args;
        List<Expr> out = new ArrayList<>(t.elems());
        out.addAll(args.subList(1, args.size()));
        return out;
    }

    TExpr applyArgs(TExpr fn, List<Expr> args, Scope scope, Loc loc) {
        List<TExpr> targs = new ArrayList<>();
        Type t = fn.type();
        for (Expr arg : args) {
            Type pt = Type.prune(t);
            if (pt instanceof Type.Var v) {
                Type.Var p = cx.fresh(), r = cx.fresh();
                cx.unifier.unify(v, new Type.Fun(p, r));
                pt = Type.prune(v);
            }
            if (!(pt instanceof Type.Fun f)) {
                if (!(fn instanceof Typed.Error)) cx.diags.error(SyntaxFacts.startLoc(arg), "this value is not a function and cannot be applied");
                return new Typed.Error(loc, cx.errorType());
            }
            targs.add(cx.exprs.check(arg, f.arg(), scope));
            t = f.result();
        }
        if (fn instanceof Typed.App inner) {
            List<TExpr> all = new ArrayList<>(inner.args());
            all.addAll(targs);
            return new Typed.App(inner.loc(), t, inner.fn(), all);
        }
        return new Typed.App(fn.loc(), t, fn, targs);
    }

    TExpr applyCase(CaseRef cr, Loc loc, List<Expr> args, Scope scope) {
        TypeDefn d = cr.def();
        TypeDefn.Case c = cr.c();
        List<Type> targs = cx.names.freshArgs(d);
        Type ut = new Type.Named(d, targs);
        if (c.fields().isEmpty()) {
            cx.diags.error(SyntaxFacts.startLoc(args.get(0)), "the union case '" + c.name() + "' takes no arguments");
            return new Typed.Error(loc, cx.errorType());
        }
        Expr arg = args.get(0);
        Expr inner = arg;
        while (inner instanceof Paren p) inner = p.inner();
        List<TExpr> vals = new ArrayList<>();
        int n = c.fields().size();
        if (n == 1) {
            vals.add(cx.exprs.check(arg, Type.substParams(c.fields().get(0).type(), targs), scope));
        } else if (inner instanceof Ast.Tuple tu && tu.elems().size() == n && SyntaxFacts.isNamedArgs(tu.elems())) {
            TExpr[] slots = new TExpr[n];
            for (Expr el : tu.elems()) {
                Infix eq = (Infix) el;
                String fname = ((Name) eq.left()).path().get(0);
                int idx = -1;
                for (int k = 0; k < n; k++) if (c.fields().get(k).name().equals(fname)) idx = k;
                if (idx < 0) { cx.diags.error(eq.left().loc(), "the union case '" + c.name() + "' has no field named '" + fname + "'"); continue; }
                if (slots[idx] != null) cx.diags.error(eq.left().loc(), "the field '" + fname + "' is given twice");
                slots[idx] = cx.exprs.check(eq.right(), Type.substParams(c.fields().get(idx).type(), targs), scope);
            }
            for (int k = 0; k < n; k++) {
                if (slots[k] == null) { cx.diags.error(arg.loc(), "the field '" + c.fields().get(k).name() + "' of union case '" + c.name() + "' is not given"); slots[k] = new Typed.Error(loc, cx.errorType()); }
                vals.add(slots[k]);
            }
        } else if (inner instanceof Ast.Tuple tu && tu.elems().size() == n) {
            for (int k = 0; k < n; k++) vals.add(cx.exprs.check(tu.elems().get(k), Type.substParams(c.fields().get(k).type(), targs), scope));
        } else {
            cx.diags.error(SyntaxFacts.startLoc(arg), "the union case '" + c.name() + "' expects " + n + " arguments in tupled form");
            return new Typed.Error(loc, cx.errorType());
        }
        TExpr res = new Typed.UnionCase(loc, ut, d, c.index(), vals);
        if (args.size() > 1) return applyArgs(res, args.subList(1, args.size()), scope, loc);
        return res;
    }

    TExpr inferTypeApp(TypeApp ta, Scope scope) {
        Expr fn = ta.fn();
        if (fn instanceof Name n && TraitCalls.isGenericConstant(n.path()) && ta.args().size() == 1)
            return cx.traitCalls.generic(n.path().get(1), n.loc(), cx.typeExprs.resolveTypeExpr(ta.args().get(0), null, true));
        if (fn instanceof Name n) {
            Names.Resolved r = cx.names.resolveValue(n.path(), n.locs(), scope, true);
            if (r == null) return new Typed.Error(ta.loc(), cx.errorType());
            List<Type> given = new ArrayList<>();
            for (TypeExpr t : ta.args()) given.add(cx.typeExprs.resolveTypeExpr(t, null, true));
            if (r.sym() instanceof BuiltinRef br) {
                if (br.b() == Builtin.ARRAY_ZEROCREATE && given.size() == 1) {
                    TExpr v = cx.builtins.builtinValue(br.b(), n.loc(), n.loc());
                    cx.unifier.expect(ta.loc(), v.type(), new Type.Fun(Type.INT, new Type.Array(given.get(0))));
                    return v;
                }
                if (br.b() == Builtin.TO_ENUM && given.size() == 1) {
                    Type target = given.get(0);
                    if (!(Type.prune(target) instanceof Type.Named nd && nd.def().kind == TypeDefn.Kind.ENUM)) {
                        cx.diags.error(ta.loc(), "'enum' needs an enum type argument");
                    }
                    TExpr v = cx.builtins.builtinValue(br.b(), n.loc(), n.loc());
                    cx.unifier.expect(ta.loc(), v.type(), new Type.Fun(Type.INT, target));
                    return v;
                }
            }
            TExpr v = r.sym() == null ? new Typed.Const(n.loc(), r.constType(), r.constant()) : symbolValue(r.sym(), n.loc(), n.loc());
            List<Type> targs = v instanceof Typed.GlobalRef g ? g.typeArgs() : v instanceof Typed.LocalRef l ? l.typeArgs() : List.of();
            if (targs.size() >= given.size()) {
                for (int k = 0; k < given.size(); k++) cx.unifier.expect(ta.loc(), targs.get(k), given.get(k));
            } else cx.diags.error(ta.loc(), "this value takes " + targs.size() + " type argument(s) but is given " + given.size());
            return v;
        }
        cx.diags.error(ta.loc(), "explicit type arguments are only allowed on names");
        return cx.exprs.infer(fn, scope);
    }
}
