// Statically resolved member constraints: a call (^T : (static member Zero : ^T) ()) or
// (^a : (member Length : int) x), and LanguagePrimitives.GenericZero/GenericOne, typed from the
// member's signature; lowering resolves the member once the inline function is expanded at a type.
package org.fidembed.typeck;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.Predef;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Symbols.MemberRequirement;
import org.fidembed.types.TreeWalk;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Scope;

import java.util.ArrayList;
import java.util.List;

final class TraitCalls {
    private final CheckContext cx;

    TraitCalls(CheckContext cx) { this.cx = cx; }

    TExpr check(TraitCall tc, Scope scope) {
        if (tc.supports().size() > 1) {
            cx.diags.error(tc.loc(), "member constraints on several types, (^T or ^U : ...), are not supported yet");
            return new Typed.Error(tc.loc(), cx.errorType());
        }
        Type support = cx.typeExprs.resolveTypeExpr(tc.supports().get(0), null, true);
        MemberSig sig = tc.sig();
        String name = MemberDefs.isOperator(sig.name()) ? MemberDefs.operatorName(sig.name()) : sig.name();
        Type mt = cx.typeExprs.resolveTypeExpr(sig.type(), null, true);
        List<TExpr> args = new ArrayList<>();
        Type result = mt;
        Type.Fun method = Type.prune(mt) instanceof Type.Fun f ? f : null;
        if (sig.isStatic()) {
            if (method != null) { args.add(cx.exprs.check(tc.arg(), method.arg(), scope)); result = method.result(); }
            else cx.exprs.check(tc.arg(), Type.UNIT, scope);
        } else if (method == null) {
            args.add(cx.exprs.check(tc.arg(), support, scope));
        } else {
            // (x, a, b): the instance, then the method's argument
            Expr inner = tc.arg();
            while (inner instanceof Paren p) inner = p.inner();
            if (!(inner instanceof Ast.Tuple t) || t.elems().size() < 2) {
                cx.diags.error(SyntaxFacts.startLoc(tc.arg()), "a call of an instance member constraint takes the instance and the arguments as a tuple: (x, a)");
                return new Typed.Error(tc.loc(), cx.errorType());
            }
            args.add(cx.exprs.check(t.elems().get(0), support, scope));
            List<Expr> rest = t.elems().subList(1, t.elems().size());
            Expr restE = rest.size() == 1 ? rest.get(0) : new Ast.Tuple(rest.get(0).loc(), rest, false);
            args.add(cx.exprs.check(restE, method.arg(), scope));
            result = method.result();
        }
        return checkLater(new Typed.TraitCall(tc.loc(), result, support, name, sig.isStatic(), method == null, args, null));
    }

    /**
     * The member constraints of a generalised inline function: its own calls on its type parameters,
     * and those of the inline functions it calls at them.
     */
    void collectRequirements(GlobalVal g) {
        if (g.inline && g.body != null && !g.scheme.vars().isEmpty()) g.memberRequirements = requirements(g.body, g.scheme.vars());
    }

    /** The same for a local inline function (its scheme, when it has one). */
    void collectRequirements(LocalVar v, TExpr body) {
        if (v.scheme != null) v.memberRequirements = requirements(body, v.scheme.vars());
    }

    private List<MemberRequirement> requirements(TExpr body, List<Type.Var> vars) {
        List<MemberRequirement> out = new ArrayList<>();
        collect(body, vars, out);
        return List.copyOf(out);
    }

    private void collect(TExpr e, List<Type.Var> vars, List<MemberRequirement> out) {
        if (e instanceof Typed.TraitCall t && t.builtin() == null) {
            int k = indexOf(vars, t.support());
            if (k >= 0) out.add(new MemberRequirement(k, t.member(), t.isStatic(), t.property()));
        }
        if (e instanceof Typed.GlobalRef r && r.g().inline) passOn(r.g().memberRequirements, r.typeArgs(), vars, out);
        if (e instanceof Typed.LocalRef r) passOn(r.v().memberRequirements, r.typeArgs(), vars, out);
        TreeWalk.children(e, c -> collect(c, vars, out));
    }

    /** What a called inline function requires of its type arguments that are the caller's own parameters. */
    private static void passOn(List<MemberRequirement> reqs, List<Type> targs, List<Type.Var> vars, List<MemberRequirement> out) {
        for (MemberRequirement q : reqs) {
            int k = q.typeParam() < targs.size() ? indexOf(vars, targs.get(q.typeParam())) : -1;
            if (k >= 0) out.add(new MemberRequirement(k, q.member(), q.isStatic(), q.property()));
        }
    }

    private static int indexOf(List<Type.Var> vars, Type t) {
        Type p = Type.prune(t);
        for (int k = 0; k < vars.size(); k++) if (vars.get(k) == p) return k;
        return -1;
    }

    /** A use of an inline function at type arguments: each must have the members it requires (checked once types are known). */
    void checkUse(List<MemberRequirement> reqs, List<Type> targs, Loc loc) {
        if (reqs.isEmpty()) return;
        cx.deferred.add(() -> {
            for (MemberRequirement q : reqs) {
                Type t = Type.prune(targs.get(q.typeParam()));
                if (t instanceof Type.Var || Type.touchesError(t)) continue;
                if (!require(t, q, loc)) return;
            }
        });
    }

    /** LanguagePrimitives.GenericZero and GenericOne: the static member Zero or One of the type asked for. */
    TExpr generic(String which, Loc loc, Type t) {
        return checkLater(new Typed.TraitCall(loc, t, t, which.equals("GenericZero") ? "Zero" : "One", true, true, List.of(), null));
    }

    /** A call whose type is known once the declaration is checked (outside an inline function's own parameters). */
    private TExpr checkLater(Typed.TraitCall t) {
        cx.deferred.add(() -> {
            Type s = Type.prune(t.support());
            if (!(s instanceof Type.Var) && !Type.touchesError(s)) require(s, new MemberRequirement(0, t.member(), t.isStatic(), t.property()), t.loc());
        });
        return t;
    }

    /** Reports (once) that t lacks what q asks for; true when it has it. */
    private boolean require(Type t, MemberRequirement q, Loc loc) {
        if (Predef.hasMember(t, q.member(), q.isStatic(), q.property())) return true;
        if (t instanceof Type.Prim && q.member().startsWith("op_"))
            cx.diags.error(loc, "an operator of a primitive type called through a member constraint ('" + q.member() + "') is not supported yet; use the operator itself");
        else cx.diags.error(loc, "the type '" + Type.show(t) + "' does not support the operator '" + q.fsName() + "'");
        return false;
    }

    /**
     * a + b where a's type is still unknown and some type defines the operator: a member constraint, so
     * an inline function serves the numeric types and the types that define it alike.
     */
    TExpr operator(Typed.Prim builtin, String member) {
        Type t = builtin.args().get(0).type();
        if (!(Type.prune(t) instanceof Type.Var)) return builtin;
        return new Typed.TraitCall(builtin.loc(), builtin.type(), t, member, true, false, builtin.args(), builtin);
    }

    static boolean isGenericConstant(List<String> path) {
        return path.size() == 2 && path.get(0).equals("LanguagePrimitives") && (path.get(1).equals("GenericZero") || path.get(1).equals("GenericOne"));
    }
}
