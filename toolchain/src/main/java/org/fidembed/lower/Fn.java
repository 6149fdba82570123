// The function being built: the module it belongs to and its IR builder. Every lowering method
// takes it; a function generated in the middle of another (a closure's code, a lifted local
// function, a comparison helper) gets a Fn of its own.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.Env.V;
import org.fidembed.lower.ir.FunctionBuilder;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;

record Fn(ModuleContext m, FunctionBuilder b) {

    static Fn in(ModuleContext m) { return new Fn(m, new FunctionBuilder(m.ir.debug())); }

    /** The source position of the code that follows (debug information). */
    void at(Loc l) {
        if (l != null && l.file() != null) b.at(l.file().name(), l.line(), l.col());
    }

    /** Tells the debugger that v (of concrete type t) lives in slot; arg: its parameter number, or 0 for a local. */
    void describe(LocalVar v, Value slot, Type t, int arg) {
        if (m.debugTypes == null || v.compilerGenerated || v.loc == null || v.loc.file() == null || !v.loc.known()) return;
        if (v.name.isEmpty() || !Character.isLetter(v.name.charAt(0))) return;
        b.declareVariable(slot, v.name, arg, v.loc.file().name(), v.loc.line(), m.debugTypes.of(t));
    }

    static V unit() { return new V(Value.unit()); }

    /** Keeps a value in a new stack slot and returns the slot. */
    Value hold(Value v) {
        Value slot = b.alloca(v.type());
        b.store(v, slot);
        return slot;
    }
}
