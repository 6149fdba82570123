// Local names in scope during checking: an immutable linked list, so that each branch of the
// tree sees exactly the bindings above it and shadowing is free.
package org.fidembed.types;

import org.fidembed.types.Symbols.ValueSym;

public record Scope(Scope parent, String name, ValueSym sym) {
    public static final Scope EMPTY = new Scope(null, null, null);

    public Scope with(String n, ValueSym s) { return new Scope(this, n, s); }

    public ValueSym lookup(String n) {
        for (Scope s = this; s != null && s.name != null; s = s.parent) if (s.name.equals(n)) return s.sym;
        return null;
    }
}
