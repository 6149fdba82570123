// One call site inside a function: a direct call, a call through a function value of a given type (it may
// reach every function whose value is taken with that type), or an indirect call the compiler could not resolve.
package org.fidembed.alloc;

import org.fidembed.diag.Loc;

import java.util.Objects;

public sealed interface Call permits Call.Direct, Call.ThroughValue, Call.Unresolved {
    /** Where the call is written in the source. */
    Loc site();

    /** Exhaustive case analysis (Java 17 has no pattern switch): each permitted record calls its own case. */
    <R> R match(Cases<R> cases);

    interface Cases<R> {
        R direct(Direct call);
        R throughValue(ThroughValue call);
        R unresolved(Unresolved call);
    }

    /**
     * {@code caller -> callee}. {@code tail} marks a call compiled as a jump (a sibling call): the callee's
     * frame replaces the caller's, so it adds no depth. Tail calls inside a {@code let rec ... and ...} group
     * may form cycles; every other cycle is recursion and needs a bound.
     */
    record Direct(String callee, Loc site, boolean tail) implements Call {
        public Direct {
            Objects.requireNonNull(callee, "callee");
            Objects.requireNonNull(site, "site");
        }
        @Override public <R> R match(Cases<R> cases) { return cases.direct(this); }
    }

    /** A call through a value of function type {@code functionType} (the caller's key for the type). */
    record ThroughValue(String functionType, Loc site, boolean tail) implements Call {
        public ThroughValue {
            Objects.requireNonNull(functionType, "functionType");
            Objects.requireNonNull(site, "site");
        }
        @Override public <R> R match(Cases<R> cases) { return cases.throughValue(this); }
    }

    /** An indirect call whose possible targets are unknown: the stack cannot be bounded. */
    record Unresolved(String description, Loc site) implements Call {
        public Unresolved {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(site, "site");
        }
        @Override public <R> R match(Cases<R> cases) { return cases.unresolved(this); }
    }

    static Call direct(String callee, Loc site) { return new Direct(callee, site, false); }

    static Call tail(String callee, Loc site) { return new Direct(callee, site, true); }

    static Call throughValue(String functionType, Loc site) { return new ThroughValue(functionType, site, false); }

    static Call unresolved(String description, Loc site) { return new Unresolved(description, site); }
}
