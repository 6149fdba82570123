// One interrupt priority level: its handlers cannot preempt each other, so the level needs only the largest
// of their bounds; levels can nest, so the program needs the sum over levels (language.md §15.4).
package org.fidembed.alloc;

import java.util.List;
import java.util.Objects;

public record LevelBound(String level, List<EntryBound> handlers, EntryBound deepest) {
    public LevelBound {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(deepest, "deepest");
        handlers = List.copyOf(handlers);
    }

    public long bound() { return deepest.bound(); }
}
