// A profile that cannot be loaded: unknown name, unreadable or invalid TOML, bad or missing key, bad
// inheritance. The message names the file and the key ("boards/foo.toml: key 'uart.base': ...").
package org.fidembed.board;

import java.util.Optional;

public final class ProfileException extends RuntimeException {
    private final String file;
    private final String key;

    public ProfileException(String file, String key, String detail) {
        super(format(file, key, detail));
        this.file = file;
        this.key = key;
    }

    public ProfileException(String file, String key, String detail, Throwable cause) {
        super(format(file, key, detail), cause);
        this.file = file;
        this.key = key;
    }

    private static String format(String file, String key, String detail) {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file).append(": ");
        if (key != null) sb.append("key '").append(key).append("': ");
        return sb.append(detail).toString();
    }

    /** The profile file at fault (a shipped file as {@code boards/x.toml}, a user's file by its path), if any. */
    public Optional<String> file() { return Optional.ofNullable(file); }

    /** The dotted key at fault, if any. */
    public Optional<String> key() { return Optional.ofNullable(key); }
}
