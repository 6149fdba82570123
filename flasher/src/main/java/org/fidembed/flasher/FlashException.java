// The one checked exception of the flashing path: a FailureKind plus a message fit for a user.
// Flasher.flash turns it into a FlashResult.Failed; nothing else escapes to the caller.
package org.fidembed.flasher;

public class FlashException extends Exception {
    private final FailureKind kind;

    public FlashException(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FlashException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
