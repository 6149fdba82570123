// The picocli commands as the toolchain CLI will run them: exit codes per cli.md (0 / 1 / 2), messages for
// bad input, port auto-selection, bundles end to end, monitor and ports, all against the simulator on a pty.
package org.fidembed.flasher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.fidembed.flasher.serial.UsbId;
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
        List<BoardFacts> facts = List.of(new BoardFacts(TestTargets.bluepill(), List.of(CH340), OptionalInt.of(0x5ee21072)),
                new BoardFacts(TestTargets.longanNano(), List.of(CH340), OptionalInt.of(0x9af03e33)));
        BoardCatalog fixed = BoardCatalog.of("0.1.0-test", facts);
        return new BoardCatalog() {
            public Optional<BoardFacts> lookup(String board) {
                return fixed.lookup(board);
            }

            public List<BoardFacts> boards() {
                return facts;
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
            assertEquals(1, o.out().lines().count(), "one summary line when not on a terminal: " + o.out());
            assertTrue(o.out().contains("flashed 4000 bytes to bluepill (chip ID 0x410)") && o.out().contains("verified"), o.out());
            assertTrue(o.err().contains("BOOT0"), "the manual boot instruction is shown even off a terminal: " + o.err());
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
            assertTrue(o.err().contains("chip ID 0x412 does not match bluepill"), o.err());
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
        assertTrue(req.timeouts().syncAttempts(true) >= 100, "a person gets about 30 s to press the buttons");
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
