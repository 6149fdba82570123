// An interrupt handler entry point: the vector it serves, its function, and its priority level. Handlers at
// one level cannot preempt each other; handlers without a level each get a level of their own.
package org.fidembed.alloc;

import java.util.Objects;
import java.util.OptionalInt;

public record Handler(String vector, String symbol, OptionalInt priority) {
    public Handler {
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(priority, "priority");
    }

    /** A handler with its own priority level (the default). */
    public static Handler of(String vector, String symbol) { return new Handler(vector, symbol, OptionalInt.empty()); }

    public static Handler atLevel(String vector, String symbol, int priority) {
        return new Handler(vector, symbol, OptionalInt.of(priority));
    }
}
