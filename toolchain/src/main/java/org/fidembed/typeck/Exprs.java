// The core of expression checking: check (an expected type, mismatches reported at the innermost
// expression) and infer (dispatching on the construct), statements, tuples, arrays and loops.
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

final class Exprs {
    private final CheckContext cx;

    Exprs(CheckContext cx) { this.cx = cx; }

    /** Checks that e has the expected type; mismatches are reported at the innermost expression. */
    public TExpr check(Expr e, Type expected, Scope scope) {
        if (e instanceof Paren p) {
            TExpr inner = check(p.inner(), expected, scope);
            return inner;
        }
        if (e instanceof If i) return cx.control.checkIf(i, expected, scope);
        if (e instanceof Match m) {
            TExpr scrut = infer(m.scrutinee(), scope);
            return cx.control.checkRules(m.loc(), scrut, m.rules(), expected, scope);
        }
        if (e instanceof LetIn l) return cx.control.checkLetIn(l, expected, scope);
        if (e instanceof Seq s) {
            TExpr first = checkStatement(s.first(), scope);
            TExpr second = check(s.second(), expected, scope);
            return new Typed.Seq(s.loc(), second.type(), first, second);
        }
        if (e instanceof Lambda l) return cx.control.checkLambda(l, expected, scope);
        if (e instanceof Function f) {
            Type argT = cx.fresh(), resT = cx.fresh();
            cx.unifier.expect(f.loc(), expected, new Type.Fun(argT, resT));
            LocalVar p = new LocalVar("arg", argT, false, f.loc());
            p.compilerGenerated = true;
            Scope s2 = scope.with(p.name, new Local(p));
            TExpr m = cx.control.checkRules(f.loc(), new Typed.LocalRef(f.loc(), argT, p, List.of()), f.rules(), resT, s2);
            return new Typed.Lambda(f.loc(), new Type.Fun(argT, resT), List.of(p), m);
        }
        if (e instanceof Const c && c.lit() instanceof IntLit il && Type.prune(expected) instanceof Type.Prim) {
            // fall through to the general path; literals have fixed types (no implicit conversion)
        }
        TExpr te = infer(e, scope, expected);
        cx.unifier.expect(SyntaxFacts.startLoc(e), expected, te.type());
        return te;
    }

    /** A statement in a sequence: its value is discarded (a warning unless it is unit). */
    TExpr checkStatement(Expr e, Scope scope) {
        Type t = cx.fresh();
        TExpr te = check(e, t, scope);
        Type r = Type.prune(te.type());
        if (r instanceof Type.Var) {
            try { cx.unifier.unify(r, Type.UNIT); } catch (Unifier.Mismatch | Unifier.TraitFailure ex) { /* cannot happen */ }
        } else if (!Type.isPrim(r, PrimKind.UNIT) && !(te instanceof Typed.Error)) {
            cx.diags.warning(SyntaxFacts.startLoc(e), "the result of this expression has type '" + Type.show(r) + "' and is implicitly ignored; use 'ignore' or 'let _ ='");
        }
        return te;
    }

    TExpr infer(Expr e, Scope scope) { return infer(e, scope, null); }

    TExpr infer(Expr e, Scope scope, Type hint) {
        if (e instanceof Const c && c.lit() instanceof BytesLit bl) return infer(Comprehensions.bytes(c.loc(), bl), scope, hint);
        if (e instanceof Const c) return cx.literals.literal(c.lit(), c.loc());
        if (e instanceof Name n) return cx.calls.inferName(n, scope);
        if (e instanceof Paren p) return infer(p.inner(), scope, hint);
        if (e instanceof App a) return cx.calls.inferApp(a, scope, hint);
        if (e instanceof Infix i) return cx.ops.inferInfix(i, scope);
        if (e instanceof Prefix p) return cx.ops.inferPrefix(p, scope, hint);
        if (e instanceof Ast.Tuple t) return tuple(t, scope, hint);
        if (e instanceof ArrayLit al) return arrayLiteral(al, scope, hint);
        if (e instanceof Index ix) return cx.members.inferIndex(ix, scope);
        if (e instanceof DotGet d) {
            TExpr target = infer(d.target(), scope);
            return cx.members.member(target, d.name(), d.nameLoc());
        }
        if (e instanceof RecordExpr r) return cx.members.inferRecord(r, scope, hint);
        if (e instanceof Lambda || e instanceof Function || e instanceof If || e instanceof Match || e instanceof LetIn || e instanceof Seq) {
            Type t = hint != null ? hint : cx.fresh();
            return check(e, t, scope);
        }
        if (e instanceof While w) {
            TExpr c = check(w.cond(), Type.BOOL, scope);
            TExpr b = checkStatement(w.body(), scope);
            return new Typed.While(w.loc(), Type.UNIT, c, b);
        }
        if (e instanceof ForTo f) return forTo(f, scope);
        if (e instanceof ForIn f) return cx.control.inferForIn(f, scope);
        if (e instanceof Assign a) return cx.members.inferAssign(a, scope);
        if (e instanceof Ast.Typed t) {
            Type want = cx.typeExprs.resolveTypeExpr(t.type(), null, true);
            return check(t.expr(), want, scope);
        }
        if (e instanceof TypeApp ta) return cx.calls.inferTypeApp(ta, scope);
        if (e instanceof OpValue ov) return cx.ops.operatorValue(ov.op(), ov.loc(), scope);
        if (e instanceof Range r) {
            cx.diags.error(r.loc(), "sequences allocate on a heap; use a for loop or the Array module");
            return new Typed.Error(r.loc(), cx.errorType());
        }
        if (e instanceof ArrayComp ac) return infer(Comprehensions.desugar(ac, cx.diags), scope, hint);
        if (e instanceof Slice sl) return cx.members.inferSlice(sl, scope);
        if (e instanceof TraitCall tc) return cx.traitCalls.check(tc, scope);
        if (e instanceof New n) return newObject(n, scope);
        if (e instanceof Yield y) {
            cx.diags.error(y.loc(), "'yield' belongs in an array comprehension such as [| for i in 0 .. 9 -> i * i |]; sequences allocate on a heap");
            return new Typed.Error(y.loc(), cx.errorType());
        }
        if (e instanceof ErrorExpr x) return new Typed.Error(x.loc(), cx.errorType());
        if (e instanceof Measured m) return measured(m, scope);
        if (e instanceof Unsupported u) {
            cx.diags.error(u.loc(), u.message());
            return new Typed.Error(u.loc(), cx.errorType());
        }
        throw new IllegalStateException("unexpected expression " + e.getClass().getSimpleName());
    }

    /** A tuple, each element checked against the hint's element type when the hint is a tuple of that size. */
    private TExpr tuple(Ast.Tuple t, Scope scope, Type hint) {
        List<TExpr> el = new ArrayList<>();
        List<Type> ts = new ArrayList<>();
        Type h = hint == null ? null : Type.prune(hint);
        for (int k = 0; k < t.elems().size(); k++) {
            Type et = h instanceof Type.Tuple ht && ht.elems().size() == t.elems().size() ? ht.elems().get(k) : cx.fresh();
            TExpr x = check(t.elems().get(k), et, scope);
            el.add(x);
            ts.add(x.type());
        }
        return new Typed.Tuple(t.loc(), new Type.Tuple(ts, t.struct()), el);
    
    }

    /** An array literal: one element type for all, from the hint when it is an array. */
    private TExpr arrayLiteral(ArrayLit al, Scope scope, Type hint) {
        Type elem = cx.fresh();
        Type h = hint == null ? null : Type.prune(hint);
        if (h instanceof Type.Array ha) elem = ha.elem();
        List<TExpr> el = new ArrayList<>();
        for (Expr x : al.elems()) el.add(check(x, elem, scope));
        if (al.elems().size() > 100_000) cx.diags.error(al.loc(), "this array literal has " + al.elems().size() + " elements; fid-embed accepts at most 100000 in one literal");
        return new Typed.ArrayLit(al.loc(), new Type.Array(elem), el);
    
    }

    /** for i = a to b (or downto): int bounds, the body a statement with i in scope. */
    private TExpr forTo(ForTo f, Scope scope) {
        TExpr from = check(f.from(), Type.INT, scope);
        TExpr to = check(f.to(), Type.INT, scope);
        LocalVar v = new LocalVar(f.var(), Type.INT, false, f.varLoc());
        TExpr body = checkStatement(f.body(), scope.with(f.var(), new Local(v)));
        return new Typed.For(f.loc(), Type.UNIT, v, from, null, to, f.down(), body);
    
    }

    /** 250<ms>, -9.81<m/s^2>: a numeric literal with a unit (erased in code). */
    private TExpr measured(Measured m, Scope scope) {
        TExpr lit = infer(m.literal(), scope);
        if (!(lit instanceof Typed.Const c) || !(Type.prune(c.type()) instanceof Type.Prim p) || !p.kind().isNumeric()) {
            cx.diags.error(m.loc(), "a unit of measure needs a numeric literal before it");
            return lit;
        }
        Type unit = cx.typeExprs.resolveMeasure(m.measure(), null, true);
        return new Typed.Const(c.loc(), Measures.primOf(p.kind(), unit), c.value());
    }

    /** new T(args) and T(args) of a .NET type: objects are not in the language, spans are (Views). */
    private TExpr newObject(New n, Scope scope) {
        String name = n.type() instanceof TName tn ? String.join(".", tn.path()) : "this type";
        String last = name.substring(name.lastIndexOf('.') + 1);
        TypeDefn span = Predef.isSpanName(last) ? cx.predef.stackOnlyByName(last) : null;
        if (span != null && cx.names.lookupUserType(List.of(last)) == null) return cx.views.construct(n, span, scope);
        String rej = Predef.rejectedName(List.of(name.split("\\.")));
        cx.diags.error(n.loc(), rej != null ? rej : org.fidembed.ast.Rejections.CLASSES);
        return new Typed.Error(n.loc(), cx.errorType());
    }
}
