// Name resolution: values, union cases, enum values and System constants by (qualified) name, modules
// through nesting, opens and abbreviations, user types, and the record type a field label belongs to.
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

final class Names {
    private final CheckContext cx;

    Names(CheckContext cx) { this.cx = cx; }

    /** A user type or abbreviation by (possibly qualified) name, or null. */
    Object lookupUserType(List<String> path) {
        if (path.size() == 1) {
            String n = path.get(0);
            for (ModuleDef m = cx.current; m != null; m = m.parent) {
                if (m.types.containsKey(n)) return m.types.get(n);
                if (m.typeAbbrevs.containsKey(n)) return m.typeAbbrevs.get(n);
            }
            for (int k = cx.opens.size() - 1; k >= 0; k--) {
                ModuleDef m = cx.opens.get(k);
                if (m.types.containsKey(n)) return m.types.get(n);
                if (m.typeAbbrevs.containsKey(n)) return m.typeAbbrevs.get(n);
            }
            return null;
        }
        ModuleDef m = resolveModulePath(path.subList(0, path.size() - 1));
        if (m == null) return null;
        String n = path.get(path.size() - 1);
        if (m.types.containsKey(n)) return m.types.get(n);
        return m.typeAbbrevs.get(n);
    }

    /** A module visible from here by name (nested, enclosing, opened, abbreviated or top-cx.level). */
    ModuleDef findModule(String name) {
        for (ModuleDef m = cx.current; m != null; m = m.parent) {
            if (m.modules.containsKey(name)) return m.modules.get(name);
            if (m.abbrevs.containsKey(name)) return m.abbrevs.get(name);
            if (m.name.equals(name) && m != cx.root) return m;
        }
        for (int k = cx.opens.size() - 1; k >= 0; k--) {
            ModuleDef m = cx.opens.get(k);
            if (m.modules.containsKey(name)) return m.modules.get(name);
        }
        return cx.root.modules.get(name);
    }

    ModuleDef resolveModulePath(List<String> path) {
        ModuleDef m = findModule(path.get(0));
        for (int k = 1; m != null && k < path.size(); k++) {
            ModuleDef next = m.modules.get(path.get(k));
            if (next == null) next = m.abbrevs.get(path.get(k));
            m = next;
        }
        return m;
    }

    /** What a path resolves to: a symbol, how many segments it used, or a module when it ends on one. */
    /** tupled: a .NET static method (Math.Max(a, b)): its one tuple argument gives the parameters. */
    record Resolved(ValueSym sym, int used, Object constant, Type constType, boolean tupled, boolean staticProperty) {
        Resolved(ValueSym sym, int used, Object constant, Type constType) { this(sym, used, constant, constType, false, false); }
        Resolved(ValueSym sym, int used, Object constant, Type constType, boolean tupled) { this(sym, used, constant, constType, tupled, false); }
    }

    Resolved resolveValue(List<String> path, List<Loc> locs, Scope scope, boolean report) {
        String first = path.get(0);
        ValueSym s = scope.lookup(first);
        if (s != null) return new Resolved(s, 1, null, null);
        s = lookupUnqualified(first);
        if (s != null) return new Resolved(s, 1, null, null);
        // module or type path
        ModuleDef m = findModule(first);
        if (m == null && first.equals("System")) {
            if (path.size() >= 3) {
                Resolved r = systemConstant(path.get(1), path.get(2));
                if (r != null) return new Resolved(null, 3, r.constant(), r.constType());
            }
        }
        if (m == null && path.size() >= 2) {
            Resolved r = systemConstant(first, path.get(1));
            if (r != null && opensSystem()) return r;
            if (r != null) {
                return r;
            }
        }
        if (m == null) {
            // a type name: Color.Red, Mode.On
            Object t = lookupUserType(List.of(first));
            if (t == null) t = cx.predef.genericByName(first);
            if (t instanceof TypeDefn d && path.size() >= 2) {
                Resolved r = memberOfType(d, path.get(1));
                if (r != null) return r;
            }
        }
        if (m != null) return resolveInModule(m, path, locs, report);
        Builtin b = Predef.GLOBAL_BUILTINS.get(first);
        if (b != null) return new Resolved(new BuiltinRef(b), 1, null, null);
        if (report) {
            String rej = Predef.rejectedName(path);
            if (rej != null) cx.diags.error(locs.get(0), rej);
            else cx.diags.error(locs.get(0), "the value or constructor '" + first + "' is not defined");
        }
        return null;
    }

    /** The rest of a path after its first segment named module m: values, submodules, types' members, .NET statics, builtins. */
    private Resolved resolveInModule(ModuleDef m, List<String> path, List<Loc> locs, boolean report) {
        int k = 1;
        while (k < path.size()) {
            String n = path.get(k);
            if (m.dotNetStatics) {
                Resolved r = dotNetStatic(m, n, k);
                if (r != null) return r;
            }
            if (m.parent == cx.root && m.name.equals("System") && k + 1 < path.size()) {
                Resolved r = systemConstant(n, path.get(k + 1));
                if (r != null) return new Resolved(null, k + 2, r.constant(), r.constType());
            }
            ValueSym v = m.values.get(n);
            if (v != null && !(m.privateNames.contains(n) && !isInside(m))) return new Resolved(v, k + 1, null, null);
            if (v != null) {
                if (report) cx.diags.error(locs.get(k), "the value '" + n + "' is private to module '" + m.name + "'");
                return new Resolved(v, k + 1, null, null);
            }
            ModuleDef sub = m.modules.get(n);
            if (sub == null) sub = m.abbrevs.get(n);
            if (sub != null) { m = sub; k++; continue; }
            TypeDefn td = m.types.get(n);
            if (td != null && k + 1 < path.size()) {
                Resolved r = memberOfType(td, path.get(k + 1));
                if (r != null) return new Resolved(r.sym(), k + 2, r.constant(), r.constType(), false, r.staticProperty());
            }
            Builtin b = Predef.QUALIFIED_BUILTINS.get(m.name + "." + n);
            if (b != null) return new Resolved(new BuiltinRef(b), k + 1, null, null);
            if (report) reportNotInModule(m, n, path, locs, k);
            return null;
        }
        if (report) cx.diags.error(locs.get(0), "'" + String.join(".", path) + "' is a module, not a value");
        return null;
    }

    /** The error for a name that module m does not define: unavailable in the library, rejected, or undefined. */
    private void reportNotInModule(ModuleDef m, String n, List<String> path, List<Loc> locs, int k) {
        String rej = m.prelude ? Predef.rejectedName(path) : null;
        if (m.prelude && (m.dotNetStatics || m.name.equals("Array") || m.name.equals("Option") || m.name.equals("ValueOption") || m.name.equals("Result"))) {
            cx.diags.error(locs.get(0), Predef.unavailableInLibrary(m.name, n));
        } else if (rej != null) {
            cx.diags.error(locs.get(0), rej);
        } else {
            cx.diags.error(locs.get(k), "the value, constructor, namespace or type '" + n + "' is not defined in '" + m.qualifiedName + "'");
        }
    }

    /** Math.Sin, MathF.Pow, Math.Max: builtins, or the prelude's max and min, called with a tuple. */
    private Resolved dotNetStatic(ModuleDef m, String n, int k) {
        ValueSym v = m.values.get(n);
        if (v == null && (n.equals("Max") || n.equals("Min"))) v = lookupUnqualified(n.equals("Max") ? "max" : "min");
        if (v == null) return null;
        return new Resolved(v, k + 1, null, null, true);
    }

    boolean isInside(ModuleDef m) {
        for (ModuleDef c = cx.current; c != null; c = c.parent) if (c == m) return true;
        return false;
    }

    boolean opensSystem() { return true; }

    Resolved systemConstant(String typeName, String member) {
        Type t = cx.predef.primNames.get(typeName);
        if (t == null || !(t instanceof Type.Prim p) || !Character.isUpperCase(typeName.charAt(0))) return null;
        if (member.equals("MaxValue") || member.equals("MinValue")) {
            Object v = Predef.limit(p.kind(), member.equals("MaxValue"));
            if (v == null) return null;
            if (p.kind() == PrimKind.FLOAT32) v = (float) (double) (Double) v;
            if (p.kind() == PrimKind.CHAR) v = (char) (long) (Long) v;
            return new Resolved(null, 2, v, t);
        }
        return null;
    }

    Resolved memberOfType(TypeDefn d, String n) {
        if (d.kind == TypeDefn.Kind.UNION) {
            TypeDefn.Case c = d.caseNamed(n);
            if (c != null) return new Resolved(new CaseRef(d, c), 2, null, null);
        }
        if (d.kind == TypeDefn.Kind.ENUM) {
            for (TypeDefn.EnumValue ev : d.enumValues) if (ev.name().equals(n)) return new Resolved(new EnumRef(d, ev), 2, null, null);
        }
        TypeDefn.Member mem = d.members.get(n);
        if (mem != null && mem.isStatic()) return new Resolved(new Global(mem.fn()), 2, null, null, false, mem.property());
        return null;
    }

    ValueSym lookupUnqualified(String n) {
        for (ModuleDef m = cx.current; m != null; m = m.parent) {
            ValueSym s = m.values.get(n);
            if (s != null) return s;
        }
        for (int k = cx.opens.size() - 1; k >= 0; k--) {
            ModuleDef m = cx.opens.get(k);
            ValueSym s = m.values.get(n);
            if (s != null && !m.privateNames.contains(n)) return s;
        }
        return null;
    }

    /** A name in a pattern that denotes a union case, active pattern case, literal or enum value (rather than a new variable). */
    ValueSym resolvePatternName(String n, Scope scope) {
        ValueSym local = scope.lookup(n);
        if (local instanceof ActiveRef ar && !ar.result()) return local;
        ValueSym s = lookupUnqualified(n);
        if (s instanceof CaseRef || s instanceof ActiveRef ar2 && !ar2.result()) return s;
        if (s instanceof Global g && g.g().literal) return s;
        return null;
    }

    List<Type> freshArgs(TypeDefn d) {
        List<Type> targs = new ArrayList<>();
        for (int k = 0; k < d.typeParams.size(); k++) targs.add(cx.fresh());
        return targs;
    }

    TypeDefn recordWithField(String name) {
        // prefer types visible without qualification, latest first
        for (int k = cx.recordTypes.size() - 1; k >= 0; k--) if (cx.recordTypes.get(k).fieldIndex(name) >= 0 && visibleType(cx.recordTypes.get(k))) return cx.recordTypes.get(k);
        for (int k = cx.recordTypes.size() - 1; k >= 0; k--) if (cx.recordTypes.get(k).fieldIndex(name) >= 0) return cx.recordTypes.get(k);
        return null;
    }

    boolean visibleType(TypeDefn d) {
        for (ModuleDef m = cx.current; m != null; m = m.parent) if (m.types.get(d.name) == d) return true;
        for (ModuleDef m : cx.opens) if (m.types.get(d.name) == d) return true;
        return false;
    }

    TypeDefn findRecordForField(FieldInit fi) {
        List<String> path = fi.path();
        String fname = path.get(path.size() - 1);
        if (path.size() > 1) {
            Object t = lookupUserType(path.subList(0, path.size() - 1));
            if (t instanceof TypeDefn d && d.fieldIndex(fname) >= 0) return d;
            ModuleDef m = resolveModulePath(path.subList(0, path.size() - 1));
            if (m != null) {
                for (TypeDefn d : m.types.values()) if (d.kind == TypeDefn.Kind.RECORD && d.fieldIndex(fname) >= 0) return d;
            }
            return null;
        }
        return recordWithField(fname);
    }
}
