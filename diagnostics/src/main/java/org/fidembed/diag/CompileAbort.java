// Thrown to stop a phase once its errors are recorded in Diagnostics; it carries no message of its own.
package org.fidembed.diag;

public final class CompileAbort extends RuntimeException {
    public CompileAbort() { super(null, null, false, false); }
}
