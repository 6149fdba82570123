// Raised when an ELF, HEX, BIN, UF2 or bundle file is malformed; the message names the file and the defect.
// Checked, so that every caller decides how to report it (the CLI prints it and exits 1).
package org.fidembed.image;

public final class ImageFormatException extends Exception {
    public ImageFormatException(String message) {
        super(message);
    }
}
