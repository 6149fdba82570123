// Finds the line of a dotted key ("uart.base", "regions.RAM.origin", "flash.usb-ids") in a profile's
// TOML text, so that a profile error can say FILE:LINE as a compiler error does: the key's own line in
// its table, else its table's header (TomlKeys), in a shipped profile or a user's file.
package org.fidembed.board;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

final class KeyLines {
    private KeyLines() { }

    /** The 1-based line of key in the file (a shipped label such as boards/x.toml, or a user's path), if found. */
    static OptionalInt find(String fileLabel, String key) {
        if (fileLabel == null || key == null || key.isEmpty()) return OptionalInt.empty();
        String text = text(fileLabel);
        return text == null ? OptionalInt.empty() : org.fidembed.diag.TomlKeys.line(text.lines().toList(), key);
    }

    private static String text(String fileLabel) {
        for (Shipped.Kind k : Shipped.Kind.values()) {
            if (fileLabel.startsWith(k.folder + "/") && fileLabel.endsWith(".toml")) {
                String name = fileLabel.substring(k.folder.length() + 1, fileLabel.length() - 5);
                return Shipped.read(k, name).orElse(null);
            }
        }
        try {
            return Files.readString(Path.of(fileLabel));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
