// One step of a deepest call path: a function, its frame size, how many nested copies of it are on the
// stack (more than one only for bounded recursion), and how it was reached from the step before.
package org.fidembed.alloc;

import org.fidembed.diag.Loc;

import java.util.Objects;
import java.util.Optional;

public record Frame(String function, long frameSize, long repetitions, Loc location, Reached reached) {
    public Frame {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reached, "reached");
        if (repetitions < 1) throw new IllegalArgumentException("repetitions must be at least 1");
    }

    /** The stack this step occupies: frame size times repetitions. */
    public long bytes() { return Bits.mul(frameSize, repetitions); }

    /** How a step of the path was reached. */
    public sealed interface Reached permits Entry, Called {
        /** A few words for reports: "entry", "called at a.fs:3:5", "tail call from f at ...", ... */
        String describe();
    }

    /** The first step: an entry point. */
    public record Entry() implements Reached {
        @Override public String describe() { return "entry"; }
    }

    /**
     * Called from {@code caller} at {@code site}; {@code tail}: by a jump that replaced the caller's frame (so the
     * caller is not on the stack); {@code throughType}: through a function value of that type.
     */
    public record Called(String caller, Loc site, boolean tail, Optional<String> throughType)
            implements Reached {
        public Called {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(throughType, "throughType");
        }

        @Override public String describe() {
            return (tail ? "tail call from " : "called from ") + caller
                    + throughType.map(t -> " through a value of type '" + t + "'").orElse("")
                    + (site.known() ? " at " + site : "");
        }
    }

    public static final Reached ENTRY = new Entry();
}
