// One flash job: target facts, the image, the port and line settings, and the policy switches
// (verify, force past a chip-ID mismatch or boot-image check, start the program afterwards).
package org.fidembed.flasher;

import org.fidembed.image.FirmwareImage;

public record FlashRequest(
        FlashTarget target,
        FirmwareImage image,
        String port,
        int baud,
        LineMode line,
        boolean verify,
        boolean force,
        boolean start,
        Timeouts timeouts,
        int maxRepairs) {

    public FlashRequest {
        if (baud < 1200 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud rate " + baud + " is out of range (1200..4000000)");
        }
        if (maxRepairs < 0) {
            throw new IllegalArgumentException("maxRepairs must be >= 0");
        }
    }

    /** Defaults: the board's baud, 8E1, verify on, no force, start the program, the dialect's timeouts. */
    public static FlashRequest of(FlashTarget target, FirmwareImage image, String port) {
        return new FlashRequest(target, image, port, target.defaultBaud(), LineMode.LINE_8E1, true, false, true,
                Timeouts.defaults(target.dialect()), 3);
    }

    public FlashRequest withBaud(int b) {
        return new FlashRequest(target, image, port, b, line, verify, force, start, timeouts, maxRepairs);
    }

    public FlashRequest withLine(LineMode l) {
        return new FlashRequest(target, image, port, baud, l, verify, force, start, timeouts, maxRepairs);
    }

    public FlashRequest withVerify(boolean v) {
        return new FlashRequest(target, image, port, baud, line, v, force, start, timeouts, maxRepairs);
    }

    public FlashRequest withForce(boolean f) {
        return new FlashRequest(target, image, port, baud, line, verify, f, start, timeouts, maxRepairs);
    }

    public FlashRequest withStart(boolean s) {
        return new FlashRequest(target, image, port, baud, line, verify, force, s, timeouts, maxRepairs);
    }

    public FlashRequest withTimeouts(Timeouts t) {
        return new FlashRequest(target, image, port, baud, line, verify, force, start, t, maxRepairs);
    }

    public FlashRequest withMaxRepairs(int n) {
        return new FlashRequest(target, image, port, baud, line, verify, force, start, timeouts, n);
    }

    public FlashRequest withPort(String p) {
        return new FlashRequest(target, image, p, baud, line, verify, force, start, timeouts, maxRepairs);
    }
}
