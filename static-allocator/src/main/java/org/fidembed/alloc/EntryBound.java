// The stack bound of one entry point (main's path from reset, or one interrupt handler): the bytes pushed on
// entry (the exception frame for a handler), the deepest path, and their sum.
package org.fidembed.alloc;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

public record EntryBound(String label, String function, OptionalInt priority, long entryOverhead, List<Frame> path) {
    public EntryBound {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(priority, "priority");
        path = List.copyOf(path);
    }

    /** Entry overhead plus every frame of the deepest path. */
    public long bound() {
        long sum = entryOverhead;
        for (Frame f : path) sum = Bits.add(sum, f.bytes());
        return sum;
    }
}
