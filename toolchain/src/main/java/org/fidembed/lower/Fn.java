// The function being built: the module it belongs to and its IR builder. Every lowering method
// takes it; a function generated in the middle of another (a closure's code, a lifted local
// function, a comparison helper) gets a Fn of its own.
package org.fidembed.lower;

import org.fidembed.lower.Env.V;
import org.fidembed.lower.ir.FunctionBuilder;
import org.fidembed.lower.ir.Value;

record Fn(ModuleContext m, FunctionBuilder b) {

    static Fn in(ModuleContext m) { return new Fn(m, new FunctionBuilder()); }

    static V unit() { return new V(Value.unit()); }

    /** Keeps a value in a new stack slot and returns the slot. */
    Value hold(Value v) {
        Value slot = b.alloca(v.type());
        b.store(v, slot);
        return slot;
    }
}
