// What a failed run-time check (an index out of bounds, failwith, a division by zero...) costs in flash
// and prints: the memory profile's `panic` key, which a board or a project (fid.toml) may override.
package org.fidembed.board;

import java.util.Optional;

public enum PanicStrategy {
    /** "panic: MESSAGE at FILE:LINE:COL": the message and the location as strings in flash. */
    MESSAGE("message"),
    /** "panic at FILE:LINE:COL": the location in a compact table (a word per panic site), no message strings. */
    LOCATION("location"),
    /** One undefined instruction per panic site; the fault handler reports its pc, which the host decodes with the ELF. */
    TRAP("trap");

    private final String id;

    PanicStrategy(String id) { this.id = id; }

    /** The value in profiles and fid.toml. */
    public String id() { return id; }

    public static Optional<PanicStrategy> byId(String id) {
        for (PanicStrategy p : values()) if (p.id.equals(id)) return Optional.of(p);
        return Optional.empty();
    }

    /** "message, location or trap", for error messages. */
    public static String choices() { return "\"message\", \"location\" or \"trap\""; }
}
