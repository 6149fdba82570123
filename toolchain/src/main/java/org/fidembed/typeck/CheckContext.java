// The state one program's type checking shares between its parts: the module tree and what is open,
// the let-level and type variables of the binding being checked, what has been defined so far, and
// the parts themselves (each concern in its class, as in Go's types2 or rustc_hir_typeck).
package org.fidembed.typeck;

import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.types.Builtin;
import org.fidembed.types.Predef;
import org.fidembed.types.Symbols.BuiltinRef;
import org.fidembed.types.Symbols.CaseRef;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.ModuleDef;
import org.fidembed.types.Type;
import org.fidembed.types.TypeDefn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

final class CheckContext {
    final Diagnostics diags;
    final Predef predef = new Predef();
    final ModuleDef root = new ModuleDef("", null, Loc.NONE);
    final ModuleDef predefModule;
    final List<ModuleDef> autoOpens = new ArrayList<>();
    final Predicate<String> interruptNameValid;
    final String boardName;

    /** Where checking is: the module, what is open there, the let-level and the binding's type variables. */
    List<ModuleDef> opens = new ArrayList<>();
    ModuleDef current;
    int level = 0;
    Map<String, Type.Var> tyVarScope = new HashMap<>();
    boolean checkingPrelude;
    int doCounter = 0;

    /** What the program has defined so far. */
    final List<TypeDefn> recordTypes = new ArrayList<>();
    final List<GlobalVal> globals = new ArrayList<>();
    final List<TypeDefn> allTypes = new ArrayList<>();
    GlobalVal entryPoint;
    /** Checks that need the whole program's types resolved (string concatenation of constants). */
    final List<Runnable> deferred = new ArrayList<>();

    final Unifier unifier = new Unifier(this);
    final Names names = new Names(this);
    final TypeExprs typeExprs = new TypeExprs(this);
    final TypeDefs typeDefs = new TypeDefs(this);
    final MemberDefs memberDefs = new MemberDefs(this);
    final Decls decls = new Decls(this);
    final Binder binder = new Binder(this);
    final Exprs exprs = new Exprs(this);
    final Literals literals = new Literals(this);
    final Calls calls = new Calls(this);
    final Builtins builtins = new Builtins(this);
    final Operators ops = new Operators(this);
    final Members members = new Members(this);
    final Control control = new Control(this);
    final Patterns patterns = new Patterns(this);
    final ActivePatterns activePatterns = new ActivePatterns(this);
    final TraitCalls traitCalls = new TraitCalls(this);
    final Views views = new Views(this);

    CheckContext(Diagnostics diags, String boardName, Predicate<String> interruptNameValid) {
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
        for (TypeDefn d : predef.choices) {
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
        // System: opened by `open System`; Math and MathF hold the static members fid-embed provides
        ModuleDef system = module(root, "System");
        system.prelude = true;
        for (var e : List.of(Map.entry("Math", Predef.MATH_MEMBERS), Map.entry("MathF", Predef.MATHF_MEMBERS))) {
            ModuleDef m = module(system, e.getKey());
            m.prelude = true;
            m.dotNetStatics = true;
            e.getValue().forEach((name, b) -> { if (b != null) m.values.put(name, new BuiltinRef(b)); });
        }
        for (Builtin b : Builtin.values()) {
            String n = b.fsName;
            if (n.startsWith("Mmio.")) mmio.values.put(n.substring(5), new BuiltinRef(b));
            else if (n.startsWith("Cpu.")) cpu.values.put(n.substring(4), new BuiltinRef(b));
            else if (n.startsWith("Intrinsics.")) intr.values.put(n.substring(11), new BuiltinRef(b));
        }
    }

    Type.Var fresh() { return new Type.Var(level); }

    /** The type of an expression whose error is reported: it unifies with anything, silently. */
    Type.Var errorType() {
        Type.Var v = fresh();
        v.fromError = true;
        return v;
    }

    ModuleDef module(ModuleDef parent, String name) {
        ModuleDef m = parent.modules.get(name);
        if (m == null) { m = new ModuleDef(name, parent, Loc.NONE); parent.modules.put(name, m); }
        return m;
    }
}
