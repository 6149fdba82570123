// The host side of the STM32 USART bootloader protocol (ST AN3155), also spoken by the GD32V ISP:
// sync, Get / Get Version / Get ID, Read, Write, Erase / Extended Erase, Go, BUSY handling and resync.
package org.fidembed.flasher.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.fidembed.flasher.FailureKind;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.FlashStats;
import org.fidembed.flasher.Timeouts;
import org.fidembed.flasher.serial.SerialLink;

public final class Stm32Bootloader {
    public static final int ACK = 0x79;
    public static final int NACK = 0x1F;
    public static final int BUSY = 0x76;
    public static final int SYNC = 0x7F;

    public static final int GET = 0x00;
    public static final int GET_VERSION = 0x01;
    public static final int GET_ID = 0x02;
    public static final int READ = 0x11;
    public static final int GO = 0x21;
    public static final int WRITE = 0x31;
    public static final int ERASE = 0x43;
    public static final int EXTENDED_ERASE = 0x44;
    public static final int WRITE_PROTECT = 0x63;
    public static final int WRITE_UNPROTECT = 0x73;
    public static final int READOUT_PROTECT = 0x82;
    public static final int READOUT_UNPROTECT = 0x92;

    /** The byte a resync sends: as a command it never matches its complement; as data it is erased flash. */
    static final int FILLER = 0xFF;
    /** Longer than any data phase a command can be waiting for (write: 1 + 256 + 1 bytes). */
    static final int RESYNC_BURST = 300;
    /** Upper bound on pages in one erase command, so that its timeout stays meaningful. */
    public static final int MAX_ERASE_PAGES = 64;

    private final SerialLink link;
    private final Timeouts t;
    private final FlashStats.Counter stats;
    private final Consumer<String> notes;
    private BootloaderInfo info;

    public Stm32Bootloader(SerialLink link, Timeouts timeouts, FlashStats.Counter stats, Consumer<String> notes) {
        this.link = link;
        this.t = timeouts;
        this.stats = stats;
        this.notes = notes;
    }

    public BootloaderInfo info() {
        return info;
    }

    /** Sync, then identify; a garbled identification (noise taken for an ACK) is retried after a fresh sync. */
    public BootloaderInfo connect() throws FlashException {
        return connect(t.syncAttempts());
    }

    /**
     * Sync and identify within a budget of sync attempts (a person may still be pressing reset). Noise that
     * looks like an ACK or NACK makes identification fail; then the line is let go quiet and sync starts again.
     */
    public BootloaderInfo connect(int syncBudget) throws FlashException {
        ProtocolException last = null;
        int left = syncBudget;
        for (int round = 0; round < 8 && left > 0; round++) {
            left -= sync(left);
            try {
                info = identify();
                return info;
            } catch (ProtocolException e) {
                // noise taken for the sync reply, or a half-received command: no data phase is pending after
                // Get/Get ID, so letting the line go quiet and syncing again (0x7F) is enough
                last = e;
                notes.accept("bootloader answer did not make sense (" + e.getMessage() + "); syncing again");
                drainQuiet(Duration.ofMillis(50));
            }
        }
        if (last == null) {
            throw noBootloader(syncBudget);
        }
        throw new FlashException(FailureKind.NO_BOOTLOADER, "a device answered the sync byte on " + link.name()
                + " but not the Get/Get ID commands (" + last.getMessage() + "): is it really a bootloader at "
                + link.baud() + " baud " + link.line() + "?");
    }

    /**
     * Sends 0x7F until an ACK (fresh bootloader) or NACK (already synced) comes back; other bytes are noise.
     * Returns the attempts it took; throws NO_BOOTLOADER when none of them got an answer.
     */
    public int sync(int attempts) throws FlashException {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            stats.syncAttempts++;
            link.discardInput();
            link.write(new byte[] {(byte) SYNC});
            long deadline = System.nanoTime() + t.syncReply().toNanos() + wire(2);
            byte[] one = new byte[1];
            while (link.read(one, 0, 1, deadline) == 1) {
                int b = one[0] & 0xFF;
                if (b == ACK || b == NACK) {
                    drainQuiet(Duration.ofMillis(5));
                    return attempt;
                }
            }
        }
        throw noBootloader(attempts);
    }

    private FlashException noBootloader(int attempts) {
        return new FlashException(FailureKind.NO_BOOTLOADER, "no bootloader answered on " + link.name() + " after "
                + attempts + " sync attempts at " + link.baud() + " baud " + link.line()
                + ": is the board in its bootloader (BOOT0 high, then reset)? are TX and RX crossed?"
                + (link.line() == org.fidembed.flasher.LineMode.LINE_8E1
                        ? " (a bridge or pseudo-terminal without parity needs --line 8N1)" : ""));
    }

    public BootloaderInfo identify() throws FlashException, ProtocolException {
        command(GET, t.ack());
        int n = readByte(t.ack());
        byte[] body = readExactly(n + 1, t.ack());
        awaitAck(t.ack(), 0);
        int version = body[0] & 0xFF;
        List<Integer> cmds = new ArrayList<>();
        for (int i = 1; i < body.length; i++) {
            cmds.add(body[i] & 0xFF);
        }
        int opt1 = 0;
        int opt2 = 0;
        if (cmds.contains(GET_VERSION)) {
            command(GET_VERSION, t.ack());
            byte[] v = readExactly(3, t.ack());
            awaitAck(t.ack(), 0);
            opt1 = v[1] & 0xFF;
            opt2 = v[2] & 0xFF;
        }
        if (!cmds.contains(GET_ID)) {
            throw new ProtocolException.Garbled("Get reply lists no Get ID command (0x02)");
        }
        command(GET_ID, t.ack());
        int len = readByte(t.ack());
        byte[] pid = readExactly(len + 1, t.ack());
        awaitAck(t.ack(), 0);
        if (pid.length < 2) {
            throw new ProtocolException.Garbled("Get ID returned " + pid.length + " byte(s)");
        }
        int chip = (pid[0] & 0xFF) << 8 | (pid[1] & 0xFF);
        return new BootloaderInfo(version, cmds, opt1, opt2, chip);
    }

    public byte[] read(long address, int len) throws FlashException, ProtocolException {
        if (len < 1 || len > 256) {
            throw new IllegalArgumentException("read length " + len);
        }
        command(READ, t.ack());
        link.write(address(address));
        awaitAck(t.ack(), 5);
        link.write(new byte[] {(byte) (len - 1), (byte) ~(len - 1)});
        awaitAck(t.ack(), 2);
        byte[] data = readExactly(len, t.ack());
        stats.bytesRead += len;
        return data;
    }

    /** Writes len bytes (a multiple of 4, at most 256) at a 4-byte aligned address. */
    public void write(long address, byte[] data, int off, int len) throws FlashException, ProtocolException {
        if (len < 4 || len > 256 || (len & 3) != 0 || (address & 3) != 0) {
            throw new IllegalArgumentException("write of " + len + " bytes at 0x" + Long.toHexString(address));
        }
        command(WRITE, t.ack());
        link.write(address(address));
        awaitAck(t.ack(), 5);
        byte[] frame = new byte[len + 2];
        frame[0] = (byte) (len - 1);
        int cs = len - 1;
        for (int i = 0; i < len; i++) {
            frame[1 + i] = data[off + i];
            cs ^= data[off + i] & 0xFF;
        }
        frame[len + 1] = (byte) cs;
        link.write(frame);
        awaitAck(t.blockWrite(), frame.length);
        stats.bytesWritten += len;
    }

    /** Erases the given pages with Extended Erase (0x44) when the Get list has it, else Erase (0x43). */
    public void erase(List<Integer> pages) throws FlashException, ProtocolException {
        if (pages.isEmpty() || pages.size() > MAX_ERASE_PAGES) {
            throw new IllegalArgumentException("erase of " + pages.size() + " pages");
        }
        Duration timeout = t.erase(pages.size());
        if (info.supports(EXTENDED_ERASE)) {
            command(EXTENDED_ERASE, t.ack());
            byte[] frame = new byte[2 + 2 * pages.size() + 1];
            int n = pages.size() - 1;
            frame[0] = (byte) (n >> 8);
            frame[1] = (byte) n;
            for (int i = 0; i < pages.size(); i++) {
                int p = pages.get(i);
                frame[2 + 2 * i] = (byte) (p >> 8);
                frame[3 + 2 * i] = (byte) p;
            }
            frame[frame.length - 1] = (byte) xor(frame, 0, frame.length - 1);
            link.write(frame);
            awaitAck(timeout, frame.length);
        } else if (info.supports(ERASE)) {
            for (int p : pages) {
                if (p > 0xFF) {
                    throw new FlashException(FailureKind.UNSUPPORTED, "page " + p
                            + " cannot be named by the Erase command (0x43), and the bootloader lacks Extended Erase");
                }
            }
            command(ERASE, t.ack());
            byte[] frame = new byte[1 + pages.size() + 1];
            frame[0] = (byte) (pages.size() - 1);
            for (int i = 0; i < pages.size(); i++) {
                frame[1 + i] = (byte) (int) pages.get(i);
            }
            frame[frame.length - 1] = (byte) xor(frame, 0, frame.length - 1);
            link.write(frame);
            awaitAck(timeout, frame.length);
        } else {
            throw new FlashException(FailureKind.UNSUPPORTED, "the bootloader lists neither Erase (0x43) nor Extended Erase (0x44)");
        }
    }

    /** Mass erase: Extended Erase 0xFFFF or Erase 0xFF, whichever the Get list has; the timeout covers every page. */
    public void eraseAll(int pages) throws FlashException, ProtocolException {
        Duration timeout = t.erase(pages);
        if (info.supports(EXTENDED_ERASE)) {
            command(EXTENDED_ERASE, t.ack());
            link.write(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x00});
            awaitAck(timeout, 3);
        } else if (info.supports(ERASE)) {
            command(ERASE, t.ack());
            link.write(new byte[] {(byte) 0xFF, 0x00});
            awaitAck(timeout, 2);
        } else {
            throw new FlashException(FailureKind.UNSUPPORTED, "the bootloader lists neither Erase (0x43) nor Extended Erase (0x44)");
        }
    }

    /**
     * Readout Protect (0x82), Readout Unprotect (0x92, which mass-erases) or Write Unprotect (0x73): the
     * command's ACK, then a second ACK when the option bytes are written; the chip then resets itself.
     */
    public void protection(int command, Duration work) throws FlashException, ProtocolException {
        if (command != READOUT_PROTECT && command != READOUT_UNPROTECT && command != WRITE_UNPROTECT) {
            throw new IllegalArgumentException("not a protection command: 0x" + Integer.toHexString(command));
        }
        if (!info.supports(command)) {
            throw new FlashException(FailureKind.UNSUPPORTED, String.format(Locale.ROOT,
                    "the bootloader does not list command 0x%02X", command));
        }
        command(command, t.ack());
        awaitAck(work, 0);
    }

    public void go(long address) throws FlashException, ProtocolException {
        command(GO, t.ack());
        link.write(address(address));
        awaitAck(t.ack(), 5);
    }

    /**
     * Brings the bootloader back to waiting for a command after a lost ACK or a garbled reply, whatever it was
     * waiting for: a burst of 0xFF completes any pending data phase (each phase then fails its checksum, or at
     * worst writes erased-state bytes), pairs of 0xFF draw NACKs; single 0xFF probes then find the byte
     * alignment, and a Get ID that answers correctly confirms it (a late NACK from the burst proves nothing).
     */
    public void resync() throws FlashException, ProtocolException {
        stats.resyncs++;
        long deadline = System.nanoTime() + t.resync().toNanos();
        byte[] burst = new byte[RESYNC_BURST];
        java.util.Arrays.fill(burst, (byte) FILLER);
        byte[] one = new byte[1];
        while (System.nanoTime() < deadline) {
            link.write(burst);
            // the bootloader needs the burst's wire time to take it in, then answers with NACKs
            sleepNanos(wire(RESYNC_BURST));
            drainQuiet(Duration.ofMillis(50).plusNanos(wire(8)));
            for (int probe = 0; probe < 4 && System.nanoTime() < deadline; probe++) {
                link.write(new byte[] {(byte) FILLER});
                long until = System.nanoTime() + Duration.ofMillis(100).toNanos() + wire(4);
                if (link.read(one, 0, 1, until) == 1 && (one[0] & 0xFF) == NACK) {
                    drainQuiet(Duration.ofMillis(20));
                    if (confirmSync()) {
                        return;
                    }
                }
            }
        }
        throw new ProtocolException.NoResponse("bootloader did not recover from a lost reply within " + t.resync().toSeconds() + " s");
    }

    /** Get ID answered in full and with the chip ID seen before: the bootloader is at its command loop. */
    private boolean confirmSync() throws FlashException {
        int nacks = stats.nacks;
        int timeouts = stats.timeouts;
        try {
            command(GET_ID, t.ack());
            int len = readByte(t.ack());
            byte[] pid = readExactly(len + 1, t.ack());
            awaitAck(t.ack(), 0);
            int chip = pid.length >= 2 ? (pid[0] & 0xFF) << 8 | (pid[1] & 0xFF) : -1;
            return info == null || chip == info.chipId();
        } catch (ProtocolException e) {
            drainQuiet(Duration.ofMillis(20));
            return false;
        } finally {
            stats.nacks = nacks; // the counters tell about the commands of the flash, not the resync's own probing
            stats.timeouts = timeouts;
        }
    }

    private void command(int cmd, Duration timeout) throws FlashException, ProtocolException {
        link.write(new byte[] {(byte) cmd, (byte) ~cmd});
        awaitAck(timeout, 2);
    }

    /**
     * Waits for ACK; BUSY (0x76) keeps the wait alive for busyGrace more each time, up to a fixed cap;
     * wireBytes is how many bytes the host just sent, whose line time counts on top of the timeout.
     */
    private void awaitAck(Duration timeout, int wireBytes) throws FlashException, ProtocolException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos() + wire(wireBytes + 1);
        long cap = deadline + Math.max(t.busyGrace().toNanos() * 10, Duration.ofSeconds(30).toNanos());
        byte[] one = new byte[1];
        while (true) {
            if (link.read(one, 0, 1, deadline) == 0) {
                stats.timeouts++;
                throw new ProtocolException.NoResponse("no ACK within " + millis(deadline - start) + " ms");
            }
            int b = one[0] & 0xFF;
            switch (b) {
                case ACK -> {
                    return;
                }
                case NACK -> {
                    stats.nacks++;
                    throw new ProtocolException.Nack("NACK");
                }
                case BUSY -> {
                    stats.busy++;
                    deadline = Math.min(cap, Math.max(deadline, System.nanoTime() + t.busyGrace().toNanos()));
                }
                default -> throw new ProtocolException.Garbled(String.format(Locale.ROOT, "byte 0x%02X instead of ACK", b));
            }
        }
    }

    private int readByte(Duration timeout) throws FlashException, ProtocolException {
        return readExactly(1, timeout)[0] & 0xFF;
    }

    private byte[] readExactly(int n, Duration timeout) throws FlashException, ProtocolException {
        byte[] out = new byte[n];
        long deadline = System.nanoTime() + timeout.toNanos() + wire(n);
        int got = 0;
        while (got < n) {
            int k = link.read(out, got, n - got, deadline);
            if (k == 0) {
                stats.timeouts++;
                throw new ProtocolException.NoResponse("got " + got + " of " + n + " reply bytes");
            }
            got += k;
        }
        return out;
    }

    /** Reads and drops bytes until none arrives for the quiet period. */
    private void drainQuiet(Duration quiet) throws FlashException {
        byte[] sink = new byte[512];
        long hardStop = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < hardStop) {
            if (link.read(sink, 0, sink.length, System.nanoTime() + quiet.toNanos()) == 0) {
                return;
            }
        }
    }

    private long wire(long bytes) {
        return link.line().wireNanos(link.baud(), bytes);
    }

    private static byte[] address(long a) {
        byte[] b = {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a, 0};
        b[4] = (byte) (b[0] ^ b[1] ^ b[2] ^ b[3]);
        return b;
    }

    private static int xor(byte[] b, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= b[i] & 0xFF;
        }
        return x;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
