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

    @Override public String toString() { return label + " (" + String.join(" + ", layers) + ")"; }
}
