// The proven stack bound of the program: main's path, each handler, each priority level, their total, and
// the stack size to reserve (bound + the memory profile's margin, rounded up to the stack alignment).
package org.fidembed.alloc;

import java.util.List;
import java.util.Objects;

public record StackBounds(EntryBound main, List<EntryBound> handlers, List<LevelBound> levels, long margin,
                          long alignment) {
    public StackBounds {
        Objects.requireNonNull(main, "main");
        handlers = List.copyOf(handlers);
        levels = List.copyOf(levels);
    }

    /** Sum over priority levels of the largest handler bound at that level. */
    public long interrupts() { return levels.stream().mapToLong(LevelBound::bound).reduce(0, Bits::add); }

    /** bound(main path) + interrupts(). */
    public long program() { return Bits.add(main.bound(), interrupts()); }

    /** program() + margin, rounded up to the stack alignment. */
    public long reserve() {
        long wanted = Bits.add(program(), margin);
        return wanted > Long.MAX_VALUE - alignment ? wanted : Bits.alignUp(wanted, alignment);
    }
}
