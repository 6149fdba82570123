// Module-level declarations: files and modules, `open`, module abbreviations, `do`, and `let` bindings
// (with `rec` groups and patterns) as globals, with the checks of [<Literal>], [<EntryPoint>],
// [<Test>] and [<Interrupt>].
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

final class Decls {
    private final CheckContext cx;

    Decls(CheckContext cx) { this.cx = cx; }

    void checkFile(FileAst f) {
        cx.opens = new ArrayList<>(cx.autoOpens);
        ModuleDef m;
        List<String> path = f.modulePath();
        if (path.isEmpty()) {
            String base = f.loc().file() == null ? "Program" : f.loc().file().name();
            base = base.replaceAll(".*/", "").replaceAll("\\.fs$", "");
            String name = base.isEmpty() ? "Program" : Character.toUpperCase(base.charAt(0)) + base.substring(1);
            m = new ModuleDef(name, cx.root, f.loc());
            cx.root.modules.put(name, m);
        } else {
            ModuleDef parent = cx.root;
            for (int k = 0; k < path.size() - 1; k++) parent = cx.module(parent, path.get(k));
            String last = path.get(path.size() - 1);
            if (f.isNamespace()) {
                m = cx.module(parent, last);
            } else {
                m = parent.modules.get(last);
                if (m == null) { m = new ModuleDef(last, parent, f.loc()); parent.modules.put(last, m); }
            }
        }
        m.prelude = cx.checkingPrelude;
        applyModuleAttrs(m, f.attrs());
        if (m.autoOpen && cx.checkingPrelude) cx.autoOpens.add(m);
        cx.current = m;
        checkDecls(f.decls(), m);
    }

    void applyModuleAttrs(ModuleDef m, List<Attribute> attrs) {
        for (Attribute a : attrs) {
            switch (a.name()) {
                case "AutoOpen" -> m.autoOpen = true;
                case "RequireQualifiedAccess" -> m.requireQualifiedAccess = true;
                case "CompilationRepresentation", "CompiledName" -> { }
                default -> cx.diags.warning(a.loc(), "the attribute '" + a.name() + "' has no meaning in fid-embed and is ignored");
            }
        }
    }

    void checkDecls(List<Decl> decls, ModuleDef m) {
        ModuleDef saved = cx.current;
        List<ModuleDef> savedOpens = new ArrayList<>(cx.opens);
        cx.current = m;
        try {
            for (Decl d : decls) checkDecl(d, m);
        } finally {
            cx.current = saved;
            cx.opens = savedOpens;
        }
    }

    void checkDecl(Decl d, ModuleDef m) {
        if (d instanceof LetDecl ld) checkLetDecl(ld, m);
        else if (d instanceof TypeDecl td) cx.typeDefs.defineTypes(td, m);
        else if (d instanceof ModuleDecl md) {
            ModuleDef sub = m.modules.get(md.name());
            if (sub == null) { sub = new ModuleDef(md.name(), m, md.loc()); m.modules.put(md.name(), sub); }
            sub.prelude = cx.checkingPrelude;
            sub.isPrivate = md.access() == Access.PRIVATE;
            applyModuleAttrs(sub, md.attrs());
            if (sub.autoOpen) cx.opens.add(sub);
            checkDecls(md.body(), sub);
        } else if (d instanceof OpenDecl od) {
            ModuleDef target = cx.names.resolveModulePath(od.path());
            if (target == null) cx.diags.error(od.loc(), "the namespace or module '" + String.join(".", od.path()) + "' is not defined");
            else {
                if (target.requireQualifiedAccess) cx.diags.error(od.loc(), "the module '" + target.name + "' requires qualified access and cannot be opened");
                cx.opens.add(target);
            }
        } else if (d instanceof ModuleAbbrev ma) {
            ModuleDef target = cx.names.resolveModulePath(ma.path());
            if (target == null) cx.diags.error(ma.loc(), "the namespace or module '" + String.join(".", ma.path()) + "' is not defined");
            else m.abbrevs.put(ma.name(), target);
        } else if (d instanceof DoDecl dd) {
            cx.level++;
            cx.tyVarScope = new HashMap<>();
            TExpr body = cx.exprs.check(dd.expr(), Type.UNIT, Scope.EMPTY);
            cx.level--;
            GlobalVal g = new GlobalVal("do@" + (++cx.doCounter), m.qualifiedName + ".do@" + cx.doCounter, dd.loc(), m, null);
            g.scheme = Scheme.mono(Type.UNIT);
            g.body = body;
            g.prelude = cx.checkingPrelude;
            cx.unifier.defaultTraits(body);
            cx.globals.add(g);
        } else if (d instanceof UnsupportedDecl ud) {
            cx.diags.error(ud.loc(), ud.message());
        }
    }

    void checkLetDecl(LetDecl d, ModuleDef m) {
        if (d.rec()) { checkRecGroupGlobal(d, m); return; }
        for (Binding b : d.bindings()) checkGlobalBinding(b, m);
    }

    GlobalVal newGlobal(Binding b, ModuleDef m, String name, Loc loc) {
        String qn = m.qualifiedName.isEmpty() ? name : m.qualifiedName + "." + name;
        GlobalVal g = new GlobalVal(name, qn, loc, m, b);
        g.prelude = cx.checkingPrelude;
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
                case "Struct" -> {
                    // [<return: Struct>] on a partial active pattern: it returns a voption
                    if (!"return".equals(a.target()) || !SyntaxFacts.isActivePatternName(name))
                        cx.diags.warning(a.loc(), "the attribute 'Struct' has no meaning here and is ignored");
                }
                default -> cx.diags.warning(a.loc(), "the attribute '" + a.name() + "' has no meaning in fid-embed and is ignored");
            }
        }
        ValueSym prev = m.values.get(name);
        if (prev instanceof Global pg && pg.g().module == m && !cx.checkingPrelude && !name.startsWith("do@")) {
            cx.diags.error(loc, "duplicate definition of value '" + name + "'");
        }
        return g;
    }

    String attrString(Attribute a) {
        if (a.args().size() == 1 && a.args().get(0) instanceof Const c && c.lit() instanceof StringLit s) return s.value();
        if (a.args().size() == 1 && a.args().get(0) instanceof Paren p && p.inner() instanceof Const c && c.lit() instanceof StringLit s) return s.value();
        cx.diags.error(a.loc(), "the attribute '" + a.name() + "' needs one string argument");
        return "";
    }

    void checkGlobalBinding(Binding b, ModuleDef m) {
        cx.tyVarScope = new HashMap<>();
        if (!b.isFunction() && b.name() == null) {
            // let (a, b) = ... at module cx.level: a hidden tuple value and one global per name
            checkGlobalPatternBinding(b, m);
            return;
        }
        GlobalVal g = newGlobal(b, m, b.name(), b.nameLoc());
        ActivePattern ap = SyntaxFacts.isActivePatternName(b.name()) ? cx.activePatterns.define(b.name(), b.nameLoc(), new Global(g)) : null;
        if (ap == null && SyntaxFacts.isActivePatternName(b.name())) return;   // reported; its body would only repeat it
        cx.level++;
        TExpr body;
        Type declared = null;
        if (b.isFunction() || SyntaxFacts.isLambdaExpr(b.body())) {
            // the entry point's parameter is a string[] (argv.Length and the like type-check before the end)
            boolean untypedArgv = g.entryPoint && b.params().size() == 1 && !(b.params().get(0) instanceof PTyped);
            Type entry = untypedArgv ? new Type.Fun(new Type.Array(Type.STRING), cx.fresh()) : null;
            Typed.Lambda lam = cx.binder.checkFunctionBinding(b, g, cx.activePatterns.bodyScope(ap, Scope.EMPTY), entry);
            cx.activePatterns.checkResult(ap, b, lam);
            body = lam;
            g.arity = lam.params().size();
        } else {
            Type t = cx.fresh();
            if (b.returnType() != null) { declared = cx.typeExprs.resolveTypeExpr(b.returnType(), null, true); cx.unifier.unify(t, declared); }
            body = cx.exprs.check(b.body(), t, Scope.EMPTY);
        }
        cx.level--;
        g.body = body;
        boolean generalizable = g.arity > 0 && !g.mutable;
        g.scheme = generalizable ? cx.unifier.generalize(body.type(), g.inline, b.loc()) : Scheme.mono(body.type());
        if (g.literal) checkLiteral(g, b);
        if (g.entryPoint) checkEntryPoint(g, b);
        if (g.interruptVector != null) checkInterrupt(g, b);
        if (g.test) checkTest(g, b);
        cx.unifier.defaultTraits(body, g.scheme.vars());
        cx.traitCalls.collectRequirements(g);
        m.values.put(b.name(), new Global(g));
        cx.activePatterns.register(ap, m);
        if (g.isPrivate) m.privateNames.add(b.name());
        cx.globals.add(g);
    }

    void checkGlobalPatternBinding(Binding b, ModuleDef m) {
        GlobalVal tmp = newGlobal(b, m, "pattern@" + b.loc().line(), b.loc());
        cx.level++;
        Type t = cx.fresh();
        TExpr value = cx.exprs.check(b.body(), t, Scope.EMPTY);
        cx.level--;
        tmp.body = value;
        tmp.scheme = Scheme.mono(value.type());
        cx.globals.add(tmp);
        Map<String, LocalVar> binds = new LinkedHashMap<>();
        TPat pat = cx.patterns.checkPattern(b.pat(), value.type(), binds, Scope.EMPTY, null);
        cx.unifier.defaultTraits(value);
        for (LocalVar lv : binds.values()) {
            GlobalVal g = newGlobal(b, m, lv.name, lv.loc);
            // body: match tmp with pat -> lv
            TExpr ref = new Typed.GlobalRef(b.loc(), value.type(), tmp, List.of());
            g.body = new Typed.Match(b.loc(), lv.type, ref, List.of(new Typed.Rule(b.loc(), pat, null, new Typed.LocalRef(lv.loc, lv.type, lv, List.of()))), true);
            g.scheme = Scheme.mono(lv.type);
            m.values.put(lv.name, new Global(g));
            cx.globals.add(g);
        }
    }

    void checkRecGroupGlobal(LetDecl d, ModuleDef m) {
        cx.tyVarScope = new HashMap<>();
        List<GlobalVal> gs = new ArrayList<>();
        List<ActivePattern> aps = new ArrayList<>();
        cx.level++;
        for (Binding b : d.bindings()) {
            if (b.name() == null) { cx.diags.error(b.loc(), "'let rec' needs function bindings"); continue; }
            GlobalVal g = newGlobal(b, m, b.name(), b.nameLoc());
            g.rec = true;
            g.scheme = Scheme.mono(cx.fresh());
            g.arity = b.params().size();
            m.values.put(b.name(), new Global(g));
            aps.add(SyntaxFacts.isActivePatternName(b.name()) ? cx.activePatterns.define(b.name(), b.nameLoc(), new Global(g)) : null);
            cx.activePatterns.register(aps.get(aps.size() - 1), m);
            gs.add(g);
        }
        int k = 0;
        for (Binding b : d.bindings()) {
            if (b.name() == null) continue;
            ActivePattern ap = aps.get(k);
            GlobalVal g = gs.get(k++);
            if (!b.isFunction() && !SyntaxFacts.isLambdaExpr(b.body())) {
                cx.diags.error(b.nameLoc(), "'let rec' is only supported for functions in fid-embed");
                continue;
            }
            Typed.Lambda lam = cx.binder.checkFunctionBinding(b, g, cx.activePatterns.bodyScope(ap, Scope.EMPTY), g.scheme.type());
            cx.activePatterns.checkResult(ap, b, lam);
            g.body = lam;
            g.arity = lam.params().size();
        }
        cx.level--;
        for (GlobalVal g : gs) {
            if (g.body == null) continue;
            g.scheme = cx.unifier.generalize(g.body.type(), g.inline, g.loc);
            if (g.inline) cx.diags.error(g.loc, "an inline function cannot be recursive");
        }
        for (GlobalVal g : gs) g.recGroup = List.copyOf(gs);
        for (GlobalVal g : gs) {
            if (g.body != null) cx.unifier.defaultTraits(g.body, g.scheme.vars());
            if (g.entryPoint) checkEntryPoint(g, g.binding);
            if (g.interruptVector != null) checkInterrupt(g, g.binding);
            if (g.test) checkTest(g, g.binding);
            cx.globals.add(g);
        }
    }

    void checkLiteral(GlobalVal g, Binding b) {
        Object v = ConstEval.eval(g.body);
        if (v == null) {
            cx.diags.error(b.nameLoc(), "this value is not a constant expression, which [<Literal>] requires");
            return;
        }
        Type t = Type.prune(g.body.type());
        if (!(t instanceof Type.Prim) && !(t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.ENUM)) {
            cx.diags.error(b.nameLoc(), "a [<Literal>] must have a primitive type or string");
            return;
        }
        g.literalValue = v;
    }

    void checkEntryPoint(GlobalVal g, Binding b) {
        if (cx.entryPoint != null) cx.diags.error(b.nameLoc(), "a program has exactly one [<EntryPoint>]; another one is at " + cx.entryPoint.loc);
        if (cx.checkingPrelude) return;
        cx.entryPoint = g;
        Type want = new Type.Fun(new Type.Array(Type.STRING), Type.INT);
        Type t = Type.resolve(g.scheme.type());
        try { cx.unifier.unify(t, want); } catch (Unifier.Mismatch | Unifier.TraitFailure e) {
            cx.diags.error(b.nameLoc(), "the entry point must have type 'string[] -> int' but here has type '" + Type.show(t) + "'");
        }
    }

    /** A [<Test>] (fid-embed test) is a module-cx.level function of type unit -> unit that the runner can call. */
    void checkTest(GlobalVal g, Binding b) {
        Type t = Type.resolve(g.scheme.type());
        try { cx.unifier.unify(t, new Type.Fun(Type.UNIT, Type.UNIT)); } catch (Unifier.Mismatch | Unifier.TraitFailure e) {
            cx.diags.error(b.nameLoc(), "a [<Test>] function must have type 'unit -> unit' but here has type '" + Type.show(t) + "'");
            return;
        }
        if (g.arity != 1) cx.diags.error(b.nameLoc(), "a [<Test>] must be a function: write 'let " + g.name + " () = ...'");
        else if (g.isPrivate) cx.diags.error(b.nameLoc(), "a [<Test>] cannot be private: the test runner calls it from another module");
    }

    void checkInterrupt(GlobalVal g, Binding b) {
        Type t = Type.resolve(g.scheme.type());
        try { cx.unifier.unify(t, new Type.Fun(Type.UNIT, Type.UNIT)); } catch (Unifier.Mismatch | Unifier.TraitFailure e) {
            cx.diags.error(b.nameLoc(), "an interrupt handler must have type 'unit -> unit' but here has type '" + Type.show(t) + "'");
        }
        if (cx.interruptNameValid != null && !cx.interruptNameValid.test(g.interruptVector)) {
            cx.diags.error(g.interruptLoc, "board '" + cx.boardName + "' has no interrupt vector '" + g.interruptVector + "'");
        }
        for (GlobalVal o : cx.globals) {
            if (o != g && g.interruptVector.equals(o.interruptVector)) {
                cx.diags.error(g.interruptLoc, "two handlers for the interrupt vector '" + g.interruptVector + "': the other one is '" + o.name + "' at " + o.loc);
            }
        }
    }
}
