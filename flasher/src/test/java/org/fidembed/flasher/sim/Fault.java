// Faults the bootloader simulator can inject, each tied to the n-th occurrence of a command (1-based;
// 0 means every occurrence): NACKs, lost ACKs, BUSY, corrupted writes, a hang, a pulled cable.
package org.fidembed.flasher.sim;

public sealed interface Fault {
    /** Where in a command an ACK is lost. */
    enum Stage { COMMAND, ADDRESS, FINAL }

    /** How a write goes wrong after it is ACKed. */
    enum Damage {
        /** one programmed 0 bit stays 1: rewriting the same data fixes it */
        WEAK_BIT,
        /** one bit that should stay 1 reads 0: only an erase fixes it */
        STUCK_ZERO
    }

    /** Answer NACK instead of ACK to the command byte. */
    record Nack(int command, int occurrence) implements Fault {}

    /** Do the work but never send this ACK. */
    record LoseAck(int command, int occurrence, Stage stage) implements Fault {}

    /** Send BUSY (0x76) this many times, interval apart, before the final ACK. */
    record Busy(int command, int occurrence, int count, long intervalMillis) implements Fault {}

    /** Damage the stored data of the n-th flash write (every write to that address if persistent). */
    record CorruptWrite(int occurrence, Damage damage, boolean persistent) implements Fault {}

    /** Stop answering anything from the n-th occurrence of the command on. */
    record Hang(int command, int occurrence) implements Fault {}

    /** After the n-th flash write is programmed (before its ACK), pull the cable. */
    record PullCable(int afterWrites) implements Fault {}
}
