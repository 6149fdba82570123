// An SVD file that cannot be read: not XML, a missing or malformed element, a derivedFrom that names
// nothing. The message starts with FILE:LINE:COL of the element at fault.
package org.fidembed.board.svd;

import org.fidembed.diag.Loc;

public final class SvdException extends RuntimeException {
    private final Loc loc;
    private final String detail;

    public SvdException(String file, int line, int column, String detail) {
        super(file + (line > 0 ? ":" + line + ":" + Math.max(column, 1) : "") + ": " + detail);
        this.loc = Loc.of(file, line, line > 0 ? Math.max(column, 1) : 0);
        this.detail = detail;
    }

    /** Where the error is, as the diagnostics of every module say it. */
    public Loc loc() { return loc; }

    /** The message without the location. */
    public String detail() { return detail; }
}
