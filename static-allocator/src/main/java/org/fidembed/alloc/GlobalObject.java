// A static object of the program (a module-level value, array, string or mutable-field record): its size,
// alignment, whether anything writes it, how it starts, and an optional explicit [<Section>].
package org.fidembed.alloc;

import org.fidembed.diag.Loc;

import java.util.Objects;
import java.util.Optional;

public record GlobalObject(String symbol, long size, long alignment, Mutability mutability, Initializer initializer,
                           Optional<String> section, Loc location) {
    public enum Mutability { NEVER_WRITTEN, WRITTEN }

    /** CONSTANT: bytes known at compile time; ZERO: all zero bytes; COMPUTED: written by code run before main. */
    public enum Initializer { CONSTANT, ZERO, COMPUTED }

    public GlobalObject {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(location, "location");
        if (symbol.isBlank()) throw new IllegalArgumentException("object symbol is blank");
        if (size < 0) throw new IllegalArgumentException("object '" + symbol + "' has a negative size");
        Bits.requirePowerOfTwo(alignment, "alignment of '" + symbol + "'");
    }

    /** An object in the section the placement rules choose. */
    public static GlobalObject of(String symbol, long size, long alignment, Mutability mutability,
                                  Initializer initializer, Loc location) {
        return new GlobalObject(symbol, size, alignment, mutability, initializer, Optional.empty(), location);
    }

    /** The same object with an explicit section, as {@code [<Section(".ramfunc")>]} gives it. */
    public GlobalObject inSection(String sectionName) {
        return new GlobalObject(symbol, size, alignment, mutability, initializer, Optional.of(sectionName), location);
    }
}
