// One flash job: the board's Target (its flash method, regions and architecture), the image, the port and
// line settings, and the policy switches (verify, force past a chip mismatch or boot-image check, start
// the program afterwards), plus the other known boards, so that a look-alike chip can be named.
package org.fidembed.flasher;

import java.util.List;
import org.fidembed.board.FlashMethod;
import org.fidembed.board.Target;
import org.fidembed.image.FirmwareImage;

public record FlashRequest(
        Target target,
        FirmwareImage image,
        String port,
        int baud,
        LineMode line,
        boolean verify,
        boolean force,
        boolean start,
        Timeouts timeouts,
        int maxRepairs,
        List<Target> knownBoards) {

    public FlashRequest {
        if (target.flash().isEmpty()) {
            throw new IllegalArgumentException("board '" + target.name() + "' has no flash method");
        }
        if (baud < 1200 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud rate " + baud + " is out of range (1200..4000000)");
        }
        if (maxRepairs < 0) {
            throw new IllegalArgumentException("maxRepairs must be >= 0");
        }
        knownBoards = List.copyOf(knownBoards);
    }

    /** Defaults: the board's baud, 8E1, verify on, no force, start the program, the chip's timeouts. */
    public static FlashRequest of(Target target, FirmwareImage image, String port) {
        FlashMethod m = target.flash().orElseThrow(() -> new IllegalArgumentException("board '" + target.name() + "' has no flash method"));
        return new FlashRequest(target, image, port, m.defaultBaud(), LineMode.LINE_8E1, true, false, true,
                Timeouts.defaults(m), 3, List.of());
    }

    public FlashMethod method() {
        return target.flash().orElseThrow();
    }

    public FlashGeometry geometry() {
        return FlashGeometry.of(target);
    }

    public FlashRequest withImage(FirmwareImage i) {
        return new FlashRequest(target, i, port, baud, line, verify, force, start, timeouts, maxRepairs, knownBoards);
    }

    public FlashRequest withBaud(int b) {
        return new FlashRequest(target, image, port, b, line, verify, force, start, timeouts, maxRepairs, knownBoards);
    }

    public FlashRequest withLine(LineMode l) {
        return new FlashRequest(target, image, port, baud, l, verify, force, start, timeouts, maxRepairs, knownBoards);
    }

    public FlashRequest withVerify(boolean v) {
        return new FlashRequest(target, image, port, baud, line, v, force, start, timeouts, maxRepairs, knownBoards);
    }

    public FlashRequest withForce(boolean f) {
        return new FlashRequest(target, image, port, baud, line, verify, f, start, timeouts, maxRepairs, knownBoards);
    }

    public FlashRequest withStart(boolean s) {
        return new FlashRequest(target, image, port, baud, line, verify, force, s, timeouts, maxRepairs, knownBoards);
    }

    public FlashRequest withTimeouts(Timeouts t) {
        return new FlashRequest(target, image, port, baud, line, verify, force, start, t, maxRepairs, knownBoards);
    }

    public FlashRequest withMaxRepairs(int n) {
        return new FlashRequest(target, image, port, baud, line, verify, force, start, timeouts, n, knownBoards);
    }

    public FlashRequest withPort(String p) {
        return new FlashRequest(target, image, p, baud, line, verify, force, start, timeouts, maxRepairs, knownBoards);
    }

    /** The boards whose chips a connected device may turn out to be (for naming a mix-up). */
    public FlashRequest withKnownBoards(List<Target> boards) {
        return new FlashRequest(target, image, port, baud, line, verify, force, start, timeouts, maxRepairs, boards);
    }
}
