// Lowers the typed program to LLVM IR text: monomorphizes generic functions per use, expands
// inline functions and known lambdas in place, lifts local functions, builds closures only where a
// function value must exist, compiles matches to decision trees, and adds the run-time checks of
// the language (bounds, division, overflow, incomplete matches) as calls into the prelude.
package org.fidembed.lower;

import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.*;
import org.fidembed.types.*;
import org.fidembed.typeck.Program;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Typed.TExpr;

import java.nio.charset.StandardCharsets;
import java.util.*;

public final class Lowerer {
    private final Program prog;
    private final TargetInfo target;
    private final Diagnostics diags;
    private final Map<String, GlobalVal> byName = new HashMap<>();
    private final StringBuilder globalsText = new StringBuilder();
    private final List<String> functions = new ArrayList<>();
    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, Instance> instances = new HashMap<>();
    private final Deque<Runnable> work = new ArrayDeque<>();
    private final Map<GlobalVal, GInfo> gvals = new HashMap<>();
    private final Map<String, String> helpers = new HashMap<>();
    private final Map<String, String> closureCodes = new HashMap<>();
    private final Map<String, Instance> localInstances = new HashMap<>();
    private final Deque<FnBuilder> builders = new ArrayDeque<>();
    private final Set<String> declared = new LinkedHashSet<>();
    private final Map<Typed.Lambda, Set<LocalVar>> freeVarCache = new IdentityHashMap<>();
    private final Map<Object, Integer> identities = new IdentityHashMap<>();
    private FnBuilder b;
    private int counter = 0;
    private int inlineDepth = 0;
    private boolean volatileGlobals = false;
    /** Call graph for the stack bound: function name to the functions it calls directly. */
    public final Map<String, Set<String>> callGraph = new LinkedHashMap<>();
    /** Interrupt vector name to the LLVM function that handles it. */
    public final Map<String, String> interruptHandlers = new LinkedHashMap<>();
    /** Source location of each generated function (for reports). */
    public final Map<String, Loc> functionLocs = new HashMap<>();
    /** Source location of each static object: module-level values and objects created at start-up. */
    public final Map<String, Loc> dataLocs = new HashMap<>();
    /** The construct being lowered (locations of static objects, and of internal errors). */
    private Loc currentLoc = Loc.NONE;

    /** Where lowering was when it stopped (for internal error messages). */
    public Loc currentLocation() { return currentLoc; }

    record Instance(String name, List<String> paramTys, String retTy) { }
    /**
     * A module-level value: its global, LLVM type, array length when known, whether it is a constant,
     * and, when the value itself is known at compile time (an immutable array in static storage), that
     * LLVM constant: uses then need no load, and LLVM sees the storage and the length.
     */
    record GInfo(String name, String ty, Integer knownLen, boolean isConst, StaticArray constRef) {
        GInfo(String name, String ty, Integer knownLen, boolean isConst) { this(name, ty, knownLen, isConst, null); }
    }

    /**
     * The compile-time value of an array whose storage is a static global (created while module
     * values are initialised): the reference { ptr storage, i32 length } is an LLVM constant.
     */
    record StaticArray(String storage, int length) {
        String literal() { return "{ ptr " + storage + ", i32 " + length + " }"; }
    }

    /** Where a tail call can become a jump: the function's own parameters and its loop header. */
    /** One function a tail call can jump to: its parameter slots and the block where its body starts. */
    private record TailTarget(List<String> paramSlots, List<String> paramTys, String label) { }

    /** The functions of this LLVM function that tail calls jump to (itself, or its whole rec group). */
    private record TailCtx(Map<String, TailTarget> targets, String retTy) {
        TailCtx(String selfKey, List<String> paramSlots, List<String> paramTys, String loopLabel, String retTy) {
            this(Map.of(selfKey, new TailTarget(paramSlots, paramTys, loopLabel)), retTy);
        }
    }

    public Lowerer(Program prog, TargetInfo target, Diagnostics diags) {
        this.prog = prog;
        this.target = target;
        this.diags = diags;
        for (GlobalVal g : prog.globals()) byName.put(g.qualifiedName, g);
        for (GlobalVal g : prog.globals()) if (g.interruptVector != null) volatileGlobals = true;
    }

    // =============================================================================================== module

    /** Whether a function is placed in RAM ([<Section(".ramfunc")>]): the linker script then copies it there. */
    public boolean usesRamfunc;

    /** Whether the program reads the cycle counter (the reset handler then enables it). */
    public boolean usesCycles;

    /** Compiles a non-generic prelude function of Fid.Runtime and returns its LLVM name (call before lower()). */
    public String runtimeFunction(String name) {
        GlobalVal g = byName.get("Fid.Runtime." + name);
        if (g == null) throw new IllegalStateException("the prelude has no Fid.Runtime." + name);
        return instance(g, List.of()).name();
    }

    /**
     * The run-time library alone: the exported helpers LLVM calls on its own (memcpy, division,
     * soft float). It is compiled once per target into an object of its own and linked with every
     * program; the linker keeps only the helpers a program calls.
     */
    public String lowerRuntimeLibrary() {
        for (GlobalVal g : prog.globals()) {
            if (g.exportName != null && g.scheme.vars().isEmpty()) instance(g, List.of());
        }
        while (!work.isEmpty()) work.pollFirst().run();
        StringBuilder out = new StringBuilder();
        out.append(globalsText);
        out.append(wideStringsGlobal());
        for (String d : declared) out.append(d).append('\n');
        for (String f : functions) out.append(f).append('\n');
        return out.toString();
    }

    /** The LLVM module body (functions and globals); startup code is added by the back end. */
    public String lower() {
        // module initialisers first: they fix the lengths of module-level arrays
        pushBuilder(new FnBuilder("fid.init"));
        Env initEnv = new Env(Map.of(), null, null, true);
        for (GlobalVal g : prog.globals()) {
            if (g.isFunction() || g.literal) continue;
            if (g.prelude && g.uses == 0 && !g.name.startsWith("do@")) continue;
            lowerGlobalInit(g, initEnv);
        }
        b.ret("void", null);
        functions.add(b.text("define internal void @fid.init()"));
        popBuilder();
        // the UART driver's init, the entry point and the interrupt handlers
        GlobalVal uartInit = byName.get("Fid.Uart.init");
        GlobalVal uartSetup = byName.get("Fid.Board.uartSetup");
        pushBuilder(new FnBuilder("fid.uart.init"));
        if (uartSetup != null) callGlobal(uartSetup, List.of(), List.of(unit()), Loc.NONE, emptyEnv());
        if (uartInit != null) callGlobal(uartInit, List.of(), List.of(unit()), Loc.NONE, emptyEnv());
        b.ret("void", null);
        functions.add(b.text("define internal void @fid.uart.init()"));
        popBuilder();
        if (prog.entry() != null) {
            pushBuilder(new FnBuilder("fid.main"));
            Val r = callGlobal(prog.entry(), List.of(), List.of(new V("{ ptr null, i32 0 }", LType.ARR, null, 0)), prog.entry().loc, emptyEnv());
            b.ret("i32", ((V) r).ref());
            functions.add(b.text("define internal i32 @fid.main()"));
            popBuilder();
            functionLocs.put("fid.main", prog.entry().loc); // where errors "at the entry point" point
        }
        Map<String, GlobalVal> handlerOf = new HashMap<>();
        for (GlobalVal g : prog.globals()) {
            if (g.interruptVector == null) continue;
            // an alias (Tick) and the interrupt's own name (SysTick) are one vector
            String vector = target.canonicalInterrupt(g.interruptVector);
            GlobalVal other = handlerOf.putIfAbsent(vector, g);
            if (other != null) {
                diags.error(g.interruptLoc, "two handlers for the interrupt vector '" + vector + "' ('" + g.interruptVector + "' and '"
                        + other.interruptVector + "' name the same one): the other one is '" + other.name + "' at " + other.loc);
                continue;
            }
            String name = "isr." + vector;
            pushBuilder(new FnBuilder(name));
            // the board's prologue first (profile [interrupt-prologues]), e.g. re-arming a one-shot timer
            String prologue = target.interruptPrologues().get(vector);
            if (prologue != null) {
                GlobalVal p = byName.get(prologue);
                if (p == null) throw new IllegalStateException("board '" + target.boardName() + "' runs " + prologue
                        + " before the handler of " + vector + ", but the prelude defines no such function");
                callGlobal(p, List.of(), List.of(unit()), g.loc, emptyEnv());
            }
            callGlobal(g, List.of(), List.of(unit()), g.loc, emptyEnv());
            b.ret("void", null);
            functions.add(b.text("define internal void @\"" + name + "\"()"));
            functionLocs.put(name, g.loc);
            interruptHandlers.put(vector, "@\"" + name + "\"");
            popBuilder();
        }
        // unused user functions are compiled too (their warnings and errors matter), then dropped by LLVM
        for (GlobalVal g : prog.globals()) {
            if (g.prelude || !g.isFunction() || g.inline || !g.scheme.vars().isEmpty()) continue;
            instance(g, List.of());
        }
        while (!work.isEmpty()) work.pollFirst().run();
        StringBuilder out = new StringBuilder();
        out.append(globalsText);
        out.append(wideStringsGlobal());
        for (String d : declared) out.append(d).append('\n');
        for (String f : functions) out.append(f).append('\n');
        return out.toString();
    }

    private Env emptyEnv() { return new Env(Map.of(), null, null, false); }

    private void pushBuilder(FnBuilder nb) {
        if (b != null) builders.push(b);
        b = nb;
    }

    private void popBuilder() { b = builders.isEmpty() ? null : builders.pop(); }

    private static V unit() { return new V("zeroinitializer", LType.UNIT); }

    // =============================================================================================== types

    private Type conc(Type t, Env env) {
        Type r = Type.resolve(Type.substVars(t, env.subst()));
        return r;
    }

    private String lt(Type t, Env env) { return LType.of(conc(t, env)); }

    private static String show(Type t) { return Type.show(t); }

    private static boolean isFun(Type t) { return Type.prune(t) instanceof Type.Fun; }

    private static PrimKind primOf(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Prim p) return p.kind();
        if (t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.ENUM) return primOf(n.def().enumUnderlying);
        return null;
    }

    /** The flattened parameter types and result of a concrete function type. */
    private static List<Type> funParams(Type t, Type[] result) {
        List<Type> ps = new ArrayList<>();
        t = Type.prune(t);
        while (t instanceof Type.Fun f) { ps.add(Type.prune(f.arg())); t = Type.prune(f.result()); }
        result[0] = t;
        return ps;
    }

    private int id(Object o) { return identities.computeIfAbsent(o, k -> identities.size()); }

    // =============================================================================================== globals

    private GInfo ginfo(GlobalVal g) {
        GInfo gi = gvals.get(g);
        if (gi != null) return gi;
        // referenced before its initialiser was lowered (a prelude value): define it now
        String ty = LType.of(Type.resolve(g.scheme.type()));
        String name = "@\"" + g.qualifiedName + "\"";
        globalsText.append(name).append(" = internal global ").append(ty).append(" zeroinitializer\n");
        gi = new GInfo(name, ty, null, false);
        gvals.put(g, gi);
        return gi;
    }

    private void lowerGlobalInit(GlobalVal g, Env env) {
        dataLocs.put(g.qualifiedName, g.loc);
        dataLocs.put(g.qualifiedName + ".data", g.loc);
        Type t = Type.resolve(g.scheme.type());
        String ty = LType.of(t);
        String name = "@\"" + g.qualifiedName + "\"";
        if (g.name.startsWith("do@")) {
            lower(g.body, env);
            return;
        }
        // constant scalars and constant arrays of scalars go straight into the image
        Object c = g.mutable ? null : ConstEval.eval(g.body);
        if (c == null && g.mutable) c = ConstEval.eval(g.body);
        if (c != null && !(c instanceof String)) {
            String lit = constLiteral(c, t);
            globalsText.append(name).append(g.mutable ? " = internal global " : " = internal constant ").append(ty).append(' ').append(lit).append('\n');
            gvals.put(g, new GInfo(name, ty, null, !g.mutable));
            return;
        }
        if (g.body instanceof Typed.ArrayLit al && allConst(al.elems())) {
            Type elem = ((Type.Array) t).elem();
            String ety = LType.of(elem);
            String data = "@\"" + g.qualifiedName + ".data\"";
            StringBuilder sb = new StringBuilder();
            sb.append(data).append(" = internal global [").append(al.elems().size()).append(" x ").append(ety).append("] [");
            for (int k = 0; k < al.elems().size(); k++) {
                if (k > 0) sb.append(", ");
                sb.append(ety).append(' ').append(constLiteral(ConstEval.eval(al.elems().get(k)), elem));
            }
            sb.append("]\n");
            globalsText.append(sb);
            globalsText.append(name).append(g.mutable ? " = internal global " : " = internal constant ").append(ty)
                    .append(" { ptr ").append(data).append(", i32 ").append(al.elems().size()).append(" }\n");
            StaticArray ref = g.mutable ? null : new StaticArray(data, al.elems().size());
            gvals.put(g, new GInfo(name, ty, g.mutable ? null : al.elems().size(), !g.mutable, ref));
            return;
        }
        storageOwner = g.qualifiedName;
        storageOwnerLoc = g.loc;
        V mv;
        try {
            mv = materialize(lower(g.body, env), t, env, g.loc);
        } finally {
            storageOwner = null;
            storageOwnerLoc = null;
        }
        if (!g.mutable && mv.constVal() instanceof StaticArray sa) {
            // an immutable array in static storage (Array.zeroCreate, Array.init, ... at module level): the
            // initialiser fills the storage; the reference itself is a constant
            globalsText.append(name).append(" = internal constant ").append(ty).append(' ').append(sa.literal()).append('\n');
            gvals.put(g, new GInfo(name, ty, sa.length(), false, sa));
            return;
        }
        globalsText.append(name).append(" = internal global ").append(ty).append(" zeroinitializer\n");
        if (!ty.equals(LType.UNIT)) b.emit("store " + (volatileGlobals && g.mutable ? "volatile " : "") + ty + " " + mv.ref() + ", ptr " + name);
        gvals.put(g, new GInfo(name, ty, g.mutable ? null : mv.knownLen(), false));
    }

    /** Whether every element is a compile-time constant (strings included: their references are constants too). */
    private boolean allConst(List<TExpr> es) {
        for (TExpr e : es) {
            if (ConstEval.eval(e) == null) return false;
        }
        return true;
    }

    /** An LLVM constant for a compile-time value of type t. */
    private String constLiteral(Object c, Type t) {
        PrimKind k = primOf(t);
        if (c instanceof Boolean bo) return bo ? "true" : "false";
        if (c instanceof Character ch) return Integer.toString(ch);
        if (c instanceof Long l) {
            if (k == PrimKind.FLOAT || k == PrimKind.FLOAT32) return floatLit((double) l, k);
            return intLit(l, LType.of(t));
        }
        if (c instanceof Double d) return floatLit(d, k == null ? PrimKind.FLOAT : k);
        if (c instanceof Float f) return floatLit(f, PrimKind.FLOAT32);
        if (c instanceof String s) return stringConst(s).ref();
        throw new IllegalStateException("constant " + c);
    }

    /** The ELF symbol of an LLVM function name (@name or @"quoted name"). */
    static String symbolOf(String llvmName) {
        String n = llvmName.startsWith("@") ? llvmName.substring(1) : llvmName;
        return n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n;
    }

    private static String intLit(long v, String ty) {
        return switch (ty) {
            case "i1" -> (v & 1) != 0 ? "true" : "false";
            case "i8" -> Long.toString((byte) v);
            case "i16" -> Long.toString((short) v);
            case "i32" -> Long.toString((int) v);
            default -> Long.toString(v);
        };
    }

    private static String floatLit(double d, PrimKind k) {
        if (k == PrimKind.FLOAT32) d = (double) (float) d;
        return String.format("0x%016X", Double.doubleToRawLongBits(d));
    }

    /** Whether a literal of this unit is wide (UTF-16): only literals make strings. */
    private boolean anyWideString;

    /**
     * A string's wide bit (the top bit of its length) and-ed with whether this unit has any wide
     * literal at all, a constant known only when lowering ends (@fid.wide.strings). In a program
     * of ASCII strings LLVM then folds away every wide branch of string indexing and printing.
     */
    private String isWide(String rawLength) {
        String bit = b.inst("icmp slt i32 " + rawLength + ", 0");
        String any = b.inst("load i1, ptr @fid.wide.strings");
        return b.inst("and i1 " + bit + ", " + any);
    }

    private String wideStringsGlobal() {
        return "@fid.wide.strings = internal constant i1 " + anyWideString + "\n";
    }

    private V stringConst(String s) {
        boolean wide = false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 127) wide = true;
        anyWideString |= wide;
        if (s.isEmpty()) return new V("{ ptr null, i32 0 }", LType.STR, s, null);
        String key = (wide ? "W" : "N") + s;
        String g = strings.get(key);
        if (g == null) {
            g = "@.str." + strings.size();
            strings.put(key, g);
            dataLocs.put("str." + (strings.size() - 1), currentLoc);
            if (!wide) {
                StringBuilder sb = new StringBuilder();
                for (byte by : s.getBytes(StandardCharsets.US_ASCII)) {
                    int c = by & 0xFF;
                    if (c >= 32 && c < 127 && c != '"' && c != '\\') sb.append((char) c);
                    else sb.append(String.format("\\%02X", c));
                }
                globalsText.append(g).append(" = private unnamed_addr constant [").append(s.length()).append(" x i8] c\"").append(sb).append("\", align 1\n");
            } else {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < s.length(); i++) { if (i > 0) sb.append(", "); sb.append("i16 ").append((short) s.charAt(i)); }
                globalsText.append(g).append(" = private unnamed_addr constant [").append(s.length()).append(" x i16] [").append(sb).append("], align 2\n");
            }
        }
        int len = wide ? (s.length() | 0x80000000) : s.length();
        return new V("{ ptr " + g + ", i32 " + len + " }", LType.STR, s, null);
    }

    // =============================================================================================== instances

    private static String instanceKey(GlobalVal g, List<Type> targs) {
        StringBuilder key = new StringBuilder(g.qualifiedName);
        if (!targs.isEmpty()) {
            key.append('<');
            for (int k = 0; k < targs.size(); k++) { if (k > 0) key.append(','); key.append(show(targs.get(k))); }
            key.append('>');
        }
        return key.toString();
    }

    private Instance instance(GlobalVal g, List<Type> targs) {
        String k = instanceKey(g, targs);
        Instance inst = instances.get(k);
        if (inst != null) return inst;
        if (mergeableGroup(g)) {
            mergeGroup(g.recGroup);
            return instances.get(k);
        }
        Map<Type.Var, Type> subst = new IdentityHashMap<>();
        for (int i = 0; i < g.scheme.vars().size() && i < targs.size(); i++) subst.put(g.scheme.vars().get(i), targs.get(i));
        Env env = new Env(subst, null, null, false);
        Typed.Lambda lam = (Typed.Lambda) g.body;
        List<String> ptys = new ArrayList<>();
        for (LocalVar p : lam.params()) ptys.add(lt(p.type, env));
        String rty = lt(lam.body().type(), env);
        String name = g.exportName != null ? "@" + g.exportName : "@\"" + k + "\"";
        inst = new Instance(name, ptys, rty);
        instances.put(k, inst);
        final Instance fi = inst;
        functionLocs.put(symbolOf(name), g.loc);
        work.add(() -> emitFunction(fi, k, lam, env, g));
        return inst;
    }

    /**
     * A non-generic `let rec f ... and g ...` whose functions return the same type compiles into one
     * LLVM function with an entry per member, so that tail calls between members are jumps at every
     * optimisation level; each member is a small function that enters it.
     */
    private boolean mergeableGroup(GlobalVal g) {
        if (g.recGroup == null || g.recGroup.size() < 2) return false;
        String ret = null;
        for (GlobalVal m : g.recGroup) {
            if (!m.scheme.vars().isEmpty() || m.inline || !(m.body instanceof Typed.Lambda lam)) return false;
            String r = LType.of(Type.resolve(lam.body().type()));
            if (ret == null) ret = r; else if (!ret.equals(r)) return false;
        }
        return true;
    }

    private void mergeGroup(List<GlobalVal> group) {
        String groupName = "@\"" + group.get(0).qualifiedName + ".group\"";
        Env env = emptyEnv();
        List<List<String>> ptys = new ArrayList<>();
        String rty = LType.of(Type.resolve(((Typed.Lambda) group.get(0).body).body().type()));
        List<String> all = new ArrayList<>();
        for (GlobalVal m : group) {
            List<String> tys = new ArrayList<>();
            for (LocalVar p : ((Typed.Lambda) m.body).params()) tys.add(LType.of(Type.resolve(p.type)));
            ptys.add(tys);
            all.addAll(tys);
        }
        for (int i = 0; i < group.size(); i++) {
            GlobalVal m = group.get(i);
            String name = "@\"" + m.qualifiedName + "\"";
            instances.put(instanceKey(m, List.of()), new Instance(name, ptys.get(i), rty));
            functionLocs.put(symbolOf(name), m.loc);
        }
        work.add(() -> {
            // the members: enter the group function at their own entry
            for (int i = 0; i < group.size(); i++) {
                GlobalVal m = group.get(i);
                String name = "@\"" + m.qualifiedName + "\"";
                pushBuilder(new FnBuilder(name));
                StringBuilder header = new StringBuilder("define internal " + rty + " " + name + "(");
                StringBuilder call = new StringBuilder("call " + rty + " " + groupName + "(i32 " + i);
                for (int j = 0; j < group.size(); j++) {
                    for (int k = 0; k < ptys.get(j).size(); k++) {
                        String ty = ptys.get(j).get(k);
                        if (j == i) {
                            if (k > 0) header.append(", ");
                            header.append(ty).append(" %p").append(k);
                            call.append(", ").append(ty).append(" %p").append(k);
                        } else call.append(", ").append(ty).append(" undef");
                    }
                }
                header.append(')');
                call.append(')');
                noteCall(groupName);
                b.ret(rty, b.inst(call.toString()));
                functions.add(b.text(header.toString()));
                popBuilder();
            }
            // the group function itself
            pushBuilder(new FnBuilder(groupName));
            StringBuilder header = new StringBuilder("define internal " + rty + " " + groupName + "(i32 %which");
            Map<String, TailTarget> targets = new LinkedHashMap<>();
            List<Env> envs = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            int n = 0;
            for (int i = 0; i < group.size(); i++) {
                GlobalVal m = group.get(i);
                Typed.Lambda lam = (Typed.Lambda) m.body;
                Env e = env;
                List<String> slots = new ArrayList<>();
                for (int k = 0; k < lam.params().size(); k++) {
                    String ty = ptys.get(i).get(k);
                    header.append(", ").append(ty).append(" %a").append(n);
                    String slot = b.alloca(ty);
                    b.emit("store " + ty + " %a" + n + ", ptr " + slot);
                    slots.add(slot);
                    e = e.with(lam.params().get(k), new Slot(slot, ty, null, null));
                    n++;
                }
                String label = b.label("member");
                labels.add(label);
                envs.add(e);
                targets.put(instanceKey(m, List.of()), new TailTarget(slots, ptys.get(i), label));
            }
            header.append(')');
            List<String[]> cases = new ArrayList<>();
            for (int i = 1; i < group.size(); i++) cases.add(new String[]{Integer.toString(i), labels.get(i)});
            b.switchTo("i32", "%which", labels.get(0), cases);
            TailCtx tc = new TailCtx(targets, rty);
            for (int i = 0; i < group.size(); i++) {
                b.block(labels.get(i));
                lowerTail(((Typed.Lambda) group.get(i).body).body(), envs.get(i), tc);
            }
            functions.add(b.text(header.toString()));
            popBuilder();
        });
    }

    private void emitFunction(Instance inst, String selfKey, Typed.Lambda lam, Env env, GlobalVal g) {
        pushBuilder(new FnBuilder(inst.name()));
        StringBuilder header = new StringBuilder();
        boolean exported = g != null && g.exportName != null;
        header.append("define ").append(exported ? "" : "internal ").append(inst.retTy()).append(' ').append(inst.name()).append('(');
        List<String> slots = new ArrayList<>();
        Env e = env;
        for (int i = 0; i < lam.params().size(); i++) {
            LocalVar p = lam.params().get(i);
            String ty = inst.paramTys().get(i);
            if (i > 0) header.append(", ");
            header.append(ty).append(" %p").append(i);
            String slot = b.alloca(ty);
            b.emit("store " + ty + " %p" + i + ", ptr " + slot);
            slots.add(slot);
            e = e.with(p, new Slot(slot, ty, null, null));
        }
        header.append(')');
        header.append(fnAttrs(g));
        String loop = b.label("body");
        b.block(loop);
        TailCtx tc = new TailCtx(selfKey, slots, inst.paramTys(), loop, inst.retTy());
        lowerTail(lam.body(), e, tc);
        functions.add(b.text(header.toString()));
        popBuilder();
    }

    private String fnAttrs(GlobalVal g) {
        StringBuilder sb = new StringBuilder();
        if (g != null && g.prelude && g.name.startsWith("panic")) sb.append(" cold noinline");
        if (g != null && g.noInline) sb.append(" noinline");
        if (g != null && g.exportName != null) sb.append(" \"no-builtins\"");
        if (g != null && g.section != null) {
            sb.append(" section \"").append(g.section).append('"');
            if (g.section.startsWith(".ramfunc")) usesRamfunc = true;
        }
        return sb.toString();
    }

    // =============================================================================================== calls

    private Val callGlobal(GlobalVal g, List<Type> targs, List<Val> args, Loc loc, Env env) {
        return apply(new GlobalFn(g, targs), args, env, loc);
    }

    /**
     * An elementary function: the prelude's Fid.Math function for the argument's type (sin for float,
     * sinf for float32; pown, pownf, pownInt32, ... by the base's type).
     */
    private Val mathCall(Builtin op, Type argType, List<Val> args, Loc loc, Env env) {
        PrimKind k = ((Type.Prim) Type.prune(argType)).kind();
        String name;
        if (op == Builtin.POWN) {
            name = switch (k) {
                case FLOAT -> "pown"; case FLOAT32 -> "pownf";
                case SBYTE -> "pownInt8"; case BYTE -> "pownUInt8"; case INT16 -> "pownInt16"; case UINT16 -> "pownUInt16";
                case INT32 -> "pownInt32"; case UINT32 -> "pownUInt32"; case INT64 -> "pownInt64"; case UINT64 -> "pownUInt64";
                case NATIVEINT -> "pownNativeInt"; case UNATIVEINT -> "pownUNativeInt";
                default -> throw new IllegalStateException("pown of " + k);
            };
        } else name = op.mathName() + (k == PrimKind.FLOAT32 ? "f" : "");
        GlobalVal g = byName.get("Fid.Math." + name);
        if (g == null) throw new IllegalStateException("the prelude has no Fid.Math." + name);
        return callGlobal(g, List.of(), args, loc, env);
    }

    private Val callRuntime(String name, Loc loc, Env env, Val... args) {
        GlobalVal g = byName.get("Fid.Runtime." + name);
        if (g == null) throw new IllegalStateException("the prelude has no Fid.Runtime." + name);
        return callGlobal(g, List.of(), List.of(args), loc, env);
    }

    /** Applies a function to arguments: inline expansion, a direct call, or a partial application. */
    private Val apply(FnRef f, List<Val> args, Env caller, Loc loc) {
        if (args.isEmpty()) return new F(f);
        if (f instanceof Partial p) {
            List<Val> all = new ArrayList<>();
            for (Binding bd : p.args()) all.add(readBinding(bd));
            all.addAll(args);
            return apply(p.f(), all, caller, loc);
        }
        if (f instanceof KnownLambda kl) return expand(kl.lam(), kl.env(), args, caller, loc);
        if (f instanceof GlobalFn gf) {
            GlobalVal g = gf.g();
            Typed.Lambda lam = (Typed.Lambda) g.body;
            int n = lam.params().size();
            if (g.inline) {
                Map<Type.Var, Type> subst = new IdentityHashMap<>();
                for (int i = 0; i < g.scheme.vars().size() && i < gf.targs().size(); i++) subst.put(g.scheme.vars().get(i), gf.targs().get(i));
                Loc pl = g.prelude ? (caller.panicLoc() != null ? caller.panicLoc() : loc) : null;
                Env env = new Env(subst, null, pl, caller.staticAlloc());
                return expand(lam, env, args, caller, loc);
            }
            if (args.size() < n) return partial(f, args);
            Instance inst = instance(g, gf.targs());
            Val r = emitCall(inst.name(), inst.retTy(), inst.paramTys(), List.of(), args.subList(0, n), conc(lam.body().type(), envFor(g, gf.targs())), loc, caller);
            return rest(r, args, n, caller, loc);
        }
        if (f instanceof LocalFn lf) {
            int n = lf.def().lam.params().size();
            if (args.size() < n) return partial(f, args);
            LinkedHashMap<String, Integer> caps = new LinkedHashMap<>();
            collectCaps(f, caps);
            Instance inst = localInstance(lf, caps);
            Env inner = localEnv(lf);
            Val r = emitCall(inst.name(), inst.retTy(), inst.paramTys().subList(caps.size(), inst.paramTys().size()),
                    new ArrayList<>(caps.keySet()), args.subList(0, n), conc(lf.def().lam.body().type(), inner), loc, caller);
            return rest(r, args, n, caller, loc);
        }
        Closure c = (Closure) f;
        Type[] res = new Type[1];
        List<Type> ps = funParams(c.type(), res);
        int n = ps.size();
        if (args.size() < n) return partial(f, args);
        String cv = b.inst("load " + LType.FN + ", ptr " + c.slotPtr());
        String code = b.inst("extractvalue " + LType.FN + " " + cv + ", 0");
        String envp = b.inst("extractvalue " + LType.FN + " " + cv + ", 1");
        StringBuilder call = new StringBuilder();
        String rty = LType.of(res[0]);
        call.append("call ").append(rty).append(' ').append(code).append("(ptr ").append(envp);
        for (int i = 0; i < n; i++) {
            V a = materialize(args.get(i), ps.get(i), caller, loc);
            call.append(", ").append(a.ty()).append(' ').append(a.ref());
        }
        call.append(')');
        String r = b.inst(call.toString());
        noteIndirect(c.type());
        return rest(new V(r, rty), args, n, caller, loc);
    }

    private Env envFor(GlobalVal g, List<Type> targs) {
        Map<Type.Var, Type> subst = new IdentityHashMap<>();
        for (int i = 0; i < g.scheme.vars().size() && i < targs.size(); i++) subst.put(g.scheme.vars().get(i), targs.get(i));
        return new Env(subst, null, null, false);
    }

    private Val rest(Val r, List<Val> args, int n, Env caller, Loc loc) {
        if (args.size() == n) return r;
        return apply(asFn(r, null), args.subList(n, args.size()), caller, loc);
    }

    private Val partial(FnRef f, List<Val> args) {
        List<Binding> held = new ArrayList<>();
        for (Val a : args) held.add(hold(a));
        return new F(new Partial(f, held));
    }

    /** Keeps a value in a stack slot (so closures can capture it by address). */
    private Binding hold(Val a) {
        if (a instanceof F fv) return new FnBind(fv.f());
        V v = (V) a;
        String slot = b.alloca(v.ty());
        b.emit("store " + v.ty() + " " + v.ref() + ", ptr " + slot);
        return new Slot(slot, v.ty(), v.constVal(), v.knownLen());
    }

    private Val readBinding(Binding bd) {
        if (bd instanceof FnBind fb) return new F(fb.f());
        Slot s = (Slot) bd;
        if (s.ty().equals(LType.UNIT)) return unit();
        if (s.constVal() instanceof StaticArray sa) return new V(sa.literal(), s.ty(), sa, sa.length());
        return new V(b.inst("load " + s.ty() + ", ptr " + s.ptr()), s.ty(), s.constVal(), s.knownLen());
    }

    /** A function reference for a value that is called. */
    private FnRef asFn(Val v, Type t) {
        if (v instanceof F f) return f.f();
        V cv = (V) v;
        String slot = b.alloca(LType.FN);
        b.emit("store " + LType.FN + " " + cv.ref() + ", ptr " + slot);
        return new Closure(slot, t != null ? t : inferFnType(cv));
    }

    private Type lastValueType;

    private Type inferFnType(V v) {
        if (lastValueType != null) return lastValueType;
        throw new IllegalStateException("closure of unknown type");
    }

    private Val emitCall(String fn, String rty, List<String> ptys, List<String> leading, List<Val> args, Type resultType, Loc loc, Env caller) {
        StringBuilder call = new StringBuilder();
        call.append("call ").append(rty).append(' ').append(fn).append('(');
        boolean first = true;
        for (String p : leading) { if (!first) call.append(", "); call.append("ptr ").append(p); first = false; }
        for (int i = 0; i < args.size(); i++) {
            Val a = args.get(i);
            V m = a instanceof V vv ? vv : materialize(a, null, caller, loc, ptys.get(i));
            if (!first) call.append(", ");
            call.append(ptys.get(i)).append(' ').append(m.ref());
            first = false;
        }
        call.append(')');
        noteCall(fn);
        String r = b.inst(call.toString());
        if (isFun(resultType)) { lastValueType = resultType; return new F(new Closure(holdRaw(r, LType.FN), resultType)); }
        return new V(r, rty);
    }

    private String holdRaw(String ref, String ty) {
        String slot = b.alloca(ty);
        b.emit("store " + ty + " " + ref + ", ptr " + slot);
        return slot;
    }

    private void noteCall(String callee) {
        callGraph.computeIfAbsent(b.name, k -> new LinkedHashSet<>()).add(callee);
    }

    private void noteIndirect(Type t) {
        callGraph.computeIfAbsent(b.name, k -> new LinkedHashSet<>()).add("indirect:" + show(t));
    }

    /** Inline expansion of a lambda applied to arguments (extra arguments apply to its result). */
    private Val expand(Typed.Lambda lam, Env lenv, List<Val> args, Env caller, Loc loc) {
        int n = lam.params().size();
        if (args.size() < n) return partial(new KnownLambda(lam, lenv), args);
        if (++inlineDepth > 200) {
            inlineDepth = 0;
            diags.error(loc, "inline expansion is nested too deeply (more than 200 levels)");
            throw new org.fidembed.diag.CompileAbort();
        }
        try {
            Env e = new Env(lenv.subst(), lenv.binds(), lenv.panicLoc(), caller.staticAlloc());
            for (int i = 0; i < n; i++) e = bindParam(e, lam.params().get(i), args.get(i));
            Val r = lower(lam.body(), e);
            return rest(r, args, n, caller, loc);
        } finally {
            inlineDepth--;
        }
    }

    private Env bindParam(Env e, LocalVar p, Val a) {
        if (a instanceof F f) return e.with(p, new FnBind(f.f()));
        V v = (V) a;
        if (isFun(conc(p.type, e)) ) {
            String slot = b.alloca(LType.FN);
            b.emit("store " + LType.FN + " " + v.ref() + ", ptr " + slot);
            return e.with(p, new FnBind(new Closure(slot, conc(p.type, e))));
        }
        String slot = b.alloca(v.ty());
        if (!v.ty().equals(LType.UNIT)) b.emit("store " + v.ty() + " " + v.ref() + ", ptr " + slot);
        return e.with(p, new Slot(slot, v.ty(), v.constVal(), v.knownLen()));
    }

    // ---------------------------------------------------------------------------------------------- closures

    /** Makes a value an LLVM operand; functions become closures (code, environment in this frame). */
    private V materialize(Val v, Type t, Env env, Loc loc) { return materialize(v, t, env, loc, null); }

    private V materialize(Val v, Type t, Env env, Loc loc, String wantTy) {
        if (v instanceof V vv) return vv;
        FnRef f = ((F) v).f();
        if (f instanceof Closure c) return new V(b.inst("load " + LType.FN + ", ptr " + c.slotPtr()), LType.FN);
        Type ft = t != null ? conc(t, env) : fnTypeOf(f);
        return closureOf(f, ft, env);
    }

    private Type fnTypeOf(FnRef f) {
        if (f instanceof KnownLambda kl) return conc(kl.lam().type(), kl.env());
        if (f instanceof GlobalFn gf) return conc(gf.g().body.type(), envFor(gf.g(), gf.targs()));
        if (f instanceof LocalFn lf) return conc(lf.def().lam.type(), localEnv(lf));
        if (f instanceof Closure c) return c.type();
        Partial p = (Partial) f;
        Type t = fnTypeOf(p.f());
        for (int i = 0; i < p.args().size(); i++) t = ((Type.Fun) Type.prune(t)).result();
        return t;
    }

    private V closureOf(FnRef f, Type fnType, Env env) {
        LinkedHashMap<String, Integer> caps = new LinkedHashMap<>();
        collectCaps(f, caps);
        String key = sig(f) + "::" + show(fnType);
        String code = closureCodes.get(key);
        if (code == null) {
            code = "@\"clo." + closureCodes.size() + "\"";
            closureCodes.put(key, code);
            genClosureCode(code, f, caps, fnType);
        }
        String envPtr = "null";
        if (!caps.isEmpty()) {
            String envTy = "[" + caps.size() + " x ptr]";
            envPtr = allocStorage(envTy, env);
            int i = 0;
            for (String p : caps.keySet()) {
                String slot = b.inst("getelementptr inbounds " + envTy + ", ptr " + envPtr + ", i32 0, i32 " + i);
                b.emit("store ptr " + p + ", ptr " + slot);
                i++;
            }
        }
        String v1 = b.inst("insertvalue " + LType.FN + " undef, ptr " + code + ", 0");
        String v2 = b.inst("insertvalue " + LType.FN + " " + v1 + ", ptr " + envPtr + ", 1");
        return new V(v2, LType.FN, null, caps.isEmpty() ? null : -1);
    }

    private void genClosureCode(String name, FnRef f, LinkedHashMap<String, Integer> caps, Type fnType) {
        Type[] res = new Type[1];
        List<Type> ps = funParams(fnType, res);
        FnBuilder saved = b;
        pushBuilder(new FnBuilder(name));
        StringBuilder header = new StringBuilder("define internal " + LType.of(res[0]) + " " + name + "(ptr %env");
        Map<String, String> remap = new HashMap<>();
        int i = 0;
        for (String p : caps.keySet()) {
            String slot = b.inst("getelementptr inbounds [" + caps.size() + " x ptr], ptr %env, i32 0, i32 " + i);
            remap.put(p, b.inst("load ptr, ptr " + slot));
            i++;
        }
        List<Val> args = new ArrayList<>();
        for (int k = 0; k < ps.size(); k++) {
            String ty = LType.of(ps.get(k));
            header.append(", ").append(ty).append(" %a").append(k);
            if (isFun(ps.get(k))) {
                lastValueType = ps.get(k);
                args.add(new F(new Closure(holdRaw("%a" + k, ty), ps.get(k))));
            } else args.add(new V("%a" + k, ty));
        }
        header.append(')');
        FnRef g = rebuild(f, remap);
        Val r = apply(g, args, emptyEnv(), Loc.NONE);
        V mv = materialize(r, res[0], emptyEnv(), Loc.NONE);
        b.ret(LType.of(res[0]), mv.ref());
        functions.add(b.text(header.toString()));
        popBuilder();
    }

    /** The stack slots a function reference needs, in a fixed order (its captures). */
    private void collectCaps(FnRef f, LinkedHashMap<String, Integer> caps) {
        if (f instanceof KnownLambda kl) {
            for (LocalVar v : freeVars(kl.lam())) capBinding(kl.env().lookup(v), caps);
        } else if (f instanceof LocalFn lf) {
            for (LocalVar v : groupFreeVars(lf.def())) capBinding(lf.env().lookup(v), caps);
        } else if (f instanceof Partial p) {
            collectCaps(p.f(), caps);
            for (Binding bd : p.args()) capBinding(bd, caps);
        } else if (f instanceof Closure c) {
            caps.putIfAbsent(c.slotPtr(), caps.size());
        }
    }

    private void capBinding(Binding bd, LinkedHashMap<String, Integer> caps) {
        if (bd == null) return;
        if (bd instanceof Slot s) caps.putIfAbsent(s.ptr(), caps.size());
        else collectCaps(((FnBind) bd).f(), caps);
    }

    /** A structural key: two references with the same key compile to the same code. */
    private String sig(FnRef f) {
        if (f instanceof KnownLambda kl) {
            StringBuilder sb = new StringBuilder("L").append(id(kl.lam())).append('[');
            for (LocalVar v : freeVars(kl.lam())) sb.append(bindSig(kl.env().lookup(v))).append(';');
            sb.append(']').append(substSig(kl.env())).append(kl.env().panicLoc());
            return sb.toString();
        }
        if (f instanceof GlobalFn gf) {
            StringBuilder sb = new StringBuilder("G").append(gf.g().qualifiedName).append('<');
            for (Type t : gf.targs()) sb.append(show(t)).append(',');
            return sb.append('>').toString();
        }
        if (f instanceof LocalFn lf) {
            StringBuilder sb = new StringBuilder("F").append(id(lf.def())).append('<');
            for (Type t : lf.targs()) sb.append(show(t)).append(',');
            sb.append(">[");
            for (LocalVar v : groupFreeVars(lf.def())) sb.append(bindSig(lf.env().lookup(v))).append(';');
            return sb.append(']').append(substSig(lf.env())).append(lf.env().panicLoc()).toString();
        }
        if (f instanceof Partial p) {
            StringBuilder sb = new StringBuilder("P(").append(sig(p.f()));
            for (Binding bd : p.args()) sb.append(';').append(bindSig(bd));
            return sb.append(')').toString();
        }
        return "C" + show(((Closure) f).type());
    }

    private String bindSig(Binding bd) {
        if (bd == null) return "-";
        if (bd instanceof Slot s) return "S" + s.ty() + "=" + s.constVal() + "#" + s.knownLen();
        return sig(((FnBind) bd).f());
    }

    private String substSig(Env env) {
        if (env.subst().isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Type.Var, Type> e : env.subst().entrySet()) parts.add(e.getKey().id + "=" + show(e.getValue()));
        Collections.sort(parts);
        return "{" + String.join(",", parts) + "}";
    }

    private FnRef rebuild(FnRef f, Map<String, String> remap) {
        if (f instanceof KnownLambda kl) return new KnownLambda(kl.lam(), rebuildEnv(kl.env(), freeVars(kl.lam()), remap));
        if (f instanceof LocalFn lf) return new LocalFn(lf.def(), rebuildEnv(lf.env(), groupFreeVars(lf.def()), remap), lf.targs());
        if (f instanceof Partial p) {
            List<Binding> args = new ArrayList<>();
            for (Binding bd : p.args()) args.add(rebuildBinding(bd, remap));
            return new Partial(rebuild(p.f(), remap), args);
        }
        if (f instanceof Closure c) return new Closure(remap.getOrDefault(c.slotPtr(), c.slotPtr()), c.type());
        return f;
    }

    private Env rebuildEnv(Env env, Set<LocalVar> vars, Map<String, String> remap) {
        Env out = new Env(env.subst(), null, env.panicLoc(), false);
        for (LocalVar v : vars) {
            Binding bd = env.lookup(v);
            if (bd != null) out = out.with(v, rebuildBinding(bd, remap));
        }
        return out;
    }

    private Binding rebuildBinding(Binding bd, Map<String, String> remap) {
        if (bd instanceof Slot s) return new Slot(remap.getOrDefault(s.ptr(), s.ptr()), s.ty(), s.constVal(), s.knownLen());
        return new FnBind(rebuild(((FnBind) bd).f(), remap));
    }

    // ---------------------------------------------------------------------------------------------- local functions

    private Env localEnv(LocalFn lf) {
        Map<Type.Var, Type> subst = new IdentityHashMap<>(lf.env().subst());
        if (lf.def().v.scheme != null) {
            List<Type.Var> vars = lf.def().v.scheme.vars();
            for (int i = 0; i < vars.size() && i < lf.targs().size(); i++) subst.put(vars.get(i), lf.targs().get(i));
        }
        return new Env(subst, lf.env().binds(), lf.env().panicLoc(), false);
    }

    private Instance localInstance(LocalFn lf, LinkedHashMap<String, Integer> caps) {
        String key = sig(lf);
        Instance inst = localInstances.get(key);
        if (inst != null) return inst;
        Env inner = localEnv(lf);
        Typed.Lambda lam = lf.def().lam;
        List<String> ptys = new ArrayList<>();
        for (int i = 0; i < caps.size(); i++) ptys.add("ptr");
        for (LocalVar p : lam.params()) ptys.add(lt(p.type, inner));
        String name = "@\"" + lf.def().v.name + "." + (counter++) + "\"";
        inst = new Instance(name, ptys, lt(lam.body().type(), inner));
        localInstances.put(key, inst);
        functionLocs.put(symbolOf(name), lf.def().v.loc);
        // generate now (the captures are known here)
        pushBuilder(new FnBuilder(name));
        StringBuilder header = new StringBuilder("define internal " + inst.retTy() + " " + name + "(");
        Map<String, String> remap = new HashMap<>();
        int i = 0;
        for (String p : caps.keySet()) {
            if (i > 0) header.append(", ");
            header.append("ptr %c").append(i);
            remap.put(p, "%c" + i);
            i++;
        }
        LocalFn self = (LocalFn) rebuild(lf, remap);
        Env e = localEnv(self);
        // the group's functions see each other (and themselves) as local functions
        for (Env.LocalDef d : lf.def().group) e = e.with(d.v, new FnBind(new LocalFn(d, self.env(), d == lf.def() ? lf.targs() : List.of())));
        List<String> slots = new ArrayList<>();
        for (int k = 0; k < lam.params().size(); k++) {
            String ty = ptys.get(caps.size() + k);
            if (i + k > 0) header.append(", ");
            header.append(ty).append(" %p").append(k);
            String slot = b.alloca(ty);
            b.emit("store " + ty + " %p" + k + ", ptr " + slot);
            slots.add(slot);
            LocalVar p = lam.params().get(k);
            if (isFun(conc(p.type, e))) e = e.with(p, new FnBind(new Closure(slot, conc(p.type, e))));
            else e = e.with(p, new Slot(slot, ty, null, null));
        }
        header.append(')');
        String loop = b.label("body");
        b.block(loop);
        lowerTail(lam.body(), e, new TailCtx(key, slots, ptys.subList(caps.size(), ptys.size()), loop, inst.retTy()));
        functions.add(b.text(header.toString()));
        popBuilder();
        return inst;
    }

    private Set<LocalVar> groupFreeVars(Env.LocalDef def) {
        Set<LocalVar> out = new LinkedHashSet<>();
        for (Env.LocalDef d : def.group) out.addAll(freeVars(d.lam));
        for (Env.LocalDef d : def.group) out.remove(d.v);
        return out;
    }

    /** Locals a lambda refers to that it does not bind itself. */
    private Set<LocalVar> freeVars(Typed.Lambda lam) {
        Set<LocalVar> cached = freeVarCache.get(lam);
        if (cached != null) return cached;
        Set<LocalVar> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<LocalVar> used = new LinkedHashSet<>();
        bound.addAll(lam.params());
        collectVars(lam.body(), bound, used);
        Set<LocalVar> free = new LinkedHashSet<>();
        for (LocalVar v : used) if (!bound.contains(v)) free.add(v);
        freeVarCache.put(lam, free);
        return free;
    }

    private void collectVars(TExpr e, Set<LocalVar> bound, Set<LocalVar> used) {
        if (e instanceof Typed.LocalRef l) { used.add(l.v()); return; }
        if (e instanceof Typed.SetLocal s) used.add(s.v());
        if (e instanceof Typed.Let l) bound.add(l.v());
        if (e instanceof Typed.LetRec l) bound.addAll(l.vars());
        if (e instanceof Typed.Lambda l) bound.addAll(l.params());
        if (e instanceof Typed.For f) bound.add(f.v());
        if (e instanceof Typed.ForEach f) bound.add(f.v());
        if (e instanceof Typed.Match m) for (Typed.Rule r : m.rules()) patVars(r.pat(), bound);
        TreeWalk.children(e, c -> collectVars(c, bound, used));
    }

    private static void patVars(Typed.TPat p, Set<LocalVar> out) {
        if (p instanceof Typed.PVar v) out.add(v.v());
        else if (p instanceof Typed.PAs a) { out.add(a.v()); patVars(a.pat(), out); }
        else if (p instanceof Typed.PTuple t) t.elems().forEach(x -> patVars(x, out));
        else if (p instanceof Typed.PRecord r) r.fields().forEach(x -> patVars(x, out));
        else if (p instanceof Typed.PCase c) c.args().forEach(x -> patVars(x, out));
        else if (p instanceof Typed.POr o) { patVars(o.left(), out); patVars(o.right(), out); }
    }

    // =============================================================================================== storage

    /** The module-level value being initialised (names its static storage), or null. */
    private String storageOwner;
    private Loc storageOwnerLoc;
    private final Map<String, Integer> storageCount = new HashMap<>();

    /** Storage for an object created here: a stack slot, or a static in module initialisation. */
    private String allocStorage(String ty, Env env) {
        if (env.staticAlloc()) {
            // named after the module-level value it is made for, so reports and maps say whose it is
            String g;
            if (storageOwner != null) {
                int n = storageCount.merge(storageOwner, 1, Integer::sum);
                g = "@\"" + storageOwner + ".storage" + (n == 1 ? "" : "." + n) + "\"";
            } else {
                g = "@\"static." + (counter++) + "\"";
            }
            dataLocs.put(symbolOf(g), storageOwnerLoc != null ? storageOwnerLoc : env.panicLoc() != null ? env.panicLoc() : currentLoc);
            globalsText.append(g).append(" = internal global ").append(ty).append(" zeroinitializer, align ").append(Math.max(4, LType.align(ty))).append('\n');
            return g;
        }
        return b.alloca(ty, Math.max(4, LType.align(ty)));
    }

    // =============================================================================================== expressions

    private void lowerTail(TExpr e, Env env, TailCtx tc) {
        if (e instanceof Typed.If i) {
            V c = (V) lower(i.cond(), env);
            String t = b.label("then"), f = b.label("else");
            b.condBr(c.ref(), t, f);
            b.block(t);
            lowerTail(i.then(), env, tc);
            b.block(f);
            lowerTail(i.otherwise(), env, tc);
            return;
        }
        if (e instanceof Typed.Let l) { lowerTail(l.body(), bindLet(l, env), tc); return; }
        if (e instanceof Typed.LetRec l) { lowerTail(l.body(), bindLetRec(l, env), tc); return; }
        if (e instanceof Typed.Seq s) { lower(s.first(), env); lowerTail(s.second(), env, tc); return; }
        if (e instanceof Typed.Match m) { lowerMatch(m, env, tc); return; }
        TailTarget jump = e instanceof Typed.App a0 ? tailTarget(a0, env, tc) : null;
        if (jump != null) {
            Typed.App a = (Typed.App) e;
            List<Val> args = new ArrayList<>();
            for (TExpr x : a.args()) args.add(lower(x, env));
            List<V> vals = new ArrayList<>();
            for (int k = 0; k < args.size(); k++) vals.add(materialize(args.get(k), a.args().get(k).type(), env, a.loc()));
            for (int k = 0; k < vals.size(); k++) {
                if (!jump.paramTys().get(k).equals(LType.UNIT)) b.emit("store " + jump.paramTys().get(k) + " " + vals.get(k).ref() + ", ptr " + jump.paramSlots().get(k));
            }
            b.br(jump.label());
            return;
        }
        Val v = lower(e, env);
        if (b.terminated()) return;
        V mv = materialize(v, e.type(), env, e.loc());
        if (mv.knownLen() != null && mv.knownLen() == -1 && tc.retTy().equals(LType.FN)) {
            diags.error(e.loc(), "closure escapes the function that creates it: it refers to locals of this function; pass the state in and out as values, or make the function inline");
        }
        b.ret(tc.retTy(), mv.ref());
    }

    /** The jump target when a is a full call of a function of this LLVM function (a tail call), else null. */
    private TailTarget tailTarget(Typed.App a, Env env, TailCtx tc) {
        if (tc == null) return null;
        if (a.fn() instanceof Typed.GlobalRef g && !g.g().inline && g.g().isFunction()) {
            if (a.args().size() != ((Typed.Lambda) g.g().body).params().size()) return null;
            List<Type> targs = new ArrayList<>();
            List<Type> given = g.typeArgs().isEmpty() && !g.g().scheme.vars().isEmpty() ? new ArrayList<>(g.g().scheme.vars()) : g.typeArgs();
            for (Type t : given) targs.add(conc(t, env));
            return tc.targets().get(instanceKey(g.g(), targs));
        }
        if (a.fn() instanceof Typed.LocalRef l && env.lookup(l.v()) instanceof FnBind fb && fb.f() instanceof LocalFn lf) {
            if (a.args().size() != lf.def().lam.params().size()) return null;
            List<Type> targs = new ArrayList<>();
            List<Type> given = l.typeArgs().isEmpty() && l.v().scheme != null ? new ArrayList<>(l.v().scheme.vars()) : l.typeArgs();
            for (Type t : given) targs.add(conc(t, env));
            LocalFn call = new LocalFn(lf.def(), lf.env(), targs.isEmpty() ? lf.targs() : targs);
            return tc.targets().get(sig(call));
        }
        return null;
    }

    private Env bindLet(Typed.Let l, Env env) {
        LocalVar v = l.v();
        if (l.value() instanceof Typed.Lambda lam && !v.mutable) {
            Env.LocalDef def = new Env.LocalDef(v, lam);
            def.group = List.of(def);
            return env.with(v, new FnBind(new LocalFn(def, env, List.of())));
        }
        Val val = lower(l.value(), env);
        Type t = conc(v.type, env);
        if (val instanceof F f && !v.mutable) return env.with(v, new FnBind(f.f()));
        if (b.terminated()) return env.with(v, new Slot(b.alloca(LType.of(t)), LType.of(t), null, null));
        V mv = materialize(val, t, env, l.loc());
        String ty = LType.of(t);
        String slot = b.alloca(ty);
        if (!ty.equals(LType.UNIT)) b.emit("store " + ty + " " + mv.ref() + ", ptr " + slot);
        if (isFun(t)) return env.with(v, new FnBind(new Closure(slot, t)));
        return env.with(v, new Slot(slot, ty, v.mutable ? null : mv.constVal(), v.mutable ? null : mv.knownLen()));
    }

    private Env bindLetRec(Typed.LetRec l, Env env) {
        List<Env.LocalDef> defs = new ArrayList<>();
        for (int k = 0; k < l.vars().size(); k++) defs.add(new Env.LocalDef(l.vars().get(k), l.fns().get(k)));
        for (Env.LocalDef d : defs) d.group = defs;
        Env e = env;
        for (Env.LocalDef d : defs) e = e.with(d.v, new FnBind(new LocalFn(d, env, List.of())));
        return e;
    }

    private Val lower(TExpr e, Env env) {
        if (e.loc() != null && e.loc().file() != null) currentLoc = e.loc();
        if (e instanceof Typed.Const c) return lowerConst(c, env);
        if (e instanceof Typed.LocalRef l) return lowerLocal(l, env);
        if (e instanceof Typed.GlobalRef g) return lowerGlobalRef(g, env);
        if (e instanceof Typed.App a) return lowerApp(a, env);
        if (e instanceof Typed.Lambda l) return new F(new KnownLambda(l, env));
        if (e instanceof Typed.Let l) return lower(l.body(), bindLet(l, env));
        if (e instanceof Typed.LetRec l) return lower(l.body(), bindLetRec(l, env));
        if (e instanceof Typed.Seq s) { lower(s.first(), env); return lower(s.second(), env); }
        if (e instanceof Typed.If i) return lowerIf(i, env);
        if (e instanceof Typed.While w) return lowerWhile(w, env);
        if (e instanceof Typed.For f) return lowerFor(f, env);
        if (e instanceof Typed.ForEach f) return lowerForEach(f, env);
        if (e instanceof Typed.Match m) return lowerMatch(m, env, null);
        if (e instanceof Typed.Tuple t) return lowerTuple(t, env);
        if (e instanceof Typed.Record r) return lowerRecord(r, env);
        if (e instanceof Typed.RecordWith r) return lowerRecordWith(r, env);
        if (e instanceof Typed.Field f) return lowerField(f, env);
        if (e instanceof Typed.SetField s) return lowerSetField(s, env);
        if (e instanceof Typed.UnionCase u) return lowerUnionCase(u, env);
        if (e instanceof Typed.ArrayLit a) return lowerArrayLit(a, env);
        if (e instanceof Typed.Index i) return lowerIndex(i, env);
        if (e instanceof Typed.SetIndex s) return lowerSetIndex(s, env);
        if (e instanceof Typed.SetLocal s) return lowerSetLocal(s, env);
        if (e instanceof Typed.SetGlobal s) return lowerSetGlobal(s, env);
        if (e instanceof Typed.Prim p) return lowerPrim(p, env);
        if (e instanceof Typed.Printf p) { lowerPrintf(p, env); return unit(); }
        if (e instanceof Typed.Panic p) return lowerPanic(p, env);
        if (e instanceof Typed.Prop p) return lowerProp(p, env);
        throw new IllegalStateException("cannot lower " + e.getClass().getSimpleName() + " at " + e.loc());
    }

    private Val lowerConst(Typed.Const c, Env env) {
        Type t = conc(c.type(), env);
        String ty = LType.of(t);
        if (c.value() == null) return unit();
        if (c.value() instanceof String s) return stringConst(s);
        Object v = c.value();
        if (v instanceof Character ch) v = (long) ch;
        return new V(constLiteral(c.value(), t), ty, v, null);
    }

    private Val lowerLocal(Typed.LocalRef l, Env env) {
        Binding bd = env.lookup(l.v());
        if (bd == null) throw new IllegalStateException("unbound local " + l.v() + " at " + l.loc());
        if (bd instanceof FnBind fb) {
            if (fb.f() instanceof LocalFn lf && (!l.typeArgs().isEmpty() || l.v().scheme != null)) {
                List<Type> targs = new ArrayList<>();
                List<Type> given = l.typeArgs().isEmpty() ? new ArrayList<>(l.v().scheme.vars()) : l.typeArgs();
                for (Type t : given) targs.add(conc(t, env));
                return new F(new LocalFn(lf.def(), lf.env(), targs));
            }
            return new F(fb.f());
        }
        Slot s = (Slot) bd;
        if (s.ty().equals(LType.UNIT)) return unit();
        if (s.constVal() instanceof StaticArray sa) return new V(sa.literal(), s.ty(), sa, sa.length());
        String r = b.inst("load " + s.ty() + ", ptr " + s.ptr());
        return new V(r, s.ty(), s.constVal(), s.knownLen());
    }

    private Val lowerGlobalRef(Typed.GlobalRef g, Env env) {
        GlobalVal gv = g.g();
        if (gv.isFunction()) {
            List<Type> targs = new ArrayList<>();
            // a recursive use inside its own definition was checked before generalisation: same type arguments
            List<Type> given = g.typeArgs().isEmpty() && !gv.scheme.vars().isEmpty() ? new ArrayList<>(gv.scheme.vars()) : g.typeArgs();
            for (Type t : given) targs.add(conc(t, env));
            return new F(new GlobalFn(gv, targs));
        }
        GInfo gi = ginfo(gv);
        if (gi.ty().equals(LType.UNIT)) return unit();
        if (gi.constRef() != null) return new V(gi.constRef().literal(), gi.ty(), gi.constRef(), gi.constRef().length());
        String r = b.inst("load " + (volatileGlobals && gv.mutable ? "volatile " : "") + gi.ty() + ", ptr " + gi.name());
        if (isFun(gv.scheme.type())) return new F(new Closure(holdRaw(r, LType.FN), Type.resolve(gv.scheme.type())));
        Object cv = gi.isConst() ? ConstEval.eval(g) : null;
        return new V(r, gi.ty(), cv instanceof String ? null : cv, gi.knownLen());
    }

    private Val lowerApp(Typed.App a, Env env) {
        FnRef f = callee(a.fn(), env);
        List<Val> args = new ArrayList<>();
        for (TExpr x : a.args()) args.add(lower(x, env));
        Type ft = conc(a.fn().type(), env);
        Val r = apply(f, args, env, a.loc());
        return r;
    }

    private FnRef callee(TExpr fn, Env env) {
        Val v = lower(fn, env);
        if (v instanceof F f) return f.f();
        Type t = conc(fn.type(), env);
        V cv = (V) v;
        String slot = b.alloca(LType.FN);
        b.emit("store " + LType.FN + " " + cv.ref() + ", ptr " + slot);
        return new Closure(slot, t);
    }

    // ---------------------------------------------------------------------------------------------- control flow

    private Val lowerIf(Typed.If i, Env env) {
        Type t = conc(i.type(), env);
        String ty = LType.of(t);
        boolean hasValue = !ty.equals(LType.UNIT);
        String slot = hasValue ? b.alloca(ty) : null;
        V c = (V) lower(i.cond(), env);
        String tl = b.label("then"), el = b.label("else"), end = b.label("endif");
        b.condBr(c.ref(), tl, el);
        b.block(tl);
        Val tv = lower(i.then(), env);
        if (hasValue && !b.terminated()) b.emit("store " + ty + " " + materialize(tv, t, env, i.loc()).ref() + ", ptr " + slot);
        b.br(end);
        b.block(el);
        Val ev = lower(i.otherwise(), env);
        if (hasValue && !b.terminated()) b.emit("store " + ty + " " + materialize(ev, t, env, i.loc()).ref() + ", ptr " + slot);
        b.br(end);
        b.block(end);
        if (!hasValue) return unit();
        String r = b.inst("load " + ty + ", ptr " + slot);
        if (isFun(t)) return new F(new Closure(holdRaw(r, ty), t));
        return new V(r, ty);
    }

    private Val lowerWhile(Typed.While w, Env env) {
        String head = b.label("while"), body = b.label("do"), end = b.label("done");
        b.br(head);
        b.block(head);
        V c = (V) lower(w.cond(), env);
        b.condBr(c.ref(), body, end);
        b.block(body);
        lower(w.body(), env);
        b.br(head);
        b.block(end);
        return unit();
    }

    /** for v in from .. step .. to (or for v = from to/downto to): ends exactly at the limits of the type. */
    private Val lowerFor(Typed.For f, Env env) {
        Type t = conc(f.v().type, env);
        String ty = LType.of(t);
        PrimKind k = primOf(t);
        boolean signed = k != null && k.isSigned();
        V from = (V) lower(f.from(), env);
        V step;
        if (f.step() != null) step = (V) lower(f.step(), env);
        else step = new V(f.down() ? "-1" : "1", ty, f.down() ? -1L : 1L, null);
        V to = (V) lower(f.to(), env);
        if (step.constVal() instanceof Long sv && sv == 0) {
            diags.error(f.loc(), "the step of a range cannot be zero");
            return unit();
        }
        String slot = b.alloca(ty);
        b.emit("store " + ty + " " + from.ref() + ", ptr " + slot);
        Env inner = env.with(f.v(), new Slot(slot, ty, null, null));
        String end = b.label("endfor");
        // the direction: positive steps count up, negative ones down; a zero step at run time panics
        Boolean up = step.constVal() instanceof Long sv ? (sv > 0 || !signed) : null;
        if (up == null) {
            String zero = b.inst("icmp eq " + ty + " " + step.ref() + ", 0");
            String pz = b.label("zerostep"), ok = b.label("stepok");
            b.condBr(zero, pz, ok);
            b.block(pz);
            panicMessage("the step of a range cannot be zero", f.loc(), env);
            b.block(ok);
            if (!signed) {
                // an unsigned step is never negative: 0x80000000u counts up (as .NET), not down
                forLoop(f, inner, slot, ty, from, step, to, true, false, end, env);
            } else {
                String isUp = b.inst("icmp sgt " + ty + " " + step.ref() + ", 0");
                String upL = b.label("up"), downL = b.label("down");
                b.condBr(isUp, upL, downL);
                b.block(upL);
                forLoop(f, inner, slot, ty, from, step, to, true, signed, end, env);
                b.block(downL);
                forLoop(f, inner, slot, ty, from, step, to, false, signed, end, env);
            }
        } else {
            forLoop(f, inner, slot, ty, from, step, to, up, signed, end, env);
        }
        b.block(end);
        return unit();
    }

    private void forLoop(Typed.For f, Env inner, String slot, String ty, V from, V step, V to, boolean up, boolean signed, String end, Env env) {
        String cmp = up ? (signed ? "sle" : "ule") : (signed ? "sge" : "uge");
        String enter = b.inst("icmp " + cmp + " " + ty + " " + from.ref() + ", " + to.ref());
        String body = b.label("forbody");
        b.emit("store " + ty + " " + from.ref() + ", ptr " + slot);
        b.condBr(enter, body, end);
        b.block(body);
        lower(f.body(), inner);
        // stop when the distance left (as unsigned) is smaller than the step: no overflow at the type's limits
        String i = b.inst("load " + ty + ", ptr " + slot);
        String left = up ? b.inst("sub " + ty + " " + to.ref() + ", " + i) : b.inst("sub " + ty + " " + i + ", " + to.ref());
        String mag = up ? step.ref() : b.inst("sub " + ty + " 0, " + step.ref());
        String done = b.inst("icmp ult " + ty + " " + left + ", " + mag);
        String next = b.label("fornext");
        b.condBr(done, end, next);
        b.block(next);
        String ni = b.inst("add " + ty + " " + i + ", " + step.ref());
        b.emit("store " + ty + " " + ni + ", ptr " + slot);
        b.br(body);
    }

    private Val lowerForEach(Typed.ForEach f, Env env) {
        Type st = conc(f.source().type(), env);
        V src = (V) lower(f.source(), env);
        boolean isString = Type.isPrim(st, PrimKind.STRING);
        String len = lengthOf(src, isString);
        String islot = b.alloca("i32");
        b.emit("store i32 0, ptr " + islot);
        String head = b.label("each"), body = b.label("eachbody"), end = b.label("endeach");
        b.br(head);
        b.block(head);
        String i = b.inst("load i32, ptr " + islot);
        String c = b.inst("icmp slt i32 " + i + ", " + len);
        b.condBr(c, body, end);
        b.block(body);
        V elem = isString ? stringChar(src, i) : arrayElem(src, i, conc(((Type.Array) st).elem(), env));
        Type et = conc(f.v().type, env);
        Env inner;
        if (isFun(et)) inner = env.with(f.v(), new FnBind(new Closure(holdRaw(elem.ref(), LType.FN), et)));
        else {
            String slot = b.alloca(elem.ty());
            if (!elem.ty().equals(LType.UNIT)) b.emit("store " + elem.ty() + " " + elem.ref() + ", ptr " + slot);
            inner = env.with(f.v(), new Slot(slot, elem.ty(), null, null));
        }
        lower(f.body(), inner);
        String i2 = b.inst("load i32, ptr " + islot);
        String n = b.inst("add i32 " + i2 + ", 1");
        b.emit("store i32 " + n + ", ptr " + islot);
        b.br(head);
        b.block(end);
        return unit();
    }

    private String lengthOf(V v, boolean isString) {
        if (v.knownLen() != null && v.knownLen() >= 0) return Integer.toString(v.knownLen());
        if (isString && v.constVal() instanceof String s) return Integer.toString(s.length());
        String raw = b.inst("extractvalue " + v.ty() + " " + v.ref() + ", 1");
        if (isString) return b.inst("and i32 " + raw + ", 2147483647");
        return raw;
    }

    private V arrayElem(V arr, String i, Type elem) {
        String ety = LType.of(elem);
        String p = b.inst("extractvalue " + LType.ARR + " " + arr.ref() + ", 0");
        String ep = b.inst("getelementptr inbounds " + ety + ", ptr " + p + ", i32 " + i);
        if (ety.equals(LType.UNIT)) return unit();
        return new V(b.inst("load " + ety + ", ptr " + ep), ety);
    }

    private V stringChar(V s, String i) {
        String p = b.inst("extractvalue " + LType.STR + " " + s.ref() + ", 0");
        String raw = b.inst("extractvalue " + LType.STR + " " + s.ref() + ", 1");
        String wide = isWide(raw);
        String wp = b.inst("getelementptr inbounds i16, ptr " + p + ", i32 " + i);
        String np = b.inst("getelementptr inbounds i8, ptr " + p + ", i32 " + i);
        String slot = b.alloca("i16");
        String wl = b.label("wide"), nl = b.label("narrow"), end = b.label("char");
        b.condBr(wide, wl, nl);
        b.block(wl);
        b.emit("store i16 " + b.inst("load i16, ptr " + wp) + ", ptr " + slot);
        b.br(end);
        b.block(nl);
        String by = b.inst("load i8, ptr " + np);
        b.emit("store i16 " + b.inst("zext i8 " + by + " to i16") + ", ptr " + slot);
        b.br(end);
        b.block(end);
        return new V(b.inst("load i16, ptr " + slot), "i16");
    }

    // ---------------------------------------------------------------------------------------------- match

    private Val lowerMatch(Typed.Match m, Env env, TailCtx tc) {
        Type st = conc(m.scrutinee().type(), env);
        Val sv = lower(m.scrutinee(), env);
        if (b.terminated()) return new V("poison", lt(m.type(), env));
        Type rt = conc(m.type(), env);
        String rty = LType.of(rt);
        boolean hasValue = tc == null && !rty.equals(LType.UNIT);
        String result = hasValue ? b.alloca(rty) : null;
        // the scrutinee lives in memory; tests read the parts they need
        String root;
        boolean funScrut = isFun(st);
        if (funScrut) {
            root = null;
        } else {
            V mv = materialize(sv, st, env, m.loc());
            root = b.alloca(mv.ty());
            if (!mv.ty().equals(LType.UNIT)) b.emit("store " + mv.ty() + " " + mv.ref() + ", ptr " + root);
        }
        MatchCompiler mc = new MatchCompiler(m.rules());
        MatchCompiler.Node tree;
        try {
            tree = mc.compile(st);
        } catch (IllegalStateException ex) {
            diags.error(m.loc(), "this match is too large to compile; split it into several matches");
            return unit();
        }
        if (MatchCompiler.canFail(tree) && !m.letPattern()) {
            diags.warning(m.loc(), mc.missingExample != null && !mc.missingExample.equals("_")
                    ? "incomplete match; for example '" + mc.missingExample + "' is not covered"
                    : "incomplete match; some values are not covered by these rules");
        } else if (MatchCompiler.canFail(tree)) {
            diags.warning(m.loc(), "incomplete pattern match in this binding" + (mc.missingExample != null ? "; for example '" + mc.missingExample + "' is not covered" : ""));
        }
        for (int r = 0; r < m.rules().size(); r++) {
            if (!mc.reached.contains(r)) diags.warning(m.rules().get(r).loc(), "this rule will never be matched");
        }
        // a slot for every variable the patterns bind
        Map<LocalVar, String> varSlots = new IdentityHashMap<>();
        Env benv = env;
        Set<LocalVar> vars = new LinkedHashSet<>();
        for (Typed.Rule r : m.rules()) patVars(r.pat(), vars);
        for (LocalVar v : vars) {
            Type vt = conc(v.type, env);
            String ty = LType.of(vt);
            String slot = b.alloca(ty);
            varSlots.put(v, slot);
            if (isFun(vt)) benv = benv.with(v, new FnBind(new Closure(slot, vt)));
            else benv = benv.with(v, new Slot(slot, ty, null, null));
        }
        if (funScrut) {
            // only variables and wildcards can match a function: bind and take the first rule
            V mv = materialize(sv, st, env, m.loc());
            for (LocalVar v : vars) b.emit("store " + LType.FN + " " + mv.ref() + ", ptr " + varSlots.get(v));
        }
        String[] bodyLabels = new String[m.rules().size()];
        for (int r = 0; r < bodyLabels.length; r++) bodyLabels[r] = b.label("rule");
        String end = b.label("endmatch");
        MatchCtx ctx = new MatchCtx(m, st, root, varSlots, bodyLabels, benv);
        emitNode(tree, ctx);
        for (int r = 0; r < m.rules().size(); r++) {
            if (!mc.reached.contains(r)) continue;
            b.block(bodyLabels[r]);
            if (tc != null) {
                lowerTail(m.rules().get(r).body(), benv, tc);
            } else {
                Val v = lower(m.rules().get(r).body(), benv);
                if (hasValue && !b.terminated()) b.emit("store " + rty + " " + materialize(v, rt, benv, m.loc()).ref() + ", ptr " + result);
                b.br(end);
            }
        }
        if (tc != null) return unit();
        b.block(end);
        if (!hasValue) return unit();
        String r = b.inst("load " + rty + ", ptr " + result);
        if (isFun(rt)) return new F(new Closure(holdRaw(r, rty), rt));
        return new V(r, rty);
    }

    private record MatchCtx(Typed.Match m, Type st, String root, Map<LocalVar, String> varSlots, String[] bodyLabels, Env env) { }

    private void emitNode(MatchCompiler.Node n, MatchCtx ctx) {
        if (n instanceof MatchCompiler.Fail) {
            panicMessage("incomplete match", ctx.m().loc(), ctx.env());
            return;
        }
        if (n instanceof MatchCompiler.Leaf l) {
            for (MatchCompiler.Bind bd : l.binds()) {
                if (ctx.root() == null) continue;
                String slot = ctx.varSlots().get(bd.v());
                V v = occValue(bd.occ(), ctx);
                if (!v.ty().equals(LType.UNIT)) b.emit("store " + v.ty() + " " + v.ref() + ", ptr " + slot);
            }
            Typed.Rule rule = ctx.m().rules().get(l.rule());
            if (rule.guard() != null) {
                V g = (V) lower(rule.guard(), ctx.env());
                String fail = b.label("guardfail");
                b.condBr(g.ref(), ctx.bodyLabels()[l.rule()], fail);
                b.block(fail);
                emitNode(l.onGuardFail(), ctx);
            } else {
                b.br(ctx.bodyLabels()[l.rule()]);
            }
            return;
        }
        MatchCompiler.Switch s = (MatchCompiler.Switch) n;
        String otherwise = b.label("nomatch");
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < s.branches().size(); k++) labels.add(b.label("case"));
        Type ot = Type.prune(s.occ().type());
        if (s.kind() == MatchCompiler.Kind.TAG) {
            String p = occPtr(s.occ(), ctx);
            Type.Named un = (Type.Named) ot;
            String uty = LType.of(un);
            String tty = LType.tagType(un.def());
            String tp = b.inst("getelementptr inbounds " + uty + ", ptr " + p + ", i32 0, i32 0");
            String tag = b.inst("load " + tty + ", ptr " + tp);
            List<String[]> cases = new ArrayList<>();
            for (int k = 0; k < s.branches().size(); k++) cases.add(new String[]{s.branches().get(k).key().toString(), labels.get(k)});
            b.switchTo(tty, tag, otherwise, cases);
        } else {
            V v = occValue(s.occ(), ctx);
            PrimKind k = primOf(ot);
            if (k == PrimKind.STRING || k == PrimKind.FLOAT || k == PrimKind.FLOAT32) {
                for (int i = 0; i < s.branches().size(); i++) {
                    Object key = s.branches().get(i).key();
                    String eq;
                    if (k == PrimKind.STRING) {
                        V r = (V) callRuntime("stringEquals", ctx.m().loc(), ctx.env(), v, stringConst((String) key));
                        eq = r.ref();
                    } else {
                        eq = b.inst("fcmp oeq " + v.ty() + " " + v.ref() + ", " + constLiteral(key, ot));
                    }
                    String next = b.label("next");
                    b.condBr(eq, labels.get(i), next);
                    b.block(next);
                }
                b.br(otherwise);
            } else {
                List<String[]> cases = new ArrayList<>();
                for (int i = 0; i < s.branches().size(); i++) cases.add(new String[]{constLiteral(s.branches().get(i).key(), ot), labels.get(i)});
                b.switchTo(v.ty(), v.ref(), otherwise, cases);
            }
        }
        for (int k = 0; k < s.branches().size(); k++) {
            b.block(labels.get(k));
            emitNode(s.branches().get(k).node(), ctx);
        }
        b.block(otherwise);
        if (s.otherwise() != null) emitNode(s.otherwise(), ctx);
        else b.unreachable();
    }

    /** The address of an occurrence inside the scrutinee. */
    private String occPtr(MatchCompiler.Occ o, MatchCtx ctx) {
        if (o.parent() == null) return ctx.root();
        String pp = occPtr(o.parent(), ctx);
        Type pt = Type.prune(o.parent().type());
        switch (o.step()) {
            case TUPLE:
                return b.inst("getelementptr inbounds " + LType.of(pt) + ", ptr " + pp + ", i32 0, i32 " + o.index());
            case RECORD: {
                Type.Named n = (Type.Named) pt;
                if (n.def().isReference()) {
                    String obj = b.inst("load ptr, ptr " + pp);
                    return b.inst("getelementptr inbounds " + LType.recordStruct(n) + ", ptr " + obj + ", i32 0, i32 " + o.index());
                }
                return b.inst("getelementptr inbounds " + LType.of(pt) + ", ptr " + pp + ", i32 0, i32 " + o.index());
            }
            case CASE: {
                Type.Named n = (Type.Named) pt;
                String payload = b.inst("getelementptr inbounds " + LType.of(pt) + ", ptr " + pp + ", i32 0, i32 1");
                return b.inst("getelementptr inbounds " + LType.caseStruct(n, o.caseIndex()) + ", ptr " + payload + ", i32 0, i32 " + o.index());
            }
            default: throw new IllegalStateException();
        }
    }

    private V occValue(MatchCompiler.Occ o, MatchCtx ctx) {
        String ty = LType.of(o.type());
        if (ty.equals(LType.UNIT)) return unit();
        String p = occPtr(o, ctx);
        if (o.step() == MatchCompiler.Occ.Step.CASE) return new V(loadCaseField(ty, p), ty);
        return new V(b.inst("load " + ty + ", ptr " + p), ty);
    }

    /** A union case field (LType.caseField: a bool is an i8 in the payload). */
    private void storeCaseField(String ty, String value, String ptr) {
        String mty = LType.caseField(ty);
        String v = mty.equals(ty) ? value : b.inst("zext " + ty + " " + value + " to " + mty);
        b.emit("store " + mty + " " + v + ", ptr " + ptr);
    }

    private String loadCaseField(String ty, String ptr) {
        String mty = LType.caseField(ty);
        String v = b.inst("load " + mty + ", ptr " + ptr);
        return mty.equals(ty) ? v : b.inst("trunc " + mty + " " + v + " to " + ty);
    }

    // ---------------------------------------------------------------------------------------------- data

    private Val lowerTuple(Typed.Tuple t, Env env) {
        Type tt = conc(t.type(), env);
        String ty = LType.of(tt);
        List<Type> ets = ((Type.Tuple) tt).elems();
        String cur = "undef";
        for (int k = 0; k < t.elems().size(); k++) {
            V v = materialize(lower(t.elems().get(k), env), ets.get(k), env, t.loc());
            cur = b.inst("insertvalue " + ty + " " + cur + ", " + v.ty() + " " + v.ref() + ", " + k);
        }
        if (t.elems().isEmpty()) return unit();
        return new V(cur, ty);
    }

    private Val lowerRecord(Typed.Record r, Env env) {
        Type.Named t = (Type.Named) conc(r.type(), env);
        List<String> fts = LType.fieldTypes(t);
        V[] vals = new V[r.fields().size()];
        for (int idx : r.evalOrder()) {
            Type ft = Type.substParams(r.def().fields.get(idx).type(), t.args());
            vals[idx] = materialize(lower(r.fields().get(idx), env), conc(ft, env), env, r.loc());
        }
        for (int k = 0; k < vals.length; k++) if (vals[k] == null) vals[k] = new V("zeroinitializer", fts.get(k));
        if (r.def().isReference()) {
            String st = LType.recordStruct(t);
            String obj = allocStorage(st, env);
            for (int k = 0; k < vals.length; k++) {
                if (fts.get(k).equals(LType.UNIT)) continue;
                String p = b.inst("getelementptr inbounds " + st + ", ptr " + obj + ", i32 0, i32 " + k);
                b.emit("store " + fts.get(k) + " " + vals[k].ref() + ", ptr " + p);
            }
            return new V(obj, "ptr");
        }
        String ty = LType.of(t);
        String cur = "undef";
        for (int k = 0; k < vals.length; k++) cur = b.inst("insertvalue " + ty + " " + cur + ", " + fts.get(k) + " " + vals[k].ref() + ", " + k);
        if (vals.length == 0) return new V("zeroinitializer", ty);
        return new V(cur, ty);
    }

    private Val lowerRecordWith(Typed.RecordWith r, Env env) {
        Type.Named t = (Type.Named) conc(r.type(), env);
        List<String> fts = LType.fieldTypes(t);
        V orig = (V) lower(r.original(), env);
        Map<Integer, V> upd = new LinkedHashMap<>();
        for (int k = 0; k < r.indices().size(); k++) {
            int idx = r.indices().get(k);
            Type ft = Type.substParams(r.def().fields.get(idx).type(), t.args());
            upd.put(idx, materialize(lower(r.values().get(k), env), conc(ft, env), env, r.loc()));
        }
        if (r.def().isReference()) {
            String st = LType.recordStruct(t);
            String obj = allocStorage(st, env);
            for (int k = 0; k < fts.size(); k++) {
                if (fts.get(k).equals(LType.UNIT)) continue;
                String dst = b.inst("getelementptr inbounds " + st + ", ptr " + obj + ", i32 0, i32 " + k);
                String val;
                if (upd.containsKey(k)) val = upd.get(k).ref();
                else {
                    String src = b.inst("getelementptr inbounds " + st + ", ptr " + orig.ref() + ", i32 0, i32 " + k);
                    val = b.inst("load " + fts.get(k) + ", ptr " + src);
                }
                b.emit("store " + fts.get(k) + " " + val + ", ptr " + dst);
            }
            return new V(obj, "ptr");
        }
        String ty = LType.of(t);
        String cur = orig.ref();
        for (Map.Entry<Integer, V> e : upd.entrySet()) cur = b.inst("insertvalue " + ty + " " + cur + ", " + fts.get(e.getKey()) + " " + e.getValue().ref() + ", " + e.getKey());
        return new V(cur, ty);
    }

    private Val lowerField(Typed.Field f, Env env) {
        Type.Named t = (Type.Named) conc(f.target().type(), env);
        List<String> fts = LType.fieldTypes(t);
        String fty = fts.get(f.index());
        Type ft = conc(Type.substParams(f.def().fields.get(f.index()).type(), t.args()), env);
        V obj = (V) lower(f.target(), env);
        String r;
        if (fty.equals(LType.UNIT)) return unit();
        if (f.def().isReference()) {
            String p = b.inst("getelementptr inbounds " + LType.recordStruct(t) + ", ptr " + obj.ref() + ", i32 0, i32 " + f.index());
            r = b.inst("load " + fty + ", ptr " + p);
        } else {
            r = b.inst("extractvalue " + obj.ty() + " " + obj.ref() + ", " + f.index());
        }
        if (isFun(ft)) return new F(new Closure(holdRaw(r, fty), ft));
        return new V(r, fty);
    }

    /** The address of an assignable place: a mutable variable, an array element, a field of either. */
    private String placeAddress(TExpr e, Env env) {
        if (e instanceof Typed.LocalRef l) {
            Binding bd = env.lookup(l.v());
            if (bd instanceof Slot s) return s.ptr();
        }
        if (e instanceof Typed.GlobalRef g && !g.g().isFunction()) return ginfo(g.g()).name();
        if (e instanceof Typed.Index i) {
            Type at = conc(i.target().type(), env);
            if (at instanceof Type.Array arr) {
                V a = (V) lower(i.target(), env);
                V idx = (V) lower(i.index(), env);
                boundsCheck(a, idx, false, i.target().loc(), env);
                String p = b.inst("extractvalue " + LType.ARR + " " + a.ref() + ", 0");
                return b.inst("getelementptr inbounds " + LType.of(arr.elem()) + ", ptr " + p + ", i32 " + idx.ref());
            }
        }
        if (e instanceof Typed.Field f) {
            Type.Named t = (Type.Named) conc(f.target().type(), env);
            if (f.def().isReference()) {
                V obj = (V) lower(f.target(), env);
                return b.inst("getelementptr inbounds " + LType.recordStruct(t) + ", ptr " + obj.ref() + ", i32 0, i32 " + f.index());
            }
            String base = placeAddress(f.target(), env);
            return b.inst("getelementptr inbounds " + LType.of(t) + ", ptr " + base + ", i32 0, i32 " + f.index());
        }
        // a temporary: changes to it are lost, as in F# for a struct that is not a variable
        V v = (V) lower(e, env);
        return holdRaw(v.ref(), v.ty());
    }

    private Val lowerSetField(Typed.SetField s, Env env) {
        Type.Named t = (Type.Named) conc(s.target().type(), env);
        String fty = LType.fieldTypes(t).get(s.index());
        Type ft = conc(Type.substParams(s.def().fields.get(s.index()).type(), t.args()), env);
        String p;
        if (s.def().isReference()) {
            V obj = (V) lower(s.target(), env);
            p = b.inst("getelementptr inbounds " + LType.recordStruct(t) + ", ptr " + obj.ref() + ", i32 0, i32 " + s.index());
        } else {
            String base = placeAddress(s.target(), env);
            p = b.inst("getelementptr inbounds " + LType.of(t) + ", ptr " + base + ", i32 0, i32 " + s.index());
        }
        V v = materialize(lower(s.value(), env), ft, env, s.loc());
        if (!fty.equals(LType.UNIT)) b.emit("store " + fty + " " + v.ref() + ", ptr " + p);
        return unit();
    }

    private Val lowerUnionCase(Typed.UnionCase u, Env env) {
        Type.Named t = (Type.Named) conc(u.type(), env);
        String uty = LType.of(t);
        String cs = LType.caseStruct(t, u.caseIndex());
        List<V> vals = new ArrayList<>();
        TypeDefn.Case c = u.def().cases.get(u.caseIndex());
        for (int k = 0; k < u.args().size(); k++) {
            Type ft = conc(Type.substParams(c.fields().get(k).type(), t.args()), env);
            vals.add(materialize(lower(u.args().get(k), env), ft, env, u.loc()));
        }
        String tmp = b.alloca(uty);
        b.emit("store " + uty + " zeroinitializer, ptr " + tmp);
        String tp = b.inst("getelementptr inbounds " + uty + ", ptr " + tmp + ", i32 0, i32 0");
        b.emit("store " + LType.tagType(u.def()) + " " + u.caseIndex() + ", ptr " + tp);
        if (!vals.isEmpty()) {
            String pp = b.inst("getelementptr inbounds " + uty + ", ptr " + tmp + ", i32 0, i32 1");
            for (int k = 0; k < vals.size(); k++) {
                if (vals.get(k).ty().equals(LType.UNIT)) continue;
                String fp = b.inst("getelementptr inbounds " + cs + ", ptr " + pp + ", i32 0, i32 " + k);
                storeCaseField(vals.get(k).ty(), vals.get(k).ref(), fp);
            }
        }
        return new V(b.inst("load " + uty + ", ptr " + tmp), uty);
    }

    private Val lowerArrayLit(Typed.ArrayLit a, Env env) {
        Type.Array t = (Type.Array) conc(a.type(), env);
        String ety = LType.of(t.elem());
        int n = a.elems().size();
        if (n == 0) return new V("{ ptr null, i32 0 }", LType.ARR, null, 0);
        String st = "[" + n + " x " + ety + "]";
        List<V> vals = new ArrayList<>();
        for (TExpr x : a.elems()) vals.add(materialize(lower(x, env), t.elem(), env, a.loc()));
        String storage = allocStorage(st, env);
        for (int k = 0; k < n; k++) {
            if (ety.equals(LType.UNIT)) break;
            String p = b.inst("getelementptr inbounds " + st + ", ptr " + storage + ", i32 0, i32 " + k);
            b.emit("store " + ety + " " + vals.get(k).ref() + ", ptr " + p);
        }
        return arrayValue(storage, n);
    }

    private V arrayValue(String storage, int n) {
        if (storage.startsWith("@")) {
            StaticArray sa = new StaticArray(storage, n);
            return new V(sa.literal(), LType.ARR, sa, n);
        }
        String v1 = b.inst("insertvalue " + LType.ARR + " undef, ptr " + storage + ", 0");
        String v2 = b.inst("insertvalue " + LType.ARR + " " + v1 + ", i32 " + n + ", 1");
        return new V(v2, LType.ARR, null, n);
    }

    /**
     * Measurement only (bench/run, to show what the index checks cost against C): with the JVM
     * property fidembed.bench.uncheckedIndex=true no index is checked. The CLI warns when it is set.
     */
    public static final boolean BENCH_UNCHECKED_INDEX = Boolean.getBoolean("fidembed.bench.uncheckedIndex");

    private void boundsCheck(V arrOrStr, V idx, boolean isString, Loc loc, Env env) {
        if (BENCH_UNCHECKED_INDEX) return;
        String len = lengthOf(arrOrStr, isString);
        if (idx.constVal() instanceof Long l && arrOrStr.knownLen() != null && arrOrStr.knownLen() >= 0 && l >= 0 && l < arrOrStr.knownLen()) return;
        String bad = b.inst("icmp uge i32 " + idx.ref() + ", " + len);
        String fail = b.label("outofbounds"), ok = b.label("inbounds");
        b.condBr(bad, fail, ok);
        b.block(fail);
        Loc at = env.panicLoc() != null ? env.panicLoc() : loc;
        callRuntime("panicIndex", at, env, idx, new V(len, "i32"), stringConst(locString(at)));
        b.unreachable();
        b.block(ok);
    }

    private Val lowerIndex(Typed.Index i, Env env) {
        Type tt = conc(i.target().type(), env);
        V t = (V) lower(i.target(), env);
        V idx = (V) lower(i.index(), env);
        boolean isString = Type.isPrim(tt, PrimKind.STRING);
        boundsCheck(t, idx, isString, i.target().loc(), env);
        if (isString) return stringChar(t, idx.ref());
        Type et = ((Type.Array) tt).elem();
        V v = arrayElem(t, idx.ref(), et);
        if (isFun(et)) return new F(new Closure(holdRaw(v.ref(), LType.FN), et));
        return v;
    }

    private Val lowerSetIndex(Typed.SetIndex s, Env env) {
        Type.Array at = (Type.Array) conc(s.target().type(), env);
        V a = (V) lower(s.target(), env);
        V idx = (V) lower(s.index(), env);
        V v = materialize(lower(s.value(), env), at.elem(), env, s.loc());
        boundsCheck(a, idx, false, s.target().loc(), env);
        String ety = LType.of(at.elem());
        if (ety.equals(LType.UNIT)) return unit();
        String p = b.inst("extractvalue " + LType.ARR + " " + a.ref() + ", 0");
        String ep = b.inst("getelementptr inbounds " + ety + ", ptr " + p + ", i32 " + idx.ref());
        b.emit("store " + ety + " " + v.ref() + ", ptr " + ep);
        return unit();
    }

    private Val lowerSetLocal(Typed.SetLocal s, Env env) {
        Binding bd = env.lookup(s.v());
        Type t = conc(s.v().type, env);
        V v = materialize(lower(s.value(), env), t, env, s.loc());
        String ptr = bd instanceof Slot sl ? sl.ptr() : ((Closure) ((FnBind) bd).f()).slotPtr();
        if (!v.ty().equals(LType.UNIT)) b.emit("store " + v.ty() + " " + v.ref() + ", ptr " + ptr);
        return unit();
    }

    private Val lowerSetGlobal(Typed.SetGlobal s, Env env) {
        GInfo gi = ginfo(s.g());
        V v = materialize(lower(s.value(), env), s.g().scheme.type(), env, s.loc());
        if (!gi.ty().equals(LType.UNIT)) b.emit("store " + (volatileGlobals ? "volatile " : "") + gi.ty() + " " + v.ref() + ", ptr " + gi.name());
        return unit();
    }

    // ---------------------------------------------------------------------------------------------- properties

    private Val lowerProp(Typed.Prop p, Env env) {
        V t = (V) lower(p.target(), env);
        switch (p.kind()) {
            case ARRAY_LENGTH: {
                if (t.knownLen() != null && t.knownLen() >= 0) return new V(Integer.toString(t.knownLen()), "i32", (long) t.knownLen(), null);
                return new V(b.inst("extractvalue " + LType.ARR + " " + t.ref() + ", 1"), "i32");
            }
            case STRING_LENGTH: {
                if (t.constVal() instanceof String s) return new V(Integer.toString(s.length()), "i32", (long) s.length(), null);
                return new V(lengthOf(t, true), "i32");
            }
            case IS_SOME: case IS_NONE: {
                String tag = b.inst("extractvalue " + t.ty() + " " + t.ref() + ", 0");
                return new V(b.inst("icmp " + (p.kind() == Typed.PropKind.IS_SOME ? "ne" : "eq") + " i8 " + tag + ", 0"), "i1");
            }
            default: {
                Type.Named ot = (Type.Named) conc(p.target().type(), env);
                String tag = b.inst("extractvalue " + t.ty() + " " + t.ref() + ", 0");
                String none = b.inst("icmp eq i8 " + tag + ", 0");
                String fail = b.label("none"), ok = b.label("some");
                b.condBr(none, fail, ok);
                b.block(fail);
                panicMessage("the option value was None", p.loc(), env);
                b.block(ok);
                String tmp = holdRaw(t.ref(), t.ty());
                String pp = b.inst("getelementptr inbounds " + t.ty() + ", ptr " + tmp + ", i32 0, i32 1");
                String cs = LType.caseStruct(ot, 1);
                String fp = b.inst("getelementptr inbounds " + cs + ", ptr " + pp + ", i32 0, i32 0");
                String vty = lt(p.type(), env);
                if (vty.equals(LType.UNIT)) return unit();
                String r = loadCaseField(vty, fp);
                if (isFun(conc(p.type(), env))) return new F(new Closure(holdRaw(r, vty), conc(p.type(), env)));
                return new V(r, vty);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- panics and output

    private String locString(Loc loc) {
        if (loc == null || loc.file() == null) return "<unknown>";
        return loc.file().name() + ":" + loc.line() + ":" + loc.col();
    }

    private void panicMessage(String msg, Loc loc, Env env) {
        Loc at = env.panicLoc() != null ? env.panicLoc() : loc;
        callRuntime("panicMessage", at, env, stringConst(msg), stringConst(locString(at)));
        b.unreachable();
    }

    private Val lowerPanic(Typed.Panic p, Env env) {
        Loc at = env.panicLoc() != null ? env.panicLoc() : p.loc();
        if (p.message() instanceof Typed.Printf pf) {
            callRuntime("panicStart", at, env, unit());
            lowerPrintf(pf, env);
        } else {
            V msg = (V) lower(p.message(), env);
            callRuntime("panicStart", at, env, unit());
            callRuntime("putString", at, env, msg);
        }
        callRuntime("panicEnd", at, env, stringConst(locString(at)));
        b.unreachable();
        return new V("poison", lt(p.type(), env));
    }

    private void lowerPrintf(Typed.Printf p, Env env) {
        List<V> args = new ArrayList<>();
        for (TExpr a : p.args()) args.add((V) lower(a, env));
        int ai = 0;
        StringBuilder pending = new StringBuilder();
        for (Format.Segment s : p.format().segments()) {
            if (s instanceof Format.Text t) { pending.append(t.text()); continue; }
            if (pending.length() > 0) { putText(pending.toString(), p.loc(), env); pending.setLength(0); }
            Format.Spec sp = (Format.Spec) s;
            V v = args.get(ai);
            Type at = conc(p.args().get(ai).type(), env);
            ai++;
            int flags = (sp.minus() ? 1 : 0) | (sp.zero() ? 2 : 0) | (sp.plus() ? 4 : 0) | (sp.space() ? 8 : 0)
                    | (sp.conv() == 'X' || sp.conv() == 'E' ? 16 : 0);
            V width = new V(Integer.toString(Math.max(sp.width(), 0)), "i32");
            V fl = new V(Integer.toString(flags), "i32");
            switch (sp.conv()) {
                case 'c' -> callRuntime("fmtChar", p.loc(), env, v, width, fl);
                case 's' -> callRuntime("fmtString", p.loc(), env, v, width, fl);
                case 'b' -> callRuntime("fmtBool", p.loc(), env, v, width, fl);
                case 'f', 'F', 'e', 'E' -> {
                    V d = v;
                    if (primOf(at) == PrimKind.FLOAT32) d = new V(b.inst("fpext float " + v.ref() + " to double"), "double");
                    int prec = sp.precision() < 0 ? 6 : sp.precision();
                    callRuntime("fmtFloat", p.loc(), env, d, new V(Integer.toString(prec), "i32"), width, fl,
                            new V(sp.conv() == 'e' || sp.conv() == 'E' ? "true" : "false", "i1"));
                }
                default -> printInteger(sp, v, at, width, fl, p.loc(), env);
            }
        }
        if (p.kind() == Builtin.PRINTFN || p.kind() == Builtin.EPRINTFN) pending.append('\n');
        if (pending.length() > 0) putText(pending.toString(), p.loc(), env);
    }

    private void putText(String s, Loc loc, Env env) {
        if (s.length() == 1 && s.charAt(0) < 128) callRuntime("putByte", loc, env, new V(Integer.toString(s.charAt(0)), "i8"));
        else callRuntime("putString", loc, env, stringConst(s));
    }

    private void printInteger(Format.Spec sp, V v, Type at, V width, V fl, Loc loc, Env env) {
        PrimKind k = primOf(at);
        String ty = v.ty();
        int bits = LType.intBits(ty);
        boolean wide = bits > 32;
        String wty = wide ? "i64" : "i32";
        boolean signedConv = (sp.conv() == 'd' || sp.conv() == 'i') && k != null && k.isSigned();
        String neg = "false";
        String mag;
        if (signedConv) {
            neg = b.inst("icmp slt " + ty + " " + v.ref() + ", 0");
            String ext = bits < (wide ? 64 : 32) ? b.inst("sext " + ty + " " + v.ref() + " to " + wty) : v.ref();
            String negated = b.inst("sub " + wty + " 0, " + ext);
            mag = b.inst("select i1 " + neg + ", " + wty + " " + negated + ", " + wty + " " + ext);
        } else {
            mag = bits < (wide ? 64 : 32) ? b.inst("zext " + ty + " " + v.ref() + " to " + wty) : v.ref();
        }
        // one runtime function per radix and width (fmtDec32, fmtHex64, ...): a program links only the ones its formats use
        String fn = switch (sp.conv()) { case 'x', 'X' -> "fmtHex"; case 'o' -> "fmtOct"; default -> "fmtDec"; } + (wide ? "64" : "32");
        V m = new V(mag, wty);
        if (fn.startsWith("fmtDec")) callRuntime(fn, loc, env, m, new V(neg, "i1"), width, fl);
        else callRuntime(fn, loc, env, m, width, fl);
    }

    // ---------------------------------------------------------------------------------------------- primitives

    private Val lowerPrim(Typed.Prim p, Env env) {
        Builtin op = p.op();
        switch (op) {
            case AND: case OR: return shortCircuit(p, env);
            case ASSERT: {
                V c = (V) lower(p.args().get(0), env);
                String fail = b.label("assertfail"), ok = b.label("assertok");
                b.condBr(c.ref(), ok, fail);
                b.block(fail);
                panicMessage("assertion failed", p.loc(), env);
                b.block(ok);
                return unit();
            }
            case ARRAY_ZEROCREATE: return zeroCreate(p, env);
            default: break;
        }
        // string concatenation of constants folds here (numbers fold below, from the operands' values)
        if (Type.isPrim(p.type(), PrimKind.STRING)) {
            Object folded = ConstEval.eval(p);
            if (folded instanceof String s) return stringConst(s);
        }
        List<V> args = new ArrayList<>();
        for (TExpr a : p.args()) {
            Val v = lower(a, env);
            args.add(v instanceof V vv ? vv : materialize(v, a.type(), env, p.loc()));
        }
        Type t0 = p.args().isEmpty() ? null : conc(p.args().get(0).type(), env);
        Type rt = conc(p.type(), env);
        // fold operations on values known at compile time (locals bound to constants, array lengths)
        if (args.size() == 2 && args.get(0).constVal() instanceof Long && args.get(1).constVal() instanceof Long
                && Type.prune(t0) instanceof Type.Prim) {
            Object r = ConstEval.binary(op, args.get(0).constVal(), args.get(1).constVal(), Type.prune(t0));
            if (r instanceof Long) return new V(constLiteral(r, rt), LType.of(rt), r, null);
            if (r == null && (op == Builtin.EQ || op == Builtin.LT)) { /* comparisons fold below */ }
        }
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case MOD: return arith(op, args.get(0), args.get(1), t0, p.loc(), env);
            case NEG: {
                V x = args.get(0);
                if (isFloat(t0)) return new V(b.inst("fneg " + x.ty() + " " + x.ref()), x.ty());
                return new V(b.inst("sub " + x.ty() + " 0, " + x.ref()), x.ty());
            }
            case BAND: return bin("and", args);
            case BOR: return bin("or", args);
            case BXOR: return bin("xor", args);
            case BNOT: return new V(b.inst("xor " + args.get(0).ty() + " " + args.get(0).ref() + ", -1"), args.get(0).ty());
            case SHL: case SHR: return shift(op, args.get(0), args.get(1), t0);
            case NOT: return new V(b.inst("xor i1 " + args.get(0).ref() + ", true"), "i1");
            case EQ: case NE: case LT: case LE: case GT: case GE: return compareOp(op, args.get(0), args.get(1), t0, env, p.loc());
            case COMPARE: return new V(compareValues(args.get(0), args.get(1), t0, env, p.loc()), "i32");
            case ABS: return abs(args.get(0), t0, p.loc(), env);
            case SIN: case COS: case TAN: case ASIN: case ACOS: case ATAN: case SINH: case COSH: case TANH: case EXP: case LOG:
            case LOG10: case ATAN2: case POW: case POWN:
                return mathCall(op, t0, new ArrayList<Val>(args), p.loc(), env);
            case SQRT: return floatIntrinsic("sqrt", args.get(0));
            case FLOOR: return floatIntrinsic("floor", args.get(0));
            case CEIL: return floatIntrinsic("ceil", args.get(0));
            case TRUNCATE: return floatIntrinsic("trunc", args.get(0));
            case ROUND: return floatIntrinsic("roundeven", args.get(0));
            case TO_SBYTE: case TO_BYTE: case TO_INT16: case TO_UINT16: case TO_INT32: case TO_UINT32: case TO_INT64:
            case TO_UINT64: case TO_NATIVEINT: case TO_UNATIVEINT: case TO_CHAR: case TO_FLOAT32: case TO_FLOAT: case TO_ENUM:
                return convert(args.get(0), t0, rt);
            case MMIO_READ8: case MMIO_READ16: case MMIO_READ32: return mmioRead(op, args.get(0), p.loc(), env);
            case MMIO_WRITE8: case MMIO_WRITE16: case MMIO_WRITE32: return mmioWrite(op, args.get(0), args.get(1), p.loc(), env);
            case CPU_NOP: asm("nop"); return unit();
            case CPU_WFI: asm("wfi"); return unit();
            case CPU_DISABLE_IRQ: asm(target.arm() ? "cpsid i" : "csrci mstatus, 8"); return unit();
            case CPU_ENABLE_IRQ: asm(target.arm() ? "cpsie i" : "csrsi mstatus, 8"); return unit();
            case CPU_CYCLES: return cycles(p.loc());
            case EXIT: {
                b.emit("call void @fid.exit(i32 " + args.get(0).ref() + ")");
                b.unreachable();
                return unit();
            }
            case FLOAT_BITS: return new V(b.inst("bitcast double " + args.get(0).ref() + " to i64"), "i64");
            case FLOAT_OF_BITS: return new V(b.inst("bitcast i64 " + args.get(0).ref() + " to double"), "double");
            case FLOAT32_BITS: return new V(b.inst("bitcast float " + args.get(0).ref() + " to i32"), "i32");
            case FLOAT32_OF_BITS: return new V(b.inst("bitcast i32 " + args.get(0).ref() + " to float"), "float");
            case STRING_IS_WIDE: {
                String raw = b.inst("extractvalue " + LType.STR + " " + args.get(0).ref() + ", 1");
                return new V(isWide(raw), "i1");
            }
            case STRING_BYTE: {
                String ptr = b.inst("extractvalue " + LType.STR + " " + args.get(0).ref() + ", 0");
                String ep = b.inst("getelementptr inbounds i8, ptr " + ptr + ", i32 " + args.get(1).ref());
                return new V(b.inst("load i8, ptr " + ep), "i8");
            }
            case STRING_CHAR: return stringChar(args.get(0), args.get(1).ref());
            case UNREACHABLE: b.unreachable(); return new V("poison", LType.of(rt));
            case ZERO: return new V(isFloat(rt) ? "0.0" : "zeroinitializer".equals(LType.of(rt)) ? "zeroinitializer" : LType.of(rt).startsWith("i") ? "0" : "zeroinitializer", LType.of(rt));
            case STACK_HIGH_WATER: {
                return new V(b.inst("call i32 @fid.stackHighWater()"), "i32");
            }
            case ADDRESS_OF_ARRAY: {
                String ptr = b.inst("extractvalue " + LType.ARR + " " + args.get(0).ref() + ", 0");
                return new V(b.inst("ptrtoint ptr " + ptr + " to i32"), "i32");
            }
            case LOAD8: case LOAD16: case LOAD32: {
                String ty = op == Builtin.LOAD8 ? "i8" : op == Builtin.LOAD16 ? "i16" : "i32";
                String ptr = b.inst("inttoptr i32 " + args.get(0).ref() + " to ptr");
                return new V(b.inst("load " + ty + ", ptr " + ptr + ", align 1"), ty);
            }
            case STORE8: case STORE16: case STORE32: {
                String ty = op == Builtin.STORE8 ? "i8" : op == Builtin.STORE16 ? "i16" : "i32";
                String ptr = b.inst("inttoptr i32 " + args.get(0).ref() + " to ptr");
                b.emit("store " + ty + " " + args.get(1).ref() + ", ptr " + ptr + ", align 1");
                return unit();
            }
            case CSR_READ: case CSR_WRITE: case CSR_SET: case CSR_CLEAR: {
                // RISC-V control and status registers, named by a constant string (e.g. "mie")
                if (!(args.get(0).constVal() instanceof String csr) || !csr.matches("[a-z][a-z0-9]*")) {
                    diags.error(p.loc(), "the CSR name must be a constant string such as \"mie\"");
                    return op == Builtin.CSR_READ ? new V("0", "i32") : unit();
                }
                if (target.arm()) {
                    diags.error(p.loc(), "board '" + target.boardName() + "' has no RISC-V control and status registers");
                    return op == Builtin.CSR_READ ? new V("0", "i32") : unit();
                }
                if (op == Builtin.CSR_READ) return new V(b.inst("call i32 asm sideeffect \"csrr $0, " + csr + "\", \"=r,~{memory}\"()"), "i32");
                String ins = op == Builtin.CSR_WRITE ? "csrw" : op == Builtin.CSR_SET ? "csrs" : "csrc";
                b.emit("call void asm sideeffect \"" + ins + " " + csr + ", $0\", \"r,~{memory}\"(i32 " + args.get(1).ref() + ")");
                return unit();
            }
            case HASH:
                diags.error(p.loc(), "'hash' is not supported by fid-embed");
                return new V("0", "i32");
            default:
                throw new IllegalStateException("primitive " + op);
        }
    }

    private void declare(String d) { declared.add(d); }

    private void asm(String text) {
        b.emit("call void asm sideeffect \"" + text + "\", \"~{memory}\"()");
    }

    private static boolean isFloat(Type t) {
        PrimKind k = primOf(t);
        return k == PrimKind.FLOAT || k == PrimKind.FLOAT32;
    }

    private V bin(String op, List<V> a) {
        return new V(b.inst(op + " " + a.get(0).ty() + " " + a.get(0).ref() + ", " + a.get(1).ref()), a.get(0).ty());
    }

    private Val shortCircuit(Typed.Prim p, Env env) {
        boolean and = p.op() == Builtin.AND;
        String slot = b.alloca("i1");
        V l = (V) lower(p.args().get(0), env);
        b.emit("store i1 " + l.ref() + ", ptr " + slot);
        String rhs = b.label(and ? "and" : "or"), end = b.label("logic");
        if (and) b.condBr(l.ref(), rhs, end); else b.condBr(l.ref(), end, rhs);
        b.block(rhs);
        V r = (V) lower(p.args().get(1), env);
        if (!b.terminated()) b.emit("store i1 " + r.ref() + ", ptr " + slot);
        b.br(end);
        b.block(end);
        return new V(b.inst("load i1, ptr " + slot), "i1");
    }

    private Val arith(Builtin op, V x, V y, Type t, Loc loc, Env env) {
        String ty = x.ty();
        if (isFloat(t)) {
            String ins = switch (op) { case ADD -> "fadd"; case SUB -> "fsub"; case MUL -> "fmul"; case DIV -> "fdiv"; default -> "frem"; };
            return new V(b.inst(ins + " " + ty + " " + x.ref() + ", " + y.ref()), ty);
        }
        PrimKind k = primOf(t);
        boolean signed = k != null && k.isSigned();
        switch (op) {
            case ADD: return new V(b.inst("add " + ty + " " + x.ref() + ", " + y.ref()), ty);
            case SUB: return new V(b.inst("sub " + ty + " " + x.ref() + ", " + y.ref()), ty);
            case MUL: return new V(b.inst("mul " + ty + " " + x.ref() + ", " + y.ref()), ty);
            default: break;
        }
        // division: zero divisor and MinValue / -1 panic
        boolean yNonZero = y.constVal() instanceof Long l && l != 0;
        if (!yNonZero) {
            String z = b.inst("icmp eq " + ty + " " + y.ref() + ", 0");
            String fail = b.label("divzero"), ok = b.label("divok");
            b.condBr(z, fail, ok);
            b.block(fail);
            panicMessage("division by zero", loc, env);
            b.block(ok);
        }
        if (signed && !(y.constVal() instanceof Long l2 && l2 != -1)) {
            String min = intLit(Long.MIN_VALUE >> (64 - LType.intBits(ty)), ty);
            String isMin = b.inst("icmp eq " + ty + " " + x.ref() + ", " + min);
            String isNeg1 = b.inst("icmp eq " + ty + " " + y.ref() + ", -1");
            String both = b.inst("and i1 " + isMin + ", " + isNeg1);
            String fail = b.label("overflow"), ok = b.label("noverflow");
            b.condBr(both, fail, ok);
            b.block(fail);
            panicMessage("arithmetic overflow", loc, env);
            b.block(ok);
        }
        String ins = op == Builtin.DIV ? (signed ? "sdiv" : "udiv") : (signed ? "srem" : "urem");
        return new V(b.inst(ins + " " + ty + " " + x.ref() + ", " + y.ref()), ty);
    }

    private Val shift(Builtin op, V x, V n, Type t) {
        String ty = x.ty();
        int bits = LType.intBits(ty);
        String amt = b.inst("and i32 " + n.ref() + ", " + (bits - 1));
        if (bits < 32) amt = b.inst("trunc i32 " + amt + " to " + ty);
        else if (bits > 32) amt = b.inst("zext i32 " + amt + " to " + ty);
        PrimKind k = primOf(t);
        String ins = op == Builtin.SHL ? "shl" : (k != null && k.isSigned() ? "ashr" : "lshr");
        return new V(b.inst(ins + " " + ty + " " + x.ref() + ", " + amt), ty);
    }

    private Val abs(V x, Type t, Loc loc, Env env) {
        String ty = x.ty();
        if (isFloat(t)) {
            String name = ty.equals("float") ? "llvm.fabs.f32" : "llvm.fabs.f64";
            declare("declare " + ty + " @" + name + "(" + ty + ")");
            return new V(b.inst("call " + ty + " @" + name + "(" + ty + " " + x.ref() + ")"), ty);
        }
        String min = intLit(Long.MIN_VALUE >> (64 - LType.intBits(ty)), ty);
        String isMin = b.inst("icmp eq " + ty + " " + x.ref() + ", " + min);
        String fail = b.label("absoverflow"), ok = b.label("absok");
        b.condBr(isMin, fail, ok);
        b.block(fail);
        panicMessage("arithmetic overflow", loc, env);
        b.block(ok);
        String neg = b.inst("icmp slt " + ty + " " + x.ref() + ", 0");
        String nx = b.inst("sub " + ty + " 0, " + x.ref());
        return new V(b.inst("select i1 " + neg + ", " + ty + " " + nx + ", " + ty + " " + x.ref()), ty);
    }

    private Val floatIntrinsic(String name, V x) {
        String ty = x.ty();
        String full = "llvm." + name + "." + (ty.equals("float") ? "f32" : "f64");
        declare("declare " + ty + " @" + full + "(" + ty + ")");
        return new V(b.inst("call " + ty + " @" + full + "(" + ty + " " + x.ref() + ")"), ty);
    }

    private Val convert(V x, Type from, Type to) {
        PrimKind fk = primOf(from), tk = primOf(to);
        String fty = x.ty(), tty = LType.of(to);
        if (fk == null || tk == null) return x;
        boolean fFloat = fk.isFloat(), tFloat = tk.isFloat();
        if (!fFloat && !tFloat) {
            int fb = LType.intBits(fty), tb = LType.intBits(tty);
            boolean srcSigned = fk.isSigned();
            if (fb == tb) return new V(x.ref(), tty, x.constVal() instanceof Long l ? Type.normalize(l, tk) : null, null);
            if (fb > tb) return new V(b.inst("trunc " + fty + " " + x.ref() + " to " + tty), tty);
            return new V(b.inst((srcSigned ? "sext " : "zext ") + fty + " " + x.ref() + " to " + tty), tty);
        }
        if (fFloat && tFloat) {
            if (fty.equals(tty)) return x;
            return new V(b.inst((fty.equals("float") ? "fpext " : "fptrunc ") + fty + " " + x.ref() + " to " + tty), tty);
        }
        if (!fFloat) {
            return new V(b.inst((fk.isSigned() ? "sitofp " : "uitofp ") + fty + " " + x.ref() + " to " + tty), tty);
        }
        // float to integer: truncate toward zero, saturate out of range, NaN gives 0 (as .NET)
        boolean signed = tk.isSigned() || tk == PrimKind.CHAR && false;
        String fsuffix = fty.equals("float") ? "f32" : "f64";
        String name = "llvm." + (signed ? "fptosi" : "fptoui") + ".sat." + tty + "." + fsuffix;
        declare("declare " + tty + " @" + name + "(" + fty + ")");
        return new V(b.inst("call " + tty + " @" + name + "(" + fty + " " + x.ref() + ")"), tty);
    }

    private Val mmioRead(Builtin op, V addr, Loc loc, Env env) {
        int width = op == Builtin.MMIO_READ8 ? 1 : op == Builtin.MMIO_READ16 ? 2 : 4;
        checkAligned(addr, width, loc, env);
        String ty = "i" + (width * 8);
        String p = b.inst("inttoptr i32 " + addr.ref() + " to ptr");
        return new V(b.inst("load volatile " + ty + ", ptr " + p + ", align " + width), ty);
    }

    private Val mmioWrite(Builtin op, V addr, V value, Loc loc, Env env) {
        int width = op == Builtin.MMIO_WRITE8 ? 1 : op == Builtin.MMIO_WRITE16 ? 2 : 4;
        checkAligned(addr, width, loc, env);
        String ty = "i" + (width * 8);
        String p = b.inst("inttoptr i32 " + addr.ref() + " to ptr");
        b.emit("store volatile " + ty + " " + value.ref() + ", ptr " + p + ", align " + width);
        return unit();
    }

    private void checkAligned(V addr, int width, Loc loc, Env env) {
        if (width == 1) return;
        if (addr.constVal() instanceof Long l) {
            if ((l & (width - 1)) != 0) diags.error(loc, String.format("misaligned MMIO address 0x%X for a %d-byte access", l, width));
            return;
        }
        String low = b.inst("and i32 " + addr.ref() + ", " + (width - 1));
        String bad = b.inst("icmp ne i32 " + low + ", 0");
        String fail = b.label("misaligned"), ok = b.label("aligned");
        b.condBr(bad, fail, ok);
        b.block(fail);
        panicMessage("misaligned MMIO address", loc, env);
        b.block(ok);
    }

    private Val cycles(Loc loc) {
        usesCycles = true;
        switch (target.cycleCounter()) {
            case "dwt": {
                String p = b.inst("inttoptr i32 -536809468 to ptr"); // 0xE0001004 DWT_CYCCNT
                return new V(b.inst("load volatile i32, ptr " + p), "i32");
            }
            case "mcycle":
                return new V(b.inst("call i32 asm sideeffect \"csrr $0, mcycle\", \"=r\"()"), "i32");
            default:
                diags.error(loc, "board '" + target.boardName() + "' has no cycle counter");
                return new V("0", "i32");
        }
    }

    private Val zeroCreate(Typed.Prim p, Env env) {
        Type.Array t = (Type.Array) conc(p.type(), env);
        Val nv = lower(p.args().get(0), env);
        Long n = nv instanceof V v && v.constVal() instanceof Long l ? l : null;
        if (n == null) {
            Loc at = env.panicLoc() != null ? env.panicLoc() : p.loc();
            diags.error(at, "dynamic allocation is not allowed in the Constrained memory profile: the length of this array is not a compile-time constant");
            return new V("{ ptr null, i32 0 }", LType.ARR, null, 0);
        }
        if (n < 0) {
            diags.error(env.panicLoc() != null ? env.panicLoc() : p.loc(), "the length of an array cannot be negative (" + n + ")");
            n = 0L;
        }
        if (n > 1_000_000) {
            diags.error(env.panicLoc() != null ? env.panicLoc() : p.loc(), "this array of " + n + " elements is larger than any board's memory");
            n = 0L;
        }
        if (n == 0) return new V("{ ptr null, i32 0 }", LType.ARR, null, 0);
        String ety = LType.of(t.elem());
        String st = "[" + n + " x " + ety + "]";
        String storage = allocStorage(st, env);
        if (!env.staticAlloc()) b.emit("store " + st + " zeroinitializer, ptr " + storage);
        return arrayValue(storage, n.intValue());
    }

    // ---------------------------------------------------------------------------------------------- equality and comparison

    private Val compareOp(Builtin op, V x, V y, Type t, Env env, Loc loc) {
        PrimKind k = primOf(t);
        if (k != null && k != PrimKind.STRING && k != PrimKind.UNIT) {
            if (k.isFloat()) {
                String pred = switch (op) { case EQ -> "oeq"; case NE -> "une"; case LT -> "olt"; case LE -> "ole"; case GT -> "ogt"; default -> "oge"; };
                return new V(b.inst("fcmp " + pred + " " + x.ty() + " " + x.ref() + ", " + y.ref()), "i1");
            }
            boolean signed = k.isSigned();
            String pred = switch (op) {
                case EQ -> "eq"; case NE -> "ne";
                case LT -> signed ? "slt" : "ult"; case LE -> signed ? "sle" : "ule";
                case GT -> signed ? "sgt" : "ugt"; default -> signed ? "sge" : "uge";
            };
            return new V(b.inst("icmp " + pred + " " + x.ty() + " " + x.ref() + ", " + y.ref()), "i1");
        }
        if (op == Builtin.EQ || op == Builtin.NE) {
            String eq = equalValues(x, y, t, env, loc);
            if (op == Builtin.NE) eq = b.inst("xor i1 " + eq + ", true");
            return new V(eq, "i1");
        }
        String c = compareValues(x, y, t, env, loc);
        String pred = switch (op) { case LT -> "slt"; case LE -> "sle"; case GT -> "sgt"; default -> "sge"; };
        return new V(b.inst("icmp " + pred + " i32 " + c + ", 0"), "i1");
    }

    /** Structural equality of two values of type t: an i1. */
    private String equalValues(V x, V y, Type t, Env env, Loc loc) {
        t = Type.prune(t);
        PrimKind k = primOf(t);
        if (k == PrimKind.UNIT) return "true";
        if (k == PrimKind.STRING) return ((V) callRuntime("stringEquals", loc, env, x, y)).ref();
        if (k != null) return ((V) compareOp(Builtin.EQ, x, y, t, env, loc)).ref();
        String fn = helper("eq", t);
        return b.inst("call i1 " + fn + "(" + x.ty() + " " + x.ref() + ", " + y.ty() + " " + y.ref() + ")");
    }

    /** F#'s compare: -1, 0 or 1 (negative, zero, positive). */
    private String compareValues(V x, V y, Type t, Env env, Loc loc) {
        t = Type.prune(t);
        PrimKind k = primOf(t);
        if (k == PrimKind.UNIT) return "0";
        if (k == PrimKind.STRING) return ((V) callRuntime("stringCompare", loc, env, x, y)).ref();
        if (k != null) {
            String lt = ((V) compareOp(Builtin.LT, x, y, t, env, loc)).ref();
            String gt = ((V) compareOp(Builtin.GT, x, y, t, env, loc)).ref();
            String a = b.inst("zext i1 " + gt + " to i32");
            String c = b.inst("zext i1 " + lt + " to i32");
            return b.inst("sub i32 " + a + ", " + c);
        }
        String fn = helper("cmp", t);
        return b.inst("call i32 " + fn + "(" + x.ty() + " " + x.ref() + ", " + y.ty() + " " + y.ref() + ")");
    }

    /** A generated function comparing two values of a structured type field by field. */
    private String helper(String kind, Type t) {
        String key = kind + ":" + show(t);
        String name = helpers.get(key);
        if (name != null) return name;
        name = "@\"" + kind + "<" + show(t) + ">\"";
        helpers.put(key, name);
        String ty = LType.of(t);
        boolean eq = kind.equals("eq");
        pushBuilder(new FnBuilder(name));
        Env env = emptyEnv();
        V x = new V("%x", ty), y = new V("%y", ty);
        String result = b.alloca(eq ? "i1" : "i32");
        String done = b.label("done");
        b.emit("store " + (eq ? "i1 true" : "i32 0") + ", ptr " + result);
        if (t instanceof Type.Tuple tu) {
            List<V> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < tu.elems().size(); i++) {
                String ety = LType.of(tu.elems().get(i));
                xs.add(new V(b.inst("extractvalue " + ty + " %x, " + i), ety));
                ys.add(new V(b.inst("extractvalue " + ty + " %y, " + i), ety));
            }
            fieldsInOrder(xs, ys, tu.elems(), eq, result, done, env);
        } else if (t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.RECORD) {
            List<String> fts = LType.fieldTypes(n);
            List<V> xs = new ArrayList<>(), ys = new ArrayList<>();
            List<Type> types = new ArrayList<>();
            for (int i = 0; i < fts.size(); i++) {
                types.add(Type.substParams(n.def().fields.get(i).type(), n.args()));
                if (n.def().isReference()) {
                    String st = LType.recordStruct(n);
                    String px = b.inst("getelementptr inbounds " + st + ", ptr %x, i32 0, i32 " + i);
                    String py = b.inst("getelementptr inbounds " + st + ", ptr %y, i32 0, i32 " + i);
                    xs.add(new V(b.inst("load " + fts.get(i) + ", ptr " + px), fts.get(i)));
                    ys.add(new V(b.inst("load " + fts.get(i) + ", ptr " + py), fts.get(i)));
                } else {
                    xs.add(new V(b.inst("extractvalue " + ty + " %x, " + i), fts.get(i)));
                    ys.add(new V(b.inst("extractvalue " + ty + " %y, " + i), fts.get(i)));
                }
            }
            fieldsInOrder(xs, ys, types, eq, result, done, env);
        } else if (t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.UNION) {
            String tty = LType.tagType(n.def());
            String tx = b.inst("extractvalue " + ty + " %x, 0");
            String tyg = b.inst("extractvalue " + ty + " %y, 0");
            String same = b.inst("icmp eq " + tty + " " + tx + ", " + tyg);
            String differ = b.label("tagsdiffer"), fields = b.label("fields");
            b.condBr(same, fields, differ);
            b.block(differ);
            if (eq) b.emit("store i1 false, ptr " + result);
            else {
                String lt = b.inst("icmp ult " + tty + " " + tx + ", " + tyg);
                b.emit("store i32 " + b.inst("select i1 " + lt + ", i32 -1, i32 1") + ", ptr " + result);
            }
            b.br(done);
            b.block(fields);
            String sx = holdRaw("%x", ty), sy = holdRaw("%y", ty);
            List<String[]> cases = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < n.def().cases.size(); c++) {
                String l = b.label("c");
                labels.add(l);
                cases.add(new String[]{Integer.toString(c), l});
            }
            b.switchTo(tty, tx, done, cases);
            for (int c = 0; c < n.def().cases.size(); c++) {
                b.block(labels.get(c));
                TypeDefn.Case cs = n.def().cases.get(c);
                String cst = LType.caseStruct(n, c);
                String px = b.inst("getelementptr inbounds " + ty + ", ptr " + sx + ", i32 0, i32 1");
                String py = b.inst("getelementptr inbounds " + ty + ", ptr " + sy + ", i32 0, i32 1");
                List<V> xs = new ArrayList<>(), ys = new ArrayList<>();
                List<Type> types = new ArrayList<>();
                for (int i = 0; i < cs.fields().size(); i++) {
                    Type ft = Type.substParams(cs.fields().get(i).type(), n.args());
                    String fty = LType.of(ft);
                    types.add(ft);
                    String fx = b.inst("getelementptr inbounds " + cst + ", ptr " + px + ", i32 0, i32 " + i);
                    String fy = b.inst("getelementptr inbounds " + cst + ", ptr " + py + ", i32 0, i32 " + i);
                    xs.add(new V(fty.equals(LType.UNIT) ? "zeroinitializer" : loadCaseField(fty, fx), fty));
                    ys.add(new V(fty.equals(LType.UNIT) ? "zeroinitializer" : loadCaseField(fty, fy), fty));
                }
                fieldsInOrder(xs, ys, types, eq, result, done, env);
                b.br(done);
            }
        } else if (t instanceof Type.Array a) {
            // F#: arrays compare by length first, then element by element
            String lx = b.inst("extractvalue " + LType.ARR + " %x, 1");
            String ly = b.inst("extractvalue " + LType.ARR + " %y, 1");
            String same = b.inst("icmp eq i32 " + lx + ", " + ly);
            String differ = b.label("lendiffer"), loop = b.label("elems");
            b.condBr(same, loop, differ);
            b.block(differ);
            if (eq) b.emit("store i1 false, ptr " + result);
            else {
                String lt = b.inst("icmp slt i32 " + lx + ", " + ly);
                b.emit("store i32 " + b.inst("select i1 " + lt + ", i32 -1, i32 1") + ", ptr " + result);
            }
            b.br(done);
            b.block(loop);
            String islot = b.alloca("i32");
            b.emit("store i32 0, ptr " + islot);
            String head = b.label("head"), body = b.label("body");
            b.br(head);
            b.block(head);
            String i = b.inst("load i32, ptr " + islot);
            String more = b.inst("icmp slt i32 " + i + ", " + lx);
            b.condBr(more, body, done);
            b.block(body);
            V ex = arrayElem(x, i, a.elem()), ey = arrayElem(y, i, a.elem());
            fieldsInOrder(List.of(ex), List.of(ey), List.of(a.elem()), eq, result, done, env);
            String i2 = b.inst("add i32 " + i + ", 1");
            b.emit("store i32 " + i2 + ", ptr " + islot);
            b.br(head);
        } else {
            diags.error(Loc.NONE, "values of type '" + show(t) + "' cannot be compared");
        }
        b.block(done);
        b.ret(eq ? "i1" : "i32", b.inst("load " + (eq ? "i1" : "i32") + ", ptr " + result));
        functions.add(b.text("define internal " + (eq ? "i1 " : "i32 ") + name + "(" + ty + " %x, " + ty + " %y)"));
        popBuilder();
        return name;
    }

    /** Compares field pairs in order; stops at the first difference (storing the result). */
    private void fieldsInOrder(List<V> xs, List<V> ys, List<Type> types, boolean eq, String result, String done, Env env) {
        for (int i = 0; i < xs.size(); i++) {
            Type ft = types.get(i);
            if (isFun(ft)) continue;
            if (eq) {
                String e = equalValues(xs.get(i), ys.get(i), ft, env, Loc.NONE);
                String next = b.label("next"), ne = b.label("ne");
                b.condBr(e, next, ne);
                b.block(ne);
                b.emit("store i1 false, ptr " + result);
                b.br(done);
                b.block(next);
            } else {
                String c = compareValues(xs.get(i), ys.get(i), ft, env, Loc.NONE);
                String zero = b.inst("icmp eq i32 " + c + ", 0");
                String next = b.label("next"), ne = b.label("ne");
                b.condBr(zero, next, ne);
                b.block(ne);
                b.emit("store i32 " + c + ", ptr " + result);
                b.br(done);
                b.block(next);
            }
        }
    }
}
