// A compiled function as the stack bound sees it: its frame size measured from the back end, where it is
// defined, the calls it makes, and (for bounded non-tail self-recursion) the maximum number of nested frames.
package org.fidembed.alloc;

import org.fidembed.diag.Loc;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

public record Function(String symbol, long frameSize, Loc location, List<Call> calls,
                       OptionalLong recursionDepth) {
    public Function {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(recursionDepth, "recursionDepth");
        calls = List.copyOf(calls);
        if (symbol.isBlank()) throw new IllegalArgumentException("function symbol is blank");
        if (frameSize < 0) throw new IllegalArgumentException("function '" + symbol + "' has a negative frame size");
        if (recursionDepth.isPresent() && recursionDepth.getAsLong() < 1)
            throw new IllegalArgumentException("recursion depth of '" + symbol + "' must be at least 1");
    }

    public static Function of(String symbol, long frameSize, Loc location, Call... calls) {
        return new Function(symbol, frameSize, location, List.of(calls), OptionalLong.empty());
    }

    /** A self-recursive function whose depth the front end bounded (language.md §15.4, the measure rule). */
    public static Function recursive(String symbol, long frameSize, long maxDepth, Loc location, Call... calls) {
        return new Function(symbol, frameSize, location, List.of(calls), OptionalLong.of(maxDepth));
    }
}
