// A profile that cannot be loaded: unknown name, unreadable or invalid TOML, bad or missing key, bad
// inheritance. The message names the file and the key ("boards/foo.toml: key 'uart.base': ...").
package org.fidembed.board;

import java.util.Optional;
import java.util.OptionalInt;
import org.fidembed.diag.Loc;

public final class ProfileException extends RuntimeException {
    private final String file;
    private final String key;
    private final OptionalInt line;
    private final int column;

    public ProfileException(String file, String key, String detail) {
        this(file, key, KeyLines.find(file, key), 0, detail);
    }

    private ProfileException(String file, String key, OptionalInt line, int column, String detail) {
        super(format(file, key, line, detail));
        this.file = file;
        this.key = key;
        this.line = line;
        this.column = column;
    }

    /** A syntax error at a known place (the TOML parser's line and column). */
    static ProfileException at(String file, int line, int column, String detail) {
        return new ProfileException(file, null, OptionalInt.of(line), column, detail);
    }

    private static String format(String file, String key, OptionalInt line, String detail) {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file).append(line.isPresent() ? ":" + line.getAsInt() : "").append(": ");
        if (key != null) sb.append("key '").append(key).append("': ");
        return sb.append(detail).toString();
    }

    /** The profile file at fault (a shipped file as {@code boards/x.toml}, a user's file by its path), if any. */
    public Optional<String> file() { return Optional.ofNullable(file); }

    /** The dotted key at fault, if any. */
    public Optional<String> key() { return Optional.ofNullable(key); }

    /** The line of the key (or of the syntax error) in the file, when it could be found. */
    public OptionalInt line() { return line; }

    /** Where the error is, as the diagnostics of every module say it. */
    public Loc loc() { return file == null ? Loc.NONE : Loc.of(file, line.orElse(0), line.isPresent() ? Math.max(column, 1) : 0); }
}
