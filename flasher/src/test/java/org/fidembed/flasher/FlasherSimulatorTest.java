// Flashes through jSerialComm on a real pseudo-terminal against the bootloader simulator, clean and with
// every fault the simulator can inject; checks the result and the simulated flash byte for byte.
package org.fidembed.flasher;

import org.fidembed.board.Target;
import static org.fidembed.flasher.SimAssertions.assertBootPageErased;
import static org.fidembed.flasher.SimAssertions.assertFlashHolds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fidembed.image.FirmwareImage;
import org.fidembed.flasher.sim.BootloaderSimulator;
import org.fidembed.flasher.sim.Fault;
import org.fidembed.flasher.sim.PtyPair;
import org.fidembed.flasher.sim.SimBoard;
import org.fidembed.image.testing.TestImages;
import org.fidembed.flasher.testing.TestTargets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FlasherSimulatorTest {
    static final int BAUD = 921600;
    static final Target BLUEPILL = TestTargets.bluepill();
    /** 6 KiB of code from the origin plus 1 KiB of .data copy at 0x08003400: pages 0-5 and 13, gap between. */
    static final FirmwareImage IMAGE = TestImages.cortexM(6 * 1024 - 100, 0x0800_3400L, 1000, 42);

    @BeforeAll
    static void needSocat() {
        Assumptions.assumeTrue(PtyPair.socatAvailable(), "socat is not installed (./run-tests installs it): skipping simulator tests");
    }

    record Run(FlashResult result, List<ProgressEvent> events) {
        FlashResult.Flashed ok() {
            if (result instanceof FlashResult.Failed f) {
                throw new AssertionError("flash failed: " + f.kind() + ": " + f.message());
            }
            return (FlashResult.Flashed) result;
        }

        FlashResult.Failed failed() {
            return assertInstanceOf(FlashResult.Failed.class, result, "the flash must fail");
        }

        List<String> notes() {
            return events.stream().filter(e -> e instanceof ProgressEvent.Note).map(e -> ((ProgressEvent.Note) e).text()).toList();
        }
    }

    static Run flash(SimBoard board, FlashRequest req) {
        List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
        FlashResult r = Flasher.flash(req.withPort(board.port()), events::add);
        return new Run(r, events);
    }

    static FlashRequest request(Target target, FirmwareImage image) {
        return FlashRequest.of(target, image, "unset").withBaud(BAUD).withLine(LineMode.LINE_8N1);
    }

    static BootloaderSimulator.Config stm32(Fault... faults) {
        return BootloaderSimulator.Config.stm32f103(BAUD).withFaults(faults);
    }

    @Test
    void cleanFlashWritesExactlyTheImageAndStartsIt() throws Exception {
        try (SimBoard b = SimBoard.start(stm32())) {
            Run run = flash(b, request(BLUEPILL, IMAGE));
            FlashResult.Flashed ok = run.ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertEquals(0x410, ok.device().chipId());
            assertTrue(ok.verified());
            assertTrue(ok.started());
            assertEquals(0x0800_0000L, b.sim().goAddress());
            assertEquals(7, ok.pagesErased(), "pages 0-5 and 13 only");
            assertEquals("", ok.stats().recoveries(), "a clean run needs no recovery");
            // the boot page is erased first and written last
            List<String> log = b.sim().log();
            assertTrue(log.stream().anyMatch(l -> l.equals("ERASE [0, 1, 2, 3, 4, 5, 13]")), log.toString());
            List<String> writes = log.stream().filter(l -> l.startsWith("WRITE ")).toList();
            assertEquals("WRITE 0x8000000 256", writes.get(writes.size() - 1), "the vector-table block is the very last write");
            int firstBootPageWrite = -1;
            int lastOtherWrite = -1;
            for (int i = 0; i < writes.size(); i++) {
                long addr = Long.decode(writes.get(i).split(" ")[1]);
                if (addr < 0x0800_0400L && firstBootPageWrite < 0) {
                    firstBootPageWrite = i;
                } else if (addr >= 0x0800_0400L) {
                    lastOtherWrite = i;
                }
            }
            assertTrue(lastOtherWrite < firstBootPageWrite, "every other page is written before the boot page: " + writes);
        }
    }

    @Test
    void gd32vDialectUsesPlainEraseAndChecksTheRiscvEntry() throws Exception {
        Target nano = TestTargets.longanNano();
        FirmwareImage img = TestImages.riscv(5000, 7);
        try (SimBoard b = SimBoard.start(BootloaderSimulator.Config.gd32vf103(BAUD))) {
            FlashResult.Flashed ok = flash(b, request(nano, img)).ok();
            assertFlashHolds(b.sim(), img, nano);
            assertEquals(0x30, ok.device().version());
            assertTrue(b.sim().log().contains("ERASE [0, 1, 2, 3, 4]"), b.sim().log().toString());
        }
    }

    @Test
    void gd32vLargeImageIsErasedInBoundedCommandsAndSurvivesALostEraseAck() throws Exception {
        Target nano = TestTargets.longanNano();
        FirmwareImage img = TestImages.riscv(70 * 1024, 8);
        BootloaderSimulator.Config cfg = BootloaderSimulator.Config.gd32vf103(BAUD)
                .withFaults(new Fault.LoseAck(0x43, 2, Fault.Stage.FINAL), new Fault.Nack(0x31, 30));
        try (SimBoard b = SimBoard.start(cfg)) {
            FlashRequest req = request(nano, img)
                    .withTimeouts(Timeouts.defaults(nano.flash().orElseThrow()).withErase(Duration.ofMillis(300), Duration.ofMillis(30)));
            FlashResult.Flashed ok = flash(b, req).ok();
            assertFlashHolds(b.sim(), img, nano);
            assertEquals(70, ok.pagesErased());
            List<String> erases = b.sim().log().stream().filter(l -> l.startsWith("ERASE ")).toList();
            assertEquals(3, erases.size(), "64 pages, then 6, then the 6 again after the lost ACK: " + erases);
            assertEquals(1, ok.stats().nacks());
        }
    }

    @Test
    void nacksAreRetried() throws Exception {
        try (SimBoard b = SimBoard.start(stm32(new Fault.Nack(0x31, 3), new Fault.Nack(0x43, 1), new Fault.Nack(0x11, 2)))) {
            FlashResult.Flashed ok = flash(b, request(BLUEPILL, IMAGE)).ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertEquals(3, ok.stats().nacks());
        }
    }

    @Test
    void lostAcksAreRecoveredByResync() throws Exception {
        try (SimBoard b = SimBoard.start(stm32(
                new Fault.LoseAck(0x31, 4, Fault.Stage.FINAL),     // block written, ACK lost: read back shows it is there
                new Fault.LoseAck(0x31, 9, Fault.Stage.ADDRESS),   // bootloader waits for data while the host waits for ACK
                new Fault.LoseAck(0x43, 1, Fault.Stage.FINAL),     // erase done, ACK lost: erase again
                new Fault.LoseAck(0x11, 3, Fault.Stage.COMMAND)))) {
            FlashResult.Flashed ok = flash(b, request(BLUEPILL, IMAGE)).ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertTrue(ok.stats().resyncs() >= 4, "each lost ACK costs a resync: " + ok.stats());
        }
    }

    @Test
    void busyDuringSlowEraseIsWaitedOut() throws Exception {
        BootloaderSimulator.Config cfg = stm32(new Fault.Busy(0x43, 1, 8, 150))
                .withTiming(Duration.ofMillis(200), Duration.ZERO);
        try (SimBoard b = SimBoard.start(cfg)) {
            long t0 = System.nanoTime();
            FlashResult.Flashed ok = flash(b, request(BLUEPILL, IMAGE)).ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertEquals(8, ok.stats().busy());
            assertTrue(System.nanoTime() - t0 > 1_400_000_000L, "the erase really took its 1.4 s");
        }
    }

    @Test
    void slowEraseWithoutBusyFitsTheSizedTimeout() throws Exception {
        // 7 pages x 250 ms = 1.75 s: longer than any fixed one-second ACK wait, within base + pages x per-page
        BootloaderSimulator.Config cfg = stm32().withTiming(Duration.ofMillis(250), Duration.ofMillis(1));
        try (SimBoard b = SimBoard.start(cfg)) {
            FlashRequest req = request(BLUEPILL, IMAGE)
                    .withTimeouts(Timeouts.defaults(BLUEPILL.flash().orElseThrow()).withErase(Duration.ofMillis(500), Duration.ofMillis(300)));
            FlashResult.Flashed ok = flash(b, req).ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertEquals(0, ok.stats().timeouts());
        }
    }

    @Test
    void noiseBeforeSyncIsIgnored() throws Exception {
        BootloaderSimulator.Config cfg = stm32().withNoise(Duration.ofMillis(400), 60);
        try (SimBoard b = SimBoard.start(cfg)) {
            FlashResult.Flashed ok = flash(b, request(BLUEPILL, IMAGE)).ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertTrue(ok.stats().syncAttempts() > 1, "the first sync bytes went to a chip still booting");
        }
    }

    @Test
    void corruptedWriteIsCaughtByVerifyAndRewritten() throws Exception {
        try (SimBoard b = SimBoard.start(stm32(new Fault.CorruptWrite(5, Fault.Damage.WEAK_BIT, false)))) {
            FlashResult.Flashed ok = flash(b, request(BLUEPILL, IMAGE)).ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertEquals(1, ok.stats().rewrittenBlocks());
            assertEquals(0, ok.stats().repairedPages(), "a weak bit is fixed by writing the block again");
        }
    }

    @Test
    void stuckBitNeedsAPageEraseAndGetsOne() throws Exception {
        try (SimBoard b = SimBoard.start(stm32(new Fault.CorruptWrite(6, Fault.Damage.STUCK_ZERO, false)))) {
            FlashResult.Flashed ok = flash(b, request(BLUEPILL, IMAGE)).ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertEquals(1, ok.stats().repairedPages());
        }
    }

    @Test
    void corruptionGoesUnnoticedOnlyWithNoVerify() throws Exception {
        try (SimBoard b = SimBoard.start(stm32(new Fault.CorruptWrite(5, Fault.Damage.WEAK_BIT, false)))) {
            FlashResult.Flashed ok = flash(b, request(BLUEPILL, IMAGE).withVerify(false)).ok();
            assertFalse(ok.verified(), "the result says the image was not verified");
            assertFalse(java.util.Arrays.equals(b.sim().flash(0x0800_0000L, 6 * 1024), IMAGE.slice(0x0800_0000L, 0x0800_1800L, 0xFF)),
                    "the simulator really corrupted a block");
        }
    }

    @Test
    void persistentCorruptionFailsAndLeavesNothingBootable() throws Exception {
        // writes go page 1, 2, ... and the boot page 0 last: write #3 is in page 1; every write there is damaged
        try (SimBoard b = SimBoard.start(stm32(new Fault.CorruptWrite(3, Fault.Damage.STUCK_ZERO, true)))) {
            Run run = flash(b, request(BLUEPILL, IMAGE).withMaxRepairs(2));
            FlashResult.Failed f = run.failed();
            assertEquals(FailureKind.VERIFY_FAILED, f.kind());
            assertTrue(f.flashModified());
            assertTrue(f.message().contains("would not take the image"), f.message());
            assertBootPageErased(b.sim(), BLUEPILL);
            assertEquals(null, b.sim().goAddress(), "a failed flash never starts the program");
        }
    }

    @Test
    void pulledCableFailsCleanlyWithTheBootPageErased() throws Exception {
        try (SimBoard b = SimBoard.start(stm32(new Fault.PullCable(10)))) {
            long t0 = System.nanoTime();
            Run run = flash(b, request(BLUEPILL, IMAGE));
            FlashResult.Failed f = run.failed();
            assertEquals(FailureKind.DISCONNECTED, f.kind());
            assertTrue(f.message().contains("went away"), f.message());
            assertTrue(f.message().contains("will not start a partial image"), f.message());
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "no hang");
            assertBootPageErased(b.sim(), BLUEPILL);
        }
    }

    @Test
    void hungBootloaderFailsWithinItsTimeouts() throws Exception {
        try (SimBoard b = SimBoard.start(stm32(new Fault.Hang(0x31, 3)))) {
            Timeouts quick = new Timeouts(Duration.ofMillis(100), 5, Duration.ofMillis(200), Duration.ofMillis(300),
                    Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(800), Duration.ZERO);
            long t0 = System.nanoTime();
            FlashResult.Failed f = flash(b, request(BLUEPILL, IMAGE).withTimeouts(quick)).failed();
            assertEquals(FailureKind.PROTOCOL, f.kind());
            assertTrue(f.message().contains("lost contact"), f.message());
            assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "bounded by the timeouts");
            assertBootPageErased(b.sim(), BLUEPILL);
        }
    }

    @Test
    void wrongChipIsRefusedUnlessForced() throws Exception {
        try (SimBoard b = SimBoard.start(stm32().withChipId(0x414))) {
            FlashResult.Failed f = flash(b, request(BLUEPILL, IMAGE)).failed();
            assertEquals(FailureKind.CHIP_MISMATCH, f.kind());
            assertTrue(f.message().contains("0x414") && f.message().contains("0x410"), f.message());
            assertFalse(f.flashModified());
            assertArrayEquals(b.sim().initialFlash(), b.sim().flash(), "nothing was erased or written");
            assertTrue(b.sim().log().stream().noneMatch(l -> l.startsWith("ERASE") || l.startsWith("WRITE")));
        }
        try (SimBoard b = SimBoard.start(stm32().withChipId(0x414))) {
            FlashResult.Flashed ok = flash(b, request(BLUEPILL, IMAGE).withForce(true)).ok();
            assertFlashHolds(b.sim(), IMAGE, BLUEPILL);
            assertTrue(ok.warnings().stream().anyMatch(w -> w.contains("--force")));
        }
    }

    /** The STM32F103 and the GD32VF103 both answer Get ID 0x410: the version and the density register tell them apart. */
    @Test
    void aLookAlikeChipIsRefusedNamingBothUnlessForced() throws Exception {
        Target nano = TestTargets.longanNano();
        List<Target> known = List.of(BLUEPILL, nano);
        try (SimBoard gd = SimBoard.start(BootloaderSimulator.Config.gd32vf103(BAUD))) {
            FlashResult.Failed f = flash(gd, request(BLUEPILL, IMAGE).withKnownBoards(known)).failed();
            assertEquals(FailureKind.CHIP_MISMATCH, f.kind());
            assertTrue(f.message().contains("is a GD32VF103CB (as on board 'longan-nano')")
                    && f.message().contains("board 'bluepill' has a STM32F103C8")
                    && f.message().contains("bootloader 3.0, not 2.2") && f.message().contains("128 KiB of flash, not 64 KiB")
                    && f.message().contains("nothing was written (--force flashes anyway)"), f.message());
            assertArrayEquals(gd.sim().initialFlash(), gd.sim().flash(), "nothing was erased or written");
        }
        FirmwareImage riscv = TestImages.riscv(2048, 7);
        try (SimBoard stm = SimBoard.start(stm32())) {
            FlashResult.Failed f = flash(stm, request(nano, riscv).withKnownBoards(known)).failed();
            assertTrue(f.message().contains("is a STM32F103C8 (as on board 'bluepill')") && f.message().contains("board 'longan-nano' has a GD32VF103CB"),
                    f.message());
            assertArrayEquals(stm.sim().initialFlash(), stm.sim().flash());
        }
        try (SimBoard gd = SimBoard.start(BootloaderSimulator.Config.gd32vf103(BAUD))) {
            FlashResult.Flashed ok = flash(gd, request(BLUEPILL, IMAGE).withKnownBoards(known).withForce(true)).ok();
            assertTrue(ok.warnings().stream().anyMatch(w -> w.contains("GD32VF103CB") && w.contains("--force")), ok.warnings().toString());
        }
        try (SimBoard gd = SimBoard.start(BootloaderSimulator.Config.gd32vf103(BAUD))) {
            flash(gd, request(nano, riscv).withKnownBoards(known)).ok(); // the right chip flashes
        }
    }

    /** A bootloader whose Get list has Extended Erase (0x44) is erased with it; a profile without a command list accepts it. */
    @Test
    void extendedEraseIsUsedWhenTheGetListHasIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path toml = tmp.resolve("pill-ext.toml");
        java.nio.file.Files.writeString(toml, "inherits = \"board:bluepill\"\n[flash.identity]\ncommands = []\n");
        Target ext = org.fidembed.board.Profiles.load(toml.toString());
        try (SimBoard b = SimBoard.start(stm32().withCommands(0x00, 0x01, 0x02, 0x11, 0x21, 0x31, 0x44, 0x63, 0x73, 0x82, 0x92))) {
            flash(b, request(ext, IMAGE)).ok();
            assertFlashHolds(b.sim(), IMAGE, ext);
            assertTrue(b.sim().log().contains("EXT_ERASE [0, 1, 2, 3, 4, 5, 13]"), b.sim().log().toString());
        }
    }

    @Test
    void imageTooLargeIsRefusedBeforeTouchingTheDevice() throws Exception {
        FirmwareImage big = TestImages.cortexM(64 * 1024 + 4, 0, 0, 3);
        try (SimBoard b = SimBoard.start(stm32())) {
            FlashResult.Failed f = flash(b, request(BLUEPILL, big)).failed();
            assertEquals(FailureKind.IMAGE_TOO_LARGE, f.kind());
            assertTrue(f.message().contains("4 bytes too many"), f.message());
            assertTrue(b.sim().log().isEmpty(), "the port was never even opened: " + b.sim().log());
        }
    }

    @Test
    void insaneVectorTableIsRefused() throws Exception {
        byte[] junk = new byte[2048];
        java.util.Arrays.fill(junk, (byte) 0x00);
        FirmwareImage img = FirmwareImage.of(0x0800_0000L, junk);
        try (SimBoard b = SimBoard.start(stm32())) {
            FlashResult.Failed f = flash(b, request(BLUEPILL, img)).failed();
            assertEquals(FailureKind.BAD_IMAGE, f.kind());
            assertTrue(f.message().contains("vector table is not sane"), f.message());
            assertArrayEquals(b.sim().initialFlash(), b.sim().flash());
        }
    }

    @Test
    void silentPortFailsWithAHintAboutTheBootloader() throws Exception {
        try (PtyPair pty = PtyPair.open()) {
            FlashRequest req = request(BLUEPILL, IMAGE).withPort(pty.hostPath())
                    .withTimeouts(Timeouts.defaults(BLUEPILL.flash().orElseThrow()).withSyncAttempts(3).withManualSync(Duration.ZERO));
            FlashResult r = Flasher.flash(req, ProgressListener.NONE);
            FlashResult.Failed f = assertInstanceOf(FlashResult.Failed.class, r);
            assertEquals(FailureKind.NO_BOOTLOADER, f.kind());
            assertTrue(f.message().contains("BOOT0"), f.message());
        }
    }

    @Test
    void missingAndBusyPortsAreReportedClearly() throws Exception {
        FlashResult r = Flasher.flash(request(BLUEPILL, IMAGE).withPort("/dev/ttyNOPE-fid"), ProgressListener.NONE);
        FlashResult.Failed f = assertInstanceOf(FlashResult.Failed.class, r);
        assertEquals(FailureKind.PORT_NOT_FOUND, f.kind());
        assertTrue(f.message().contains("does not exist"), f.message());
        try (PtyPair pty = PtyPair.open()) {
            var holder = org.fidembed.flasher.serial.JSerialLink.open(pty.hostPath(), 115200, LineMode.LINE_8N1);
            try {
                FlashResult busy = Flasher.flash(request(BLUEPILL, IMAGE).withPort(pty.hostPath()), ProgressListener.NONE);
                FlashResult.Failed fb = assertInstanceOf(FlashResult.Failed.class, busy);
                assertEquals(FailureKind.PORT_BUSY, fb.kind());
                assertTrue(fb.message().contains("busy"), fb.message());
            } finally {
                holder.close();
            }
        }
    }

    @Test
    void progressReportsEveryPhaseInOrder() throws Exception {
        try (SimBoard b = SimBoard.start(stm32())) {
            Run run = flash(b, request(BLUEPILL, IMAGE));
            run.ok();
            List<Phase> started = run.events().stream().filter(e -> e instanceof ProgressEvent.Started)
                    .map(e -> ((ProgressEvent.Started) e).phase()).toList();
            assertEquals(List.of(Phase.CONNECT, Phase.ERASE, Phase.PROGRAM, Phase.VERIFY, Phase.START), started);
            ProgressEvent.Finished program = run.events().stream().filter(e -> e instanceof ProgressEvent.Finished fi
                    && fi.phase() == Phase.PROGRAM).map(e -> (ProgressEvent.Finished) e).findFirst().orElseThrow();
            assertNotEquals(Duration.ZERO, program.elapsed());
            assertTrue(run.notes().stream().anyMatch(n -> n.contains("chip ID 0x410")), run.notes().toString());
        }
    }
}
