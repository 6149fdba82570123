// The module-wide state of one lowering: the program and target, the IR module being written, the
// work queue of function instances still to emit, and what each concern has made so far (instances,
// globals, strings, closure codes, comparison helpers) so that each is made once.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.ir.ModuleBuilder;
import org.fidembed.lower.ir.Value;
import org.fidembed.rules.Finding;
import org.fidembed.typeck.Program;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

final class ModuleContext {
    final Program prog;
    final TargetInfo target;
    /** What the language rules judge after lowering (SpecialisedRules), in the order found. */
    final List<Finding> findings = new ArrayList<>();
    final ModuleBuilder ir;
    /** The debugger's types, or null without debug information. */
    final DebugTypes debugTypes;
    /** Functions to emit after the current one: instances are queued when first used. */
    final Deque<Runnable> work = new ArrayDeque<>();
    private final Map<String, GlobalVal> byName = new HashMap<>();
    /** Whether module-level mutable values are accessed volatile (the program has interrupt handlers). */
    final boolean volatileGlobals;

    // made once each, by key
    final Map<String, Instances.Instance> instances = new HashMap<>();
    final Map<String, Instances.Instance> localInstances = new HashMap<>();
    final Map<GlobalVal, Globals.GInfo> globals = new HashMap<>();
    final Map<String, Value> strings = new HashMap<>();
    final Map<String, Value> helpers = new HashMap<>();
    final Map<String, Value> closureCodes = new HashMap<>();
    final Map<Typed.Lambda, Set<LocalVar>> freeVarCache = new IdentityHashMap<>();
    private final Map<Object, Integer> identities = new IdentityHashMap<>();
    /** Numbers the names of lifted local functions and anonymous static objects. */
    int counter = 0;
    int inlineDepth = 0;
    /** Whether this unit has a wide (UTF-16) string literal. */
    boolean anyWideString;
    /** The function type of the last function-typed call result, for a closure value whose type is not passed on. */
    Type lastValueType;

    // the module-level value being initialised (names its static storage), or null
    String storageOwner;
    Loc storageOwnerLoc;
    final Map<String, Integer> storageCount = new HashMap<>();

    // what the result reports
    final Map<String, String> interruptHandlers = new LinkedHashMap<>();
    final Map<String, Loc> functionLocs = new HashMap<>();
    final Map<String, Loc> dataLocs = new HashMap<>();
    boolean usesRamfunc;
    boolean usesCycles;
    /** Panic sites by location, numbered in order (the location strategy's table, PanicSites). */
    final Map<String, Integer> panicSites = new LinkedHashMap<>();
    /** The construct being lowered (locations of static objects, and of internal errors). */
    Loc currentLoc = Loc.NONE;

    ModuleContext(Program prog, TargetInfo target, boolean debugInfo) {
        this.ir = new ModuleBuilder(debugInfo);
        this.debugTypes = debugInfo ? new DebugTypes(ir.debug()) : null;
        this.prog = prog;
        this.target = target;
        boolean vol = false;
        for (GlobalVal g : prog.globals()) {
            byName.put(g.qualifiedName, g);
            if (g.interruptVector != null) vol = true;
        }
        this.volatileGlobals = vol;
    }

    /** Records a finding for the rules judged after lowering. */
    void find(Finding.Kind kind, Loc loc, Object... data) { findings.add(Finding.of(kind, loc, data)); }

    /** Stops lowering after a finding it cannot go on from; Lowering returns what was found. */
    static final class Stop extends RuntimeException {
        Stop() { super(null, null, false, false); }
    }

    /** A module-level value or function by qualified name, or null. */
    GlobalVal global(String qualifiedName) { return byName.get(qualifiedName); }

    /** A function of Fid.Runtime (the prelude must define it). */
    GlobalVal runtime(String name) {
        GlobalVal g = byName.get("Fid.Runtime." + name);
        if (g == null) throw new IllegalStateException("the prelude has no Fid.Runtime." + name);
        return g;
    }

    /** A number for an object, the same each time (keys of closure codes). */
    int id(Object o) { return identities.computeIfAbsent(o, k -> identities.size()); }

    /** Emits every queued function (and those they queue). */
    void drain() {
        while (!work.isEmpty()) work.pollFirst().run();
    }

    /** The module text: globals, the wide-strings flag, declarations, functions. */
    String text() {
        return ir.text(Strings.wideStringsGlobal(this));
    }
}
