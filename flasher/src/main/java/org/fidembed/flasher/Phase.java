// The steps of a flash, in the order a user sees them in the progress display.
// CONNECT covers boot entry, sync and identification; START is the Go command or the reset into the app.
package org.fidembed.flasher;

public enum Phase {
    CONNECT("connect"),
    READ("read"),
    ERASE("erase"),
    PROGRAM("program"),
    VERIFY("verify"),
    START("start");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
