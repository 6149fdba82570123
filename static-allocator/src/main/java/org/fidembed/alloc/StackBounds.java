// The proven stack bound of the program: main's path, each handler, each priority level, their total, and
// the stack size to reserve (the memory profile's formula: at least its minimum, bound + margin, aligned).
package org.fidembed.alloc;

import java.util.List;
import java.util.Objects;
import org.fidembed.board.MemoryProfile;

public record StackBounds(EntryBound main, List<EntryBound> handlers, List<LevelBound> levels, MemoryProfile memory,
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

    /** The bytes to reserve for the stack: {@link MemoryProfile#stackReserve} of program(). */
    public long reserve() { return memory.stackReserve(program(), alignment); }

    public long margin() { return memory.stackMargin(); }
}
