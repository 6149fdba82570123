// Infix and prefix operators: pipes, boolean connectives, arithmetic, comparison and bitwise builtins,
// user-defined operators shadowing them, and the rejected list operators and string concatenation.
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

final class Operators {
    private final CheckContext cx;

    Operators(CheckContext cx) { this.cx = cx; }

    TExpr operatorValue(String op, Loc loc, Scope scope) {
        ValueSym s = scope.lookup(op);
        if (s == null) s = cx.names.lookupUnqualified(op);
        if (s != null) return cx.calls.symbolValue(s, loc, loc);
        Builtin b = Predef.OPERATORS.get(op);
        if (b != null) return cx.builtins.builtinValue(b, loc, loc);
        if (op.equals("::") || op.equals("@")) { cx.diags.error(loc, "lists allocate on a heap; use a fixed-size array"); return new Typed.Error(loc, cx.errorType()); }
        cx.diags.error(loc, "the operator '" + op + "' is not defined");
        return new Typed.Error(loc, cx.errorType());
    }

    TExpr inferInfix(Infix i, Scope scope) {
        String op = i.op();
        TExpr special = syntacticInfix(i, scope);
        if (special != null) return special;
        // a user-defined (or prelude) operator shadows the builtin
        ValueSym user = scope.lookup(op);
        if (user == null) user = cx.names.lookupUnqualified(op);
        Builtin b = Predef.OPERATORS.get(op);
        if (user != null && !(user instanceof BuiltinRef)) {
            TExpr f = cx.calls.symbolValue(user, i.loc(), i.loc());
            return cx.calls.applyArgs(f, List.of(i.left(), i.right()), scope, i.loc());
        }
        if (b == null) {
            cx.diags.error(i.loc(), "the operator '" + op + "' is not defined");
            return new Typed.Error(i.loc(), cx.errorType());
        }
        TExpr l = cx.exprs.infer(i.left(), scope);
        Type lt = l.type();
        // an operator a record or union defines (static member (+)), on either operand's type
        String memberName = MemberDefs.operatorName(op);
        TypeDefn.Member mem = operatorMember(lt, memberName);
        TExpr pre = null;
        if (mem == null && Type.prune(lt) instanceof Type.Prim && someTypeDefines(memberName)) {
            pre = cx.exprs.infer(i.right(), scope);
            mem = operatorMember(pre.type(), memberName);
        }
        if (mem != null) return applyOperator(mem, l, i.right(), pre, i.loc(), scope);
        return builtinInfix(b, i, l, pre, scope);
    }

    /** The operators that are syntax rather than functions (pipes, && and ||, list operators); null for the others. */
    private TExpr syntacticInfix(Infix i, Scope scope) {
        String op = i.op();
        switch (op) {
            case "|>": {
                TExpr x = cx.exprs.infer(i.left(), scope);
                return pipe(i.right(), List.of(x), List.of(i.left()), scope, i.loc());
            }
            case "||>": case "|||>": {
                int n = op.equals("||>") ? 2 : 3;
                Expr l = i.left();
                while (l instanceof Paren p) l = p.inner();
                if (!(l instanceof Ast.Tuple tu) || tu.elems().size() != n) {
                    cx.diags.error(SyntaxFacts.startLoc(i.left()), "'" + op + "' needs a tuple of " + n + " on its left");
                    return new Typed.Error(i.loc(), cx.errorType());
                }
                List<TExpr> xs = new ArrayList<>();
                for (Expr el : tu.elems()) xs.add(cx.exprs.infer(el, scope));
                return pipe(i.right(), xs, tu.elems(), scope, i.loc());
            }
            case "<|": {
                TExpr f = cx.exprs.infer(i.left(), scope);
                return cx.calls.applyArgs(f, List.of(i.right()), scope, i.loc());
            }
            case "&&": case "||": {
                TExpr l = cx.exprs.check(i.left(), Type.BOOL, scope);
                TExpr r = cx.exprs.check(i.right(), Type.BOOL, scope);
                return new Typed.Prim(i.loc(), Type.BOOL, op.equals("&&") ? Builtin.AND : Builtin.OR, List.of(l, r), List.of());
            }
            case "::": case "@":
                cx.diags.error(i.loc(), "lists allocate on a heap; use a fixed-size array");
                return new Typed.Error(i.loc(), cx.errorType());
            default: return null;
        }
    }

    /** A builtin arithmetic, bitwise or comparison operator on l (inferred) and the right operand (pre, when inferred already). */
    private TExpr builtinInfix(Builtin b, Infix i, TExpr l, TExpr pre, Scope scope) {
        String op = i.op();
        Type lt = l.type();
        TExpr r;
        switch (b) {
            case SHL, SHR -> {
                cx.unifier.requireTrait(lt, Trait.INTEGRAL, i.loc(), op);
                r = cx.exprs.check(i.right(), Type.INT, scope);
                return new Typed.Prim(i.loc(), lt, b, List.of(l, r), List.of(lt));
            }
            case POW -> {
                r = rightOperand(i.right(), lt, pre, scope);
                cx.unifier.requireTrait(lt, Trait.FLOATING, i.loc(), op);
                return new Typed.Prim(i.loc(), lt, b, List.of(l, r), List.of(lt));
            }
            case MUL, DIV -> {
                if (pre == null && Type.prune(lt) instanceof Type.Var lv && !lv.isMeasure) {
                    // the left's type is not known yet (say, a fold's accumulator): a right operand with a unit
                    // gives it its kind and a unit of its own, which F#, resolving the operator later, settles the same way
                    pre = cx.exprs.infer(i.right(), scope);
                    if (Type.prune(pre.type()) instanceof Type.Prim rp && rp.kind().isNumeric() && rp.measure() != null && !Measures.isOne(rp.measure())) {
                        Type.Var unit = cx.fresh();
                        unit.isMeasure = true;
                        cx.unifier.expect(l.loc(), lt, new Type.Prim(rp.kind(), unit));
                    }
                }
                if (Type.prune(lt) instanceof Type.Prim lp && lp.kind().isNumeric()) {
                    // the units multiply and divide: the right operand has the left's kind, with any unit
                    Type.Var unit = cx.fresh();
                    unit.isMeasure = true;
                    r = rightOperand(i.right(), new Type.Prim(lp.kind(), unit), pre, scope);
                    cx.unifier.requireTrait(lt, Trait.ARITH, i.loc(), op);
                    Type res = Measures.primOf(lp.kind(), b == Builtin.MUL ? Measures.mul(lp.measure(), unit) : Measures.div(lp.measure(), unit));
                    return new Typed.Prim(i.loc(), res, b, List.of(l, r), List.of(Type.prim(lp.kind())));
                }
                r = rightOperand(i.right(), lt, pre, scope);
                cx.unifier.requireTrait(lt, Trait.ARITH, i.loc(), op);
                return byMember(new Typed.Prim(i.loc(), lt, b, List.of(l, r), List.of(lt)), MemberDefs.operatorName(op));
            }
            case ADD, SUB, MOD, BAND, BOR, BXOR -> {
                r = rightOperand(i.right(), lt, pre, scope);
                Trait tr = b == Builtin.ADD ? Trait.ADD : (b == Builtin.BAND || b == Builtin.BOR || b == Builtin.BXOR) ? Trait.INTEGRAL : Trait.ARITH;
                cx.unifier.requireTrait(lt, tr, i.loc(), op);
                if (b == Builtin.ADD) deferStringConcat(i, l, r);
                return byMember(new Typed.Prim(i.loc(), lt, b, List.of(l, r), List.of(lt)), MemberDefs.operatorName(op));
            }
            case EQ, NE, LT, LE, GT, GE -> {
                r = rightOperand(i.right(), lt, pre, scope);
                cx.unifier.requireTrait(lt, b == Builtin.EQ || b == Builtin.NE ? Trait.EQUALITY : Trait.COMPARISON, i.loc(), op);
                return new Typed.Prim(i.loc(), Type.BOOL, b, List.of(l, r), List.of(lt));
            }
            default -> throw new IllegalStateException(op);
        }
    }

    /** The right operand of a builtin operator: checked against the left's type (or, inferred already, compared). */
    private TExpr rightOperand(Expr right, Type want, TExpr pre, Scope scope) {
        if (pre == null) return cx.exprs.check(right, want, scope);
        cx.unifier.expect(SyntaxFacts.startLoc(right), want, pre.type());
        return pre;
    }

    private static TypeDefn.Member operatorMember(Type t, String name) {
        if (!(Type.prune(t) instanceof Type.Named n)) return null;
        TypeDefn.Member m = n.def().members.get(name);
        return m != null && m.isStatic() ? m : null;
    }

    /** An arithmetic operator on a type not known yet: a member constraint when some type defines it. */
    private TExpr byMember(Typed.Prim p, String memberName) {
        return someTypeDefines(memberName) ? cx.traitCalls.operator(p, memberName) : p;
    }

    private boolean someTypeDefines(String member) {
        for (TypeDefn d : cx.allTypes) if (d.members.containsKey(member)) return true;
        return false;
    }

    /** a + b with static member (+): the member called with (a, b), or curried, as it is defined. */
    private TExpr applyOperator(TypeDefn.Member mem, TExpr l, Expr right, TExpr pre, Loc loc, Scope scope) {
        TExpr fn = cx.calls.symbolValue(new Global(mem.fn()), loc, loc);
        Type ft = Type.prune(fn.type());
        if (!(ft instanceof Type.Fun f)) return new Typed.Error(loc, cx.errorType());
        Type p = Type.prune(f.arg());
        if (p instanceof Type.Tuple tu && tu.elems().size() == 2) {
            cx.unifier.expect(loc, tu.elems().get(0), l.type());
            TExpr r = rightOperand(right, tu.elems().get(1), pre, scope);
            TExpr pair = new Typed.Tuple(loc, new Type.Tuple(List.of(l.type(), r.type()), false), List.of(l, r));
            return new Typed.App(loc, f.result(), fn, List.of(pair));
        }
        if (!(Type.prune(f.result()) instanceof Type.Fun f2)) return new Typed.Error(loc, cx.errorType());
        cx.unifier.expect(loc, f.arg(), l.type());
        TExpr r = rightOperand(right, f2.arg(), pre, scope);
        return new Typed.App(loc, f2.result(), fn, List.of(l, r));
    }

    void deferStringConcat(Infix i, TExpr l, TExpr r) {
        cx.deferred.add(() -> {
            if (Type.isPrim(l.type(), PrimKind.STRING) && (ConstEval.eval(l) == null || ConstEval.eval(r) == null)) {
                cx.diags.error(i.loc(), "building strings needs a heap; print the parts with printf");
            }
        });
    }

    /** x |> f, (a, b) ||> f: apply f to already-checked arguments (checked first, for inference). */
    TExpr pipe(Expr fnExpr, List<TExpr> xs, List<Expr> xExprs, Scope scope, Loc loc) {
        // f may be a partial application: its own arguments come first
        Type r = cx.fresh();
        Type want = r;
        for (int k = xs.size() - 1; k >= 0; k--) want = new Type.Fun(xs.get(k).type(), want);
        Expr fe = fnExpr;
        while (fe instanceof Paren p && !(p.inner() instanceof Lambda)) fe = p.inner();
        // printf-like and union cases on the right of a pipe: build the call with the piped values
        TExpr f = cx.exprs.check(fnExpr, want, scope);
        if (f instanceof Typed.Error) return new Typed.Error(loc, r);
        if (f instanceof Typed.App app) {
            List<TExpr> all = new ArrayList<>(app.args());
            all.addAll(xs);
            return new Typed.App(app.loc(), r, app.fn(), all);
        }
        return new Typed.App(loc, r, f, xs);
    }

    TExpr inferPrefix(Prefix p, Scope scope, Type hint) {
        if (p.op().equals("&") || p.op().equals("&&")) return cx.views.addressOf(p, scope, hint);
        TExpr x = cx.exprs.infer(p.operand(), scope);
        switch (p.op()) {
            case "-", "-." -> {
                TypeDefn.Member neg = operatorMember(x.type(), "op_UnaryNegation");
                if (neg != null) {
                    TExpr fn = cx.calls.symbolValue(new Global(neg.fn()), p.loc(), p.loc());
                    if (Type.prune(fn.type()) instanceof Type.Fun f) {
                        cx.unifier.expect(p.loc(), f.arg(), x.type());
                        return new Typed.App(p.loc(), f.result(), fn, List.of(x));
                    }
                }
                cx.unifier.requireTrait(x.type(), Trait.NEG, p.loc(), "-");
                if (x instanceof Typed.Const c && c.value() instanceof Double d) return new Typed.Const(p.loc(), c.type(), -d);
                if (x instanceof Typed.Const c && c.value() instanceof Float d) return new Typed.Const(p.loc(), c.type(), -d);
                return new Typed.Prim(p.loc(), x.type(), Builtin.NEG, List.of(x), List.of(x.type()));
            }
            case "~~~" -> {
                cx.unifier.requireTrait(x.type(), Trait.INTEGRAL, p.loc(), "~~~");
                return new Typed.Prim(p.loc(), x.type(), Builtin.BNOT, List.of(x), List.of(x.type()));
            }
            default -> { cx.diags.error(p.loc(), "the prefix operator '" + p.op() + "' is not supported by fid-embed"); return new Typed.Error(p.loc(), cx.errorType()); }
        }
    }
}
