// A linker script that cannot be used: a user's override that is unreadable or does not define the symbols
// the start-up code needs. The message says which and what to do.
package org.fidembed.linker;

public final class LinkerScriptException extends RuntimeException {
    public LinkerScriptException(String message) {
        super(message);
    }
}
