// Builds the IR of one function from typed operands: stack slots in the entry block, then basic
// blocks of instructions, each method taking and returning Values. Values of `if`/`match` go
// through stack slots, which LLVM's mem2reg turns into SSA form, so lowering writes no phi nodes.
// With debug information on, every instruction carries the source line being lowered (!dbg).
package org.fidembed.lower.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

public final class FunctionBuilder {
    /** A basic block's name. */
    public record Label(String name) { }

    /** One arm of a switch: the constant and the block it goes to. */
    public record Case(Value key, Label to) { }

    private final StringBuilder allocas = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private int tmp = 0, labels = 0, slots = 0;
    private boolean terminated = false;
    private final DebugInfo debug;
    private DebugInfo.Subprogram sp;
    /** The scopes of expansions of inline functions in progress: innermost first. */
    private final Deque<Inlined> inlined = new ArrayDeque<>();
    private String dbg = "";
    private int location = -1, firstLocation = -1;
    private boolean callsWithoutLocation, isMain;

    /** An inline function's body expanded here: its subprogram and the location of the call. */
    private record Inlined(DebugInfo.Subprogram sp, int callSite) { }

    /** A builder without debug information. */
    public FunctionBuilder() { this(null); }

    /** debug null: no debug information. */
    public FunctionBuilder(DebugInfo debug) { this.debug = debug; }

    public Label label(String hint) { return new Label(hint + "." + (labels++)); }

    public boolean terminated() { return terminated; }

    /** A parameter of the function, %NAME. */
    public static Value param(String name, IrType t) { return new Value(t, "%" + name); }

    private void emit(String instr) {
        if (terminated) {
            // code after a terminator is unreachable; give it a block of its own
            body.append(label("dead").name()).append(":\n");
            terminated = false;
        }
        body.append("  ").append(instr).append(dbg).append('\n');
        if (dbg.isEmpty() && debug != null && instr.contains("call ")) callsWithoutLocation = true;
    }

    // ------------------------------------------------------------------------------------------ debug information

    /** The source position of what follows (file as the compile unit names it); ignored without debug information. */
    public void at(String file, int line, int col) {
        if (debug == null || file == null || line <= 0) return;
        if (sp == null) sp = debug.subprogram(file, line);
        Inlined in = innermost();
        DebugInfo.Subprogram scopeSp = in == null ? sp : in.sp();
        location = debug.location(line, col, debug.scope(scopeSp, file), in == null ? -1 : in.callSite());
        if (firstLocation < 0) firstLocation = location;
        dbg = ", !dbg " + DebugInfo.ref(location);
    }

    /** This function is the program's entry point (for the debugger: where backtraces end). */
    public void markMain() { isMain = true; }

    /** The current location node (-1: none), to restore after a nested construct. */
    public int location() { return location; }

    public void restoreLocation(int node) {
        if (node < 0 || debug == null) return;
        location = node;
        dbg = ", !dbg " + DebugInfo.ref(location);
    }

    /** The innermost inline expansion that has a scope (one begun before any location has none), or null. */
    private Inlined innermost() {
        for (Inlined in : inlined) if (in.sp() != null) return in;
        return null;
    }

    /** Lines from here to {@link #endInline} come from inline function name (defined at file:line). */
    public void beginInline(String name, String file, int line) {
        if (debug == null || location < 0 || file == null || line <= 0) {
            inlined.addFirst(new Inlined(null, -1));
            return;
        }
        inlined.addFirst(new Inlined(debug.inlinedSubprogram(name, file, line), location));
    }

    public void endInline() {
        Inlined in = inlined.removeFirst();
        if (in.sp() == null) return;
        location = in.callSite();
        dbg = ", !dbg " + DebugInfo.ref(location);
    }

    /** Describes the stack slot of a parameter (arg 1, 2, ...) or a local (arg 0) for the debugger. */
    public void declareVariable(Value slot, String name, int arg, String file, int line, int type) {
        if (debug == null || type < 0 || file == null || line <= 0) return;
        at(file, line, 0);
        Inlined in = innermost();
        DebugInfo.Subprogram scopeSp = in == null ? sp : in.sp();
        int v = debug.localVariable(name, arg, scopeSp.node(), file, line, type);
        body.append("  call void @llvm.dbg.declare(metadata ").append(slot.typed()).append(", metadata ").append(DebugInfo.ref(v))
                .append(", metadata !DIExpression())").append(dbg).append('\n');
    }

    private Value inst(IrType t, String rhs) {
        Value r = new Value(t, "%t" + (tmp++));
        emit(r.ref() + " = " + rhs);
        return r;
    }

    private void terminate(String instr) {
        emit(instr);
        terminated = true;
    }

    // ------------------------------------------------------------------------------------------ blocks

    public void block(Label l) {
        // the fall-through carries the line too: the first instruction with one ends the prologue for debuggers
        if (!terminated) body.append("  br label %").append(l.name()).append(dbg).append('\n');
        body.append(l.name()).append(":\n");
        terminated = false;
    }

    public void br(Label l) { terminate("br label %" + l.name()); }

    public void condBr(Value cond, Label t, Label f) {
        terminate("br " + cond.typed() + ", label %" + t.name() + ", label %" + f.name());
    }

    public void switchOn(Value v, Label otherwise, List<Case> cases) {
        StringBuilder sb = new StringBuilder("switch " + v.typed() + ", label %" + otherwise.name() + " [");
        for (Case c : cases) sb.append(' ').append(c.key().typed()).append(", label %").append(c.to().name());
        terminate(sb.append(" ]").toString());
    }

    public void ret(Value v) { terminate("ret " + v.typed()); }

    public void retVoid() { terminate("ret void"); }

    public void unreachable() { terminate("unreachable"); }

    // ------------------------------------------------------------------------------------------ memory

    /** A stack slot in the entry block (so that mem2reg can promote it). */
    public Value alloca(IrType t) { return alloca(t, 0); }

    public Value alloca(IrType t, int align) {
        Value n = new Value(IrType.PTR, "%s" + (slots++));
        allocas.append("  ").append(n.ref()).append(" = alloca ").append(t);
        if (align > 0) allocas.append(", align ").append(align);
        allocas.append('\n');
        return n;
    }

    public Value load(IrType t, Value ptr) { return load(t, ptr, false, 0); }

    public Value loadVolatile(IrType t, Value ptr) { return load(t, ptr, true, 0); }

    /** align 0: the type's own alignment. */
    public Value load(IrType t, Value ptr, boolean isVolatile, int align) {
        return inst(t, "load " + (isVolatile ? "volatile " : "") + t + ", " + ptr.typed() + (align > 0 ? ", align " + align : ""));
    }

    public void store(Value v, Value ptr) { store(v, ptr, false, 0); }

    public void store(Value v, Value ptr, boolean isVolatile, int align) {
        emit("store " + (isVolatile ? "volatile " : "") + v.typed() + ", " + ptr.typed() + (align > 0 ? ", align " + align : ""));
    }

    /** getelementptr inbounds: the address of an element of an object of type elem at ptr. */
    public Value gep(IrType elem, Value ptr, Value... indices) {
        StringBuilder sb = new StringBuilder("getelementptr inbounds " + elem + ", " + ptr.typed());
        for (Value i : indices) sb.append(", ").append(i.typed());
        return inst(IrType.PTR, sb.toString());
    }

    /** The address of field k of the struct (or element k of the array) of type agg at ptr. */
    public Value fieldPtr(IrType agg, Value ptr, int k) { return gep(agg, ptr, Value.i32(0), Value.i32(k)); }

    // ------------------------------------------------------------------------------------------ values

    public Value binary(IrOp.Bin op, Value a, Value b) { return inst(a.type(), op + " " + a.typed() + ", " + b.ref()); }

    public Value icmp(IrOp.ICmp p, Value a, Value b) { return inst(IrType.I1, "icmp " + p + " " + a.typed() + ", " + b.ref()); }

    public Value fcmp(IrOp.FCmp p, Value a, Value b) { return inst(IrType.I1, "fcmp " + p + " " + a.typed() + ", " + b.ref()); }

    public Value fneg(Value a) { return inst(a.type(), "fneg " + a.typed()); }

    public Value select(Value cond, Value a, Value b) { return inst(a.type(), "select " + cond.typed() + ", " + a.typed() + ", " + b.typed()); }

    public Value cast(IrOp.Cast op, Value v, IrType to) { return inst(to, op + " " + v.typed() + " to " + to); }

    /** Field k of a struct value. */
    public Value extractValue(Value agg, int k) {
        IrType t = ((IrType.Struct) agg.type()).field(k);
        return inst(t, "extractvalue " + agg.typed() + ", " + k);
    }

    public Value insertValue(Value agg, Value v, int k) { return inst(agg.type(), "insertvalue " + agg.typed() + ", " + v.typed() + ", " + k); }

    // ------------------------------------------------------------------------------------------ calls

    /** A call of a function returning ret (not void). */
    public Value call(IrType ret, Value callee, List<Value> args) { return inst(ret, "call " + ret + " " + callee.ref() + "(" + join(args) + ")"); }

    public void callVoid(Value callee, List<Value> args) { emit("call void " + callee.ref() + "(" + join(args) + ")"); }

    /** Inline assembly with side effects; ret VOID for none. */
    public Value asm(IrType ret, String text, String constraints, List<Value> args) {
        String call = "call " + ret + " asm sideeffect \"" + text + "\", \"" + constraints + "\"(" + join(args) + ")";
        if (ret instanceof IrType.Void) {
            emit(call);
            return null;
        }
        return inst(ret, call);
    }

    private static String join(List<Value> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(args.get(i).typed());
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ the function

    /** Exported functions keep their name for the linker; internal ones may be dropped and renamed by LLVM. */
    public enum Linkage { INTERNAL, EXPORTED }

    /**
     * The function's text. attributes follow the parameter list ("noinline", "\"no-builtins\"");
     * section null puts it in a section of its own (.text.NAME), so that the linker drops what is not
     * called and the stack bound reads the call graph from each section's relocations.
     */
    public String finish(Linkage linkage, IrType ret, Value name, List<Value> params, List<String> attributes, String section) {
        StringBuilder sb = new StringBuilder("define ").append(linkage == Linkage.INTERNAL ? "internal " : "").append(ret).append(' ')
                .append(name.ref()).append('(').append(join(params)).append(')');
        for (String a : attributes) sb.append(' ').append(a);
        sb.append(" section \"").append(section != null ? section : sectionName(name)).append('"');
        String text = body.toString();
        if (sp != null) {
            debug.finishSubprogram(sp, displayName(name.symbol()), name.symbol(), linkage == Linkage.INTERNAL, isMain);
            sb.append(" !dbg ").append(DebugInfo.ref(sp.node()));
            if (callsWithoutLocation) text = locateCalls(text, ", !dbg " + DebugInfo.ref(firstLocation));
        }
        sb.append(" {\nentry:\n").append(allocas).append(text);
        if (!terminated) sb.append("  unreachable\n");
        return sb.append("}\n").toString();
    }

    /**
     * Calls emitted before the first source position get the function's first position: LLVM
     * requires one on every call inside a function with debug information.
     */
    private static String locateCalls(String text, String dbg) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!out.isEmpty()) out.append('\n');
            out.append(line);
            if (line.startsWith("  ") && line.contains("call ") && !line.contains("!dbg")) out.append(dbg);
        }
        return out.toString();
    }

    /** The name a debugger shows: the F# name, without the instance's type arguments' quoting. */
    static String displayName(String symbol) { return symbol; }

    /** ".text." and the function's name with characters a section name cannot hold replaced. */
    static String sectionName(Value fn) {
        return ".text." + fn.symbol().replaceAll("[^A-Za-z0-9_.$<>,]", "_");
    }
}
