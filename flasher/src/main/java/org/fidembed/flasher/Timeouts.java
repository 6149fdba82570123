// Every wait of the protocol has a bound: per-command timeouts sized for what the chip does (an erase can take
// seconds), plus the time the bytes themselves take on the wire at the chosen baud rate.
package org.fidembed.flasher;

import java.time.Duration;
import org.fidembed.board.FlashMethod;

public record Timeouts(
        Duration syncReply,
        int syncAttempts,
        Duration ack,
        Duration blockWrite,
        Duration eraseBase,
        Duration pageErase,
        Duration busyGrace,
        Duration resync,
        Duration manualSync) {

    /** The chip's erase and write times from its profile; 25 sync attempts of 200 ms (5 s) before giving up. */
    public static Timeouts defaults(FlashMethod method) {
        return new Timeouts(
                Duration.ofMillis(200),
                25,
                Duration.ofMillis(500),
                method.blockWrite(),
                Duration.ofSeconds(1),
                method.pageErase(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    /** Sync attempts to make: with a manual boot entry, enough to cover manualSync (time to press the buttons, a few seconds). */
    public int syncAttempts(boolean manualEntry) {
        if (!manualEntry || syncReply.isZero()) {
            return syncAttempts;
        }
        return (int) Math.max(syncAttempts, manualSync.toMillis() / Math.max(1, syncReply.toMillis()));
    }

    /** Bound for erasing n pages in one command. */
    public Duration erase(int pages) {
        return eraseBase.plus(pageErase.multipliedBy(pages));
    }

    public Timeouts withSyncAttempts(int n) {
        return new Timeouts(syncReply, n, ack, blockWrite, eraseBase, pageErase, busyGrace, resync, manualSync);
    }

    public Timeouts withErase(Duration base, Duration perPage) {
        return new Timeouts(syncReply, syncAttempts, ack, blockWrite, base, perPage, busyGrace, resync, manualSync);
    }

    public Timeouts withManualSync(Duration d) {
        return new Timeouts(syncReply, syncAttempts, ack, blockWrite, eraseBase, pageErase, busyGrace, resync, d);
    }
}
