// Why a flash failed, one value per distinct user-facing situation; every kind exits with code 1.
// The message of the failure says what happened and what to do; the kind lets tests and tools branch.
package org.fidembed.flasher;

public enum FailureKind {
    BAD_IMAGE("the image is malformed or not bootable"),
    IMAGE_TOO_LARGE("the image does not fit the flash region"),
    BAD_BUNDLE("the firmware bundle is corrupt or for another board"),
    PORT_NOT_FOUND("the serial port does not exist"),
    PORT_BUSY("the serial port is in use or cannot be opened"),
    NO_BOOTLOADER("no bootloader answered"),
    CHIP_MISMATCH("the chip is not the one the board profile names"),
    UNSUPPORTED("the bootloader lacks a needed command"),
    PROTOCOL("the bootloader conversation failed"),
    DISCONNECTED("the serial port went away"),
    VERIFY_FAILED("flash contents differ from the image");

    private final String summary;

    FailureKind(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }
}
