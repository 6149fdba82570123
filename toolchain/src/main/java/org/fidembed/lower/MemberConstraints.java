// Member constraints resolved where they are compiled: once an inline function is expanded at
// concrete types, (^T : (static member Zero : ^T) ()) calls T's member (a literal for the numeric
// types, .Length for arrays and strings); a type without the member is a located error.
package org.fidembed.lower;

import org.fidembed.rules.Finding;
import org.fidembed.lower.Env.Val;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Predef;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.TypeDefn;
import org.fidembed.types.Typed;
import org.fidembed.types.Typed.TExpr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

final class MemberConstraints {
    private MemberConstraints() { }

    static Val lower(Fn f, Typed.TraitCall t, Env env) {
        Type st = Type.prune(LType.conc(t.support(), env));
        Type rt = LType.conc(t.type(), env);
        TExpr resolved = resolve(t, st, rt, env);
        if (resolved == null) {
            if (st instanceof Type.Prim && t.member().startsWith("op_")) f.m().find(Finding.Kind.PRIMITIVE_OPERATOR_CONSTRAINT, t.loc(), t.member());
            else f.m().find(Finding.Kind.MEMBER_NOT_SUPPORTED, t.loc(), Type.show(st), t.property() ? "get_" + t.member() : t.member());
            return new Env.V(org.fidembed.lower.ir.Value.poison(LType.of(rt)));
        }
        return Expressions.lower(f, resolved, env);
    }

    /** What the call means at this type, as an expression of the typed tree; null when the type lacks it. */
    private static TExpr resolve(Typed.TraitCall t, Type st, Type rt, Env env) {
        String name = t.member();
        if (t.builtin() != null) return operator(t, st, rt, env);
        if (st instanceof Type.Prim p && p.kind().isNumeric() && Predef.hasMember(st, name, t.isStatic(), t.property())) {
            long v = name.equals("One") ? 1 : 0;
            Object c = p.kind() == PrimKind.FLOAT ? (Object) (double) v : p.kind() == PrimKind.FLOAT32 ? (Object) (float) v : (Object) v;
            return new Typed.Const(t.loc(), st, c);
        }
        if (!t.isStatic() && name.equals("Length") && t.property()) {
            if (st instanceof Type.Array) return new Typed.Prop(t.loc(), Type.INT, Typed.PropKind.ARRAY_LENGTH, t.args().get(0));
            if (Type.isPrim(st, PrimKind.STRING)) return new Typed.Prop(t.loc(), Type.INT, Typed.PropKind.STRING_LENGTH, t.args().get(0));
        }
        TypeDefn.Member m = member(st, name, t.isStatic());
        if (m == null) return null;
        List<TExpr> args = new ArrayList<>(t.args());
        if (t.isStatic() && args.isEmpty()) args.add(new Typed.Const(t.loc(), Type.UNIT, null));
        return call(t, m.fn(), args, rt, env);
    }

    private static TypeDefn.Member member(Type st, String name, boolean isStatic) {
        if (!(st instanceof Type.Named n)) return null;
        TypeDefn.Member m = n.def().members.get(name);
        return m == null || m.isStatic() != isStatic ? null : m;
    }

    /** a + b in an inline function: the builtin at a primitive type, else the operator the type defines (tupled or curried). */
    private static TExpr operator(Typed.TraitCall t, Type st, Type rt, Env env) {
        TypeDefn.Member m = member(st, t.member(), true);
        if (m == null) return st instanceof Type.Named ? null : t.builtin();
        List<TExpr> args = t.args();
        if (Type.prune(m.fn().scheme.type()) instanceof Type.Fun f && Type.prune(f.arg()) instanceof Type.Tuple) {
            Type pair = new Type.Tuple(List.of(args.get(0).type(), args.get(1).type()), false);
            args = List.of(new Typed.Tuple(t.loc(), pair, args));
        }
        return call(t, m.fn(), args, rt, env);
    }

    private static TExpr call(Typed.TraitCall t, GlobalVal g, List<TExpr> args, Type rt, Env env) {
        // the member's own type parameters (a generic type's), from the types it is called at
        Type want = rt;
        for (int k = args.size() - 1; k >= 0; k--) want = new Type.Fun(LType.conc(args.get(k).type(), env), want);
        Map<Type.Var, Type> bound = new IdentityHashMap<>();
        match(g.scheme.type(), want, bound);
        List<Type> targs = new ArrayList<>();
        for (Type.Var v : g.scheme.vars()) targs.add(bound.getOrDefault(v, Type.UNIT));
        TExpr fn = new Typed.GlobalRef(t.loc(), Type.substVars(g.scheme.type(), bound), g, targs);
        return new Typed.App(t.loc(), rt, fn, args);
    }

    /** Binds the variables of a scheme's type to the parts of a concrete type of the same shape. */
    private static void match(Type pattern, Type concrete, Map<Type.Var, Type> out) {
        pattern = Type.prune(pattern);
        concrete = Type.prune(concrete);
        if (pattern instanceof Type.Var v) { out.putIfAbsent(v, concrete); return; }
        if (pattern instanceof Type.Fun pf && concrete instanceof Type.Fun cf) { match(pf.arg(), cf.arg(), out); match(pf.result(), cf.result(), out); }
        else if (pattern instanceof Type.Tuple pt && concrete instanceof Type.Tuple ct && pt.elems().size() == ct.elems().size()) {
            for (int k = 0; k < pt.elems().size(); k++) match(pt.elems().get(k), ct.elems().get(k), out);
        } else if (pattern instanceof Type.Array pa && concrete instanceof Type.Array ca) match(pa.elem(), ca.elem(), out);
        else if (pattern instanceof Type.Named pn && concrete instanceof Type.Named cn && pn.def() == cn.def()) {
            for (int k = 0; k < pn.args().size(); k++) match(pn.args().get(k), cn.args().get(k), out);
        }
    }
}
