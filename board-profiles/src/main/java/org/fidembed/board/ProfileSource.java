// Where a Target came from: the profile that was asked for (a shipped name's file, or a user's path) and
// every file merged into it, base layer first (core, chip, board, memory profile).
package org.fidembed.board;

import java.util.List;
import java.util.Objects;

public record ProfileSource(String label, boolean shipped, List<String> layers) {

    public ProfileSource {
        Objects.requireNonNull(label, "label");
        layers = List.copyOf(layers);
    }

    /** The last layer (leaf first) that sets a dotted key, for an error about that key found after loading. */
    public java.util.Optional<String> fileOf(String key) {
        for (int i = layers.size() - 1; i >= 0; i--)
            if (KeyLines.find(layers.get(i), key).isPresent()) return java.util.Optional.of(layers.get(i));
        return java.util.Optional.empty();
    }

    @Override public String toString() { return label + " (" + String.join(" + ", layers) + ")"; }
}
