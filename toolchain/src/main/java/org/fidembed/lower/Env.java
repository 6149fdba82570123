// What lowering knows about the names in scope: for each local, a stack slot (with a constant value
// or array length when known) or a function that has not become a closure value; plus the type
// substitution of the instance being compiled.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.LocalVar;
import org.fidembed.types.Type;
import org.fidembed.types.Typed;

import java.util.List;
import java.util.Map;

record Env(Map<Type.Var, Type> subst, Bindings binds, Loc panicLoc, boolean staticAlloc) {

    Env with(LocalVar v, Binding b) { return new Env(subst, new Bindings(binds, v, b), panicLoc, staticAlloc); }

    Binding lookup(LocalVar v) {
        for (Bindings b = binds; b != null; b = b.next()) if (b.v() == v) return b.b();
        return null;
    }

    record Bindings(Bindings next, LocalVar v, Binding b) { }

    // ------------------------------------------------------------------------------------------ bindings

    sealed interface Binding permits Slot, FnBind { }
    /** A value in a stack slot (ptr), with its compile-time constant and array length when known. */
    record Slot(String ptr, String ty, Object constVal, Integer knownLen) implements Binding { }
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
    record Closure(String slotPtr, Type type) implements FnRef { }

    /** A local function definition; group holds the functions of one `let rec ... and ...`. */
    static final class LocalDef {
        final LocalVar v;
        final Typed.Lambda lam;
        List<LocalDef> group;
        LocalDef(LocalVar v, Typed.Lambda lam) { this.v = v; this.lam = lam; }
    }

    // ------------------------------------------------------------------------------------------ values

    sealed interface Val permits V, F { }
    /** An LLVM operand (register or constant) of type ty, with its constant or array length when known. */
    record V(String ref, String ty, Object constVal, Integer knownLen) implements Val {
        V(String ref, String ty) { this(ref, ty, null, null); }
    }
    /** A function not (yet) made into a closure value. */
    record F(FnRef f) implements Val { }
}
