// Members of records and unions, compiled as module-level functions: an instance member takes the
// value first (`member v.Scale k` is `Scale (v: V) k`), a property is a function of the value (a static
// one of unit), an operator is named as .NET names it. The members of one `type` group are checked
// together, so they may use each other in any order, and are generic over the type's parameters.
package org.fidembed.typeck;

import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.ModuleDef;
import org.fidembed.types.Symbols.Scheme;
import org.fidembed.types.Scope;
import org.fidembed.types.TypeDefn;
import org.fidembed.types.Typed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class MemberDefs {
    private final CheckContext cx;

    MemberDefs(CheckContext cx) { this.cx = cx; }

    /** .NET's names of the operators F# lets a type define. */
    static String operatorName(String op) {
        return switch (op) {
            case "+" -> "op_Addition";
            case "-" -> "op_Subtraction";
            case "*" -> "op_Multiply";
            case "/" -> "op_Division";
            case "%" -> "op_Modulus";
            case "~-" -> "op_UnaryNegation";
            case "~+" -> "op_UnaryPlus";
            case "&&&" -> "op_BitwiseAnd";
            case "|||" -> "op_BitwiseOr";
            case "^^^" -> "op_ExclusiveOr";
            case "<<<" -> "op_LeftShift";
            case ">>>" -> "op_RightShift";
            case "~~~" -> "op_LogicalNot";
            case "**" -> "op_Exponentiation";
            default -> "op_" + op;
        };
    }

    static boolean isOperator(String name) {
        return !name.isEmpty() && !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_';
    }

    /** A member to check: the function it becomes, its binding, and its setter's. */
    private record Pending(GlobalVal fn, Binding binding) { }

    /** Defines and checks the members of the types of one `type` declaration (defs: their TypeDefns, null for abbreviations). */
    void defineMembers(TypeDecl td, List<TypeDefn> defs, ModuleDef m) {
        List<Pending> pending = new ArrayList<>();
        Map<String, org.fidembed.types.Type.Var> saved = cx.tyVarScope;
        cx.tyVarScope = new HashMap<>();
        cx.level++;
        for (int k = 0; k < td.defs().size(); k++) {
            TypeDef def = td.defs().get(k);
            List<MemberDef> members = def instanceof RecordDef r ? r.members() : def instanceof UnionDef u ? u.members() : List.of();
            TypeDefn d = defs.get(k);
            if (d == null || members.isEmpty()) continue;
            for (MemberDef md : members) declare(d, def, md, m, pending);
        }
        for (Pending p : pending) {
            Typed.Lambda lam = cx.binder.checkFunctionBinding(p.binding(), p.fn(), Scope.EMPTY, p.fn().scheme.type());
            p.fn().body = lam;
            p.fn().arity = lam.params().size();
        }
        cx.level--;
        for (Pending p : pending) {
            GlobalVal g = p.fn();
            g.scheme = cx.unifier.generalize(g.body.type(), g.inline, g.loc);
            cx.unifier.defaultTraits(g.body, g.scheme.vars());
            cx.globals.add(g);
        }
        cx.tyVarScope = saved;
    }

    private void declare(TypeDefn d, TypeDef def, MemberDef md, ModuleDef m, List<Pending> pending) {
        boolean property = md.isProperty();
        String name = isOperator(md.name()) ? operatorName(md.params().size() == 1 && md.name().equals("-") ? "~-" : md.name()) : md.name();
        if (d.members.containsKey(name) || d.fieldIndex(name) >= 0 || d.caseNamed(name) != null) {
            cx.diags.error(md.nameLoc(), "the type '" + d.name + "' already has a member, field or case named '" + md.name() + "'; members cannot be overloaded");
            return;
        }
        if (md.setter() != null && d.struct) {
            cx.diags.error(md.setter().loc(), "a setter on a struct type is not supported yet; use a record with a mutable field");
        }
        GlobalVal fn = function(d, def, md, m, property ? "get_" + name : name, md.params(), md.body(), md.returnType(), pending);
        GlobalVal setter = null;
        if (md.setter() != null && !md.isStatic()) {
            setter = function(d, def, md, m, "set_" + name, md.setter().params(), md.setter().body(), null, pending);
        }
        d.members.put(name, new TypeDefn.Member(name, md.isStatic(), property, fn, setter, md.nameLoc()));
    }

    private GlobalVal function(TypeDefn d, TypeDef def, MemberDef md, ModuleDef m, String fnName, List<Pat> params,
                               Expr body, TypeExpr ret, List<Pending> pending) {
        Loc loc = md.nameLoc();
        List<Pat> all = new ArrayList<>();
        if (!md.isStatic()) {
            Pat self = md.self() == null || md.self().equals("_") ? new PWild(loc) : new PName(loc, md.self());
            List<TypeExpr> targs = new ArrayList<>();
            for (String tp : def.typeParams()) targs.add(new TVarT(loc, tp));
            all.add(new PTyped(loc, self, new TName(loc, List.of(def.name()), targs)));
        } else if (params.isEmpty()) {
            all.add(new PConst(loc, new UnitLit()));
        }
        all.addAll(params);
        Binding b = new Binding(loc, md.attrs(), false, md.inline(), md.access(), null, d.name + "." + fnName, loc, all, ret, body, md.loc());
        GlobalVal g = cx.decls.newGlobal(b, m, d.name + "." + fnName, loc);
        g.scheme = Scheme.mono(cx.fresh());
        g.arity = all.size();
        pending.add(new Pending(g, b));
        return g;
    }
}
