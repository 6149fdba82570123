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
import java.util.OptionalInt;
import org.fidembed.board.BootEntry;
import org.fidembed.board.FlashMethod;
import org.fidembed.board.Target;
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

    /** What `flash` can do besides writing an image, as stm32flash does (-r, -o, -j, -k, -u, -g). */
    public sealed interface Operation {
        /** Read the whole flash region. */
        record Read() implements Operation {}

        /** Erase the whole flash, or the given pages. */
        record Erase(List<Integer> pages) implements Operation {}

        /** Readout Protect (0x82), Readout Unprotect (0x92) or Write Unprotect (0x73). */
        record Protection(int command) implements Operation {}

        /** Start the code at an address. */
        record Go(long address) implements Operation {}
    }

    /** The bytes read (for Read), empty otherwise. */
    public record OperationResult(String port, BootloaderInfo device, byte[] data) {}

    private static final int WRITE_ATTEMPTS = 5;
    private static final int READ_ATTEMPTS = 5;
    private static final int ERASE_ATTEMPTS = 4;

    private final FlashRequest req;
    private final Target target;
    private final FlashMethod method;
    private final FlashGeometry geo;
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
        this.method = req.method();
        this.geo = req.geometry();
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

    /** Connects, checks the chip as a flash does, then carries out one operation. */
    public static OperationResult operate(FlashRequest request, Operation op, ProgressListener listener, LinkOpener opener)
            throws FlashException {
        Flasher f = new Flasher(request, listener);
        try (SerialLink link = opener.open(request.port(), request.baud(), request.line())) {
            f.started(Phase.CONNECT, 1);
            f.enterBootloader(link);
            f.bl = new Stm32Bootloader(link, request.timeouts(), f.stats, s -> f.note(s, true));
            BootloaderInfo info = f.connect(link);
            f.checkChip(info);
            f.finished(Phase.CONNECT, 1, 0);
            return new OperationResult(link.name(), info, f.carryOut(op, info));
        }
    }

    private byte[] carryOut(Operation op, BootloaderInfo info) throws FlashException {
        try {
            if (op instanceof Operation.Read) {
                long len = geo.flash().length();
                byte[] out = new byte[(int) len];
                started(Phase.READ, len);
                long t0 = System.nanoTime();
                for (int off = 0; off < len; off += FlashPlan.BLOCK) {
                    int n = (int) Math.min(FlashPlan.BLOCK, len - off);
                    System.arraycopy(readBlock(geo.flash().origin() + off, n), 0, out, off, n);
                    advanced(Phase.READ, off + n, len, System.nanoTime() - t0);
                }
                finished(Phase.READ, len, System.nanoTime() - t0);
                return out;
            } else if (op instanceof Operation.Erase e) {
                flashModified = true;
                started(Phase.ERASE, e.pages().isEmpty() ? geo.pageCount() : e.pages().size());
                long t0 = System.nanoTime();
                if (e.pages().isEmpty()) {
                    bl.eraseAll(geo.pageCount());
                } else {
                    for (int i = 0; i < e.pages().size(); i += Stm32Bootloader.MAX_ERASE_PAGES) {
                        erase(e.pages().subList(i, Math.min(e.pages().size(), i + Stm32Bootloader.MAX_ERASE_PAGES)));
                    }
                }
                finished(Phase.ERASE, e.pages().isEmpty() ? geo.pageCount() : e.pages().size(), System.nanoTime() - t0);
            } else if (op instanceof Operation.Protection p) {
                bl.protection(p.command(), req.timeouts().erase(geo.pageCount()));
                note("done; the chip resets itself to apply the option bytes", false);
            } else if (op instanceof Operation.Go g) {
                if (!info.supports(Stm32Bootloader.GO)) {
                    throw new FlashException(FailureKind.UNSUPPORTED, "the bootloader lists no Go command");
                }
                bl.go(g.address());
            }
            return new byte[0];
        } catch (ProtocolException e) {
            throw new FlashException(FailureKind.PROTOCOL, "the bootloader did not carry it out: " + e.getMessage());
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
            BootloaderInfo info = connect(link);
            note(String.format(Locale.ROOT, "bootloader %s on %s, chip ID 0x%03X, commands %s", info.versionString(),
                    link.name(), info.chipId(), info.commandList()), false);
            checkCommands(info);
            checkChip(info);
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

    private void enterBootloader(SerialLink link) {
        if (method.bootEntry() instanceof BootEntry.Lines s && !drive(link, s.enter())) {
            note("could not drive DTR/RTS on " + link.name() + " (this port has no modem lines)", true);
        }
        listener.on(new ProgressEvent.Note("waiting for the bootloader on " + link.name() + "...", ProgressEvent.Level.ACTION));
    }

    /** Sync and identify; when nothing answers, the error says how this board enters its bootloader. */
    private BootloaderInfo connect(SerialLink link) throws FlashException {
        try {
            return bl.connect(req.timeouts().syncAttempts(method.bootEntry() instanceof BootEntry.Manual));
        } catch (FlashException e) {
            if (e.kind() != FailureKind.NO_BOOTLOADER) {
                throw e;
            }
            String how = method.bootEntry() instanceof BootEntry.Manual m ? m.instructions()
                    : "the DTR/RTS sequence did not start it: check the wiring, or enter it by hand (hold BOOT0, press RESET)";
            throw new FlashException(FailureKind.NO_BOOTLOADER, e.getMessage() + "\nTo enter the bootloader of " + target.name() + ": " + how);
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

    /** The chip must be the profile's: chip ID, bootloader version, Get list and flash-size register (ChipIdentity). */
    private void checkChip(BootloaderInfo info) throws FlashException {
        FlashMethod.Identity want = method.identity();
        ChipIdentity.Observed got = new ChipIdentity.Observed(info.chipId(), info.version(), info.commands(), flashSize(want));
        List<String> differences = ChipIdentity.differences(want, got);
        if (differences.isEmpty()) {
            return;
        }
        String like = ChipIdentity.lookalike(got, target, req.knownBoards())
                .map(t -> "a " + t.chip() + " (as on board '" + t.name() + "')").orElse("not a " + target.chip());
        String msg = String.format(Locale.ROOT, "the chip on %s is %s: it answers with %s, but board '%s' has a %s (%s): %s",
                req.port(), like, got, target.name(), target.chip(), ChipIdentity.describe(want), String.join("; ", differences));
        if (!req.force()) {
            throw new FlashException(FailureKind.CHIP_MISMATCH, msg + "; nothing was written (--force flashes anyway)");
        }
        warnings.add(msg + "; flashing anyway (--force)");
        note(msg + "; flashing anyway (--force)", true);
    }

    /** The flash size in KiB from the chip's flash-size register, when the profile names one and the read works. */
    private OptionalInt flashSize(FlashMethod.Identity want) throws FlashException {
        if (want.flashSizeRegister().isEmpty() || !bl.info().supports(Stm32Bootloader.READ)) {
            return OptionalInt.empty();
        }
        try {
            byte[] b = bl.read(want.flashSizeRegister().getAsLong(), 2);
            return OptionalInt.of((b[0] & 0xFF) | (b[1] & 0xFF) << 8);
        } catch (ProtocolException e) {
            recover(e, 1);
            return OptionalInt.empty();
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
        if (plan != null && pages.contains(plan.bootPage())) {
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
        for (FlashPlan.Block b : plan.blocksInOrder(page, geo.bootAddress())) {
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
        long boot = geo.bootAddress();
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
        for (FlashPlan.Block b : plan.blocksInOrder(page, geo.bootAddress())) {
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
                throw new FlashException(FailureKind.VERIFY_FAILED, "page " + page + " at " + hex(geo.pageAddress(page))
                        + " would not take the image: " + why + " (gave up after " + req.maxRepairs() + " erase-and-rewrite"
                        + " attempts; worn or protected flash?)" + afterFailure());
            }
            stats.repairedPages++;
            note("erasing and rewriting page " + page + " at " + hex(geo.pageAddress(page)) + ": " + why, true);
            erase(List.of(page));
            boolean good = true;
            for (FlashPlan.Block b : plan.blocksInOrder(page, geo.bootAddress())) {
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
        if (method.bootEntry() instanceof BootEntry.Lines s && !s.exit().isEmpty()) {
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
            bl.go(geo.bootAddress());
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
