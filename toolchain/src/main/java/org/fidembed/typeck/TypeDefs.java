// Defines the types of a `type` declaration: records, unions and enums with their fields and cases,
// abbreviations first, and the rejection of unions that contain themselves by value.
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

final class TypeDefs {
    private final CheckContext cx;

    TypeDefs(CheckContext cx) { this.cx = cx; }

    private static boolean isMeasure(TypeDef d) {
        for (Attribute a : d.attrs()) if (a.name().equals("Measure")) return true;
        return false;
    }

    /** Defines the types of one `type ... and ...` declaration: names first, so that they may refer to each other. */
    void defineTypes(TypeDecl td, ModuleDef m) {
        List<TypeDefn> defs = new ArrayList<>();
        for (TypeDef def : td.defs()) defs.add(declare(def, m));
        // units of measure that abbreviate others, then type abbreviations (the other types may use them)
        for (int k = 0; k < td.defs().size(); k++) {
            if (td.defs().get(k) instanceof AbstractDef ad && defs.get(k) != null && ad.abbreviates() != null) {
                defs.get(k).measureAbbrev = cx.typeExprs.resolveMeasure(ad.abbreviates(), null, false);
            }
        }
        for (TypeDef def : td.defs()) if (def instanceof AbbrevDef ab) defineAbbreviation(ab, m);
        for (int k = 0; k < td.defs().size(); k++) {
            TypeDef def = td.defs().get(k);
            TypeDefn d = defs.get(k);
            if (d == null) continue;
            Map<String, Type> params = typeParams(def.typeParams());
            if (def instanceof RecordDef rd) defineFields(rd, d, params);
            else if (def instanceof UnionDef ud) defineCases(ud, d, params, m);
            else if (def instanceof EnumDef ed) defineEnum(ed, d);
        }
        for (TypeDefn d : defs) if (d != null && d.kind == TypeDefn.Kind.UNION) checkUnionNotRecursive(d);
        cx.memberDefs.defineMembers(td, defs, m);
    }

    /** The type's name in its module, with the attributes that shape it (null for an abbreviation). */
    private TypeDefn declare(TypeDef def, ModuleDef m) {
        if (def instanceof AbbrevDef) return null;
        if (def instanceof AbstractDef ad && !isMeasure(ad)) {
            cx.diags.error(ad.loc(), "a type without a representation is not supported; define it as a record, a union or an abbreviation");
            return null;
        }
        TypeDefn.Kind kind = def instanceof RecordDef ? TypeDefn.Kind.RECORD : def instanceof UnionDef ? TypeDefn.Kind.UNION
                : def instanceof AbstractDef ? TypeDefn.Kind.MEASURE : TypeDefn.Kind.ENUM;
        String qn = m.qualifiedName.isEmpty() ? def.name() : m.qualifiedName + "." + def.name();
        TypeDefn d = new TypeDefn(kind, def.name(), qn, def.typeParams(), def.loc());
        for (Attribute a : def.attrs()) applyAttribute(d, a);
        if (m.types.containsKey(def.name()) && !cx.checkingPrelude) cx.diags.error(def.loc(), "duplicate definition of type '" + def.name() + "'");
        m.types.put(def.name(), d);
        cx.allTypes.add(d);
        return d;
    }

    private void applyAttribute(TypeDefn d, Attribute a) {
        switch (a.name()) {
            case "Struct" -> d.struct = true;
            case "RequireQualifiedAccess" -> d.requireQualifiedAccess = true;
            case "Flags" -> d.flags = true;
            case "NoEquality" -> d.noEquality = true;
            case "NoComparison" -> d.noComparison = true;
            case "CustomEquality", "CustomComparison" -> cx.diags.error(a.loc(), "custom equality and comparison are not supported by fid-embed");
            case "StructLayout", "FieldOffset" -> cx.diags.error(a.loc(), "struct unions with explicit layout are not supported yet");
            case "Measure" -> { }
            default -> cx.diags.warning(a.loc(), "the attribute '" + a.name() + "' has no meaning in fid-embed and is ignored");
        }
    }

    private static Map<String, Type> typeParams(List<String> names) {
        Map<String, Type> params = new HashMap<>();
        for (int p = 0; p < names.size(); p++) params.put(names.get(p), new Type.Param(p, names.get(p)));
        return params;
    }

    private void defineAbbreviation(AbbrevDef ab, ModuleDef m) {
        if (ab.type() instanceof TAnyT) return; // an unsupported definition already reported
        Type t = cx.typeExprs.resolveTypeExpr(ab.type(), typeParams(ab.typeParams()), false);
        m.typeAbbrevs.put(ab.name(), new ModuleDef.Abbrev(ab.typeParams().size(), t));
    }

    private void defineFields(RecordDef rd, TypeDefn d, Map<String, Type> params) {
        Set<String> seen = new HashSet<>();
        for (FieldDef f : rd.fields()) {
            if (!seen.add(f.name())) cx.diags.error(f.loc(), "the field '" + f.name() + "' is defined twice");
            d.fields.add(new TypeDefn.Field(f.name(), cx.typeExprs.resolveTypeExpr(f.type(), params, false), f.mutable(), f.loc()));
        }
        cx.recordTypes.add(d);
    }

    private void defineCases(UnionDef ud, TypeDefn d, Map<String, Type> params, ModuleDef m) {
        int idx = 0;
        for (CaseDef c : ud.cases()) {
            List<TypeDefn.Field> fields = new ArrayList<>();
            int fi = 0;
            for (CaseField f : c.fields()) {
                String fname = f.name() != null ? f.name() : (c.fields().size() == 1 ? "Item" : "Item" + (fi + 1));
                fields.add(new TypeDefn.Field(fname, cx.typeExprs.resolveTypeExpr(f.type(), params, false), false, f.loc()));
                fi++;
            }
            d.cases.add(new TypeDefn.Case(c.name(), fields, c.loc(), idx++));
            if (!d.requireQualifiedAccess) m.values.put(c.name(), new CaseRef(d, d.cases.get(d.cases.size() - 1)));
        }
    }

    private void defineEnum(EnumDef ed, TypeDefn d) {
        Type under = null;
        for (EnumCase ec : ed.cases()) {
            TExpr c = cx.literals.literal(ec.value(), ec.loc());
            if (under == null) under = c.type();
            else if (!cx.unifier.sameType(under, c.type())) cx.diags.error(ec.loc(), "all cases of an enum must have the same type: expected " + Type.show(under));
            d.enumValues.add(new TypeDefn.EnumValue(ec.name(), ((Typed.Const) c).value(), ec.loc()));
        }
        d.enumUnderlying = under == null ? Type.INT : under;
    }

    void checkUnionNotRecursive(TypeDefn d) {
        for (TypeDefn.Case c : d.cases) {
            for (TypeDefn.Field f : c.fields()) {
                if (containsByValue(f.type(), d, new HashSet<>())) {
                    cx.diags.error(c.loc(), "recursive union types need a heap; use an array of nodes indexed by int");
                    return;
                }
            }
        }
    }

    boolean containsByValue(Type t, TypeDefn target, Set<TypeDefn> seen) {
        t = Type.prune(t);
        if (t instanceof Type.Named n) {
            if (n.def() == target) return true;
            if (!seen.add(n.def())) return false;
            for (Type a : n.args()) if (containsByValue(a, target, seen)) return true;
            for (TypeDefn.Field f : n.def().fields) if (containsByValue(f.type(), target, seen)) return true;
            for (TypeDefn.Case c : n.def().cases) for (TypeDefn.Field f : c.fields()) if (containsByValue(f.type(), target, seen)) return true;
            return false;
        }
        if (t instanceof Type.Tuple tu) { for (Type e : tu.elems()) if (containsByValue(e, target, seen)) return true; }
        if (t instanceof Type.Fun) return false;
        return false;
    }
}
