// What lowering knows about the names in scope: for each local, a stack slot (with what is known
// of its value at compile time) or a function that has not become a closure value; plus the type
// substitution of the instance being compiled.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.Value;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;

import java.util.List;
import java.util.Map;

/**
 * panicLoc: where a panic inside an inline prelude function points (the user's call); staticAlloc:
 * objects created here get static storage (module initialisation) instead of stack slots.
 */
record Env(Map<Type.Var, Type> subst, Bindings binds, Loc panicLoc, boolean staticAlloc) {

    static Env empty() { return new Env(Map.of(), null, null, false); }

    Env with(LocalVar v, Binding b) { return new Env(subst, new Bindings(binds, v, b), panicLoc, staticAlloc); }

    Binding lookup(LocalVar v) {
        for (Bindings b = binds; b != null; b = b.next()) if (b.v() == v) return b.b();
        return null;
    }

    record Bindings(Bindings next, LocalVar v, Binding b) { }

    // ------------------------------------------------------------------------------------------ bindings

    sealed interface Binding permits Slot, FnBind { }
    /** A value in a stack slot (ptr) of type ty, with what is known of it. */
    record Slot(Value ptr, IrType ty, Known known) implements Binding {
        Slot(Value ptr, IrType ty) { this(ptr, ty, Known.NOTHING); }
    }
    /** A function that is still known statically (called directly or inlined, made a closure only on demand). */
    record FnBind(FnRef f) implements Binding { }

    // ------------------------------------------------------------------------------------------ functions

    sealed interface FnRef permits KnownLambda, GlobalFn, LocalFn, Partial, Closure { }
    /** A lambda with the environment it was created in: applied by inline expansion. */
    record KnownLambda(Typed.Lambda lam, Env env) implements FnRef { }
    record GlobalFn(GlobalVal g, List<Type> targs) implements FnRef { }
    /** A local function (let f x = ... or let rec): lifted to a function taking its captures. */
    record LocalFn(LocalDef def, Env env, List<Type> targs) implements FnRef { }
    /** A function applied to fewer arguments than it takes; arguments already evaluated. */
    record Partial(FnRef f, List<Binding> args) implements FnRef { }
    /** A closure value (code, environment) held in a stack slot. */
    record Closure(Value slotPtr, Type type) implements FnRef { }

    /** A local function definition; group holds the functions of one `let rec ... and ...`. */
    static final class LocalDef {
        final LocalVar v;
        final Typed.Lambda lam;
        List<LocalDef> group;
        LocalDef(LocalVar v, Typed.Lambda lam) { this.v = v; this.lam = lam; }
    }

    // ------------------------------------------------------------------------------------------ values

    sealed interface Val permits V, F { }
    /** An IR operand with what is known of it at compile time. */
    record V(Value value, Known known) implements Val {
        V(Value value) { this(value, Known.NOTHING); }
        String ref() { return value.ref(); }
        IrType ty() { return value.type(); }
        Object constVal() { return known.constant(); }
        Integer knownLen() { return known.length(); }
    }
    /** A function not (yet) made into a closure value. */
    record F(FnRef f) implements Val { }

    /** What lowering knows about a value at compile time. */
    sealed interface Known permits Nothing, Constant, Length, StackClosure {
        Known NOTHING = new Nothing();

        /** The compile-time value (Long, Double, Boolean, String, StaticArray...), or null. */
        default Object constant() { return null; }

        /** The array's length when known, or null. */
        default Integer length() { return null; }
    }
    record Nothing() implements Known { }
    /** The value itself (an immutable array in static storage is a StaticArray, whose length is known too). */
    record Constant(Object value) implements Known {
        @Override public Object constant() { return value; }
        @Override public Integer length() { return value instanceof StaticArray sa ? sa.length() : null; }
    }
    /** An array of this length (its storage made here). */
    record Length(int n) implements Known {
        @Override public Integer length() { return n; }
    }
    /** A closure whose environment lives in the frame of the function that made it: it must not escape. */
    record StackClosure() implements Known { }

    static Known constant(Object c) { return c == null ? Known.NOTHING : new Constant(c); }

    /**
     * The compile-time value of an array whose storage is a static global (created while module
     * values are initialised): the reference { ptr storage, i32 length } is a constant.
     */
    record StaticArray(Value storage, int length) {
        Value literal() { return Value.struct(LType.ARR, storage, Value.i32(length)); }
    }
}
