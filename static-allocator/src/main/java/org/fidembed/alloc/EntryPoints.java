// The roots of the call graph: the reset/startup function (which calls main), main itself, and the
// interrupt handlers. The main path is measured from reset when there is one, else from main.
package org.fidembed.alloc;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

public record EntryPoints(Optional<String> reset, String main, List<Handler> handlers) {
    public EntryPoints {
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(main, "main");
        handlers = List.copyOf(handlers);
        Set<String> vectors = new HashSet<>();
        for (Handler h : handlers)
            if (!vectors.add(h.vector())) throw new IllegalArgumentException("vector '" + h.vector() + "' has two handlers");
    }

    public static EntryPoints of(String reset, String main, Handler... handlers) {
        return new EntryPoints(Optional.of(reset), main, List.of(handlers));
    }

    /** The function the main path starts from. */
    public String mainRoot() { return reset.orElse(main); }
}
