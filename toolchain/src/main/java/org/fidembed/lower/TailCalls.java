// A function body in tail position: branches and lets pass the position on, a full call of a
// function of this IR function (itself, or a member of its merged group) becomes a jump to its
// body, and anything else is returned.
package org.fidembed.lower;

import org.fidembed.rules.Finding;
import org.fidembed.lower.Env.FnBind;
import org.fidembed.lower.Env.LocalFn;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.FunctionBuilder.Label;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class TailCalls {
    private TailCalls() { }

    /** One function a tail call can jump to: its parameter slots and the block where its body starts. */
    record TailTarget(List<Value> paramSlots, List<IrType> paramTys, Label label) { }

    /** The functions of this IR function that tail calls jump to (itself, or its whole rec group). */
    record TailCtx(Map<String, TailTarget> targets, IrType retTy) {
        TailCtx(String selfKey, List<Value> paramSlots, List<IrType> paramTys, Label loopLabel, IrType retTy) {
            this(Map.of(selfKey, new TailTarget(paramSlots, paramTys, loopLabel)), retTy);
        }
    }

    static void lowerTail(Fn f, TExpr e, Env env, TailCtx tc) {
        var b = f.b();
        f.at(e.loc());
        if (e instanceof Typed.If i) {
            V c = (V) Expressions.lower(f, i.cond(), env);
            Label t = b.label("then"), el = b.label("else");
            b.condBr(c.value(), t, el);
            b.block(t);
            lowerTail(f, i.then(), env, tc);
            b.block(el);
            lowerTail(f, i.otherwise(), env, tc);
            return;
        }
        if (e instanceof Typed.Let l) { lowerTail(f, l.body(), Expressions.bindLet(f, l, env), tc); return; }
        if (e instanceof Typed.LetRec l) { lowerTail(f, l.body(), Expressions.bindLetRec(l, env), tc); return; }
        if (e instanceof Typed.Seq s) { Expressions.lower(f, s.first(), env); lowerTail(f, s.second(), env, tc); return; }
        if (e instanceof Typed.Match m) { Matches.lower(f, m, env, tc); return; }
        TailTarget jump = e instanceof Typed.App a0 ? tailTarget(f.m(), a0, env, tc) : null;
        if (jump != null) {
            jumpTo(f, (Typed.App) e, env, jump);
            return;
        }
        Val v = Expressions.lower(f, e, env);
        if (b.terminated()) return;
        V mv = Closures.materialize(f, v, e.type(), env, e.loc());
        if (mv.known() instanceof Env.StackClosure && tc.retTy().equals(LType.FN)) f.m().find(Finding.Kind.CLOSURE_ESCAPES, e.loc());
        b.ret(mv.value());
    }

    /** A tail call as a jump: the arguments go into the callee's parameter slots. */
    private static void jumpTo(Fn f, Typed.App a, Env env, TailTarget jump) {
        List<Val> args = new ArrayList<>();
        for (TExpr x : a.args()) args.add(Expressions.lower(f, x, env));
        List<V> vals = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) vals.add(Closures.materialize(f, args.get(k), a.args().get(k).type(), env, a.loc()));
        for (int k = 0; k < vals.size(); k++) {
            if (!jump.paramTys().get(k).equals(LType.UNIT)) f.b().store(vals.get(k).value(), jump.paramSlots().get(k));
        }
        f.b().br(jump.label());
    }

    /** The jump target when a is a full call of a function of this IR function (a tail call), else null. */
    private static TailTarget tailTarget(ModuleContext m, Typed.App a, Env env, TailCtx tc) {
        if (tc == null) return null;
        if (a.fn() instanceof Typed.GlobalRef g && !g.g().inline && g.g().isFunction()) {
            if (a.args().size() != ((Typed.Lambda) g.g().body).params().size()) return null;
            List<Type> targs = new ArrayList<>();
            List<Type> given = g.typeArgs().isEmpty() && !g.g().scheme.vars().isEmpty() ? new ArrayList<>(g.g().scheme.vars()) : g.typeArgs();
            for (Type t : given) targs.add(LType.conc(t, env));
            return tc.targets().get(Instances.key(g.g(), targs));
        }
        if (a.fn() instanceof Typed.LocalRef l && env.lookup(l.v()) instanceof FnBind fb && fb.f() instanceof LocalFn lf) {
            if (a.args().size() != lf.def().lam.params().size()) return null;
            List<Type> targs = new ArrayList<>();
            List<Type> given = l.typeArgs().isEmpty() && l.v().scheme != null ? new ArrayList<>(l.v().scheme.vars()) : l.typeArgs();
            for (Type t : given) targs.add(LType.conc(t, env));
            LocalFn call = new LocalFn(lf.def(), lf.env(), targs.isEmpty() ? lf.targs() : targs);
            return tc.targets().get(Closures.sig(m, call));
        }
        return null;
    }
}
