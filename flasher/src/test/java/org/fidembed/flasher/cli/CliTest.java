// The picocli commands as the toolchain CLI will run them: exit codes per docs/cli.md (0 / 1 / 2), messages for
// bad input, port auto-selection, bundles end to end, monitor and ports, all against the simulator on a pty.
package org.fidembed.flasher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.fidembed.flasher.LineMode;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.Images;
import org.fidembed.flasher.serial.JSerialLink;
import org.fidembed.flasher.serial.PortInfo;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.board.UsbId;
import org.fidembed.flasher.sim.BootloaderSimulator;
import org.fidembed.flasher.sim.PtyPair;
import org.fidembed.flasher.sim.SimBoard;
import org.fidembed.image.testing.TestElf;
import org.fidembed.image.testing.TestImages;
import org.fidembed.flasher.testing.TestTargets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(30)
class CliTest {
    static final UsbId CH340 = UsbId.parse("1A86:7523");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needSocat() {
        Assumptions.assumeTrue(PtyPair.socatAvailable(), "socat is not installed (./run-tests installs it): skipping CLI tests");
    }

    record Out(int exit, String out, String err) {}

    final List<Path> built = new ArrayList<>();

    BoardCatalog catalog() {
        List<Target> boards = List.of(TestTargets.bluepill(), TestTargets.longanNano(), Profiles.load("lm3s6965evb"));
        return new BoardCatalog() {
            public List<Target> boards() {
                return boards;
            }

            public Path buildImage(String board, Path src) throws BuildFailedException {
                if (src.getFileName().toString().startsWith("broken")) {
                    throw new BuildFailedException("2 errors in " + src);
                }
                try {
                    Path elf = tmp.resolve("built.elf");
                    Files.write(elf, elf(TestImages.cortexM(1500, 0, 0, 77)));
                    built.add(src);
                    return elf;
                } catch (java.io.IOException e) {
                    throw new BuildFailedException(e.getMessage());
                }
            }

            public String toolchainVersion() {
                return "0.1.0-test";
            }
        };
    }

    static byte[] elf(FirmwareImage img) {
        List<TestElf.Part> parts = new ArrayList<>();
        int i = 0;
        for (var c : img.chunks()) {
            parts.add(new TestElf.Part(".s" + i++, c.address(), c.address(), c.data(), true));
        }
        return TestElf.build(40, img.entry().orElse(0), parts, List.of(new TestElf.Func("reset", 0x08000101L, 16)));
    }

    Out run(Supplier<List<PortInfo>> ports, boolean terminal, Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Out(code, out.toString(), err.toString());
    }

    CommandContext ctx(Supplier<List<PortInfo>> ports, boolean terminal) {
        return new CommandContext(catalog(), ports, JSerialLink::open, terminal);
    }

    Out flash(String... args) {
        return run(List::of, false, new FlashCommand(ctx(List::of, false)), args);
    }

    SimBoard board() throws Exception {
        return SimBoard.start(BootloaderSimulator.Config.stm32f103(921600));
    }

    Path elfFile(FirmwareImage img) throws Exception {
        Path p = tmp.resolve("fw.elf");
        Files.write(p, elf(img));
        return p;
    }

    @Test
    void flashAnElfPrintsOneSummaryLineAndExitsZero() throws Exception {
        FirmwareImage img = TestImages.cortexM(4000, 0, 0, 5);
        try (SimBoard b = board()) {
            Out o = flash("--board", "bluepill", "--port", b.port(), "--baud", "921600", "--line", "8N1", elfFile(img).toString());
            assertEquals(0, o.exit(), o.err());
            List<String> lines = o.out().lines().toList();
            assertEquals(List.of("erase:", "program:", "verify:"), lines.subList(0, 3).stream().map(l -> l.split(" ")[0]).toList(),
                    "one line per phase when not on a terminal: " + o.out());
            assertEquals(4, lines.size(), o.out());
            assertTrue(lines.get(3).contains("flashed 4000 bytes to bluepill (chip ID 0x410)") && o.out().contains("verified"), o.out());
            assertTrue(o.err().contains("waiting for the bootloader on " + b.port() + "..."), "said at once: " + o.err());
            assertFalse(o.err().contains("BOOT0"), "the boot-entry paragraph only when the sync fails: " + o.err());
            assertArrayEquals(img.slice(0x0800_0000L, 0x0800_0000L + 4000, 0xFF), b.sim().flash(0x0800_0000L, 4000));
        }
    }

    @Test
    void onATerminalEachPhaseShowsBytesAndRate() throws Exception {
        FirmwareImage img = TestImages.cortexM(3000, 0, 0, 6);
        try (SimBoard b = board()) {
            Out o = run(List::of, true, new FlashCommand(ctx(List::of, true)), "--board", "bluepill", "--port", b.port(),
                    "--baud", "921600", "--line", "8N1", elfFile(img).toString());
            assertEquals(0, o.exit(), o.err());
            for (String phase : List.of("erase", "program", "verify")) {
                assertTrue(o.out().contains("\r" + phase), phase + " line missing: " + o.out());
            }
            assertTrue(o.out().contains("KiB/s") && o.out().contains("done in"), o.out());
            assertTrue(o.out().contains("[" + "#".repeat(ProgressPrinter.BAR) + "] 100%") && o.out().contains(" left"),
                    "a bar with percentage and time left: " + o.out());
            assertTrue(o.out().contains("chip ID 0x410"), o.out());
        }
    }

    @Test
    void withoutPortTheOnlyKnownBridgeIsUsedAndNamed() throws Exception {
        FirmwareImage img = TestImages.cortexM(2000, 0, 0, 8);
        try (SimBoard b = board()) {
            Supplier<List<PortInfo>> lister = () -> List.of(new PortInfo("/dev/ttyS0", "onboard", Optional.empty(), ""),
                    new PortInfo(b.port(), "USB Serial", Optional.of(CH340), ""));
            Out o = run(lister, false, new FlashCommand(ctx(lister, false)), "--board", "bluepill", "--baud", "921600",
                    "--line", "8N1", elfFile(img).toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.err().contains("using " + b.port() + " (WCH CH340/CH341)"), o.err());
        }
        Out none = flash("--board", "bluepill", elfFile(img).toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no known USB-serial bridge"), none.err());
    }

    @Test
    void badCommandLinesExitTwo() throws Exception {
        Path elf = elfFile(TestImages.cortexM(2000, 0, 0, 8));
        Out missing = flash("--board", "bluepill", "--port", "/dev/null", tmp.resolve("nope.elf").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Out board = flash("--board", "nosuchboard", "--port", "/dev/null", elf.toString());
        assertEquals(2, board.exit());
        assertTrue(board.err().contains("unknown board 'nosuchboard'"), board.err());
        Out line = flash("--board", "bluepill", "--line", "7O2", elf.toString());
        assertEquals(2, line.exit());
        assertTrue(line.err().contains("7O2"), line.err());
        assertEquals(2, flash("--bogus", elf.toString()).exit());
        assertEquals(2, flash("--port", "/dev/null", elf.toString()).exit(), "no --board and not a bundle");
    }

    @Test
    void badImagesExitOneWithoutTouchingTheDevice() throws Exception {
        try (SimBoard b = board()) {
            Path hex = tmp.resolve("bad.hex");
            String good = Images.toHex(TestImages.cortexM(100, 0, 0, 1));
            Files.writeString(hex, good.replace(":10001000", ":10001001"));
            Out o = flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", hex.toString());
            assertEquals(1, o.exit());
            assertTrue(o.err().contains("bad.hex:3: checksum mismatch") && o.err().contains("nothing was written"), o.err());
            Path elf = tmp.resolve("bad.elf");
            Files.write(elf, "\u007fELF but not really".getBytes(StandardCharsets.ISO_8859_1));
            Out e = flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", elf.toString());
            assertEquals(1, e.exit());
            assertTrue(e.err().contains("corrupt ELF"), e.err());
            Out big = flash("--board", "bluepill", "--port", b.port(), "--line", "8N1",
                    elfFile(TestImages.cortexM(70 * 1024, 0, 0, 2)).toString());
            assertEquals(1, big.exit());
            assertTrue(big.err().contains("does not fit"), big.err());
            assertTrue(b.sim().log().isEmpty(), "the simulator heard nothing: " + b.sim().log());
        }
    }

    @Test
    void wrongChipExitsOne() throws Exception {
        try (SimBoard b = SimBoard.start(BootloaderSimulator.Config.stm32f103(921600).withChipId(0x412))) {
            Out o = flash("--board", "bluepill", "--port", b.port(), "--baud", "921600", "--line", "8N1",
                    elfFile(TestImages.cortexM(2000, 0, 0, 8)).toString());
            assertEquals(1, o.exit());
            assertTrue(o.err().contains("chip ID 0x412, not 0x410") && o.err().contains("board 'bluepill' has a STM32F103C8"), o.err());
            assertArrayEquals(b.sim().initialFlash(), b.sim().flash());
        }
    }

    @Test
    void bundleThenFlashTheBundle() throws Exception {
        FirmwareImage img = TestImages.cortexM(5000, 0x0800_4000L, 64, 21);
        Path elf = elfFile(img);
        Path pkg = tmp.resolve("fw.fwpkg");
        Out made = run(List::of, false, new BundleCommand(ctx(List::of, false)), "--board", "bluepill", "-o", pkg.toString(),
                elf.toString());
        assertEquals(0, made.exit(), made.err());
        assertTrue(made.out().contains("wrote " + pkg), made.out());
        try (SimBoard b = board()) {
            Out o = flash("--port", b.port(), "--baud", "921600", "--line", "8N1", pkg.toString());
            assertEquals(0, o.exit(), o.err());
            SimAssertionsBridge.assertHolds(b, img);
        }
        try (SimBoard b = board()) {
            Out wrong = flash("--board", "longan-nano", "--port", b.port(), "--line", "8N1", pkg.toString());
            assertEquals(1, wrong.exit());
            assertTrue(wrong.err().contains("built for board 'bluepill'") && wrong.err().contains("nothing was written"), wrong.err());
            Path corrupt = tmp.resolve("corrupt.fwpkg");
            byte[] bytes = Files.readAllBytes(pkg);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(corrupt, bytes);
            Out bad = flash("--port", b.port(), "--line", "8N1", corrupt.toString());
            assertEquals(1, bad.exit(), bad.err());
            assertTrue(bad.err().contains("corrupt firmware bundle"), bad.err());
            assertTrue(b.sim().log().isEmpty(), "nothing reached the device: " + b.sim().log());
        }
    }

    @Test
    void bundleErrorsSayTheCauseAndLeaveNothingBehind() throws Exception {
        Path elf = elfFile(TestImages.cortexM(2000, 0, 0, 8));
        BundleCommand cmd = new BundleCommand(ctx(List::of, false));
        Out proc = run(List::of, false, cmd, "--board", "bluepill", "-o", "/proc/x.fwpkg", elf.toString());
        assertEquals(1, proc.exit());
        assertTrue(proc.err().startsWith("error: cannot write the bundle /proc/x.fwpkg: ") && proc.err().contains("nothing was written"), proc.err());
        assertFalse(Files.exists(Path.of("/proc/x.fwpkg.tmp")));
        Path bad = tmp.resolve("bad-vectors.hex");
        Files.writeString(bad, Images.toHex(FirmwareImage.of(0x0800_0000L, new byte[64])));
        Out insane = run(List::of, false, new BundleCommand(ctx(List::of, false)), "--board", "bluepill", "-o", tmp.resolve("i.fwpkg").toString(),
                bad.toString());
        assertEquals(1, insane.exit());
        assertFalse(insane.err().contains("--force"), "bundle has no --force to suggest: " + insane.err());
        Path badBoard = Files.writeString(tmp.resolve("broken.toml"), "inherits = \"board:bluepill\"\n[uart]\nbsae = 1\n");
        for (Object c : List.of(new BundleCommand(ctx(List::of, false)), new FlashCommand(ctx(List::of, false)))) {
            Out o = run(List::of, false, c, "--board", badBoard.toString(), elf.toString());
            assertEquals(2, o.exit(), o.err());
            assertTrue(o.err().contains(badBoard + ":3: key 'uart.bsae': unknown key (did you mean 'base'?"), "as build reports it: " + o.err());
        }
    }

    @Test
    void aQemuBoardHasNoFlashMethodAndSaysSoAtOnce() throws Exception {
        long t0 = System.nanoTime();
        Out o = flash("--board", "lm3s6965evb", "--port", "/dev/null", elfFile(TestImages.cortexM(2000, 0, 0, 8)).toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("board 'lm3s6965evb' has no flash method") && o.err().contains("fid-embed run --board lm3s6965evb"), o.err());
        assertFalse(o.err().contains("BOOT0"), o.err());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "at once, without sync attempts");
    }

    @Test
    void aNonTerminalPortSaysItIsNotASerialPort() throws Exception {
        Out o = flash("--board", "bluepill", "--port", "/dev/null", elfFile(TestImages.cortexM(2000, 0, 0, 8)).toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("/dev/null is not a serial port"), o.err());
        Out f = flash("--board", "bluepill", "--port", tmp.toString(), elfFile(TestImages.cortexM(2000, 0, 0, 8)).toString());
        assertTrue(f.err().contains("is a folder, not a serial port"), f.err());
        Out m = run(List::of, false, new MonitorCommand(ctx(List::of, false)), "--port", "/dev/null", "--elf", tmp.toString(), "--duration", "1");
        assertEquals(2, m.exit());
        assertTrue(m.err().contains("--elf " + tmp + ": is a folder"), m.err());
    }

    @Test
    void signedBundlesAreRequiredWhenAsked() throws Exception {
        java.security.KeyPair k = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path priv = Files.writeString(tmp.resolve("k.pem"), org.fidembed.flasher.bundle.Signing.pem(k.getPrivate()));
        Path pub = Files.writeString(tmp.resolve("k.pub"), org.fidembed.flasher.bundle.Signing.pem(k.getPublic()));
        FirmwareImage img = TestImages.cortexM(3000, 0, 0, 9);
        Path elf = elfFile(img);
        Path signed = tmp.resolve("s.fwpkg");
        Path unsigned = tmp.resolve("u.fwpkg");
        assertEquals(0, run(List::of, false, new BundleCommand(ctx(List::of, false)), "--board", "bluepill", "--sign", priv.toString(),
                "-o", signed.toString(), elf.toString()).exit());
        assertEquals(0, run(List::of, false, new BundleCommand(ctx(List::of, false)), "--board", "bluepill", "-o", unsigned.toString(),
                elf.toString()).exit());
        try (SimBoard b = board()) {
            Out no = flash("--port", b.port(), "--line", "8N1", "--require-signature", pub.toString(), unsigned.toString());
            assertEquals(1, no.exit());
            assertTrue(no.err().contains("is not signed"), no.err());
            Out raw = flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", "--require-signature", pub.toString(), elf.toString());
            assertEquals(1, raw.exit());
            assertTrue(raw.err().contains("not a signed bundle"), raw.err());
            assertTrue(b.sim().log().isEmpty(), "nothing reached the device: " + b.sim().log());
            Out ok = flash("--port", b.port(), "--baud", "921600", "--line", "8N1", "--require-signature", pub.toString(), signed.toString());
            assertEquals(0, ok.exit(), ok.err());
            SimAssertionsBridge.assertHolds(b, img);
        }
    }

    @Test
    void theStm32flashOperationsTalkToTheBootloader() throws Exception {
        try (SimBoard b = board()) {
            Path out = tmp.resolve("flash.bin");
            Out r = flash("--board", "bluepill", "--port", b.port(), "--baud", "921600", "--line", "8N1", "--read", out.toString());
            assertEquals(0, r.exit(), r.err());
            assertArrayEquals(b.sim().flash(), Files.readAllBytes(out), "the whole flash, as it is");
            assertTrue(r.out().contains("read 65536 bytes of flash"), r.out());
            Path hex = tmp.resolve("flash.hex");
            assertEquals(0, flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", "--read", hex.toString()).exit());
            assertArrayEquals(b.sim().flash(), Images.readHex(hex).slice(0x0800_0000L, 0x0801_0000L, 0xFF));
        }
        try (SimBoard b = board()) {
            Out r = flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", "--erase", "0-2,5");
            assertEquals(0, r.exit(), r.err());
            byte[] now = b.sim().flash();
            for (int p : new int[] {0, 1, 2, 5}) {
                for (int i = 0; i < 1024; i++) {
                    assertEquals((byte) 0xFF, now[p * 1024 + i], "page " + p);
                }
            }
            assertArrayEquals(java.util.Arrays.copyOfRange(b.sim().initialFlash(), 3 * 1024, 5 * 1024), java.util.Arrays.copyOfRange(now, 3 * 1024, 5 * 1024));
        }
        try (SimBoard b = board()) {
            assertEquals(0, flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", "--erase", "all").exit());
            for (byte x : b.sim().flash()) {
                assertEquals((byte) 0xFF, x);
            }
        }
        try (SimBoard b = board()) {
            assertEquals(0, flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", "--readout-protect").exit());
            assertTrue(b.sim().readoutProtected());
        }
        try (SimBoard b = board()) {
            Out r = flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", "--readout-unprotect");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("readout protection removed"), r.out());
            assertEquals(List.of("SYNC", "GET", "GET_VERSION", "GET_ID", "READ 0x1FFFF7E0 2", "READOUT_UNPROTECT"), b.sim().log());
        }
        try (SimBoard b = board()) {
            assertEquals(0, flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", "--write-unprotect").exit());
            assertTrue(b.sim().log().contains("WRITE_UNPROTECT"), b.sim().log().toString());
        }
        try (SimBoard b = board()) {
            assertEquals(0, flash("--board", "bluepill", "--port", b.port(), "--line", "8N1", "--go", "0x08000400").exit());
            assertEquals(0x0800_0400L, b.sim().goAddress());
        }
        assertEquals(2, flash("--board", "bluepill", "--port", "/dev/null", "--erase", "7-x").exit());
        assertEquals(2, flash("--board", "bluepill", "--read", "x.bin", "--erase", "all").exit(), "one operation at a time");
    }

    @Test
    void bootEntryFromTheCommandLineIsDrivenOrSaidToFail() throws Exception {
        try (SimBoard b = board()) {
            Out o = flash("--board", "bluepill", "--port", b.port(), "--baud", "921600", "--line", "8N1", "--boot-entry", "-rts&dtr,-dtr:rts&dtr,-dtr",
                    elfFile(TestImages.cortexM(1500, 0, 0, 3)).toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.err().contains("could not drive DTR/RTS"), "a pseudo-terminal has no modem lines: " + o.err());
        }
        Out bad = flash("--board", "bluepill", "--port", "/dev/null", "--boot-entry", "dtr;rts", elfFile(TestImages.cortexM(1500, 0, 0, 3)).toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("stm32flash's -i syntax"), bad.err());
    }

    @Test
    void flashMonitorFlashesThenPrintsWhatTheBoardSays() throws Exception {
        try (SimBoard b = board()) {
            b.sim().printAfterGo("hello from bluepill\n".getBytes(StandardCharsets.US_ASCII));
            Out o = flash("--board", "bluepill", "--port", b.port(), "--baud", "921600", "--line", "8N1", "--monitor", "--duration", "2",
                    elfFile(TestImages.cortexM(1500, 0, 0, 3)).toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.out().contains("flashed 1500 bytes") && o.out().contains("hello from bluepill"), o.out());
            assertTrue(o.out().indexOf("flashed") < o.out().indexOf("hello from bluepill"));
        }
    }

    @Test
    void monitorForwardsStandardInputToTheBoard() throws Exception {
        try (PtyPair pty = PtyPair.open(); JSerialLink boardSide = JSerialLink.open(pty.simPath(), 115200, LineMode.LINE_8N1)) {
            CommandContext c = new CommandContext(catalog(), List::of, JSerialLink::open, false,
                    new java.io.ByteArrayInputStream("status\nreset\n".getBytes(StandardCharsets.US_ASCII)));
            Thread t = new Thread(() -> run(List::of, false, new MonitorCommand(c), "--port", pty.hostPath(), "--duration", "1.5"));
            t.start();
            byte[] got = new byte[13];
            int n = 0;
            long end = System.nanoTime() + 3_000_000_000L;
            while (n < got.length && System.nanoTime() < end) {
                n += boardSide.read(got, n, got.length - n, System.nanoTime() + 200_000_000L);
            }
            t.join();
            assertEquals("status\nreset\n", new String(got, 0, n, StandardCharsets.US_ASCII), "every byte of standard input reached the board");
        }
    }

    @Test
    void aBridgeSharedByTwoBoardsAsksForTheBoard() throws Exception {
        Supplier<List<PortInfo>> lister = () -> List.of(new PortInfo("/dev/ttyUSB0", "USB Serial", Optional.of(CH340), ""));
        Out ports = run(lister, false, new PortsCommand(ctx(lister, false)));
        assertTrue(ports.out().contains("bluepill,longan-nano") && ports.out().contains("needs --board bluepill or --board longan-nano"),
                ports.out());
        Path hex = tmp.resolve("fw.hex");
        Files.writeString(hex, Images.toHex(TestImages.cortexM(500, 0, 0, 1)));
        Out amb = run(lister, false, new FlashCommand(ctx(lister, false)), hex.toString());
        assertEquals(2, amb.exit());
        assertTrue(amb.err().contains("used by several boards (bluepill, longan-nano): give --board bluepill or --board longan-nano"), amb.err());
        // an ARM ELF can only be for the bluepill: chosen, and said
        Out arm = run(lister, false, new FlashCommand(ctx(lister, false)), elfFile(TestImages.cortexM(500, 0, 0, 1)).toString());
        assertTrue(arm.err().contains("using board 'bluepill'"), arm.err());
    }

    @Test
    void sourcesAreBuiltThroughTheCatalog() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("blinky"));
        try (SimBoard b = board()) {
            Out o = flash("--board", "bluepill", "--port", b.port(), "--baud", "921600", "--line", "8N1", src.toString());
            assertEquals(0, o.exit(), o.err());
            assertEquals(List.of(src), built);
        }
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Out o = flash("--board", "bluepill", "--port", "/dev/null", broken.toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("build failed: 2 errors"), o.err());
    }

    @Test
    void defaultsAreTheProtocolsOwn() {
        FlashCommand cmd = new FlashCommand(ctx(List::of, false));
        new CommandLine(cmd).parseArgs("--board", "bluepill", "fw.elf");
        assertEquals(LineMode.LINE_8E1, cmd.line, "AN3155 wants even parity unless --line 8N1");
        assertEquals(false, cmd.noVerify);
        var req = org.fidembed.flasher.FlashRequest.of(TestTargets.bluepill(), TestImages.cortexM(1024, 0, 0, 1), "p");
        assertEquals(LineMode.LINE_8E1, req.line());
        assertTrue(req.verify() && req.start() && !req.force());
        assertEquals(115200, req.baud());
        assertEquals(25, req.timeouts().syncAttempts(true), "a few seconds (5 s), then the boot-entry instructions");
        assertEquals(25, req.timeouts().syncAttempts(false));
    }

    @Test
    void portsListsBridgesWithTheirBoards() {
        Supplier<List<PortInfo>> lister = () -> List.of(new PortInfo("/dev/ttyUSB0", "USB Serial", Optional.of(CH340), ""));
        Out o = run(lister, false, new PortsCommand(ctx(lister, false)));
        assertEquals(0, o.exit());
        assertTrue(o.out().contains("/dev/ttyUSB0") && o.out().contains("1A86:7523") && o.out().contains("bluepill,longan-nano"), o.out());
    }

    @Test
    void monitorPrintsForItsDurationWithFaultNames() throws Exception {
        Path elf = tmp.resolve("m.elf");
        Files.write(elf, TestElf.build(40, 0x08000101L, List.of(new TestElf.Part(".text", 0x0800_0000L, 0x0800_0000L, new byte[512], true)),
                List.of(new TestElf.Func("main", 0x08000101L, 64))));
        try (PtyPair pty = PtyPair.open(); JSerialLink boardSide = JSerialLink.open(pty.simPath(), 115200, LineMode.LINE_8N1)) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    boardSide.write("boot ok\nHardFault pc=0x08000110\n".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            t.start();
            Out o = run(List::of, false, new MonitorCommand(ctx(List::of, false)), "--port", pty.hostPath(), "--elf",
                    elf.toString(), "--duration", "1");
            t.join();
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.out().contains("boot ok") && o.out().contains("pc=0x08000110 <main+0x10>"), o.out());
        }
        Out missing = run(List::of, false, new MonitorCommand(ctx(List::of, false)), "--port", "/dev/ttyNOPE-fid", "--duration", "1");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void theCommandsRegisterUnderAParent() {
        @CommandLine.Command(name = "fid-embed")
        class Root {}
        CommandLine root = FlasherCommands.register(new CommandLine(new Root()), catalog());
        assertEquals(List.of("flash", "ports", "monitor", "bundle"), new ArrayList<>(root.getSubcommands().keySet()));
    }
}
