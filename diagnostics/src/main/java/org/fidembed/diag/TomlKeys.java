// Finds the line of a dotted key ("uart.base", "regions.RAM.origin", "sources") in TOML text, so that an
// error about a key in a board profile or a fid.toml can say FILE:LINE as a compiler error does: the key's
// own line in its table, else its table's header. A small scanner, not a parser: the file has parsed.
package org.fidembed.diag;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

public final class TomlKeys {
    private TomlKeys() { }

    /** The 1-based line of key, if found. */
    public static OptionalInt line(List<String> lines, String key) {
        if (key == null || key.isEmpty()) return OptionalInt.empty();
        String[] parts = key.split("\\.");
        for (int i = parts.length; i >= 0; i--) {
            String table = String.join(".", Arrays.copyOfRange(parts, 0, i));
            String rest = String.join(".", Arrays.copyOfRange(parts, i, parts.length));
            String current = "";
            for (int n = 0; n < lines.size(); n++) {
                String l = strip(lines.get(n));
                if (l.startsWith("[")) {
                    current = l.replaceAll("^\\[+|\\]+$", "").replace("\"", "").replace(" ", "");
                    if (rest.isEmpty() && current.equals(table)) return OptionalInt.of(n + 1);
                    continue;
                }
                int eq = l.indexOf('=');
                if (!rest.isEmpty() && eq > 0 && current.equals(table)) {
                    String k = l.substring(0, eq).replace("\"", "").replace(" ", "");
                    if (k.equals(rest) || rest.startsWith(k + ".")) return OptionalInt.of(n + 1);
                }
            }
        }
        return OptionalInt.empty();
    }

    private static String strip(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 && line.lastIndexOf('"', hash) < 0 ? line.substring(0, hash) : line).strip();
    }
}
