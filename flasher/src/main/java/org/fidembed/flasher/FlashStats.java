// Counters of one flash: what the protocol had to recover from (NACKs, BUSY, lost ACKs, resyncs,
// rewritten blocks, repaired pages) and how much went over the wire. Counter is the mutable collector.
package org.fidembed.flasher;

public record FlashStats(
        int nacks,
        int busy,
        int timeouts,
        int resyncs,
        int syncAttempts,
        int blocksWritten,
        int blocksSkipped,
        int rewrittenBlocks,
        int repairedPages,
        long bytesWritten,
        long bytesRead) {

    public static final FlashStats ZERO = new FlashStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Mutable counters, confined to the flashing thread. */
    public static final class Counter {
        public int nacks;
        public int busy;
        public int timeouts;
        public int resyncs;
        public int syncAttempts;
        public int blocksWritten;
        public int blocksSkipped;
        public int rewrittenBlocks;
        public int repairedPages;
        public long bytesWritten;
        public long bytesRead;

        public FlashStats snapshot() {
            return new FlashStats(nacks, busy, timeouts, resyncs, syncAttempts, blocksWritten, blocksSkipped,
                    rewrittenBlocks, repairedPages, bytesWritten, bytesRead);
        }
    }

    /** "2 NACKs, 1 resync, ..." listing only what happened; empty when the run was clean. */
    public String recoveries() {
        StringBuilder b = new StringBuilder();
        add(b, nacks, "NACK");
        add(b, busy, "BUSY");
        add(b, timeouts, "timeout");
        add(b, resyncs, "resync");
        add(b, rewrittenBlocks, "rewritten block");
        add(b, repairedPages, "repaired page");
        return b.toString();
    }

    private static void add(StringBuilder b, int n, String what) {
        if (n > 0) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(n).append(' ').append(what).append(n == 1 ? "" : "s");
        }
    }
}
