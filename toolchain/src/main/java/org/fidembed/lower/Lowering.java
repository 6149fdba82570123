// Lowers the typed program to LLVM IR (the module and its work queue): module initialisers, the
// UART's init, the entry point and the interrupt handlers, then every function instance they
// reach. The concerns live in the classes this one starts: Expressions is where to read on.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.Env.Val;
import org.fidembed.lower.ir.FunctionBuilder.Linkage;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.rules.Finding;
import org.fidembed.typeck.Program;
import org.fidembed.types.Symbols.GlobalVal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class Lowering {
    private final ModuleContext m;

    public Lowering(Program prog, TargetInfo target) { this(prog, target, false); }

    /** debugInfo: describe lines, functions, variables and types for debuggers (DWARF). */
    public Lowering(Program prog, TargetInfo target, boolean debugInfo) {
        this.m = new ModuleContext(prog, target, debugInfo);
    }

    /** Where lowering was when it stopped (for internal error messages). */
    public Loc currentLocation() { return m.currentLoc; }

    /** Whether index checks are off (a measurement-only JVM property, fidembed.bench.uncheckedIndex). */
    public static boolean uncheckedIndex() { return Checks.BENCH_UNCHECKED_INDEX; }

    /**
     * The module body of a program; measureStack: the exit reports the stack's high-water mark.
     * Lowering raises no diagnostics: the rules judge its findings (with an error among them, the
     * IR is incomplete and must not be used).
     */
    public LoweringResult program(boolean measureStack) {
        try {
            return lowerProgram(measureStack);
        } catch (ModuleContext.Stop stop) {
            return new LoweringResult("", Map.of(), Map.of(), Map.of(), false, false, "", Optional.empty(), false, false, m.findings);
        }
    }

    private LoweringResult lowerProgram(boolean measureStack) {
        // first, so that they come first in the module
        // the crash report of a core whose profile says fault-names also names the set fault status bits
        String fault = runtimeFunction(m.target.capabilities().faultNames() ? "panicFaultNamed" : "panicFault");
        Optional<String> report = measureStack ? Optional.of(runtimeFunction("reportStackHighWater")) : Optional.empty();
        initialisers();
        uartInit();
        boolean flush = uartFlush();
        if (m.prog.entry() != null) entryPoint(m.prog.entry());
        interruptHandlers();
        // unused user functions are compiled too (their warnings and errors matter), then dropped by LLVM
        for (GlobalVal g : m.prog.globals()) {
            if (g.prelude || !g.isFunction() || g.inline || !g.scheme.vars().isEmpty()) continue;
            Instances.instance(m, g, List.of());
        }
        m.drain();
        if (!m.panicSites.isEmpty()) {
            Instances.Instance panicAt = Instances.instance(m, m.runtime("panicAt"), List.of());
            m.drain();
            PanicSites.emitTable(m, panicAt);
        }
        return new LoweringResult(m.text(), m.interruptHandlers, m.functionLocs, m.dataLocs, m.usesRamfunc, m.usesCycles, fault, report,
                flush, m.instances.containsKey("Fid.Timer.start"), m.findings);
    }

    /**
     * The run-time library alone: the exported helpers LLVM calls on its own (memcpy, division,
     * soft float). It is compiled once per target into an object of its own and linked with every
     * program; the linker keeps only the helpers a program calls.
     */
    public RuntimeLibrary runtimeLibrary() {
        try {
            for (GlobalVal g : m.prog.globals()) {
                if (g.exportName != null && g.scheme.vars().isEmpty()) Instances.instance(m, g, List.of());
            }
            m.drain();
            return new RuntimeLibrary(m.text(), List.copyOf(m.findings));
        } catch (ModuleContext.Stop stop) {
            return new RuntimeLibrary("", List.copyOf(m.findings));
        }
    }

    /** The run-time library's IR and what the rules judge in it (none, for a correct prelude). */
    public record RuntimeLibrary(String ir, List<Finding> findings) { }

    /** A non-generic prelude function of Fid.Runtime, queued: its IR name. */
    private String runtimeFunction(String name) { return Instances.instance(m, m.runtime(name), List.of()).name().ref(); }

    /** fid.init: the module-level values in order (they fix the lengths of module-level arrays). */
    private void initialisers() {
        Fn f = Fn.in(m);
        Env initEnv = new Env(Map.of(), null, null, true);
        for (GlobalVal g : m.prog.globals()) {
            if (g.isFunction() || g.literal) continue;
            if (g.prelude && g.uses == 0 && !g.name.startsWith("do@")) continue;
            Globals.lowerInit(f, g, initEnv);
        }
        f.b().retVoid();
        finish(f, IrType.VOID, Value.plainGlobal("fid.init"));
    }

    /** fid.uart.init: the board's register writes (profile [uart] setup), then the UART driver's init. */
    private void uartInit() {
        Fn f = Fn.in(m);
        for (String name : List.of("Fid.Board.uartSetup", "Fid.Uart.init")) {
            GlobalVal g = m.global(name);
            if (g != null) Calls.callGlobal(f, g, List.of(Fn.unit()), Loc.NONE, Env.empty());
        }
        f.b().retVoid();
        finish(f, IrType.VOID, Value.plainGlobal("fid.uart.init"));
    }

    /**
     * fid.uart.flush: the UART driver's flush, for a UART that sends from a FIFO after the write returns
     * (the exit calls it, so that the last bytes are not lost); false, and no function, when it has none.
     */
    private boolean uartFlush() {
        GlobalVal g = m.global("Fid.Uart.flush");
        if (g == null) return false;
        Fn f = Fn.in(m);
        Calls.callGlobal(f, g, List.of(Fn.unit()), Loc.NONE, Env.empty());
        f.b().retVoid();
        finish(f, IrType.VOID, Value.plainGlobal("fid.uart.flush"));
        return true;
    }

    /** fid.main: calls the program's main with an empty argument array; its result is the exit code. */
    private void entryPoint(GlobalVal entry) {
        Fn f = Fn.in(m);
        f.at(entry.loc);
        f.b().markMain();
        V noArgs = new V(Value.struct(LType.ARR, Value.nullPtr(), Value.i32(0)), new Env.Length(0));
        Val r = Calls.callGlobal(f, entry, List.of(noArgs), entry.loc, Env.empty());
        f.b().ret(((V) r).value());
        finish(f, IrType.I32, Value.plainGlobal("fid.main"));
        m.functionLocs.put("fid.main", entry.loc); // where errors "at the entry point" point
    }

    /** isr.VECTOR for each handler: the board's prologue for the vector, then the program's handler. */
    private void interruptHandlers() {
        Map<String, GlobalVal> handlerOf = new HashMap<>();
        for (GlobalVal g : m.prog.globals()) {
            if (g.interruptVector == null) continue;
            // an alias (Tick) and the interrupt's own name (SysTick) are one vector
            String vector = m.target.canonicalInterrupt(g.interruptVector);
            GlobalVal other = handlerOf.putIfAbsent(vector, g);
            if (other != null) {
                m.find(Finding.Kind.TWO_HANDLERS, g.interruptLoc, vector, g.interruptVector, other.interruptVector, other.name, other.loc);
                continue;
            }
            Value name = Value.global("isr." + vector);
            Fn f = Fn.in(m);
            f.at(g.loc);
            // the board's prologue first (profile [interrupt-prologues]), e.g. re-arming a one-shot timer
            String prologue = m.target.interruptPrologues().get(vector);
            if (prologue != null) {
                GlobalVal p = m.global(prologue);
                if (p == null) throw new IllegalStateException("board '" + m.target.boardName() + "' runs " + prologue
                        + " before the handler of " + vector + ", but the prelude defines no such function");
                Calls.callGlobal(f, p, List.of(Fn.unit()), g.loc, Env.empty());
            }
            Calls.callGlobal(f, g, List.of(Fn.unit()), g.loc, Env.empty());
            f.b().retVoid();
            finish(f, IrType.VOID, name);
            m.functionLocs.put(name.symbol(), g.loc);
            m.interruptHandlers.put(vector, name.ref());
        }
    }

    private void finish(Fn f, IrType ret, Value name) {
        m.ir.function(f.b().finish(Linkage.INTERNAL, ret, name, List.of(), List.of(), null));
    }
}
