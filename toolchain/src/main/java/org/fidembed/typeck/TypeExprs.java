// Resolves written types (int, Box<'T>, int option, 'T -> 'U) to types: primitives, user types and
// abbreviations, the predefined generics, and the rejected heap types with their messages.
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

final class TypeExprs {
    private final CheckContext cx;

    TypeExprs(CheckContext cx) { this.cx = cx; }

    /** Resolves a written type. Type variables ('T) come from params or the binding's scope. */
    Type resolveTypeExpr(TypeExpr te, Map<String, Type> params, boolean allowFreeVars) {
        if (te instanceof TVarT v) return typeVariable(v, params, allowFreeVars);
        if (te instanceof TAnyT) return cx.fresh();
        if (te instanceof TFunT f) return new Type.Fun(resolveTypeExpr(f.arg(), params, allowFreeVars), resolveTypeExpr(f.result(), params, allowFreeVars));
        if (te instanceof TTupleT tt) {
            List<Type> el = new ArrayList<>();
            for (TypeExpr e : tt.elems()) el.add(resolveTypeExpr(e, params, allowFreeVars));
            return new Type.Tuple(el, tt.struct());
        }
        if (te instanceof TArrayT at) return new Type.Array(resolveTypeExpr(at.elem(), params, allowFreeVars));
        if (te instanceof TMeasureOne || te instanceof TMeasureQuot || te instanceof TMeasurePow) {
            cx.diags.error(te.loc(), "a unit of measure is not a type; write it after a numeric type, as in float<m/s>");
            return cx.errorType();
        }
        if (te instanceof TConstrained tc) return resolveTypeExpr(tc.type(), params, allowFreeVars);
        return namedType((TName) te, params, allowFreeVars);
    }

    /** A type variable 'T: a parameter of the definition, or one of the binding's scope (created on first use where free variables are allowed). */
    private Type typeVariable(TVarT v, Map<String, Type> params, boolean allowFreeVars) {
        if (params != null && params.containsKey(v.name())) return params.get(v.name());
        Type.Var tv = cx.tyVarScope.get(v.name());
        if (tv == null) {
            if (params != null && !allowFreeVars) {
                cx.diags.error(v.loc(), "the type parameter ''" + v.name() + "' is not defined");
                return cx.fresh();
            }
            tv = new Type.Var(cx.level);
            tv.name = v.name();
            cx.tyVarScope.put(v.name(), tv);
        }
        return tv;
    
    }

    /** A named type: a primitive (with a unit), a rejected .NET or F# type, a user type, an abbreviation or a generic of the prelude. */
    private Type namedType(TName tn, Map<String, Type> params, boolean allowFreeVars) {
        String name = tn.path().get(tn.path().size() - 1);
        if (tn.path().size() == 1 || (tn.path().size() == 2 && tn.path().get(0).equals("System"))) {
            Type p = cx.predef.primNames.get(name);
            if (p != null && cx.names.lookupUserType(List.of(name)) == null) {
                PrimKind k = ((Type.Prim) p).kind();
                if (tn.args().size() == 1 && k.isNumeric()) return Measures.primOf(k, resolveMeasure(tn.args().get(0), params, allowFreeVars));
                if (!tn.args().isEmpty()) cx.diags.error(tn.loc(), "the type '" + name + "' takes no type arguments");
                return p;
            }
        }
        List<Type> args = new ArrayList<>();
        for (TypeExpr a : tn.args()) args.add(resolveTypeExpr(a, params, allowFreeVars));
        if (tn.path().size() == 1 || (tn.path().size() == 2 && tn.path().get(0).equals("System"))) {
            if (name.equals("array") && args.size() == 1) return new Type.Array(args.get(0));
            TypeDefn so = cx.predef.stackOnlyByName(name);
            if (so != null && cx.names.lookupUserType(List.of(name)) == null) {
                if (args.size() == 1) return new Type.Named(so, args);
                cx.diags.error(tn.loc(), "the type '" + name + "' expects 1 type argument(s) but is given " + args.size());
                return cx.errorType();
            }
            String rej = switch (name) {
                case "nativeptr" -> "native pointers are not supported; use byref<'T> or Span<'T>";
                case "list", "List" -> "lists allocate on a heap; use a fixed-size array";
                case "seq", "IEnumerable" -> "sequences allocate on a heap; use a for loop or the Array module";
                case "Map", "Set", "Dictionary", "ResizeArray", "HashSet" -> "growing collections need a heap; use a fixed-size array";
                case "obj", "Object" -> "boxing and casts need a heap and run-time types; use a union";
                case "ref" -> "reference cells and lazy values are heap objects; use let mutable";
                case "decimal", "bigint", "Decimal", "BigInteger" -> "decimal and bigint are not supported; use an integer type or fixed point";
                case "exn", "Exception" -> "exceptions are not supported; use Result";
                case "Lazy", "Async", "Task" -> "asynchronous code needs a heap and a scheduler; use interrupt handlers and a main loop";
                default -> null;
            };
            if (rej != null && cx.names.lookupUserType(List.of(name)) == null) { cx.diags.error(tn.loc(), rej); return cx.errorType(); }
        }
        // user types and abbreviations
        Object found = cx.names.lookupUserType(tn.path());
        if (found instanceof TypeDefn d && d.kind == TypeDefn.Kind.MEASURE) {
            cx.diags.error(tn.loc(), "'" + d.name + "' is a unit of measure, not a type; write it after a numeric type, as in float<" + d.name + ">");
            return cx.errorType();
        }
        if (found instanceof TypeDefn d) {
            if (args.size() != d.typeParams.size()) {
                if (args.isEmpty()) { for (int k = 0; k < d.typeParams.size(); k++) args.add(cx.fresh()); }
                else {
                    cx.diags.error(tn.loc(), "the type '" + d.name + "' expects " + d.typeParams.size() + " type argument(s) but is given " + args.size());
                    return cx.fresh();
                }
            }
            return new Type.Named(d, args);
        }
        if (found instanceof ModuleDef.Abbrev ab) {
            if (args.size() != ab.arity()) { cx.diags.error(tn.loc(), "the type abbreviation '" + name + "' expects " + ab.arity() + " type argument(s)"); return cx.fresh(); }
            return Type.substParams(ab.type(), args);
        }
        TypeDefn g = tn.path().size() == 1 ? cx.predef.genericByName(name) : null;
        if (g == null && tn.path().size() == 1) g = cx.predef.choice(name, args.size());
        if (g != null) {
            if (args.size() != g.typeParams.size()) { cx.diags.error(tn.loc(), "the type '" + name + "' expects " + g.typeParams.size() + " type argument(s)"); return cx.fresh(); }
            return new Type.Named(g, args);
        }
        cx.diags.error(tn.loc(), "the type '" + String.join(".", tn.path()) + "' is not defined");
        return cx.fresh();
    }

    /** A written unit of measure: named units, 'u variables, 1, products, quotients and integer powers. */
    Type resolveMeasure(TypeExpr te, Map<String, Type> params, boolean allowFreeVars) {
        if (te instanceof TMeasureOne) return Type.Measure.ONE;
        if (te instanceof TMeasureQuot q) return Measures.div(resolveMeasure(q.num(), params, allowFreeVars), resolveMeasure(q.den(), params, allowFreeVars));
        if (te instanceof TMeasurePow p) return Measures.pow(resolveMeasure(p.base(), params, allowFreeVars), p.exponent());
        if (te instanceof TTupleT t) {
            Type m = Type.Measure.ONE;
            for (TypeExpr e : t.elems()) m = Measures.mul(m, resolveMeasure(e, params, allowFreeVars));
            return m;
        }
        if (te instanceof TAnyT) { Type.Var v = cx.fresh(); v.isMeasure = true; return v; }
        if (te instanceof TVarT tv) {
            Type t = resolveTypeExpr(tv, params, allowFreeVars);
            if (t instanceof Type.Var v) v.isMeasure = true;
            return t;
        }
        if (te instanceof TName tn && tn.args().isEmpty()) {
            Object found = cx.names.lookupUserType(tn.path());
            if (found instanceof TypeDefn d && d.kind == TypeDefn.Kind.MEASURE) return d.measureAbbrev != null ? d.measureAbbrev : Measures.named(d.qualifiedName);
            cx.diags.error(tn.loc(), "'" + String.join(".", tn.path()) + "' is not a unit of measure; declare it with [<Measure>] type " + tn.path().get(tn.path().size() - 1));
            return cx.errorType();
        }
        cx.diags.error(te.loc(), "this is not a unit of measure");
        return cx.errorType();
    }
}
