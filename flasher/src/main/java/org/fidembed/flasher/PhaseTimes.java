// Wall-clock time per phase of a flash, and the throughput figures derived from it.
// Throughput is image bytes per second of programming; the line share compares it with what the wire can carry.
package org.fidembed.flasher;

import java.time.Duration;

public record PhaseTimes(Duration connect, Duration erase, Duration program, Duration verify, Duration total) {

    /** Image bytes per second during PROGRAM. */
    public double programRate(long bytes) {
        return rate(bytes, program);
    }

    /** Image bytes per second over erase + program + verify. */
    public double overallRate(long bytes) {
        return rate(bytes, erase.plus(program).plus(verify));
    }

    public static double rate(long bytes, Duration d) {
        long nanos = Math.max(1, d.toNanos());
        return bytes * 1e9 / nanos;
    }
}
