// Flashes an image through a serial bootloader: plan and check, enter the bootloader, identify the chip,
// erase only the covered pages, program the boot page last, verify by read-back with repair, then start.
package org.fidembed.flasher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fidembed.flasher.protocol.BootloaderInfo;
import org.fidembed.flasher.protocol.ProtocolException;
import org.fidembed.flasher.protocol.Stm32Bootloader;
import org.fidembed.flasher.serial.JSerialLink;
import org.fidembed.flasher.serial.SerialLink;

public final class Flasher {
    /** Opens the link; tests and the CLI use JSerialLink. */
    @FunctionalInterface
    public interface LinkOpener {
        SerialLink open(String port, int baud, LineMode line) throws FlashException;
    }

    private static final int WRITE_ATTEMPTS = 5;
    private static final int READ_ATTEMPTS = 5;
    private static final int ERASE_ATTEMPTS = 4;

    private final FlashRequest req;
    private final FlashTarget target;
    private final ProgressListener listener;
    private final FlashStats.Counter stats = new FlashStats.Counter();
    private final List<String> warnings = new ArrayList<>();
    private final Map<Integer, Integer> repairs = new HashMap<>();
    private Stm32Bootloader bl;
    private FlashPlan plan;
    private boolean flashModified;
    /** The boot block (vector table or entry code) holds the new image: the board would start it. */
    private boolean bootPageWritten;
    private long programDone;
    private long verifyDone;
    private long programStart;
    private long verifyStart;
    private long verifyNanos;
    private long programNanos;

    private Flasher(FlashRequest req, ProgressListener listener) {
        this.req = req;
        this.target = req.target();
        this.listener = listener;
    }

    public static FlashResult flash(FlashRequest request, ProgressListener listener) {
        return flash(request, listener, JSerialLink::open);
    }

    public static FlashResult flash(FlashRequest request, ProgressListener listener, LinkOpener opener) {
        Flasher f = new Flasher(request, listener);
        try {
            return f.run(opener);
        } catch (FlashException e) {
            return f.failed(e.kind(), e.getMessage());
        }
    }

    private FlashResult run(LinkOpener opener) throws FlashException {
        long t0 = System.nanoTime();
        plan = FlashPlan.make(req.image(), target, req.force(), warnings);
        warnings.forEach(w -> note(w, true));
        try (SerialLink link = opener.open(req.port(), req.baud(), req.line())) {
            // CONNECT
            started(Phase.CONNECT, 1);
            enterBootloader(link);
            bl = new Stm32Bootloader(link, req.timeouts(), stats, s -> note(s, true));
            BootloaderInfo info = bl.connect(req.timeouts().syncAttempts(target.bootEntry() instanceof BootEntry.Manual));
            note(String.format(Locale.ROOT, "bootloader %s on %s, chip ID 0x%03X, commands %s", info.versionString(),
                    link.name(), info.chipId(), info.commandList()), false);
            checkChip(info);
            checkCommands(info);
            long tConnect = System.nanoTime();
            finished(Phase.CONNECT, 1, tConnect - t0);

            // ERASE: the boot page first, so an interrupted flash leaves nothing that boots
            List<Integer> pages = plan.erasePages();
            started(Phase.ERASE, pages.size());
            int erased = 0;
            for (int i = 0; i < pages.size(); i += Stm32Bootloader.MAX_ERASE_PAGES) {
                List<Integer> group = pages.subList(i, Math.min(pages.size(), i + Stm32Bootloader.MAX_ERASE_PAGES));
                erase(group);
                erased += group.size();
                advanced(Phase.ERASE, erased, pages.size(), System.nanoTime() - tConnect);
            }
            long tErase = System.nanoTime();
            finished(Phase.ERASE, pages.size(), tErase - tConnect);

            // PROGRAM every page but the boot page, VERIFY them, then the boot page
            long programTotal = plan.bytesToWrite(true);
            long verifyTotal = plan.bytesToVerify();
            programStart = System.nanoTime();
            started(Phase.PROGRAM, programTotal);
            List<Integer> order = plan.programOrder();
            for (int page : order) {
                if (page != plan.bootPage()) {
                    programPage(page, programTotal);
                }
            }
            programNanos += System.nanoTime() - programStart;
            if (req.verify()) {
                verifyStart = System.nanoTime();
                started(Phase.VERIFY, verifyTotal);
                for (int page : order) {
                    if (page != plan.bootPage()) {
                        verifyPage(page, verifyTotal);
                    }
                }
                verifyNanos += System.nanoTime() - verifyStart;
            }
            if (plan.blocksByPage().containsKey(plan.bootPage())) {
                programStart = System.nanoTime();
                programPage(plan.bootPage(), programTotal);
                programNanos += System.nanoTime() - programStart;
                if (req.verify()) {
                    verifyStart = System.nanoTime();
                    verifyPage(plan.bootPage(), verifyTotal);
                    verifyNanos += System.nanoTime() - verifyStart;
                }
            }
            finished(Phase.PROGRAM, programTotal, programNanos);
            if (req.verify()) {
                finished(Phase.VERIFY, verifyTotal, verifyNanos);
            }

            // START
            boolean started = start(link, info);
            long tEnd = System.nanoTime();
            PhaseTimes times = new PhaseTimes(Duration.ofNanos(tConnect - t0), Duration.ofNanos(tErase - tConnect),
                    Duration.ofNanos(programNanos), Duration.ofNanos(verifyNanos), Duration.ofNanos(tEnd - t0));
            return new FlashResult.Flashed(link.name(), info, plan.imageBytes(), pages.size(), req.verify(), started,
                    times, stats.snapshot(), warnings);
        }
    }

    // ---- boot entry and identification

    private void enterBootloader(SerialLink link) throws FlashException {
        BootEntry entry = target.bootEntry();
        if (entry instanceof BootEntry.Manual m) {
            listener.on(new ProgressEvent.Note(m.instruction(), ProgressEvent.Level.ACTION));
        } else if (entry instanceof BootEntry.Signals s) {
            if (!drive(link, s.enter())) {
                note("could not drive DTR/RTS on " + link.name()
                        + " (this port has no modem lines); if the board is not in its bootloader, "
                        + BootEntry.manual().instruction().replace("put the board into its bootloader: ", ""), true);
            }
        } else {
            throw new IllegalStateException("unknown boot entry " + entry);
        }
    }

    /** Runs a modem-line sequence; false when the port refused a line. */
    static boolean drive(SerialLink link, List<BootEntry.Step> steps) {
        boolean ok = true;
        for (BootEntry.Step st : steps) {
            ok &= link.setLine(st.line(), st.asserted());
            if (st.delayMillis() > 0) {
                try {
                    Thread.sleep(st.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return ok;
    }

    private void checkChip(BootloaderInfo info) throws FlashException {
        if (info.chipId() != target.chipId()) {
            String msg = String.format(Locale.ROOT, "chip ID 0x%03X does not match %s (%s, chip ID 0x%03X)", info.chipId(),
                    target.board(), target.chip(), target.chipId());
            if (!req.force()) {
                throw new FlashException(FailureKind.CHIP_MISMATCH, msg + "; nothing was written (--force flashes anyway)");
            }
            warnings.add(msg + "; flashing anyway (--force)");
            note(msg + "; flashing anyway (--force)", true);
        }
    }

    private void checkCommands(BootloaderInfo info) throws FlashException {
        if (!info.supports(Stm32Bootloader.WRITE)) {
            throw new FlashException(FailureKind.UNSUPPORTED, "the bootloader lists no Write Memory command (read-out protected?)");
        }
        if (!info.supports(Stm32Bootloader.ERASE) && !info.supports(Stm32Bootloader.EXTENDED_ERASE)) {
            throw new FlashException(FailureKind.UNSUPPORTED, "the bootloader lists neither Erase nor Extended Erase");
        }
        if (!info.supports(Stm32Bootloader.READ)) {
            throw new FlashException(FailureKind.UNSUPPORTED,
                    "the bootloader lists no Read Memory command, which verification and recovery need (read-out protected?)");
        }
    }

    // ---- erase / program / verify

    private void erase(List<Integer> pages) throws FlashException {
        flashModified = true;
        if (pages.contains(plan.bootPage())) {
            bootPageWritten = false;
        }
        ProtocolException last = null;
        for (int attempt = 1; attempt <= ERASE_ATTEMPTS; attempt++) {
            try {
                bl.erase(pages);
                return;
            } catch (ProtocolException e) {
                last = e;
                note("erase of " + describePages(pages) + ": " + e.getMessage() + ", retrying", true);
                recover(e, attempt);
            }
        }
        throw new FlashException(FailureKind.PROTOCOL, "the bootloader would not erase " + describePages(pages) + " ("
                + last.getMessage() + " after " + ERASE_ATTEMPTS + " attempts; flash write-protected?)" + afterFailure());
    }

    private void programPage(int page, long total) throws FlashException {
        for (FlashPlan.Block b : plan.blocksInOrder(page, target.bootAddress())) {
            if (!b.needsWrite()) {
                stats.blocksSkipped++;
                continue;
            }
            if (!writeBlock(b)) {
                repairPage(page, "a write at " + hex(b.address()) + " was cut off");
            }
            stats.blocksWritten++;
            programDone += b.length();
            advanced(Phase.PROGRAM, programDone, total, programNanos + System.nanoTime() - programStart);
        }
    }

    /**
     * Writes a block, retrying NACKs; after a lost ACK, resyncs and reads the block back to learn whether it was
     * written. Returns false when the block holds something else (partly programmed): only an erase fixes that.
     */
    private boolean writeBlock(FlashPlan.Block b) throws FlashException {
        byte[] data = b.data();
        ProtocolException last = null;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                bl.write(b.address(), data, 0, data.length);
                markIfBootBlock(b);
                return true;
            } catch (ProtocolException.Nack e) {
                last = e;
                note("write at " + hex(b.address()) + " refused (NACK), retrying", true);
                if (attempt >= 2) {
                    recover(e, attempt);
                }
            } catch (ProtocolException e) {
                last = e;
                note("write at " + hex(b.address()) + ": " + e.getMessage() + "; resyncing", true);
                recover(e, attempt);
                byte[] now = readBlock(b.address(), data.length);
                if (Arrays.equals(now, data)) {
                    markIfBootBlock(b);
                    return true;
                }
                if (!allErased(now)) {
                    return false;
                }
            }
        }
        throw new FlashException(FailureKind.PROTOCOL, "the bootloader would not write " + data.length + " bytes at "
                + hex(b.address()) + " (" + last.getMessage() + " after " + WRITE_ATTEMPTS + " attempts)" + afterFailure());
    }

    /** The block with the vector table (or entry code) is in flash: from now on the board can start. */
    private void markIfBootBlock(FlashPlan.Block b) {
        long boot = target.bootAddress();
        if (boot >= b.address() && boot < b.address() + b.length()) {
            bootPageWritten = true;
        }
    }

    private byte[] readBlock(long address, int len) throws FlashException {
        ProtocolException last = null;
        for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
            try {
                return bl.read(address, len);
            } catch (ProtocolException e) {
                last = e;
                recover(e, attempt);
            }
        }
        throw new FlashException(FailureKind.PROTOCOL, "could not read back " + len + " bytes at " + hex(address) + " ("
                + last.getMessage() + " after " + READ_ATTEMPTS + " attempts)" + afterFailure());
    }

    private void verifyPage(int page, long total) throws FlashException {
        for (FlashPlan.Block b : plan.blocksInOrder(page, target.bootAddress())) {
            byte[] want = b.data();
            byte[] got = readBlock(b.address(), want.length);
            if (!Arrays.equals(got, want)) {
                note(String.format(Locale.ROOT, "verify: %d byte(s) differ in the block at %s; rewriting it",
                        differing(got, want), hex(b.address())), true);
                stats.rewrittenBlocks++;
                boolean fixed = writeBlock(b) && Arrays.equals(readBlock(b.address(), want.length), want);
                if (!fixed) {
                    repairPage(page, "the block at " + hex(b.address()) + " still differs after a rewrite");
                }
            }
            verifyDone += want.length;
            advanced(Phase.VERIFY, verifyDone, total, verifyNanos + System.nanoTime() - verifyStart);
        }
    }

    /** Erase the page and write all its blocks again, checking each by read-back; bounded by maxRepairs. */
    private void repairPage(int page, String why) throws FlashException {
        while (true) {
            int n = repairs.merge(page, 1, Integer::sum);
            if (n > req.maxRepairs()) {
                throw new FlashException(FailureKind.VERIFY_FAILED, "page " + page + " at " + hex(target.pageAddress(page))
                        + " would not take the image: " + why + " (gave up after " + req.maxRepairs() + " erase-and-rewrite"
                        + " attempts; worn or protected flash?)" + afterFailure());
            }
            stats.repairedPages++;
            note("erasing and rewriting page " + page + " at " + hex(target.pageAddress(page)) + ": " + why, true);
            erase(List.of(page));
            boolean good = true;
            for (FlashPlan.Block b : plan.blocksInOrder(page, target.bootAddress())) {
                if (b.needsWrite() && !writeBlock(b)) {
                    good = false;
                    break;
                }
                if (!Arrays.equals(readBlock(b.address(), b.length()), b.data())) {
                    good = false;
                    why = "the block at " + hex(b.address()) + " differs after erase and rewrite";
                    break;
                }
            }
            if (good) {
                return;
            }
        }
    }

    private void recover(ProtocolException e, int attempt) throws FlashException {
        // after one NACK the bootloader is back at its command loop; after silence, noise, or NACK upon NACK
        // (a byte out of step: every command pair lands shifted) it may not be
        if (e instanceof ProtocolException.NoResponse || e instanceof ProtocolException.Garbled || attempt >= 2) {
            resync();
        }
    }

    private void resync() throws FlashException {
        try {
            bl.resync();
        } catch (ProtocolException e) {
            throw new FlashException(FailureKind.PROTOCOL, "lost contact with the bootloader: " + e.getMessage() + afterFailure());
        }
    }

    // ---- start

    private boolean start(SerialLink link, BootloaderInfo info) throws FlashException {
        if (target.bootEntry() instanceof BootEntry.Signals s && !s.exit().isEmpty()) {
            started(Phase.START, 1);
            boolean ok = drive(link, s.exit());
            finished(Phase.START, 1, 0);
            if (!ok) {
                note("could not reset the board through DTR/RTS; release BOOT0 and press reset to start the program", true);
            }
            return ok;
        }
        if (!req.start()) {
            return false;
        }
        if (!info.supports(Stm32Bootloader.GO)) {
            note("the bootloader has no Go command; release BOOT0 and press reset to start the program", true);
            return false;
        }
        started(Phase.START, 1);
        try {
            bl.go(target.bootAddress());
        } catch (ProtocolException e) {
            note("Go was not acknowledged (" + e.getMessage() + "); the image is written and verified: press reset", true);
            return false;
        }
        finished(Phase.START, 1, 0);
        return true;
    }

    // ---- helpers

    private String afterFailure() {
        if (!flashModified) {
            return "; nothing was written";
        }
        if (!bootPageWritten) {
            return "; the vector table (boot block) was not written, so the board will not start a partial image: flash again";
        }
        return "; flash again";
    }

    private FlashResult failed(FailureKind kind, String message) {
        if (kind == FailureKind.DISCONNECTED) {
            message += afterFailure(); // the link cannot know how far the flash had come
        }
        if (kind == FailureKind.VERIFY_FAILED && bootPageWritten && bl != null) {
            // never leave a bootable wrong image: best effort, erase the boot page again
            try {
                bl.erase(List.of(plan.bootPage()));
                message += " (the boot page was erased again so the wrong image cannot start)";
            } catch (FlashException | ProtocolException | RuntimeException ignored) {
                message += " (WARNING: the boot page could not be erased; the board may start a wrong image)";
            }
        }
        return new FlashResult.Failed(kind, message, flashModified, stats.snapshot());
    }

    private static boolean allErased(byte[] b) {
        for (byte x : b) {
            if (x != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static int differing(byte[] a, byte[] b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n;
    }

    private static String describePages(List<Integer> pages) {
        if (pages.size() == 1) {
            return "page " + pages.get(0);
        }
        return pages.size() + " pages (" + pages.get(0) + ".." + pages.get(pages.size() - 1) + ")";
    }

    private static String hex(long a) {
        return String.format(Locale.ROOT, "0x%08X", a);
    }

    private void note(String text, boolean warning) {
        listener.on(new ProgressEvent.Note(text, warning ? ProgressEvent.Level.WARNING : ProgressEvent.Level.INFO));
    }

    private void started(Phase p, long total) {
        listener.on(new ProgressEvent.Started(p, total));
    }

    private void advanced(Phase p, long done, long total, long nanos) {
        listener.on(new ProgressEvent.Advanced(p, done, total, Duration.ofNanos(nanos)));
    }

    private void finished(Phase p, long total, long nanos) {
        listener.on(new ProgressEvent.Finished(p, total, Duration.ofNanos(nanos)));
    }
}
