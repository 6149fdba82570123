// Type inference and name resolution for whole programs: Hindley–Milner with F#'s rules (left to
// right, let-generalisation with the value restriction, literal types, operator traits defaulting to
// int), producing the typed tree. Errors use F#'s wording and point at the offending construct.
package org.fidembed.types;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.types.Symbols.*;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Type.Trait;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Typed.TPat;

import java.math.BigInteger;
import java.util.*;

public final class Checker {
    private final Diagnostics diags;
    private final Predef predef = new Predef();
    private final ModuleDef root = new ModuleDef("", null, Loc.NONE);
    private final ModuleDef predefModule;
    private final List<ModuleDef> autoOpens = new ArrayList<>();
    private List<ModuleDef> opens = new ArrayList<>();
    private ModuleDef current;
    private int level = 0;
    private Map<String, Type.Var> tyVarScope = new HashMap<>();
    private final List<TypeDefn> recordTypes = new ArrayList<>();
    private final List<GlobalVal> globals = new ArrayList<>();
    private final List<TypeDefn> allTypes = new ArrayList<>();
    private GlobalVal entryPoint;
    private final List<Runnable> deferred = new ArrayList<>();
    private final java.util.function.Predicate<String> interruptNameValid;
    private final String boardName;
    private boolean checkingPrelude;
    private int doCounter = 0;

    /** Mismatch during unification. */
    private static final class Mismatch extends RuntimeException {
        Mismatch() { super(null, null, false, false); }
    }
    /** A trait a concrete type does not satisfy. */
    private static final class TraitFailure extends RuntimeException {
        final Type.Var var; final Type type; final Trait trait;
        TraitFailure(Type.Var v, Type t, Trait tr) { super(null, null, false, false); var = v; type = t; trait = tr; }
    }

    /** The result of checking a program. */
    public record Program(List<GlobalVal> globals, GlobalVal entry, List<TypeDefn> types, Predef predef) { }

    public Checker(Diagnostics diags, String boardName, java.util.function.Predicate<String> interruptNameValid) {
        this.diags = diags;
        this.boardName = boardName;
        this.interruptNameValid = interruptNameValid;
        predefModule = new ModuleDef("Microsoft.FSharp.Core", root, Loc.NONE);
        predefModule.prelude = true;
        for (TypeDefn d : List.of(predef.option, predef.voption, predef.result)) {
            predefModule.types.put(d.name, d);
            for (TypeDefn.Case c : d.cases) predefModule.values.put(c.name(), new CaseRef(d, c));
            allTypes.add(d);
        }
        predefModule.types.put("option", predef.option);
        predefModule.types.put("voption", predef.voption);
        autoOpens.add(predefModule);
        // Fid.Hardware and Fid.Intrinsics: modules whose members are compiler intrinsics
        ModuleDef fid = module(root, "Fid");
        ModuleDef hw = module(fid, "Hardware");
        ModuleDef mmio = module(hw, "Mmio");
        ModuleDef cpu = module(hw, "Cpu");
        ModuleDef intr = module(fid, "Intrinsics");
        module(fid, "Testing"); // Fid.Testing.fs: only the [<Test>] attribute, recognised by name
        ModuleDef arr = new ModuleDef("Array", root, Loc.NONE);
        for (Builtin b : Builtin.values()) {
            String n = b.fsName;
            if (n.startsWith("Mmio.")) mmio.values.put(n.substring(5), new BuiltinRef(b));
            else if (n.startsWith("Cpu.")) cpu.values.put(n.substring(4), new BuiltinRef(b));
            else if (n.startsWith("Intrinsics.")) intr.values.put(n.substring(11), new BuiltinRef(b));
        }
    }

    private ModuleDef module(ModuleDef parent, String name) {
        ModuleDef m = parent.modules.get(name);
        if (m == null) { m = new ModuleDef(name, parent, Loc.NONE); parent.modules.put(name, m); }
        return m;
    }

    // =============================================================================================== program

    public Program check(List<FileAst> files, List<Boolean> isPrelude) {
        for (int k = 0; k < files.size(); k++) {
            checkingPrelude = isPrelude.get(k);
            try {
                checkFile(files.get(k));
            } catch (org.fidembed.diag.CompileAbort e) {
                throw e;
            }
            if (checkingPrelude && diags.hasErrors()) return new Program(globals, null, allTypes, predef);
        }
        for (Runnable r : deferred) r.run();
        for (GlobalVal g : globals) {
            if (g.prelude) continue;
            Type t = Type.resolve(g.scheme.type());
            Set<Type.Var> free = new LinkedHashSet<>();
            Type.freeVars(t, free);
            free.removeAll(g.scheme.vars());
            if (!free.isEmpty() && !g.isFunction()) {
                diags.error(g.loc, "value restriction: the type of '" + g.name + "' (" + Type.show(t) + ") could not be inferred; add a type annotation");
            }
        }
        if (entryPoint == null && !files.isEmpty() && !isPrelude.get(files.size() - 1)) {
            FileAst last = files.get(files.size() - 1);
            diags.error(new Loc(last.loc().file(), 1, 1), "this program has no entry point: mark a function [<EntryPoint>] let main _ = ... 0");
        }
        return new Program(globals, entryPoint, allTypes, predef);
    }

    private void checkFile(FileAst f) {
        opens = new ArrayList<>(autoOpens);
        ModuleDef m;
        List<String> path = f.modulePath();
        if (path.isEmpty()) {
            String base = f.loc().file() == null ? "Program" : f.loc().file().name();
            base = base.replaceAll(".*/", "").replaceAll("\\.fs$", "");
            String name = base.isEmpty() ? "Program" : Character.toUpperCase(base.charAt(0)) + base.substring(1);
            m = new ModuleDef(name, root, f.loc());
            root.modules.put(name, m);
        } else {
            ModuleDef parent = root;
            for (int k = 0; k < path.size() - 1; k++) parent = module(parent, path.get(k));
            String last = path.get(path.size() - 1);
            if (f.isNamespace()) {
                m = module(parent, last);
            } else {
                m = parent.modules.get(last);
                if (m == null) { m = new ModuleDef(last, parent, f.loc()); parent.modules.put(last, m); }
            }
        }
        m.prelude = checkingPrelude;
        applyModuleAttrs(m, f.attrs());
        if (m.autoOpen && checkingPrelude) autoOpens.add(m);
        current = m;
        checkDecls(f.decls(), m);
    }

    private void applyModuleAttrs(ModuleDef m, List<Attribute> attrs) {
        for (Attribute a : attrs) {
            switch (a.name()) {
                case "AutoOpen" -> m.autoOpen = true;
                case "RequireQualifiedAccess" -> m.requireQualifiedAccess = true;
                case "CompilationRepresentation", "CompiledName" -> { }
                default -> diags.warning(a.loc(), "the attribute '" + a.name() + "' has no meaning in fid-embed and is ignored");
            }
        }
    }

    private void checkDecls(List<Decl> decls, ModuleDef m) {
        ModuleDef saved = current;
        List<ModuleDef> savedOpens = new ArrayList<>(opens);
        current = m;
        try {
            for (Decl d : decls) {
                try {
                    checkDecl(d, m);
                } catch (org.fidembed.diag.CompileAbort e) {
                    throw e;
                }
            }
        } finally {
            current = saved;
            opens = savedOpens;
        }
    }

    private void checkDecl(Decl d, ModuleDef m) {
        if (d instanceof LetDecl ld) checkLetDecl(ld, m);
        else if (d instanceof TypeDecl td) defineTypes(td, m);
        else if (d instanceof ModuleDecl md) {
            ModuleDef sub = m.modules.get(md.name());
            if (sub == null) { sub = new ModuleDef(md.name(), m, md.loc()); m.modules.put(md.name(), sub); }
            sub.prelude = checkingPrelude;
            sub.isPrivate = md.access() == Access.PRIVATE;
            applyModuleAttrs(sub, md.attrs());
            if (sub.autoOpen) opens.add(sub);
            checkDecls(md.body(), sub);
        } else if (d instanceof OpenDecl od) {
            ModuleDef target = resolveModulePath(od.path());
            if (target == null) diags.error(od.loc(), "the namespace or module '" + String.join(".", od.path()) + "' is not defined");
            else {
                if (target.requireQualifiedAccess) diags.error(od.loc(), "the module '" + target.name + "' requires qualified access and cannot be opened");
                opens.add(target);
            }
        } else if (d instanceof ModuleAbbrev ma) {
            ModuleDef target = resolveModulePath(ma.path());
            if (target == null) diags.error(ma.loc(), "the namespace or module '" + String.join(".", ma.path()) + "' is not defined");
            else m.abbrevs.put(ma.name(), target);
        } else if (d instanceof DoDecl dd) {
            level++;
            tyVarScope = new HashMap<>();
            TExpr body = check(dd.expr(), Type.UNIT, Scope.EMPTY);
            level--;
            GlobalVal g = new GlobalVal("do@" + (++doCounter), m.qualifiedName + ".do@" + doCounter, dd.loc(), m, null);
            g.scheme = Scheme.mono(Type.UNIT);
            g.body = body;
            g.prelude = checkingPrelude;
            defaultTraits(body);
            globals.add(g);
        } else if (d instanceof UnsupportedDecl ud) {
            diags.error(ud.loc(), ud.message());
        }
    }

    // =============================================================================================== types

    private void defineTypes(TypeDecl td, ModuleDef m) {
        List<TypeDefn> defs = new ArrayList<>();
        for (TypeDef def : td.defs()) {
            if (def instanceof AbbrevDef ab) {
                defs.add(null);
                continue;
            }
            TypeDefn.Kind kind = def instanceof RecordDef ? TypeDefn.Kind.RECORD : def instanceof UnionDef ? TypeDefn.Kind.UNION : TypeDefn.Kind.ENUM;
            String qn = m.qualifiedName.isEmpty() ? def.name() : m.qualifiedName + "." + def.name();
            TypeDefn d = new TypeDefn(kind, def.name(), qn, def.typeParams(), def.loc());
            for (Attribute a : def.attrs()) {
                switch (a.name()) {
                    case "Struct" -> d.struct = true;
                    case "RequireQualifiedAccess" -> d.requireQualifiedAccess = true;
                    case "Flags" -> d.flags = true;
                    case "NoEquality" -> d.noEquality = true;
                    case "NoComparison" -> d.noComparison = true;
                    case "CustomEquality", "CustomComparison" -> diags.error(a.loc(), "custom equality and comparison are not supported by fid-embed");
                    case "StructLayout", "FieldOffset" -> diags.error(a.loc(), "struct unions with explicit layout are not supported yet");
                    default -> diags.warning(a.loc(), "the attribute '" + a.name() + "' has no meaning in fid-embed and is ignored");
                }
            }
            if (m.types.containsKey(def.name()) && !checkingPrelude) diags.error(def.loc(), "duplicate definition of type '" + def.name() + "'");
            m.types.put(def.name(), d);
            allTypes.add(d);
            defs.add(d);
        }
        // abbreviations first (they may be used by the others)
        for (int k = 0; k < td.defs().size(); k++) {
            if (td.defs().get(k) instanceof AbbrevDef ab) {
                if (ab.type() instanceof TAnyT) continue; // an unsupported definition already reported
                Map<String, Type> params = new HashMap<>();
                for (int p = 0; p < ab.typeParams().size(); p++) params.put(ab.typeParams().get(p), new Type.Param(p, ab.typeParams().get(p)));
                Type t = resolveTypeExpr(ab.type(), params, false);
                m.typeAbbrevs.put(ab.name(), new ModuleDef.Abbrev(ab.typeParams().size(), t));
            }
        }
        for (int k = 0; k < td.defs().size(); k++) {
            TypeDef def = td.defs().get(k);
            TypeDefn d = defs.get(k);
            if (d == null) continue;
            Map<String, Type> params = new HashMap<>();
            for (int p = 0; p < def.typeParams().size(); p++) params.put(def.typeParams().get(p), new Type.Param(p, def.typeParams().get(p)));
            if (def instanceof RecordDef rd) {
                Set<String> seen = new HashSet<>();
                for (FieldDef f : rd.fields()) {
                    if (!seen.add(f.name())) diags.error(f.loc(), "the field '" + f.name() + "' is defined twice");
                    d.fields.add(new TypeDefn.Field(f.name(), resolveTypeExpr(f.type(), params, false), f.mutable(), f.loc()));
                }
                recordTypes.add(d);
            } else if (def instanceof UnionDef ud) {
                int idx = 0;
                for (CaseDef c : ud.cases()) {
                    List<TypeDefn.Field> fields = new ArrayList<>();
                    int fi = 0;
                    for (CaseField f : c.fields()) {
                        String fname = f.name() != null ? f.name() : (c.fields().size() == 1 ? "Item" : "Item" + (fi + 1));
                        fields.add(new TypeDefn.Field(fname, resolveTypeExpr(f.type(), params, false), false, f.loc()));
                        fi++;
                    }
                    d.cases.add(new TypeDefn.Case(c.name(), fields, c.loc(), idx++));
                    if (!d.requireQualifiedAccess) m.values.put(c.name(), new CaseRef(d, d.cases.get(d.cases.size() - 1)));
                }
            } else if (def instanceof EnumDef ed) {
                Type under = null;
                for (EnumCase ec : ed.cases()) {
                    TExpr c = literal(ec.value(), ec.loc());
                    if (under == null) under = c.type();
                    else if (!sameType(under, c.type())) diags.error(ec.loc(), "all cases of an enum must have the same type: expected " + Type.show(under));
                    d.enumValues.add(new TypeDefn.EnumValue(ec.name(), ((Typed.Const) c).value(), ec.loc()));
                }
                d.enumUnderlying = under == null ? Type.INT : under;
            }
        }
        for (TypeDefn d : defs) if (d != null && d.kind == TypeDefn.Kind.UNION) checkUnionNotRecursive(d);
    }

    private boolean sameType(Type a, Type b) { return Type.show(a).equals(Type.show(b)); }

    private void checkUnionNotRecursive(TypeDefn d) {
        for (TypeDefn.Case c : d.cases) {
            for (TypeDefn.Field f : c.fields()) {
                if (containsByValue(f.type(), d, new HashSet<>())) {
                    diags.error(c.loc(), "recursive union types need a heap; use an array of nodes indexed by int");
                    return;
                }
            }
        }
    }

    private boolean containsByValue(Type t, TypeDefn target, Set<TypeDefn> seen) {
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

    /** Resolves a written type. Type variables ('T) come from params or the binding's scope. */
    private Type resolveTypeExpr(TypeExpr te, Map<String, Type> params, boolean allowFreeVars) {
        if (te instanceof TVarT v) {
            if (params != null && params.containsKey(v.name())) return params.get(v.name());
            Type.Var tv = tyVarScope.get(v.name());
            if (tv == null) {
                if (params != null && !allowFreeVars) {
                    diags.error(v.loc(), "the type parameter ''" + v.name() + "' is not defined");
                    return fresh();
                }
                tv = new Type.Var(level);
                tv.name = v.name();
                tyVarScope.put(v.name(), tv);
            }
            return tv;
        }
        if (te instanceof TAnyT) return fresh();
        if (te instanceof TFunT f) return new Type.Fun(resolveTypeExpr(f.arg(), params, allowFreeVars), resolveTypeExpr(f.result(), params, allowFreeVars));
        if (te instanceof TTupleT tt) {
            List<Type> el = new ArrayList<>();
            for (TypeExpr e : tt.elems()) el.add(resolveTypeExpr(e, params, allowFreeVars));
            return new Type.Tuple(el, tt.struct());
        }
        if (te instanceof TArrayT at) return new Type.Array(resolveTypeExpr(at.elem(), params, allowFreeVars));
        TName tn = (TName) te;
        List<Type> args = new ArrayList<>();
        for (TypeExpr a : tn.args()) args.add(resolveTypeExpr(a, params, allowFreeVars));
        String name = tn.path().get(tn.path().size() - 1);
        if (tn.path().size() == 1 || (tn.path().size() == 2 && tn.path().get(0).equals("System"))) {
            Type p = predef.primNames.get(name);
            if (p != null && lookupUserType(List.of(name)) == null) {
                if (!args.isEmpty()) diags.error(tn.loc(), "the type '" + name + "' takes no type arguments");
                return p;
            }
            if (name.equals("array") && args.size() == 1) return new Type.Array(args.get(0));
            String rej = switch (name) {
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
            if (rej != null && lookupUserType(List.of(name)) == null) { diags.error(tn.loc(), rej); return fresh(); }
        }
        // user types and abbreviations
        Object found = lookupUserType(tn.path());
        if (found instanceof TypeDefn d) {
            if (args.size() != d.typeParams.size()) {
                if (args.isEmpty()) { for (int k = 0; k < d.typeParams.size(); k++) args.add(fresh()); }
                else {
                    diags.error(tn.loc(), "the type '" + d.name + "' expects " + d.typeParams.size() + " type argument(s) but is given " + args.size());
                    return fresh();
                }
            }
            return new Type.Named(d, args);
        }
        if (found instanceof ModuleDef.Abbrev ab) {
            if (args.size() != ab.arity()) { diags.error(tn.loc(), "the type abbreviation '" + name + "' expects " + ab.arity() + " type argument(s)"); return fresh(); }
            return Type.substParams(ab.type(), args);
        }
        TypeDefn g = tn.path().size() == 1 ? predef.genericByName(name) : null;
        if (g != null) {
            if (args.size() != g.typeParams.size()) { diags.error(tn.loc(), "the type '" + name + "' expects " + g.typeParams.size() + " type argument(s)"); return fresh(); }
            return new Type.Named(g, args);
        }
        diags.error(tn.loc(), "the type '" + String.join(".", tn.path()) + "' is not defined");
        return fresh();
    }

    /** A user type or abbreviation by (possibly qualified) name, or null. */
    private Object lookupUserType(List<String> path) {
        if (path.size() == 1) {
            String n = path.get(0);
            for (ModuleDef m = current; m != null; m = m.parent) {
                if (m.types.containsKey(n)) return m.types.get(n);
                if (m.typeAbbrevs.containsKey(n)) return m.typeAbbrevs.get(n);
            }
            for (int k = opens.size() - 1; k >= 0; k--) {
                ModuleDef m = opens.get(k);
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

    // =============================================================================================== modules

    /** A module visible from here by name (nested, enclosing, opened, abbreviated or top-level). */
    private ModuleDef findModule(String name) {
        for (ModuleDef m = current; m != null; m = m.parent) {
            if (m.modules.containsKey(name)) return m.modules.get(name);
            if (m.abbrevs.containsKey(name)) return m.abbrevs.get(name);
            if (m.name.equals(name) && m != root) return m;
        }
        for (int k = opens.size() - 1; k >= 0; k--) {
            ModuleDef m = opens.get(k);
            if (m.modules.containsKey(name)) return m.modules.get(name);
        }
        return root.modules.get(name);
    }

    private ModuleDef resolveModulePath(List<String> path) {
        ModuleDef m = findModule(path.get(0));
        for (int k = 1; m != null && k < path.size(); k++) {
            ModuleDef next = m.modules.get(path.get(k));
            if (next == null) next = m.abbrevs.get(path.get(k));
            m = next;
        }
        return m;
    }

    // =============================================================================================== unification

    private Type.Var fresh() { return new Type.Var(level); }

    private void unify(Type a, Type b) {
        a = Type.prune(a);
        b = Type.prune(b);
        if (a == b) return;
        if (a instanceof Type.Var va) { bind(va, b); return; }
        if (b instanceof Type.Var vb) { bind(vb, a); return; }
        if (a instanceof Type.Prim pa && b instanceof Type.Prim pb) { if (pa.kind() != pb.kind()) throw new Mismatch(); return; }
        if (a instanceof Type.Fun fa && b instanceof Type.Fun fb) { unify(fa.arg(), fb.arg()); unify(fa.result(), fb.result()); return; }
        if (a instanceof Type.Tuple ta && b instanceof Type.Tuple tb) {
            if (ta.elems().size() != tb.elems().size() || ta.struct() != tb.struct()) throw new Mismatch();
            for (int k = 0; k < ta.elems().size(); k++) unify(ta.elems().get(k), tb.elems().get(k));
            return;
        }
        if (a instanceof Type.Array aa && b instanceof Type.Array ab) { unify(aa.elem(), ab.elem()); return; }
        if (a instanceof Type.Named na && b instanceof Type.Named nb && na.def() == nb.def()) {
            for (int k = 0; k < na.args().size(); k++) unify(na.args().get(k), nb.args().get(k));
            return;
        }
        throw new Mismatch();
    }

    private void bind(Type.Var v, Type t) {
        if (occurs(v, t)) throw new Mismatch();
        if (t instanceof Type.Var tv) {
            tv.traits.addAll(v.traits);
            if (tv.traitLoc == null) { tv.traitLoc = v.traitLoc; tv.traitOp = v.traitOp; }
            tv.level = Math.min(tv.level, v.level);
            if (tv.name == null) tv.name = v.name;
            v.link = tv;
            return;
        }
        for (Trait tr : v.traits) if (!Predef.satisfies(t, tr)) throw new TraitFailure(v, t, tr);
        adjustLevels(t, v.level);
        v.link = t;
    }

    private boolean occurs(Type.Var v, Type t) {
        t = Type.prune(t);
        if (t == v) return true;
        if (t instanceof Type.Fun f) return occurs(v, f.arg()) || occurs(v, f.result());
        if (t instanceof Type.Tuple tu) { for (Type e : tu.elems()) if (occurs(v, e)) return true; return false; }
        if (t instanceof Type.Array a) return occurs(v, a.elem());
        if (t instanceof Type.Named n) { for (Type e : n.args()) if (occurs(v, e)) return true; }
        return false;
    }

    private void adjustLevels(Type t, int lvl) {
        t = Type.prune(t);
        if (t instanceof Type.Var v) { if (v.level > lvl) v.level = lvl; }
        else if (t instanceof Type.Fun f) { adjustLevels(f.arg(), lvl); adjustLevels(f.result(), lvl); }
        else if (t instanceof Type.Tuple tu) tu.elems().forEach(e -> adjustLevels(e, lvl));
        else if (t instanceof Type.Array a) adjustLevels(a.elem(), lvl);
        else if (t instanceof Type.Named n) n.args().forEach(e -> adjustLevels(e, lvl));
    }

    /** Unifies, reporting F#'s message at loc when the types disagree. Returns false on error. */
    private boolean expect(Loc loc, Type expected, Type actual) {
        try {
            unify(expected, actual);
            return true;
        } catch (Mismatch m) {
            diags.error(loc, "this expression was expected to have type '" + Type.show(expected) + "' but here has type '" + Type.show(actual) + "'");
            return false;
        } catch (TraitFailure tf) {
            reportTrait(tf, loc);
            return false;
        }
    }

    private void reportTrait(TraitFailure tf, Loc fallback) {
        Loc at = tf.var.traitLoc != null ? tf.var.traitLoc : fallback;
        String op = tf.var.traitOp != null ? tf.var.traitOp : tf.trait.what;
        diags.error(at, traitMessage(tf.type, tf.trait, op));
    }

    private String traitMessage(Type t, Trait tr, String op) {
        return switch (tr) {
            case PRINT_INT -> "the type '" + Type.show(t) + "' is not an integer type, which %" + op + " requires";
            case PRINT_FLOAT -> "the type '" + Type.show(t) + "' is not a floating-point type, which %" + op + " requires";
            case FLOATING -> "the type '" + Type.show(t) + "' does not support '" + op + "' (it needs float or float32)";
            case CONVERTIBLE -> Type.isPrim(t, PrimKind.STRING)
                    ? "converting a string with '" + op + "' is parsing, which is not supported by fid-embed"
                    : "the type '" + Type.show(t) + "' does not support the conversion '" + op + "'";
            case EQUALITY -> "the type '" + Type.show(t) + "' does not support equality";
            case COMPARISON -> "the type '" + Type.show(t) + "' does not support comparison";
            default -> "the type '" + Type.show(t) + "' does not support the operator '" + op + "'";
        };
    }

    /** Requires a trait of t (now, or when a variable is resolved). */
    private void requireTrait(Type t, Trait tr, Loc loc, String op) {
        t = Type.prune(t);
        if (t instanceof Type.Var v) {
            if (v.traits.add(tr) && v.traitLoc == null) { v.traitLoc = loc; v.traitOp = op; }
            return;
        }
        if (!Predef.satisfies(t, tr)) diags.error(loc, traitMessage(t, tr, op));
        if ((tr == Trait.EQUALITY || tr == Trait.COMPARISON) && containsFunction(t)) {
            diags.error(loc, "the type '" + Type.show(t) + "' does not support " + (tr == Trait.EQUALITY ? "equality" : "comparison") + " because it contains a function");
        }
    }

    private boolean containsFunction(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Fun) return true;
        if (t instanceof Type.Tuple tu) { for (Type e : tu.elems()) if (containsFunction(e)) return true; }
        if (t instanceof Type.Array a) return containsFunction(a.elem());
        return false;
    }

    // =============================================================================================== generalisation

    private Scheme generalize(Type t, boolean keepTraits, Loc loc) {
        Set<Type.Var> free = new LinkedHashSet<>();
        Type.freeVars(t, free);
        List<Type.Var> vars = new ArrayList<>();
        for (Type.Var v : free) {
            if (v.level <= level) continue;
            if (!v.traits.isEmpty() && !keepTraits) {
                Type def = Predef.defaultFor(v.traits);
                if (def != null) {
                    try { unify(v, def); } catch (Mismatch | TraitFailure e) { /* reported elsewhere */ }
                    continue;
                }
            }
            vars.add(v);
        }
        return new Scheme(vars, t);
    }

    private Type instantiate(Scheme s, List<Type> typeArgsOut) {
        if (s.vars().isEmpty()) return s.type();
        Map<Type.Var, Type> map = new IdentityHashMap<>();
        for (Type.Var v : s.vars()) {
            Type.Var nv = fresh();
            nv.traits.addAll(v.traits);
            nv.traitOp = v.traitOp;
            map.put(v, nv);
            typeArgsOut.add(nv);
        }
        return Type.substVars(s.type(), map);
    }

    /** Defaults remaining trait variables in a finished top-level declaration (F#'s weak resolution). */
    private void defaultTraits(TExpr e) { defaultTraits(e, List.of()); }

    /** As above, leaving alone the variables a scheme quantifies over (an inline function's traits). */
    private void defaultTraits(TExpr e, List<Type.Var> keep) {
        new DefaultWalker(Collections.newSetFromMap(new IdentityHashMap<>())).walkKeeping(e, keep);
    }

    private final class DefaultWalker {
        final Set<Type.Var> keep;
        DefaultWalker(Set<Type.Var> keep) { this.keep = keep; }
        void walkKeeping(TExpr e, List<Type.Var> k) { keep.addAll(k); walk(e); }
        void type(Type t) {
            Set<Type.Var> free = new LinkedHashSet<>();
            Type.freeVars(t, free);
            for (Type.Var v : free) {
                if (v.level > level && !v.traits.isEmpty() && !keep.contains(v)) {
                    Type def = Predef.defaultFor(v.traits);
                    if (def != null) try { unify(v, def); } catch (Mismatch | TraitFailure e) { /* already reported */ }
                }
            }
        }
        void walk(TExpr e) {
            if (e == null) return;
            type(e.type());
            TreeWalk.children(e, this::walk);
        }
    }

    // =============================================================================================== let declarations

    private void checkLetDecl(LetDecl d, ModuleDef m) {
        if (d.rec()) { checkRecGroupGlobal(d, m); return; }
        for (Binding b : d.bindings()) checkGlobalBinding(b, m);
    }

    private GlobalVal newGlobal(Binding b, ModuleDef m, String name, Loc loc) {
        String qn = m.qualifiedName.isEmpty() ? name : m.qualifiedName + "." + name;
        GlobalVal g = new GlobalVal(name, qn, loc, m, b);
        g.prelude = checkingPrelude;
        g.mutable = b.mutable();
        g.inline = b.inline();
        g.isPrivate = b.access() == Access.PRIVATE;
        for (Attribute a : b.attrs()) {
            switch (a.name()) {
                case "Literal" -> g.literal = true;
                case "EntryPoint" -> g.entryPoint = true;
                case "Interrupt" -> {
                    String vec = attrString(a);
                    g.interruptVector = vec;
                    g.interruptLoc = a.loc();
                }
                case "Section" -> g.section = attrString(a);
                case "Export" -> g.exportName = attrString(a);
                case "NoInline" -> g.noInline = true;
                case "Test" -> g.test = true;
                case "CompiledName", "Inline", "GeneralizableValue" -> { }
                default -> diags.warning(a.loc(), "the attribute '" + a.name() + "' has no meaning in fid-embed and is ignored");
            }
        }
        ValueSym prev = m.values.get(name);
        if (prev instanceof Global pg && pg.g().module == m && !checkingPrelude && !name.startsWith("do@")) {
            diags.error(loc, "duplicate definition of value '" + name + "'");
        }
        return g;
    }

    private String attrString(Attribute a) {
        if (a.args().size() == 1 && a.args().get(0) instanceof Const c && c.lit() instanceof StringLit s) return s.value();
        if (a.args().size() == 1 && a.args().get(0) instanceof Paren p && p.inner() instanceof Const c && c.lit() instanceof StringLit s) return s.value();
        diags.error(a.loc(), "the attribute '" + a.name() + "' needs one string argument");
        return "";
    }

    private void checkGlobalBinding(Binding b, ModuleDef m) {
        tyVarScope = new HashMap<>();
        if (!b.isFunction() && b.name() == null) {
            // let (a, b) = ... at module level: a hidden tuple value and one global per name
            checkGlobalPatternBinding(b, m);
            return;
        }
        GlobalVal g = newGlobal(b, m, b.name(), b.nameLoc());
        level++;
        TExpr body;
        Type declared = null;
        if (b.isFunction() || isLambdaExpr(b.body())) {
            Typed.Lambda lam = checkFunctionBinding(b, g, Scope.EMPTY, null);
            body = lam;
            g.arity = lam.params().size();
        } else {
            Type t = fresh();
            if (b.returnType() != null) { declared = resolveTypeExpr(b.returnType(), null, true); unify(t, declared); }
            body = check(b.body(), t, Scope.EMPTY);
        }
        level--;
        g.body = body;
        boolean generalizable = g.arity > 0 && !g.mutable;
        g.scheme = generalizable ? generalize(body.type(), g.inline, b.loc()) : Scheme.mono(body.type());
        if (g.literal) checkLiteral(g, b);
        if (g.entryPoint) checkEntryPoint(g, b);
        if (g.interruptVector != null) checkInterrupt(g, b);
        if (g.test) checkTest(g, b);
        defaultTraits(body, g.scheme.vars());
        m.values.put(b.name(), new Global(g));
        if (g.isPrivate) m.privateNames.add(b.name());
        globals.add(g);
    }

    private void checkGlobalPatternBinding(Binding b, ModuleDef m) {
        GlobalVal tmp = newGlobal(b, m, "pattern@" + b.loc().line(), b.loc());
        level++;
        Type t = fresh();
        TExpr value = check(b.body(), t, Scope.EMPTY);
        level--;
        tmp.body = value;
        tmp.scheme = Scheme.mono(value.type());
        globals.add(tmp);
        Map<String, LocalVar> binds = new LinkedHashMap<>();
        TPat pat = checkPattern(b.pat(), value.type(), binds, Scope.EMPTY, null);
        defaultTraits(value);
        for (LocalVar lv : binds.values()) {
            GlobalVal g = newGlobal(b, m, lv.name, lv.loc);
            // body: match tmp with pat -> lv
            TExpr ref = new Typed.GlobalRef(b.loc(), value.type(), tmp, List.of());
            g.body = new Typed.Match(b.loc(), lv.type, ref, List.of(new Typed.Rule(b.loc(), pat, null, new Typed.LocalRef(lv.loc, lv.type, lv, List.of()))), true);
            g.scheme = Scheme.mono(lv.type);
            m.values.put(lv.name, new Global(g));
            globals.add(g);
        }
    }

    private static boolean isLambdaExpr(Expr e) {
        while (e instanceof Paren p) e = p.inner();
        return e instanceof Lambda || e instanceof Function;
    }

    private void checkRecGroupGlobal(LetDecl d, ModuleDef m) {
        tyVarScope = new HashMap<>();
        List<GlobalVal> gs = new ArrayList<>();
        level++;
        for (Binding b : d.bindings()) {
            if (b.name() == null) { diags.error(b.loc(), "'let rec' needs function bindings"); continue; }
            GlobalVal g = newGlobal(b, m, b.name(), b.nameLoc());
            g.rec = true;
            g.scheme = Scheme.mono(fresh());
            g.arity = b.params().size();
            m.values.put(b.name(), new Global(g));
            gs.add(g);
        }
        int k = 0;
        for (Binding b : d.bindings()) {
            if (b.name() == null) continue;
            GlobalVal g = gs.get(k++);
            if (!b.isFunction() && !isLambdaExpr(b.body())) {
                diags.error(b.nameLoc(), "'let rec' is only supported for functions in fid-embed");
                continue;
            }
            Typed.Lambda lam = checkFunctionBinding(b, g, Scope.EMPTY, g.scheme.type());
            g.body = lam;
            g.arity = lam.params().size();
        }
        level--;
        for (GlobalVal g : gs) {
            if (g.body == null) continue;
            g.scheme = generalize(g.body.type(), g.inline, g.loc);
            if (g.inline) diags.error(g.loc, "an inline function cannot be recursive");
        }
        for (GlobalVal g : gs) g.recGroup = List.copyOf(gs);
        for (GlobalVal g : gs) {
            if (g.body != null) defaultTraits(g.body, g.scheme.vars());
            if (g.entryPoint) checkEntryPoint(g, g.binding);
            if (g.interruptVector != null) checkInterrupt(g, g.binding);
            if (g.test) checkTest(g, g.binding);
            globals.add(g);
        }
    }

    private void checkLiteral(GlobalVal g, Binding b) {
        Object v = ConstEval.eval(g.body);
        if (v == null) {
            diags.error(b.nameLoc(), "this value is not a constant expression, which [<Literal>] requires");
            return;
        }
        Type t = Type.prune(g.body.type());
        if (!(t instanceof Type.Prim) && !(t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.ENUM)) {
            diags.error(b.nameLoc(), "a [<Literal>] must have a primitive type or string");
            return;
        }
        g.literalValue = v;
    }

    private void checkEntryPoint(GlobalVal g, Binding b) {
        if (entryPoint != null) diags.error(b.nameLoc(), "a program has exactly one [<EntryPoint>]; another one is at " + entryPoint.loc);
        if (checkingPrelude) return;
        entryPoint = g;
        Type want = new Type.Fun(new Type.Array(Type.STRING), Type.INT);
        Type t = Type.resolve(g.scheme.type());
        try { unify(t, want); } catch (Mismatch | TraitFailure e) {
            diags.error(b.nameLoc(), "the entry point must have type 'string[] -> int' but here has type '" + Type.show(t) + "'");
        }
    }

    /** A [<Test>] (fid-embed test) is a module-level function of type unit -> unit that the runner can call. */
    private void checkTest(GlobalVal g, Binding b) {
        Type t = Type.resolve(g.scheme.type());
        try { unify(t, new Type.Fun(Type.UNIT, Type.UNIT)); } catch (Mismatch | TraitFailure e) {
            diags.error(b.nameLoc(), "a [<Test>] function must have type 'unit -> unit' but here has type '" + Type.show(t) + "'");
            return;
        }
        if (g.arity != 1) diags.error(b.nameLoc(), "a [<Test>] must be a function: write 'let " + g.name + " () = ...'");
        else if (g.isPrivate) diags.error(b.nameLoc(), "a [<Test>] cannot be private: the test runner calls it from another module");
    }

    private void checkInterrupt(GlobalVal g, Binding b) {
        Type t = Type.resolve(g.scheme.type());
        try { unify(t, new Type.Fun(Type.UNIT, Type.UNIT)); } catch (Mismatch | TraitFailure e) {
            diags.error(b.nameLoc(), "an interrupt handler must have type 'unit -> unit' but here has type '" + Type.show(t) + "'");
        }
        if (interruptNameValid != null && !interruptNameValid.test(g.interruptVector)) {
            diags.error(g.interruptLoc, "board '" + boardName + "' has no interrupt vector '" + g.interruptVector + "'");
        }
        for (GlobalVal o : globals) {
            if (o != g && g.interruptVector.equals(o.interruptVector)) {
                diags.error(g.interruptLoc, "two handlers for the interrupt vector '" + g.interruptVector + "': the other one is '" + o.name + "' at " + o.loc);
            }
        }
    }

    /**
     * Checks `let f p1 p2 ... = body` (global or local). Parameters become local variables; a
     * parameter written as a pattern is matched at the start of the body. recType, for recursive
     * bindings, is the type the recursive uses already see.
     */
    private Typed.Lambda checkFunctionBinding(Binding b, Object self, Scope scope, Type recType) {
        List<Pat> params = new ArrayList<>(b.params());
        Expr body = b.body();
        // F#'s arity rule: let f a = fun b -> e takes two arguments
        while (true) {
            Expr inner = body;
            while (inner instanceof Paren p) inner = p.inner();
            if (inner instanceof Lambda l && b.returnType() == null) { params.addAll(l.params()); body = l.body(); continue; }
            break;
        }
        if (params.isEmpty()) {
            Expr inner = body;
            while (inner instanceof Paren p) inner = p.inner();
            if (inner instanceof Function fn) {
                // let f = function ... : one parameter matched by the rules
                Type argT = fresh(), resT = fresh();
                if (recType != null) expect(b.loc(), recType, new Type.Fun(argT, resT));
                LocalVar p = new LocalVar("arg", argT, false, fn.loc());
                p.compilerGenerated = true;
                Scope s = scope.with(p.name, new Local(p));
                TExpr m = checkRules(fn.loc(), new Typed.LocalRef(fn.loc(), argT, p, List.of()), fn.rules(), resT, s);
                return new Typed.Lambda(b.loc(), new Type.Fun(argT, resT), List.of(p), m);
            }
        }
        List<LocalVar> vars = new ArrayList<>();
        List<TPat> pats = new ArrayList<>();
        List<Type> ptypes = new ArrayList<>();
        Scope s = scope;
        Map<String, LocalVar> allBinds = new LinkedHashMap<>();
        for (Pat p : params) {
            Type pt = fresh();
            Pat inner = p;
            if (inner instanceof PTyped pty) { unify(pt, resolveTypeExpr(pty.type(), null, true)); inner = pty.pat(); }
            if (inner instanceof PName pn && resolvePatternName(pn.name()) == null) {
                LocalVar v = new LocalVar(pn.name(), pt, false, pn.loc());
                vars.add(v);
                pats.add(null);
            } else if (inner instanceof PWild w) {
                LocalVar v = new LocalVar("_", pt, false, w.loc());
                vars.add(v);
                pats.add(null);
            } else {
                LocalVar v = new LocalVar("arg" + vars.size(), pt, false, p.loc());
                v.compilerGenerated = true;
                vars.add(v);
                Map<String, LocalVar> binds = new LinkedHashMap<>();
                TPat tp = checkPattern(inner, pt, binds, scope, null);
                pats.add(tp);
                for (String n : binds.keySet()) {
                    if (allBinds.containsKey(n)) diags.error(binds.get(n).loc, "the name '" + n + "' is bound twice in these parameters");
                }
                allBinds.putAll(binds);
            }
            ptypes.add(pt);
        }
        Type resT = b.returnType() != null ? resolveTypeExpr(b.returnType(), null, true) : fresh();
        Type fnType = resT;
        for (int k = ptypes.size() - 1; k >= 0; k--) fnType = new Type.Fun(ptypes.get(k), fnType);
        if (recType != null) expect(b.nameLoc() != null ? b.nameLoc() : b.loc(), recType, fnType);
        for (int k = 0; k < vars.size(); k++) {
            if (pats.get(k) == null) s = s.with(vars.get(k).name, new Local(vars.get(k)));
        }
        for (LocalVar v : allBinds.values()) s = s.with(v.name, new Local(v));
        if (self instanceof LocalVar lv && recType != null) s = s.with(lv.name, new Local(lv));
        TExpr tb = check(body, resT, s);
        // destructure pattern parameters at the start of the body
        for (int k = vars.size() - 1; k >= 0; k--) {
            if (pats.get(k) == null) continue;
            LocalVar v = vars.get(k);
            tb = new Typed.Match(pats.get(k).loc(), resT, new Typed.LocalRef(v.loc, v.type, v, List.of()),
                    List.of(new Typed.Rule(pats.get(k).loc(), pats.get(k), null, tb)), true);
        }
        return new Typed.Lambda(b.loc(), fnType, vars, tb);
    }

    // =============================================================================================== expressions

    private static Loc startLoc(Expr e) {
        if (e instanceof Infix i) return startLoc(i.left());
        if (e instanceof App a) return startLoc(a.fn());
        if (e instanceof Index ix) return startLoc(ix.target());
        if (e instanceof DotGet d) return startLoc(d.target());
        if (e instanceof Ast.Typed t) return startLoc(t.expr());
        if (e instanceof Seq s) return startLoc(s.first());
        if (e instanceof Ast.Tuple t && !t.elems().isEmpty() && !t.struct()) return startLoc(t.elems().get(0));
        if (e instanceof TypeApp ta) return startLoc(ta.fn());
        if (e instanceof Assign a) return startLoc(a.target());
        return e.loc();
    }

    /** Checks that e has the expected type; mismatches are reported at the innermost expression. */
    public TExpr check(Expr e, Type expected, Scope scope) {
        if (e instanceof Paren p) {
            TExpr inner = check(p.inner(), expected, scope);
            return inner;
        }
        if (e instanceof If i) return checkIf(i, expected, scope);
        if (e instanceof Match m) {
            TExpr scrut = infer(m.scrutinee(), scope);
            return checkRules(m.loc(), scrut, m.rules(), expected, scope);
        }
        if (e instanceof LetIn l) return checkLetIn(l, expected, scope);
        if (e instanceof Seq s) {
            TExpr first = checkStatement(s.first(), scope);
            TExpr second = check(s.second(), expected, scope);
            return new Typed.Seq(s.loc(), second.type(), first, second);
        }
        if (e instanceof Lambda l) return checkLambda(l, expected, scope);
        if (e instanceof Function f) {
            Type argT = fresh(), resT = fresh();
            expect(f.loc(), expected, new Type.Fun(argT, resT));
            LocalVar p = new LocalVar("arg", argT, false, f.loc());
            p.compilerGenerated = true;
            Scope s2 = scope.with(p.name, new Local(p));
            TExpr m = checkRules(f.loc(), new Typed.LocalRef(f.loc(), argT, p, List.of()), f.rules(), resT, s2);
            return new Typed.Lambda(f.loc(), new Type.Fun(argT, resT), List.of(p), m);
        }
        if (e instanceof Const c && c.lit() instanceof IntLit il && Type.prune(expected) instanceof Type.Prim) {
            // fall through to the general path; literals have fixed types (no implicit conversion)
        }
        TExpr te = infer(e, scope, expected);
        expect(startLoc(e), expected, te.type());
        return te;
    }

    /** A statement in a sequence: its value is discarded (a warning unless it is unit). */
    private TExpr checkStatement(Expr e, Scope scope) {
        Type t = fresh();
        TExpr te = check(e, t, scope);
        Type r = Type.prune(te.type());
        if (r instanceof Type.Var) {
            try { unify(r, Type.UNIT); } catch (Mismatch | TraitFailure ex) { /* cannot happen */ }
        } else if (!Type.isPrim(r, PrimKind.UNIT) && !(te instanceof Typed.Error)) {
            diags.warning(startLoc(e), "the result of this expression has type '" + Type.show(r) + "' and is implicitly ignored; use 'ignore' or 'let _ ='");
        }
        return te;
    }

    private TExpr infer(Expr e, Scope scope) { return infer(e, scope, null); }

    private TExpr infer(Expr e, Scope scope, Type hint) {
        if (e instanceof Const c) return literal(c.lit(), c.loc());
        if (e instanceof Name n) return inferName(n, scope);
        if (e instanceof Paren p) return infer(p.inner(), scope, hint);
        if (e instanceof App a) return inferApp(a, scope, hint);
        if (e instanceof Infix i) return inferInfix(i, scope);
        if (e instanceof Prefix p) return inferPrefix(p, scope);
        if (e instanceof Ast.Tuple t) {
            List<TExpr> el = new ArrayList<>();
            List<Type> ts = new ArrayList<>();
            Type h = hint == null ? null : Type.prune(hint);
            for (int k = 0; k < t.elems().size(); k++) {
                Type et = h instanceof Type.Tuple ht && ht.elems().size() == t.elems().size() ? ht.elems().get(k) : fresh();
                TExpr x = check(t.elems().get(k), et, scope);
                el.add(x);
                ts.add(x.type());
            }
            return new Typed.Tuple(t.loc(), new Type.Tuple(ts, t.struct()), el);
        }
        if (e instanceof ArrayLit al) {
            Type elem = fresh();
            Type h = hint == null ? null : Type.prune(hint);
            if (h instanceof Type.Array ha) elem = ha.elem();
            List<TExpr> el = new ArrayList<>();
            for (Expr x : al.elems()) el.add(check(x, elem, scope));
            if (al.elems().size() > 100_000) diags.error(al.loc(), "this array literal has " + al.elems().size() + " elements; fid-embed accepts at most 100000 in one literal");
            return new Typed.ArrayLit(al.loc(), new Type.Array(elem), el);
        }
        if (e instanceof Index ix) return inferIndex(ix, scope);
        if (e instanceof DotGet d) {
            TExpr target = infer(d.target(), scope);
            return member(target, d.name(), d.nameLoc());
        }
        if (e instanceof RecordExpr r) return inferRecord(r, scope, hint);
        if (e instanceof Lambda || e instanceof Function || e instanceof If || e instanceof Match || e instanceof LetIn || e instanceof Seq) {
            Type t = hint != null ? hint : fresh();
            return check(e, t, scope);
        }
        if (e instanceof While w) {
            TExpr c = check(w.cond(), Type.BOOL, scope);
            TExpr b = checkStatement(w.body(), scope);
            return new Typed.While(w.loc(), Type.UNIT, c, b);
        }
        if (e instanceof ForTo f) {
            TExpr from = check(f.from(), Type.INT, scope);
            TExpr to = check(f.to(), Type.INT, scope);
            LocalVar v = new LocalVar(f.var(), Type.INT, false, f.varLoc());
            TExpr body = checkStatement(f.body(), scope.with(f.var(), new Local(v)));
            return new Typed.For(f.loc(), Type.UNIT, v, from, null, to, f.down(), body);
        }
        if (e instanceof ForIn f) return inferForIn(f, scope);
        if (e instanceof Assign a) return inferAssign(a, scope);
        if (e instanceof Ast.Typed t) {
            Type want = resolveTypeExpr(t.type(), null, true);
            return check(t.expr(), want, scope);
        }
        if (e instanceof TypeApp ta) return inferTypeApp(ta, scope);
        if (e instanceof OpValue ov) return operatorValue(ov.op(), ov.loc(), scope);
        if (e instanceof Range r) {
            diags.error(r.loc(), "sequences allocate on a heap; use a for loop or the Array module");
            return new Typed.Error(r.loc(), fresh());
        }
        if (e instanceof Unsupported u) {
            diags.error(u.loc(), u.message());
            return new Typed.Error(u.loc(), fresh());
        }
        throw new IllegalStateException("unexpected expression " + e.getClass().getSimpleName());
    }

    // ---------------------------------------------------------------------------------------------- literals

    private TExpr literal(Literal lit, Loc loc) {
        if (lit instanceof IntLit il) {
            PrimKind k = switch (il.suffix()) {
                case "y" -> PrimKind.SBYTE; case "uy" -> PrimKind.BYTE; case "s" -> PrimKind.INT16; case "us" -> PrimKind.UINT16;
                case "u" -> PrimKind.UINT32; case "L" -> PrimKind.INT64; case "UL" -> PrimKind.UINT64;
                case "n" -> PrimKind.NATIVEINT; case "un" -> PrimKind.UNATIVEINT;
                default -> PrimKind.INT32;
            };
            BigInteger v = il.negative() ? il.magnitude().negate() : il.magnitude();
            int bits = k.bits;
            BigInteger min = k.isSigned() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
            BigInteger max = k.isSigned() ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            BigInteger umax = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            boolean ok = v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
            if (!ok && il.bitPattern() && !il.negative() && v.compareTo(umax) <= 0) ok = true;
            if (!ok) {
                diags.error(loc, "literal " + v + " is out of range for " + k.fsName);
                return new Typed.Const(loc, Type.prim(k), 0L);
            }
            return new Typed.Const(loc, Type.prim(k), normalize(v.longValue(), k));
        }
        if (lit instanceof FloatLit fl) {
            if (fl.single()) return new Typed.Const(loc, Type.FLOAT32, (float) fl.value());
            return new Typed.Const(loc, Type.FLOAT, fl.value());
        }
        if (lit instanceof CharLit cl) return new Typed.Const(loc, Type.CHAR, cl.value());
        if (lit instanceof StringLit sl) return new Typed.Const(loc, Type.STRING, sl.value());
        if (lit instanceof BoolLit bl) return new Typed.Const(loc, Type.BOOL, bl.value());
        return new Typed.Const(loc, Type.UNIT, null);
    }

    /** The canonical long for an integer of kind k: truncated to its width and extended by its signedness. */
    public static long normalize(long v, PrimKind k) {
        return switch (k) {
            case SBYTE -> (byte) v;
            case BYTE, BOOL -> v & 0xFF;
            case INT16 -> (short) v;
            case UINT16, CHAR -> v & 0xFFFF;
            case INT32, NATIVEINT -> (int) v;
            case UINT32, UNATIVEINT -> v & 0xFFFFFFFFL;
            default -> v;
        };
    }

    // ---------------------------------------------------------------------------------------------- names

    /** What a path resolves to: a symbol, how many segments it used, or a module when it ends on one. */
    private record Resolved(ValueSym sym, int used, Object constant, Type constType) { }

    private Resolved resolveValue(List<String> path, List<Loc> locs, Scope scope, boolean report) {
        String first = path.get(0);
        ValueSym s = scope.lookup(first);
        if (s != null) return new Resolved(s, 1, null, null);
        s = lookupUnqualified(first);
        if (s != null) return new Resolved(s, 1, null, null);
        // module or type path
        ModuleDef m = findModule(first);
        int k = 1;
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
            if (t == null) t = predef.genericByName(first);
            if (t instanceof TypeDefn d && path.size() >= 2) {
                Resolved r = memberOfType(d, path.get(1));
                if (r != null) return r;
            }
        }
        while (m != null && k < path.size()) {
            String n = path.get(k);
            ValueSym v = m.values.get(n);
            if (v != null && !(m.privateNames.contains(n) && !isInside(m))) return new Resolved(v, k + 1, null, null);
            if (v != null) {
                if (report) diags.error(locs.get(k), "the value '" + n + "' is private to module '" + m.name + "'");
                return new Resolved(v, k + 1, null, null);
            }
            ModuleDef sub = m.modules.get(n);
            if (sub == null) sub = m.abbrevs.get(n);
            if (sub != null) { m = sub; k++; continue; }
            TypeDefn td = m.types.get(n);
            if (td != null && k + 1 < path.size()) {
                Resolved r = memberOfType(td, path.get(k + 1));
                if (r != null) return new Resolved(r.sym(), k + 2, r.constant(), r.constType());
            }
            Builtin b = Predef.QUALIFIED_BUILTINS.get(m.name + "." + n);
            if (b != null) return new Resolved(new BuiltinRef(b), k + 1, null, null);
            if (report) {
                String rej = m.prelude ? Predef.rejectedName(path) : null;
                if (m.prelude && (m.name.equals("Array") || m.name.equals("Option") || m.name.equals("ValueOption") || m.name.equals("Result"))) {
                    diags.error(locs.get(0), "'" + m.name + "." + n + "' is not available in fid-embed");
                } else if (rej != null) {
                    diags.error(locs.get(0), rej);
                } else {
                    diags.error(locs.get(k), "the value, constructor, namespace or type '" + n + "' is not defined in '" + m.qualifiedName + "'");
                }
            }
            return null;
        }
        if (m != null) {
            if (report) diags.error(locs.get(0), "'" + String.join(".", path) + "' is a module, not a value");
            return null;
        }
        Builtin b = Predef.GLOBAL_BUILTINS.get(first);
        if (b != null) return new Resolved(new BuiltinRef(b), 1, null, null);
        if (report) {
            String rej = Predef.rejectedName(path);
            if (rej != null) diags.error(locs.get(0), rej);
            else diags.error(locs.get(0), "the value or constructor '" + first + "' is not defined");
        }
        return null;
    }

    private boolean isInside(ModuleDef m) {
        for (ModuleDef c = current; c != null; c = c.parent) if (c == m) return true;
        return false;
    }

    private boolean opensSystem() { return true; }

    private Resolved systemConstant(String typeName, String member) {
        Type t = predef.primNames.get(typeName);
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

    private Resolved memberOfType(TypeDefn d, String n) {
        if (d.kind == TypeDefn.Kind.UNION) {
            TypeDefn.Case c = d.caseNamed(n);
            if (c != null) return new Resolved(new CaseRef(d, c), 2, null, null);
        }
        if (d.kind == TypeDefn.Kind.ENUM) {
            for (TypeDefn.EnumValue ev : d.enumValues) if (ev.name().equals(n)) return new Resolved(new EnumRef(d, ev), 2, null, null);
        }
        return null;
    }

    private ValueSym lookupUnqualified(String n) {
        for (ModuleDef m = current; m != null; m = m.parent) {
            ValueSym s = m.values.get(n);
            if (s != null) return s;
        }
        for (int k = opens.size() - 1; k >= 0; k--) {
            ModuleDef m = opens.get(k);
            ValueSym s = m.values.get(n);
            if (s != null && !m.privateNames.contains(n)) return s;
        }
        return null;
    }

    /** A name in a pattern that denotes a union case, literal or enum value (rather than a new variable). */
    private ValueSym resolvePatternName(String n) {
        ValueSym s = lookupUnqualified(n);
        if (s instanceof CaseRef) return s;
        if (s instanceof Global g && g.g().literal) return s;
        return null;
    }

    private TExpr inferName(Name n, Scope scope) {
        Resolved r = resolveValue(n.path(), n.locs(), scope, true);
        if (r == null) return new Typed.Error(n.loc(), fresh());
        TExpr head;
        if (r.sym() == null) head = new Typed.Const(n.loc(), r.constType(), r.constant());
        else head = symbolValue(r.sym(), n.loc(), n.locs().get(Math.min(r.used() - 1, n.locs().size() - 1)));
        for (int k = r.used(); k < n.path().size(); k++) head = member(head, n.path().get(k), n.locs().get(k));
        return head;
    }

    /** The value of a resolved symbol used as an expression (instantiated). */
    private TExpr symbolValue(ValueSym s, Loc loc, Loc nameLoc) {
        if (s instanceof Local l) {
            l.v().uses++;
            if (l.v().scheme != null) {
                List<Type> targs = new ArrayList<>();
                Type t = instantiate(l.v().scheme, targs);
                return new Typed.LocalRef(loc, t, l.v(), targs);
            }
            return new Typed.LocalRef(loc, l.v().type, l.v(), List.of());
        }
        if (s instanceof Global g) {
            GlobalVal gv = g.g();
            gv.uses++;
            if (gv.literal && gv.literalValue != null) return new Typed.Const(loc, gv.scheme.type(), gv.literalValue);
            if (gv.scheme == null) {
                diags.error(loc, "'" + gv.name + "' is used before its definition is complete");
                return new Typed.Error(loc, fresh());
            }
            List<Type> targs = new ArrayList<>();
            Type t = instantiate(gv.scheme, targs);
            return new Typed.GlobalRef(loc, t, gv, targs);
        }
        if (s instanceof CaseRef c) {
            List<Type> targs = new ArrayList<>();
            for (int k = 0; k < c.def().typeParams.size(); k++) targs.add(fresh());
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
        Builtin b = ((BuiltinRef) s).b();
        return builtinValue(b, loc, nameLoc);
    }

    /** A builtin used as a value: constants directly, functions as lambdas over their parameters. */
    private TExpr builtinValue(Builtin b, Loc loc, Loc nameLoc) {
        switch (b) {
            case NAN: return new Typed.Const(loc, Type.FLOAT, Double.NaN);
            case INFINITY: return new Typed.Const(loc, Type.FLOAT, Double.POSITIVE_INFINITY);
            case NANF: return new Typed.Const(loc, Type.FLOAT32, Float.NaN);
            case INFINITYF: return new Typed.Const(loc, Type.FLOAT32, Float.POSITIVE_INFINITY);
            case PRINTF: case PRINTFN: case EPRINTF: case EPRINTFN: case FAILWITHF:
                diags.error(loc, "'" + b.fsName + "' needs a literal format string after it");
                return new Typed.Error(loc, fresh());
            default: break;
        }
        BuiltinSig sig = builtinSig(b, loc);
        List<LocalVar> ps = new ArrayList<>();
        List<TExpr> args = new ArrayList<>();
        for (int k = 0; k < sig.params.size(); k++) {
            LocalVar p = new LocalVar("x" + k, sig.params.get(k), false, loc);
            p.compilerGenerated = true;
            ps.add(p);
            args.add(new Typed.LocalRef(loc, p.type, p, List.of()));
        }
        TExpr body = applyBuiltin(b, sig, args, loc);
        if (ps.isEmpty()) return body;
        Type t = body.type();
        for (int k = ps.size() - 1; k >= 0; k--) t = new Type.Fun(ps.get(k).type, t);
        return new Typed.Lambda(loc, t, ps, body);
    }

    /** The parameter and result types of a builtin function (fresh for each use). */
    private record BuiltinSig(List<Type> params, Type result, List<Type> typeArgs) { }

    private BuiltinSig builtinSig(Builtin b, Loc loc) {
        switch (b) {
            case ADD, SUB, MUL, DIV, MOD, BAND, BOR, BXOR -> {
                Type.Var a = fresh();
                requireTrait(a, switch (b) { case ADD -> Trait.ADD; case BAND, BOR, BXOR -> Trait.INTEGRAL; default -> Trait.ARITH; }, loc, b.fsName);
                return new BuiltinSig(List.of(a, a), a, List.of(a));
            }
            case SHL, SHR -> { Type.Var a = fresh(); requireTrait(a, Trait.INTEGRAL, loc, b.fsName); return new BuiltinSig(List.of(a, Type.INT), a, List.of(a)); }
            case NEG, ABS -> { Type.Var a = fresh(); requireTrait(a, Trait.NEG, loc, b == Builtin.NEG ? "-" : "abs"); return new BuiltinSig(List.of(a), a, List.of(a)); }
            case BNOT -> { Type.Var a = fresh(); requireTrait(a, Trait.INTEGRAL, loc, "~~~"); return new BuiltinSig(List.of(a), a, List.of(a)); }
            case EQ, NE -> { Type.Var a = fresh(); requireTrait(a, Trait.EQUALITY, loc, b.fsName); return new BuiltinSig(List.of(a, a), Type.BOOL, List.of(a)); }
            case LT, LE, GT, GE -> { Type.Var a = fresh(); requireTrait(a, Trait.COMPARISON, loc, b.fsName); return new BuiltinSig(List.of(a, a), Type.BOOL, List.of(a)); }
            case COMPARE -> { Type.Var a = fresh(); requireTrait(a, Trait.COMPARISON, loc, "compare"); return new BuiltinSig(List.of(a, a), Type.INT, List.of(a)); }
            case HASH -> { Type.Var a = fresh(); requireTrait(a, Trait.EQUALITY, loc, "hash"); return new BuiltinSig(List.of(a), Type.INT, List.of(a)); }
            case AND, OR -> { return new BuiltinSig(List.of(Type.BOOL, Type.BOOL), Type.BOOL, List.of()); }
            case NOT -> { return new BuiltinSig(List.of(Type.BOOL), Type.BOOL, List.of()); }
            case SQRT, FLOOR, CEIL, TRUNCATE, ROUND -> { Type.Var a = fresh(); requireTrait(a, Trait.FLOATING, loc, b.fsName); return new BuiltinSig(List.of(a), a, List.of(a)); }
            case TO_SBYTE, TO_BYTE, TO_INT16, TO_UINT16, TO_INT32, TO_UINT32, TO_INT64, TO_UINT64, TO_NATIVEINT, TO_UNATIVEINT,
                 TO_CHAR, TO_FLOAT32, TO_FLOAT -> {
                Type.Var a = fresh();
                requireTrait(a, Trait.CONVERTIBLE, loc, b.fsName);
                Type r = switch (b) {
                    case TO_SBYTE -> Type.SBYTE; case TO_BYTE -> Type.BYTE; case TO_INT16 -> Type.INT16; case TO_UINT16 -> Type.UINT16;
                    case TO_INT32 -> Type.INT; case TO_UINT32 -> Type.UINT32; case TO_INT64 -> Type.INT64; case TO_UINT64 -> Type.UINT64;
                    case TO_NATIVEINT -> Type.NATIVEINT; case TO_UNATIVEINT -> Type.UNATIVEINT; case TO_CHAR -> Type.CHAR;
                    case TO_FLOAT32 -> Type.FLOAT32; default -> Type.FLOAT;
                };
                return new BuiltinSig(List.of(a), r, List.of(a));
            }
            case TO_ENUM -> { Type.Var a = fresh(); return new BuiltinSig(List.of(Type.INT), a, List.of(a)); }
            case FAILWITH -> { Type.Var a = fresh(); return new BuiltinSig(List.of(Type.STRING), a, List.of(a)); }
            case INVALID_ARG -> { Type.Var a = fresh(); return new BuiltinSig(List.of(Type.STRING, Type.STRING), a, List.of(a)); }
            case ASSERT -> { return new BuiltinSig(List.of(Type.BOOL), Type.UNIT, List.of()); }
            case ARRAY_ZEROCREATE -> { Type.Var a = fresh(); return new BuiltinSig(List.of(Type.INT), new Type.Array(a), List.of(a)); }
            case MMIO_READ8 -> { return new BuiltinSig(List.of(Type.UNATIVEINT), Type.BYTE, List.of()); }
            case MMIO_READ16 -> { return new BuiltinSig(List.of(Type.UNATIVEINT), Type.UINT16, List.of()); }
            case MMIO_READ32 -> { return new BuiltinSig(List.of(Type.UNATIVEINT), Type.UINT32, List.of()); }
            case MMIO_WRITE8 -> { return new BuiltinSig(List.of(Type.UNATIVEINT, Type.BYTE), Type.UNIT, List.of()); }
            case MMIO_WRITE16 -> { return new BuiltinSig(List.of(Type.UNATIVEINT, Type.UINT16), Type.UNIT, List.of()); }
            case MMIO_WRITE32 -> { return new BuiltinSig(List.of(Type.UNATIVEINT, Type.UINT32), Type.UNIT, List.of()); }
            case CPU_NOP, CPU_WFI, CPU_DISABLE_IRQ, CPU_ENABLE_IRQ -> { return new BuiltinSig(List.of(Type.UNIT), Type.UNIT, List.of()); }
            case CPU_CYCLES -> { return new BuiltinSig(List.of(Type.UNIT), Type.UINT32, List.of()); }
            case EXIT -> { return new BuiltinSig(List.of(Type.INT), Type.UNIT, List.of()); }
            case FLOAT_BITS -> { return new BuiltinSig(List.of(Type.FLOAT), Type.UINT64, List.of()); }
            case FLOAT_OF_BITS -> { return new BuiltinSig(List.of(Type.UINT64), Type.FLOAT, List.of()); }
            case FLOAT32_BITS -> { return new BuiltinSig(List.of(Type.FLOAT32), Type.UINT32, List.of()); }
            case FLOAT32_OF_BITS -> { return new BuiltinSig(List.of(Type.UINT32), Type.FLOAT32, List.of()); }
            case STRING_IS_WIDE -> { return new BuiltinSig(List.of(Type.STRING), Type.BOOL, List.of()); }
            case STRING_BYTE -> { return new BuiltinSig(List.of(Type.STRING, Type.INT), Type.BYTE, List.of()); }
            case STRING_CHAR -> { return new BuiltinSig(List.of(Type.STRING, Type.INT), Type.CHAR, List.of()); }
            case UNREACHABLE -> { Type.Var a = fresh(); return new BuiltinSig(List.of(Type.UNIT), a, List.of(a)); }
            case STACK_HIGH_WATER -> { return new BuiltinSig(List.of(Type.UNIT), Type.INT, List.of()); }
            case LOAD8 -> { return new BuiltinSig(List.of(Type.UNATIVEINT), Type.BYTE, List.of()); }
            case LOAD16 -> { return new BuiltinSig(List.of(Type.UNATIVEINT), Type.UINT16, List.of()); }
            case LOAD32 -> { return new BuiltinSig(List.of(Type.UNATIVEINT), Type.UINT32, List.of()); }
            case STORE8 -> { return new BuiltinSig(List.of(Type.UNATIVEINT, Type.BYTE), Type.UNIT, List.of()); }
            case STORE16 -> { return new BuiltinSig(List.of(Type.UNATIVEINT, Type.UINT16), Type.UNIT, List.of()); }
            case STORE32 -> { return new BuiltinSig(List.of(Type.UNATIVEINT, Type.UINT32), Type.UNIT, List.of()); }
            case CSR_READ -> { return new BuiltinSig(List.of(Type.STRING), Type.UINT32, List.of()); }
            case CSR_WRITE, CSR_SET, CSR_CLEAR -> { return new BuiltinSig(List.of(Type.STRING, Type.UINT32), Type.UNIT, List.of()); }
            case ZERO -> { Type.Var a = fresh(); return new BuiltinSig(List.of(Type.UNIT), a, List.of(a)); }
            case ADDRESS_OF_ARRAY -> { Type.Var a = fresh(); return new BuiltinSig(List.of(new Type.Array(a)), Type.UNATIVEINT, List.of(a)); }
            default -> throw new IllegalStateException("no signature for " + b);
        }
    }

    /** A fully applied builtin with already-checked arguments. */
    private TExpr applyBuiltin(Builtin b, BuiltinSig sig, List<TExpr> args, Loc loc) {
        switch (b) {
            case FAILWITH: return new Typed.Panic(loc, sig.result, args.get(0), null);
            case INVALID_ARG: {
                // message: "msg (Parameter 'name')"
                TExpr msg = new Typed.Printf(loc, Type.UNIT, Builtin.PRINTF,
                        new Format(List.of(new Format.Spec(loc, false, false, false, false, -1, -1, 's'), new Format.Text(" (Parameter '"),
                                new Format.Spec(loc, false, false, false, false, -1, -1, 's'), new Format.Text("')"))),
                        List.of(args.get(1), args.get(0)));
                return new Typed.Panic(loc, sig.result, msg, null);
            }
            default: return new Typed.Prim(loc, sig.result, b, args, sig.typeArgs);
        }
    }

    // ---------------------------------------------------------------------------------------------- members

    /** target.name: a record field, or .Length / .IsSome / .IsNone / .Value. */
    private TExpr member(TExpr target, String name, Loc loc) {
        if (target instanceof Typed.Error) return new Typed.Error(loc, fresh());
        Type t = Type.prune(target.type());
        if (t instanceof Type.Var) {
            // F# resolves a field of an unknown type by the latest record type that has it
            TypeDefn d = recordWithField(name);
            if (d != null && !List.of("Length", "IsSome", "IsNone", "Value").contains(name)) {
                List<Type> targs = freshArgs(d);
                unify(t, new Type.Named(d, targs));
                t = Type.prune(target.type());
            } else {
                diags.error(loc, "lookup on object of indeterminate type based on information prior to this program point; add a type annotation");
                return new Typed.Error(loc, fresh());
            }
        }
        if (t instanceof Type.Array && name.equals("Length")) return new Typed.Prop(loc, Type.INT, Typed.PropKind.ARRAY_LENGTH, target);
        if (Type.isPrim(t, PrimKind.STRING) && name.equals("Length")) return new Typed.Prop(loc, Type.INT, Typed.PropKind.STRING_LENGTH, target);
        if (t instanceof Type.Named n) {
            TypeDefn d = n.def();
            if (d == predef.option || d == predef.voption) {
                switch (name) {
                    case "IsSome": return new Typed.Prop(loc, Type.BOOL, Typed.PropKind.IS_SOME, target);
                    case "IsNone": return new Typed.Prop(loc, Type.BOOL, Typed.PropKind.IS_NONE, target);
                    case "Value": return new Typed.Prop(loc, n.args().get(0), Typed.PropKind.VALUE, target);
                    default: break;
                }
            }
            if (d.kind == TypeDefn.Kind.RECORD) {
                int idx = d.fieldIndex(name);
                if (idx >= 0) return new Typed.Field(loc, Type.substParams(d.fields.get(idx).type(), n.args()), target, d, idx);
            }
        }
        if (name.equals("ToString")) {
            diags.error(loc, "building strings needs a heap; print the parts with printf");
            return new Typed.Error(loc, fresh());
        }
        diags.error(loc, "the type '" + Type.show(t) + "' does not define the field, constructor or member '" + name + "'");
        return new Typed.Error(loc, fresh());
    }

    private List<Type> freshArgs(TypeDefn d) {
        List<Type> targs = new ArrayList<>();
        for (int k = 0; k < d.typeParams.size(); k++) targs.add(fresh());
        return targs;
    }

    private TypeDefn recordWithField(String name) {
        // prefer types visible without qualification, latest first
        for (int k = recordTypes.size() - 1; k >= 0; k--) if (recordTypes.get(k).fieldIndex(name) >= 0 && visibleType(recordTypes.get(k))) return recordTypes.get(k);
        for (int k = recordTypes.size() - 1; k >= 0; k--) if (recordTypes.get(k).fieldIndex(name) >= 0) return recordTypes.get(k);
        return null;
    }

    private boolean visibleType(TypeDefn d) {
        for (ModuleDef m = current; m != null; m = m.parent) if (m.types.get(d.name) == d) return true;
        for (ModuleDef m : opens) if (m.types.get(d.name) == d) return true;
        return false;
    }

    // ---------------------------------------------------------------------------------------------- application

    private TExpr inferApp(App a, Scope scope, Type hint) {
        List<Expr> args = new ArrayList<>();
        Expr head = a;
        while (head instanceof App ap) { args.add(0, ap.arg()); head = ap.fn(); }
        Expr h = head;
        while (h instanceof Paren p && !(p.inner() instanceof App)) h = p.inner();
        if (h instanceof Name n) {
            Resolved r = resolveValue(n.path(), n.locs(), scope, false);
            if (r != null && r.used() == n.path().size() && r.sym() instanceof BuiltinRef br) return applyBuiltinExpr(br.b(), n.loc(), args, scope);
            if (r != null && r.used() == n.path().size() && r.sym() instanceof CaseRef cr) return applyCase(cr, n.loc(), args, scope);
        }
        TExpr fn = infer(head, scope);
        return applyArgs(fn, args, scope, a.loc());
    }

    private TExpr applyArgs(TExpr fn, List<Expr> args, Scope scope, Loc loc) {
        List<TExpr> targs = new ArrayList<>();
        Type t = fn.type();
        for (Expr arg : args) {
            Type pt = Type.prune(t);
            if (pt instanceof Type.Var v) {
                Type.Var p = fresh(), r = fresh();
                unify(v, new Type.Fun(p, r));
                pt = Type.prune(v);
            }
            if (!(pt instanceof Type.Fun f)) {
                if (!(fn instanceof Typed.Error)) diags.error(startLoc(arg), "this value is not a function and cannot be applied");
                return new Typed.Error(loc, fresh());
            }
            targs.add(check(arg, f.arg(), scope));
            t = f.result();
        }
        if (fn instanceof Typed.App inner) {
            List<TExpr> all = new ArrayList<>(inner.args());
            all.addAll(targs);
            return new Typed.App(inner.loc(), t, inner.fn(), all);
        }
        return new Typed.App(fn.loc(), t, fn, targs);
    }

    private TExpr applyBuiltinExpr(Builtin b, Loc loc, List<Expr> args, Scope scope) {
        switch (b) {
            case PRINTF: case PRINTFN: case EPRINTF: case EPRINTFN: case FAILWITHF:
                return applyPrintf(b, loc, args, scope);
            case NAN: case INFINITY: case NANF: case INFINITYF: {
                TExpr v = builtinValue(b, loc, loc);
                return applyArgs(v, args, scope, loc);
            }
            default: break;
        }
        BuiltinSig sig = builtinSig(b, loc);
        int n = sig.params.size();
        if (args.size() < n) {
            // partial application of a builtin: a lambda over the rest
            TExpr v = builtinValue(b, loc, loc);
            return applyArgs(v, args, scope, loc);
        }
        List<TExpr> targs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Expr arg = args.get(k);
            TExpr ta;
            if (b.name().startsWith("TO_") && b != Builtin.TO_ENUM) {
                ta = infer(arg, scope);
                expect(startLoc(arg), sig.params.get(k), ta.type());
            } else ta = check(arg, sig.params.get(k), scope);
            targs.add(ta);
        }
        TExpr res = applyBuiltin(b, sig, targs, loc);
        if (args.size() > n) return applyArgs(res, args.subList(n, args.size()), scope, loc);
        return res;
    }

    private TExpr applyPrintf(Builtin b, Loc loc, List<Expr> args, Scope scope) {
        if (args.isEmpty()) {
            diags.error(loc, "'" + b.fsName + "' needs a literal format string after it");
            return new Typed.Error(loc, fresh());
        }
        Expr f = args.get(0);
        while (f instanceof Paren p) f = p.inner();
        if (!(f instanceof Const c) || !(c.lit() instanceof StringLit sl)) {
            diags.error(startLoc(args.get(0)), "the format of '" + b.fsName + "' must be a string literal");
            return new Typed.Error(loc, fresh());
        }
        int errorsBefore = (int) diags.errorCount();
        Format fmt = Format.parse(sl.value(), sl.raw(), c.loc(), diags);
        if (diags.errorCount() > errorsBefore) {
            for (int k = 1; k < args.size(); k++) infer(args.get(k), scope);
            return new Typed.Error(loc, fresh());
        }
        List<Format.Spec> specs = fmt.specs();
        List<Type> types = new ArrayList<>();
        for (Format.Spec s : specs) {
            switch (s.conv()) {
                case 'd', 'i', 'u', 'x', 'X', 'o' -> { Type.Var v = fresh(); requireTrait(v, Trait.PRINT_INT, s.loc(), String.valueOf(s.conv())); types.add(v); }
                case 'f', 'F', 'e', 'E' -> { Type.Var v = fresh(); requireTrait(v, Trait.PRINT_FLOAT, s.loc(), String.valueOf(s.conv())); types.add(v); }
                case 'c' -> types.add(Type.CHAR);
                case 's' -> types.add(Type.STRING);
                case 'b' -> types.add(Type.BOOL);
                default -> types.add(fresh());
            }
        }
        Type result = b == Builtin.FAILWITHF ? fresh() : Type.UNIT;
        List<TExpr> given = new ArrayList<>();
        int k = 1;
        for (; k < args.size() && given.size() < types.size(); k++) given.add(check(args.get(k), types.get(given.size()), scope));
        TExpr call;
        if (given.size() < types.size()) {
            // partial application: fun rest... -> printf fmt given rest
            List<LocalVar> ps = new ArrayList<>();
            List<TExpr> all = new ArrayList<>(given);
            for (int j = given.size(); j < types.size(); j++) {
                LocalVar p = new LocalVar("fmtArg" + j, types.get(j), false, loc);
                p.compilerGenerated = true;
                ps.add(p);
                all.add(new Typed.LocalRef(loc, p.type, p, List.of()));
            }
            TExpr body = b == Builtin.FAILWITHF ? new Typed.Panic(loc, result, new Typed.Printf(loc, Type.UNIT, Builtin.PRINTF, fmt, all), null)
                    : new Typed.Printf(loc, Type.UNIT, b, fmt, all);
            Type t = body.type();
            for (int j = ps.size() - 1; j >= 0; j--) t = new Type.Fun(ps.get(j).type, t);
            call = new Typed.Lambda(loc, t, ps, body);
        } else {
            call = b == Builtin.FAILWITHF ? new Typed.Panic(loc, result, new Typed.Printf(loc, Type.UNIT, Builtin.PRINTF, fmt, given), null)
                    : new Typed.Printf(loc, Type.UNIT, b, fmt, given);
        }
        if (k < args.size()) return applyArgs(call, args.subList(k, args.size()), scope, loc);
        return call;
    }

    private TExpr applyCase(CaseRef cr, Loc loc, List<Expr> args, Scope scope) {
        TypeDefn d = cr.def();
        TypeDefn.Case c = cr.c();
        List<Type> targs = freshArgs(d);
        Type ut = new Type.Named(d, targs);
        if (c.fields().isEmpty()) {
            diags.error(startLoc(args.get(0)), "the union case '" + c.name() + "' takes no arguments");
            return new Typed.Error(loc, fresh());
        }
        Expr arg = args.get(0);
        Expr inner = arg;
        while (inner instanceof Paren p) inner = p.inner();
        List<TExpr> vals = new ArrayList<>();
        int n = c.fields().size();
        if (n == 1) {
            vals.add(check(arg, Type.substParams(c.fields().get(0).type(), targs), scope));
        } else if (inner instanceof Ast.Tuple tu && tu.elems().size() == n && isNamedArgs(tu.elems())) {
            TExpr[] slots = new TExpr[n];
            for (Expr el : tu.elems()) {
                Infix eq = (Infix) el;
                String fname = ((Name) eq.left()).path().get(0);
                int idx = -1;
                for (int k = 0; k < n; k++) if (c.fields().get(k).name().equals(fname)) idx = k;
                if (idx < 0) { diags.error(eq.left().loc(), "the union case '" + c.name() + "' has no field named '" + fname + "'"); continue; }
                if (slots[idx] != null) diags.error(eq.left().loc(), "the field '" + fname + "' is given twice");
                slots[idx] = check(eq.right(), Type.substParams(c.fields().get(idx).type(), targs), scope);
            }
            for (int k = 0; k < n; k++) {
                if (slots[k] == null) { diags.error(arg.loc(), "the field '" + c.fields().get(k).name() + "' of union case '" + c.name() + "' is not given"); slots[k] = new Typed.Error(loc, fresh()); }
                vals.add(slots[k]);
            }
        } else if (inner instanceof Ast.Tuple tu && tu.elems().size() == n) {
            for (int k = 0; k < n; k++) vals.add(check(tu.elems().get(k), Type.substParams(c.fields().get(k).type(), targs), scope));
        } else {
            diags.error(startLoc(arg), "the union case '" + c.name() + "' expects " + n + " arguments in tupled form");
            return new Typed.Error(loc, fresh());
        }
        TExpr res = new Typed.UnionCase(loc, ut, d, c.index(), vals);
        if (args.size() > 1) return applyArgs(res, args.subList(1, args.size()), scope, loc);
        return res;
    }

    private static boolean isNamedArgs(List<Expr> elems) {
        for (Expr e : elems) {
            if (!(e instanceof Infix i && i.op().equals("=") && i.left() instanceof Name n && n.path().size() == 1)) return false;
        }
        return true;
    }

    private TExpr inferTypeApp(TypeApp ta, Scope scope) {
        Expr fn = ta.fn();
        if (fn instanceof Name n) {
            Resolved r = resolveValue(n.path(), n.locs(), scope, true);
            if (r == null) return new Typed.Error(ta.loc(), fresh());
            List<Type> given = new ArrayList<>();
            for (TypeExpr t : ta.args()) given.add(resolveTypeExpr(t, null, true));
            if (r.sym() instanceof BuiltinRef br) {
                if (br.b() == Builtin.ARRAY_ZEROCREATE && given.size() == 1) {
                    TExpr v = builtinValue(br.b(), n.loc(), n.loc());
                    expect(ta.loc(), v.type(), new Type.Fun(Type.INT, new Type.Array(given.get(0))));
                    return v;
                }
                if (br.b() == Builtin.TO_ENUM && given.size() == 1) {
                    Type target = given.get(0);
                    if (!(Type.prune(target) instanceof Type.Named nd && nd.def().kind == TypeDefn.Kind.ENUM)) {
                        diags.error(ta.loc(), "'enum' needs an enum type argument");
                    }
                    TExpr v = builtinValue(br.b(), n.loc(), n.loc());
                    expect(ta.loc(), v.type(), new Type.Fun(Type.INT, target));
                    return v;
                }
            }
            TExpr v = r.sym() == null ? new Typed.Const(n.loc(), r.constType(), r.constant()) : symbolValue(r.sym(), n.loc(), n.loc());
            List<Type> targs = v instanceof Typed.GlobalRef g ? g.typeArgs() : v instanceof Typed.LocalRef l ? l.typeArgs() : List.of();
            if (targs.size() >= given.size()) {
                for (int k = 0; k < given.size(); k++) expect(ta.loc(), targs.get(k), given.get(k));
            } else diags.error(ta.loc(), "this value takes " + targs.size() + " type argument(s) but is given " + given.size());
            return v;
        }
        diags.error(ta.loc(), "explicit type arguments are only allowed on names");
        return infer(fn, scope);
    }

    private TExpr operatorValue(String op, Loc loc, Scope scope) {
        ValueSym s = scope.lookup(op);
        if (s == null) s = lookupUnqualified(op);
        if (s != null) return symbolValue(s, loc, loc);
        Builtin b = Predef.OPERATORS.get(op);
        if (b != null) return builtinValue(b, loc, loc);
        if (op.equals("::") || op.equals("@")) { diags.error(loc, "lists allocate on a heap; use a fixed-size array"); return new Typed.Error(loc, fresh()); }
        diags.error(loc, "the operator '" + op + "' is not defined");
        return new Typed.Error(loc, fresh());
    }

    // ---------------------------------------------------------------------------------------------- operators

    private TExpr inferInfix(Infix i, Scope scope) {
        String op = i.op();
        switch (op) {
            case "|>": {
                TExpr x = infer(i.left(), scope);
                return pipe(i.right(), List.of(x), List.of(i.left()), scope, i.loc());
            }
            case "||>": case "|||>": {
                int n = op.equals("||>") ? 2 : 3;
                Expr l = i.left();
                while (l instanceof Paren p) l = p.inner();
                if (!(l instanceof Ast.Tuple tu) || tu.elems().size() != n) {
                    diags.error(startLoc(i.left()), "'" + op + "' needs a tuple of " + n + " on its left");
                    return new Typed.Error(i.loc(), fresh());
                }
                List<TExpr> xs = new ArrayList<>();
                for (Expr el : tu.elems()) xs.add(infer(el, scope));
                return pipe(i.right(), xs, tu.elems(), scope, i.loc());
            }
            case "<|": {
                TExpr f = infer(i.left(), scope);
                return applyArgs(f, List.of(i.right()), scope, i.loc());
            }
            case "&&": case "||": {
                TExpr l = check(i.left(), Type.BOOL, scope);
                TExpr r = check(i.right(), Type.BOOL, scope);
                return new Typed.Prim(i.loc(), Type.BOOL, op.equals("&&") ? Builtin.AND : Builtin.OR, List.of(l, r), List.of());
            }
            case "::": case "@":
                diags.error(i.loc(), "lists allocate on a heap; use a fixed-size array");
                return new Typed.Error(i.loc(), fresh());
            case "**":
                diags.error(i.loc(), "'**' is not supported yet");
                return new Typed.Error(i.loc(), fresh());
            default: break;
        }
        // a user-defined (or prelude) operator shadows the builtin
        ValueSym user = scope.lookup(op);
        if (user == null) user = lookupUnqualified(op);
        Builtin b = Predef.OPERATORS.get(op);
        if (user != null && !(user instanceof BuiltinRef)) {
            TExpr f = symbolValue(user, i.loc(), i.loc());
            return applyArgs(f, List.of(i.left(), i.right()), scope, i.loc());
        }
        if (b == null) {
            diags.error(i.loc(), "the operator '" + op + "' is not defined");
            return new Typed.Error(i.loc(), fresh());
        }
        TExpr l = infer(i.left(), scope);
        Type lt = l.type();
        TExpr r;
        switch (b) {
            case SHL, SHR -> {
                requireTrait(lt, Trait.INTEGRAL, i.loc(), op);
                r = check(i.right(), Type.INT, scope);
                return new Typed.Prim(i.loc(), lt, b, List.of(l, r), List.of(lt));
            }
            case ADD, SUB, MUL, DIV, MOD, BAND, BOR, BXOR -> {
                r = check(i.right(), lt, scope);
                Trait tr = b == Builtin.ADD ? Trait.ADD : (b == Builtin.BAND || b == Builtin.BOR || b == Builtin.BXOR) ? Trait.INTEGRAL : Trait.ARITH;
                requireTrait(lt, tr, i.loc(), op);
                if (b == Builtin.ADD) deferStringConcat(i, l, r);
                return new Typed.Prim(i.loc(), lt, b, List.of(l, r), List.of(lt));
            }
            case EQ, NE, LT, LE, GT, GE -> {
                r = check(i.right(), lt, scope);
                requireTrait(lt, b == Builtin.EQ || b == Builtin.NE ? Trait.EQUALITY : Trait.COMPARISON, i.loc(), op);
                return new Typed.Prim(i.loc(), Type.BOOL, b, List.of(l, r), List.of(lt));
            }
            default -> throw new IllegalStateException(op);
        }
    }

    private void deferStringConcat(Infix i, TExpr l, TExpr r) {
        deferred.add(() -> {
            if (Type.isPrim(l.type(), PrimKind.STRING) && (ConstEval.eval(l) == null || ConstEval.eval(r) == null)) {
                diags.error(i.loc(), "building strings needs a heap; print the parts with printf");
            }
        });
    }

    /** x |> f, (a, b) ||> f: apply f to already-checked arguments (checked first, for inference). */
    private TExpr pipe(Expr fnExpr, List<TExpr> xs, List<Expr> xExprs, Scope scope, Loc loc) {
        // f may be a partial application: its own arguments come first
        Type r = fresh();
        Type want = r;
        for (int k = xs.size() - 1; k >= 0; k--) want = new Type.Fun(xs.get(k).type(), want);
        Expr fe = fnExpr;
        while (fe instanceof Paren p && !(p.inner() instanceof Lambda)) fe = p.inner();
        // printf-like and union cases on the right of a pipe: build the call with the piped values
        TExpr f = check(fnExpr, want, scope);
        if (f instanceof Typed.Error) return new Typed.Error(loc, r);
        if (f instanceof Typed.App app) {
            List<TExpr> all = new ArrayList<>(app.args());
            all.addAll(xs);
            return new Typed.App(app.loc(), r, app.fn(), all);
        }
        return new Typed.App(loc, r, f, xs);
    }

    private TExpr inferPrefix(Prefix p, Scope scope) {
        TExpr x = infer(p.operand(), scope);
        switch (p.op()) {
            case "-", "-." -> {
                requireTrait(x.type(), Trait.NEG, p.loc(), "-");
                if (x instanceof Typed.Const c && c.value() instanceof Double d) return new Typed.Const(p.loc(), c.type(), -d);
                if (x instanceof Typed.Const c && c.value() instanceof Float d) return new Typed.Const(p.loc(), c.type(), -d);
                return new Typed.Prim(p.loc(), x.type(), Builtin.NEG, List.of(x), List.of(x.type()));
            }
            case "~~~" -> {
                requireTrait(x.type(), Trait.INTEGRAL, p.loc(), "~~~");
                return new Typed.Prim(p.loc(), x.type(), Builtin.BNOT, List.of(x), List.of(x.type()));
            }
            case "&", "&&" -> { diags.error(p.loc(), "byref, inref, outref and &x are not supported yet"); return new Typed.Error(p.loc(), fresh()); }
            default -> { diags.error(p.loc(), "the prefix operator '" + p.op() + "' is not supported by fid-embed"); return new Typed.Error(p.loc(), fresh()); }
        }
    }

    // ---------------------------------------------------------------------------------------------- index, records, assignment

    private TExpr inferIndex(Index ix, Scope scope) {
        TExpr target = infer(ix.target(), scope);
        Type t = Type.prune(target.type());
        TExpr idx = check(ix.index(), Type.INT, scope);
        if (t instanceof Type.Array a) return new Typed.Index(ix.loc(), a.elem(), target, idx);
        if (Type.isPrim(t, PrimKind.STRING)) return new Typed.Index(ix.loc(), Type.CHAR, target, idx);
        if (t instanceof Type.Var) {
            diags.error(startLoc(ix.target()), "the operator 'expr.[idx]' has been used on an object of indeterminate type based on information prior to this program point; add a type annotation");
            return new Typed.Error(ix.loc(), fresh());
        }
        diags.error(startLoc(ix.target()), "the type '" + Type.show(t) + "' cannot be indexed; only arrays and strings can");
        return new Typed.Error(ix.loc(), fresh());
    }

    private TExpr inferRecord(RecordExpr r, Scope scope, Type hint) {
        if (r.copyFrom() != null) {
            TExpr orig = infer(r.copyFrom(), scope);
            Type t = Type.prune(orig.type());
            if (t instanceof Type.Var && !r.fields().isEmpty()) {
                TypeDefn d = findRecordForField(r.fields().get(0));
                if (d != null) { unify(t, new Type.Named(d, freshArgs(d))); t = Type.prune(t); }
            }
            if (!(t instanceof Type.Named n) || n.def().kind != TypeDefn.Kind.RECORD) {
                diags.error(startLoc(r.copyFrom()), "'{ x with ... }' needs a record but this expression has type '" + Type.show(t) + "'");
                return new Typed.Error(r.loc(), fresh());
            }
            TypeDefn d = n.def();
            List<Integer> idxs = new ArrayList<>();
            List<TExpr> vals = new ArrayList<>();
            for (FieldInit fi : r.fields()) {
                String fname = fi.path().get(fi.path().size() - 1);
                int idx = d.fieldIndex(fname);
                if (idx < 0) { diags.error(fi.loc(), "the record type '" + d.name + "' has no field '" + fname + "'"); continue; }
                idxs.add(idx);
                vals.add(check(fi.value(), Type.substParams(d.fields.get(idx).type(), n.args()), scope));
            }
            return new Typed.RecordWith(r.loc(), t, d, orig, idxs, vals);
        }
        TypeDefn d = null;
        Type h = hint == null ? null : Type.prune(hint);
        if (h instanceof Type.Named hn && hn.def().kind == TypeDefn.Kind.RECORD && hn.def().fieldIndex(lastName(r.fields().get(0))) >= 0) d = hn.def();
        if (d == null) d = findRecordForField(r.fields().get(0));
        if (d == null) {
            diags.error(r.fields().get(0).loc(), "the record label '" + String.join(".", r.fields().get(0).path()) + "' is not defined");
            return new Typed.Error(r.loc(), fresh());
        }
        List<Type> targs = h instanceof Type.Named hn2 && hn2.def() == d ? hn2.args() : freshArgs(d);
        TExpr[] slots = new TExpr[d.fields.size()];
        List<Integer> order = new ArrayList<>();
        for (FieldInit fi : r.fields()) {
            String fname = lastName(fi);
            int idx = d.fieldIndex(fname);
            if (idx < 0) { diags.error(fi.loc(), "the record type '" + d.name + "' has no field '" + fname + "'"); continue; }
            if (slots[idx] != null) { diags.error(fi.loc(), "the field '" + fname + "' is given twice"); continue; }
            slots[idx] = check(fi.value(), Type.substParams(d.fields.get(idx).type(), targs), scope);
            order.add(idx);
        }
        List<TExpr> fields = new ArrayList<>();
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] == null) {
                diags.error(r.loc(), "no assignment given for field '" + d.fields.get(k).name() + "' of type '" + d.name + "'");
                slots[k] = new Typed.Error(r.loc(), fresh());
            }
            fields.add(slots[k]);
        }
        return new Typed.Record(r.loc(), new Type.Named(d, targs), d, fields, order);
    }

    private static String lastName(FieldInit fi) { return fi.path().get(fi.path().size() - 1); }

    private TypeDefn findRecordForField(FieldInit fi) {
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

    private TExpr inferAssign(Assign a, Scope scope) {
        Expr target = a.target();
        while (target instanceof Paren p) target = p.inner();
        if (target instanceof Name n) {
            Resolved r = resolveValue(n.path(), n.locs(), scope, true);
            if (r == null) return new Typed.Error(a.loc(), Type.UNIT);
            if (r.used() == n.path().size()) {
                if (r.sym() instanceof Local l) {
                    if (!l.v().mutable) {
                        diags.error(n.loc(), "this value is not mutable; declare it with 'let mutable " + l.v().name + "'");
                        return new Typed.Error(a.loc(), Type.UNIT);
                    }
                    TExpr v = check(a.value(), l.v().type, scope);
                    return new Typed.SetLocal(a.loc(), Type.UNIT, l.v(), v);
                }
                if (r.sym() instanceof Global g) {
                    if (!g.g().mutable) {
                        diags.error(n.loc(), "this value is not mutable; declare it with 'let mutable " + g.g().name + "'");
                        return new Typed.Error(a.loc(), Type.UNIT);
                    }
                    g.g().uses++;
                    TExpr v = check(a.value(), g.g().scheme.type(), scope);
                    return new Typed.SetGlobal(a.loc(), Type.UNIT, g.g(), v);
                }
                diags.error(n.loc(), "this value is not mutable");
                return new Typed.Error(a.loc(), Type.UNIT);
            }
            // field assignment: a.b.c <- v
            TExpr obj = r.sym() == null ? new Typed.Const(n.loc(), r.constType(), r.constant()) : symbolValue(r.sym(), n.loc(), n.loc());
            for (int k = r.used(); k < n.path().size() - 1; k++) obj = member(obj, n.path().get(k), n.locs().get(k));
            return setField(obj, n.path().get(n.path().size() - 1), n.locs().get(n.path().size() - 1), a, scope);
        }
        if (target instanceof DotGet d) {
            TExpr obj = infer(d.target(), scope);
            return setField(obj, d.name(), d.nameLoc(), a, scope);
        }
        if (target instanceof Index ix) {
            TExpr arr = infer(ix.target(), scope);
            Type t = Type.prune(arr.type());
            TExpr idx = check(ix.index(), Type.INT, scope);
            if (t instanceof Type.Array at) {
                TExpr v = check(a.value(), at.elem(), scope);
                return new Typed.SetIndex(a.loc(), Type.UNIT, arr, idx, v);
            }
            if (Type.isPrim(t, PrimKind.STRING)) {
                diags.error(a.loc(), "strings are constants in fid-embed and cannot be changed");
                return new Typed.Error(a.loc(), Type.UNIT);
            }
            diags.error(startLoc(ix.target()), "the operator 'expr.[idx]' has been used on an object of indeterminate type based on information prior to this program point; add a type annotation");
            return new Typed.Error(a.loc(), Type.UNIT);
        }
        diags.error(startLoc(target), "this expression cannot be assigned to; only mutable variables, array elements and mutable fields can");
        return new Typed.Error(a.loc(), Type.UNIT);
    }

    private TExpr setField(TExpr obj, String fname, Loc floc, Assign a, Scope scope) {
        TExpr f = member(obj, fname, floc);
        if (!(f instanceof Typed.Field fld)) return new Typed.Error(a.loc(), Type.UNIT);
        TypeDefn.Field fd = fld.def().fields.get(fld.index());
        if (!fd.mutable()) {
            diags.error(floc, "the record field '" + fname + "' is not mutable; declare it 'mutable " + fname + "'");
            return new Typed.Error(a.loc(), Type.UNIT);
        }
        if (fld.def().struct && !isMutableStructPlace(obj)) {
            diags.error(startLoc(a.target()), "a value must be mutable in order to mutate the contents of a struct; declare it with 'let mutable'");
            return new Typed.Error(a.loc(), Type.UNIT);
        }
        TExpr v = check(a.value(), fld.type(), scope);
        return new Typed.SetField(a.loc(), Type.UNIT, obj, fld.def(), fld.index(), v);
    }

    private boolean isMutableStructPlace(TExpr e) {
        if (e instanceof Typed.LocalRef l) return l.v().mutable;
        if (e instanceof Typed.GlobalRef g) return g.g().mutable;
        if (e instanceof Typed.Index) return true;
        if (e instanceof Typed.Field f) {
            TypeDefn d = f.def();
            if (d.isReference()) return true;
            return d.struct && isMutableStructPlace(f.target());
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- control flow

    private TExpr checkIf(If i, Type expected, Scope scope) {
        TExpr c = check(i.cond(), Type.BOOL, scope);
        if (i.otherwise() == null) {
            TExpr t = check(i.then(), Type.UNIT, scope);
            expect(i.loc(), expected, Type.UNIT);
            return new Typed.If(i.loc(), Type.UNIT, c, t, new Typed.Const(i.loc(), Type.UNIT, null));
        }
        TExpr t = check(i.then(), expected, scope);
        TExpr e = check(i.otherwise(), expected, scope);
        return new Typed.If(i.loc(), expected, c, t, e);
    }

    private TExpr checkLambda(Lambda l, Type expected, Scope scope) {
        List<LocalVar> vars = new ArrayList<>();
        List<TPat> pats = new ArrayList<>();
        Type cur = expected;
        Scope s = scope;
        Map<String, LocalVar> allBinds = new LinkedHashMap<>();
        List<Type> ptypes = new ArrayList<>();
        for (Pat p : l.params()) {
            Type c = Type.prune(cur);
            Type pt, rt;
            if (c instanceof Type.Fun f) { pt = f.arg(); rt = f.result(); }
            else {
                pt = fresh(); rt = fresh();
                if (!expect(l.loc(), c, new Type.Fun(pt, rt))) { pt = fresh(); rt = fresh(); }
            }
            Pat inner = p;
            if (inner instanceof PTyped pty) { expect(pty.loc(), pt, resolveTypeExpr(pty.type(), null, true)); inner = pty.pat(); }
            if (inner instanceof PName pn && resolvePatternName(pn.name()) == null) {
                LocalVar v = new LocalVar(pn.name(), pt, false, pn.loc());
                vars.add(v);
                pats.add(null);
            } else if (inner instanceof PWild w) {
                vars.add(new LocalVar("_", pt, false, w.loc()));
                pats.add(null);
            } else {
                LocalVar v = new LocalVar("arg" + vars.size(), pt, false, p.loc());
                v.compilerGenerated = true;
                vars.add(v);
                Map<String, LocalVar> binds = new LinkedHashMap<>();
                pats.add(checkPattern(inner, pt, binds, scope, null));
                allBinds.putAll(binds);
            }
            ptypes.add(pt);
            cur = rt;
        }
        for (int k = 0; k < vars.size(); k++) if (pats.get(k) == null) s = s.with(vars.get(k).name, new Local(vars.get(k)));
        for (LocalVar v : allBinds.values()) s = s.with(v.name, new Local(v));
        TExpr body = check(l.body(), cur, s);
        for (int k = vars.size() - 1; k >= 0; k--) {
            if (pats.get(k) == null) continue;
            LocalVar v = vars.get(k);
            body = new Typed.Match(pats.get(k).loc(), body.type(), new Typed.LocalRef(v.loc, v.type, v, List.of()),
                    List.of(new Typed.Rule(pats.get(k).loc(), pats.get(k), null, body)), true);
        }
        Type t = cur;
        for (int k = ptypes.size() - 1; k >= 0; k--) t = new Type.Fun(ptypes.get(k), t);
        return new Typed.Lambda(l.loc(), t, vars, body);
    }

    private TExpr checkRules(Loc loc, TExpr scrut, List<Rule> rules, Type expected, Scope scope) {
        List<Typed.Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            Map<String, LocalVar> binds = new LinkedHashMap<>();
            TPat p = checkPattern(r.pat(), scrut.type(), binds, scope, null);
            Scope s = scope;
            for (LocalVar v : binds.values()) s = s.with(v.name, new Local(v));
            TExpr g = r.guard() == null ? null : check(r.guard(), Type.BOOL, s);
            TExpr b = check(r.body(), expected, s);
            out.add(new Typed.Rule(r.loc(), p, g, b));
        }
        return new Typed.Match(loc, expected, scrut, out, false);
    }

    private TExpr inferForIn(ForIn f, Scope scope) {
        if (f.source() instanceof Range r) {
            TExpr from = infer(r.from(), scope);
            Type t = from.type();
            TExpr step = r.step() == null ? null : check(r.step(), t, scope);
            TExpr to = check(r.to(), t, scope);
            requireTrait(t, Trait.INTEGRAL, r.loc(), "..");
            Type pt = Type.prune(t);
            if (pt instanceof Type.Var v) { try { unify(v, Type.INT); } catch (Mismatch | TraitFailure e) { /* */ } }
            if (Type.isPrim(t, PrimKind.CHAR) && step != null) diags.error(r.loc(), "a range of characters cannot have a step");
            LocalVar v;
            Pat p = f.pat();
            String name;
            if (p instanceof PName pn) { name = pn.name(); v = new LocalVar(name, t, false, pn.loc()); }
            else if (p instanceof PWild w) { name = "_"; v = new LocalVar("_", t, false, w.loc()); }
            else {
                diags.error(p.loc(), "the variable of a range loop must be a name");
                return new Typed.Error(f.loc(), Type.UNIT);
            }
            TExpr body = checkStatement(f.body(), scope.with(name, new Local(v)));
            return new Typed.For(f.loc(), Type.UNIT, v, from, step, to, false, body);
        }
        TExpr src = infer(f.source(), scope);
        Type st = Type.prune(src.type());
        Type elem;
        if (st instanceof Type.Array a) elem = a.elem();
        else if (Type.isPrim(st, PrimKind.STRING)) elem = Type.CHAR;
        else if (st instanceof Type.Var) {
            diags.error(startLoc(f.source()), "lookup on object of indeterminate type based on information prior to this program point; add a type annotation");
            return new Typed.Error(f.loc(), Type.UNIT);
        } else {
            diags.error(startLoc(f.source()), "'for ... in' needs an array, a string or a range, but this expression has type '" + Type.show(st) + "'");
            return new Typed.Error(f.loc(), Type.UNIT);
        }
        Pat p = f.pat();
        if (p instanceof PName pn && resolvePatternName(pn.name()) == null) {
            LocalVar v = new LocalVar(pn.name(), elem, false, pn.loc());
            TExpr body = checkStatement(f.body(), scope.with(pn.name(), new Local(v)));
            return new Typed.ForEach(f.loc(), Type.UNIT, v, src, body);
        }
        LocalVar v = new LocalVar("item", elem, false, p.loc());
        v.compilerGenerated = true;
        Map<String, LocalVar> binds = new LinkedHashMap<>();
        TPat tp = checkPattern(p, elem, binds, scope, null);
        Scope s = scope;
        for (LocalVar b : binds.values()) s = s.with(b.name, new Local(b));
        TExpr body = checkStatement(f.body(), s);
        TExpr m = new Typed.Match(p.loc(), Type.UNIT, new Typed.LocalRef(p.loc(), elem, v, List.of()), List.of(new Typed.Rule(p.loc(), tp, null, body)), true);
        return new Typed.ForEach(f.loc(), Type.UNIT, v, src, m);
    }

    // ---------------------------------------------------------------------------------------------- let

    private TExpr checkLetIn(LetIn l, Type expected, Scope scope) {
        if (l.rec()) return checkLetRec(l, expected, scope);
        Binding b = l.bindings().get(0);
        if (l.bindings().size() > 1) diags.error(l.loc(), "'and' is only allowed after 'let rec'");
        if (b.isFunction() || (b.name() != null && isLambdaExpr(b.body()) && !b.mutable())) {
            LocalVar v = new LocalVar(b.name(), null, false, b.nameLoc());
            level++;
            Typed.Lambda lam = checkFunctionBinding(b, v, scope, null);
            level--;
            v.type = lam.type();
            Scheme sc = generalize(lam.type(), b.inline(), b.loc());
            if (!sc.vars().isEmpty()) v.scheme = sc;
            TExpr body = check(l.body(), expected, scope.with(v.name, new Local(v)));
            warnUnused(v);
            return new Typed.Let(l.loc(), body.type(), v, lam, body);
        }
        Type declared = null;
        Type t = fresh();
        if (b.returnType() != null) { declared = resolveTypeExpr(b.returnType(), null, true); unify(t, declared); }
        level++;
        TExpr value = check(b.body(), t, scope);
        level--;
        if (b.pat() instanceof PName pn && resolvePatternName(pn.name()) == null) {
            LocalVar v = new LocalVar(pn.name(), value.type(), b.mutable(), pn.loc());
            TExpr body = check(l.body(), expected, scope.with(v.name, new Local(v)));
            warnUnused(v);
            return new Typed.Let(l.loc(), body.type(), v, value, body);
        }
        if (b.pat() instanceof PWild) {
            LocalVar v = new LocalVar("_", value.type(), false, b.loc());
            TExpr body = check(l.body(), expected, scope);
            return new Typed.Let(l.loc(), body.type(), v, value, body);
        }
        if (b.mutable()) diags.error(b.loc(), "'let mutable' needs a single name");
        Map<String, LocalVar> binds = new LinkedHashMap<>();
        TPat p = checkPattern(b.pat(), value.type(), binds, scope, null);
        Scope s = scope;
        for (LocalVar v : binds.values()) s = s.with(v.name, new Local(v));
        TExpr body = check(l.body(), expected, s);
        return new Typed.Match(b.loc(), body.type(), value, List.of(new Typed.Rule(b.loc(), p, null, body)), true);
    }

    private void warnUnused(LocalVar v) {
        if (v.uses == 0 && !v.name.startsWith("_") && !v.compilerGenerated && !checkingPrelude) {
            diags.warning(v.loc, "the value '" + v.name + "' is unused");
        }
    }

    private TExpr checkLetRec(LetIn l, Type expected, Scope scope) {
        List<LocalVar> vars = new ArrayList<>();
        Scope s = scope;
        level++;
        for (Binding b : l.bindings()) {
            if (b.name() == null) { diags.error(b.loc(), "'let rec' needs function bindings"); continue; }
            LocalVar v = new LocalVar(b.name(), fresh(), false, b.nameLoc());
            vars.add(v);
            s = s.with(v.name, new Local(v));
        }
        List<Typed.Lambda> fns = new ArrayList<>();
        int k = 0;
        for (Binding b : l.bindings()) {
            if (b.name() == null) continue;
            LocalVar v = vars.get(k++);
            if (!b.isFunction() && !isLambdaExpr(b.body())) { diags.error(b.nameLoc(), "'let rec' is only supported for functions in fid-embed"); continue; }
            Typed.Lambda lam = checkFunctionBindingRec(b, v, s);
            fns.add(lam);
        }
        level--;
        for (int j = 0; j < fns.size(); j++) {
            LocalVar v = vars.get(j);
            Scheme sc = generalize(v.type, false, v.loc);
            if (!sc.vars().isEmpty()) v.scheme = sc;
        }
        TExpr body = check(l.body(), expected, s);
        return new Typed.LetRec(l.loc(), body.type(), vars, fns, body);
    }

    private Typed.Lambda checkFunctionBindingRec(Binding b, LocalVar self, Scope s) {
        // self is already in s (for every function of the group)
        return checkFunctionBinding(b, null, s, self.type);
    }

    // =============================================================================================== patterns

    private TPat checkPattern(Pat p, Type expected, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        if (p instanceof PWild w) return new Typed.PWild(w.loc(), expected);
        if (p instanceof Ast.PConst c) {
            TExpr lit = literal(c.lit(), c.loc());
            expect(c.loc(), expected, lit.type());
            if (Type.isPrim(lit.type(), PrimKind.FLOAT) || Type.isPrim(lit.type(), PrimKind.FLOAT32)) {
                // F# allows float constants in patterns; equality of floats is exact
            }
            return new Typed.PConst(c.loc(), expected, ((Typed.Const) lit).value());
        }
        if (p instanceof PName pn) {
            ValueSym s = resolvePatternName(pn.name());
            if (s instanceof CaseRef cr) return casePattern(cr, pn.loc(), List.of(), List.of(), expected, binds, scope, reuse);
            if (s instanceof Global g && g.g().literal && g.g().literalValue != null) {
                expect(pn.loc(), expected, g.g().scheme.type());
                return new Typed.PConst(pn.loc(), expected, g.g().literalValue);
            }
            return bindVar(pn.name(), pn.loc(), expected, binds, reuse);
        }
        if (p instanceof PCase pc) {
            Resolved r = resolveValue(pc.path(), java.util.Collections.nCopies(pc.path().size(), pc.loc()), scope, false);
            if (r != null && r.used() == pc.path().size() && r.sym() instanceof CaseRef cr)
                return casePattern(cr, pc.loc(), pc.args(), pc.named(), expected, binds, scope, reuse);
            if (r != null && r.used() == pc.path().size() && r.sym() instanceof EnumRef er && pc.args().isEmpty()) {
                expect(pc.loc(), expected, new Type.Named(er.def(), List.of()));
                return new Typed.PConst(pc.loc(), expected, er.v().value());
            }
            if (r != null && r.used() == pc.path().size() && r.sym() instanceof Global g && g.g().literal && pc.args().isEmpty()) {
                expect(pc.loc(), expected, g.g().scheme.type());
                return new Typed.PConst(pc.loc(), expected, g.g().literalValue);
            }
            if (r != null && r.sym() == null && r.constant() != null && pc.args().isEmpty()) {
                expect(pc.loc(), expected, r.constType());
                return new Typed.PConst(pc.loc(), expected, r.constant());
            }
            if (pc.path().size() == 1 && pc.args().size() == 1) {
                diags.error(pc.loc(), "the union case '" + pc.path().get(0) + "' is not defined");
            } else {
                diags.error(pc.loc(), "the pattern '" + String.join(".", pc.path()) + "' is not a union case, literal or enum value");
            }
            return new Typed.PWild(pc.loc(), expected);
        }
        if (p instanceof Ast.PTuple pt) {
            List<Type> ts = new ArrayList<>();
            for (int k = 0; k < pt.elems().size(); k++) ts.add(fresh());
            Type tt = new Type.Tuple(ts, pt.struct());
            expect(pt.loc(), expected, tt);
            List<TPat> el = new ArrayList<>();
            for (int k = 0; k < pt.elems().size(); k++) el.add(checkPattern(pt.elems().get(k), ts.get(k), binds, scope, reuse));
            return new Typed.PTuple(pt.loc(), expected, el);
        }
        if (p instanceof Ast.PRecord pr) {
            FieldPat first = pr.fields().get(0);
            TypeDefn d = null;
            Type et = Type.prune(expected);
            if (et instanceof Type.Named n && n.def().kind == TypeDefn.Kind.RECORD && n.def().fieldIndex(first.path().get(first.path().size() - 1)) >= 0) d = n.def();
            if (d == null) d = findRecordForField(new FieldInit(first.loc(), first.path(), null));
            if (d == null) { diags.error(first.loc(), "the record label '" + String.join(".", first.path()) + "' is not defined"); return new Typed.PWild(pr.loc(), expected); }
            List<Type> targs = et instanceof Type.Named n2 && n2.def() == d ? n2.args() : freshArgs(d);
            expect(pr.loc(), expected, new Type.Named(d, targs));
            List<TPat> fields = new ArrayList<>();
            for (TypeDefn.Field f : d.fields) fields.add(new Typed.PWild(pr.loc(), Type.substParams(f.type(), targs)));
            for (FieldPat fp : pr.fields()) {
                String fname = fp.path().get(fp.path().size() - 1);
                int idx = d.fieldIndex(fname);
                if (idx < 0) { diags.error(fp.loc(), "the record type '" + d.name + "' has no field '" + fname + "'"); continue; }
                fields.set(idx, checkPattern(fp.pat(), Type.substParams(d.fields.get(idx).type(), targs), binds, scope, reuse));
            }
            return new Typed.PRecord(pr.loc(), expected, d, fields);
        }
        if (p instanceof Ast.PAs pa) {
            TPat inner = checkPattern(pa.pat(), expected, binds, scope, reuse);
            Typed.PVar v = (Typed.PVar) bindVar(pa.name(), pa.nameLoc(), expected, binds, reuse);
            return new Typed.PAs(pa.loc(), expected, inner, v.v());
        }
        if (p instanceof Ast.POr po) {
            Map<String, LocalVar> left = new LinkedHashMap<>();
            TPat l = checkPattern(po.left(), expected, left, scope, reuse);
            Map<String, LocalVar> right = new LinkedHashMap<>();
            Map<String, LocalVar> reuseRight = new HashMap<>(left);
            if (reuse != null) reuseRight.putAll(reuse);
            TPat r = checkPattern(po.right(), expected, right, scope, reuseRight);
            if (!left.keySet().equals(right.keySet())) {
                diags.error(po.loc(), "the two sides of this 'or' pattern bind different variables");
            }
            binds.putAll(left);
            return new Typed.POr(po.loc(), expected, l, r);
        }
        if (p instanceof PTyped pt) {
            expect(pt.loc(), expected, resolveTypeExpr(pt.type(), null, true));
            return checkPattern(pt.pat(), expected, binds, scope, reuse);
        }
        if (p instanceof PUnsupported u) {
            diags.error(u.loc(), u.message());
            return new Typed.PWild(u.loc(), expected);
        }
        throw new IllegalStateException("pattern " + p);
    }

    private TPat bindVar(String name, Loc loc, Type t, Map<String, LocalVar> binds, Map<String, LocalVar> reuse) {
        if (binds.containsKey(name)) {
            diags.error(loc, "the name '" + name + "' is bound twice in this pattern");
            return new Typed.PWild(loc, t);
        }
        LocalVar v;
        if (reuse != null && reuse.containsKey(name)) {
            v = reuse.get(name);
            expect(loc, v.type, t);
        } else v = new LocalVar(name, t, false, loc);
        binds.put(name, v);
        return new Typed.PVar(loc, t, v);
    }

    private TPat casePattern(CaseRef cr, Loc loc, List<Pat> args, List<NamedPat> named, Type expected, Map<String, LocalVar> binds, Scope scope, Map<String, LocalVar> reuse) {
        TypeDefn d = cr.def();
        TypeDefn.Case c = cr.c();
        Type et = Type.prune(expected);
        List<Type> targs = et instanceof Type.Named n && n.def() == d ? n.args() : freshArgs(d);
        expect(loc, expected, new Type.Named(d, targs));
        int n = c.fields().size();
        List<TPat> out = new ArrayList<>();
        for (TypeDefn.Field f : c.fields()) out.add(new Typed.PWild(loc, Type.substParams(f.type(), targs)));
        if (!named.isEmpty()) {
            for (NamedPat np : named) {
                int idx = -1;
                for (int k = 0; k < n; k++) if (c.fields().get(k).name().equals(np.name())) idx = k;
                if (idx < 0) { diags.error(np.loc(), "the union case '" + c.name() + "' has no field named '" + np.name() + "'"); continue; }
                out.set(idx, checkPattern(np.pat(), out.get(idx).type(), binds, scope, reuse));
            }
        } else if (!args.isEmpty()) {
            Pat a = args.get(0);
            if (n == 0) {
                diags.error(a.loc(), "the union case '" + c.name() + "' takes no arguments");
            } else if (n == 1) {
                out.set(0, checkPattern(a, out.get(0).type(), binds, scope, reuse));
            } else if (a instanceof Ast.PTuple pt && pt.elems().size() == n) {
                for (int k = 0; k < n; k++) out.set(k, checkPattern(pt.elems().get(k), out.get(k).type(), binds, scope, reuse));
            } else if (a instanceof PWild) {
                // Case _ matches any fields
            } else {
                diags.error(a.loc(), "the union case '" + c.name() + "' has " + n + " fields; match them as a tuple (a, b) or use '_'");
            }
        } else if (n > 0 && args.isEmpty()) {
            diags.error(loc, "the union case '" + c.name() + "' has " + n + " field(s); write '" + c.name() + " _' to ignore them");
        }
        return new Typed.PCase(loc, expected, d, c.index(), out);
    }
}
