// `fid-embed flash --board B --port P [--baud N] [--line 8E1|8N1] [--no-verify] IMAGE|SRC|BUNDLE`: loads or
// builds the image (or checks a bundle), then flashes it, optionally monitoring the board afterwards; also
// the stm32flash operations (read, erase, protection, go). Exit 0 on success, 1 on failure, 2 on usage.
package org.fidembed.flasher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fidembed.board.BootEntry;
import org.fidembed.board.ProfileException;
import org.fidembed.board.Target;
import org.fidembed.diag.Style;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.FlashRequest;
import org.fidembed.flasher.FlashResult;
import org.fidembed.flasher.Flasher;
import org.fidembed.flasher.LineMode;
import org.fidembed.flasher.bundle.Bundle;
import org.fidembed.flasher.bundle.Bundles;
import org.fidembed.flasher.protocol.Stm32Bootloader;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.Images;
import org.fidembed.image.TargetImages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "flash", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write an image to a board over its serial bootloader, with progress and verification.",
            "Without IMAGE, one of --read, --erase, --readout-protect, --readout-unprotect, --write-unprotect or --go "
                    + "talks to the bootloader as stm32flash does."})
public final class FlashCommand implements Callable<Integer> {
    @Option(names = "--board", paramLabel = "B", description = "board profile name or file (default: the bundle's, or the one board "
            + "that uses the attached USB-serial bridge)")
    String board;

    @Option(names = "--port", paramLabel = "P", description = "serial port; omitted: the only known USB-serial bridge attached")
    String port;

    @Option(names = "--baud", paramLabel = "N", description = "baud rate (default: the board's)")
    Integer baud;

    @Option(names = "--line", paramLabel = "8E1|8N1", converter = Converters.Line.class, defaultValue = "8E1",
            description = "framing: 8E1 as the bootloader requires; 8N1 for bridges and pseudo-terminals without parity")
    LineMode line;

    @Option(names = "--no-verify", description = "skip the read-back verification")
    boolean noVerify;

    @Option(names = "--force", description = "flash even if the chip or the boot image check says no")
    boolean force;

    @Option(names = "--no-start", description = "stay in the bootloader after flashing (no Go command)")
    boolean noStart;

    @Option(names = "--address", paramLabel = "ADDR", converter = Converters.Address.class,
            description = "load address of a raw .bin (default: the flash origin)")
    Long address;

    @Option(names = "--boot-entry", paramLabel = "SEQ", description = "enter the bootloader by DTR/RTS, in stm32flash's -i syntax "
            + "ENTRY[:EXIT], e.g. -rts&dtr,-dtr:rts&dtr,-dtr (default: the board profile's)")
    String bootEntry;

    @Option(names = "--monitor", description = "after flashing, print what the board writes on its UART (and forward standard input) until Ctrl-C")
    boolean monitor;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "with --monitor: stop after this many seconds (default: until interrupted)")
    double seconds;

    @Option(names = "--require-signature", paramLabel = "PUBKEY", description = "flash only a bundle signed with the Ed25519 private key of this public key (PEM)")
    Path publicKey;

    @Option(names = "--read", paramLabel = "FILE", description = "read the whole flash into FILE (.bin, .hex or .uf2 by its name)")
    Path readTo;

    @Option(names = "--erase", paramLabel = "all|PAGES", description = "erase the whole flash, or pages such as 0-3,8")
    String erase;

    @Option(names = "--readout-protect", description = "enable readout protection (the chip resets)")
    boolean readoutProtect;

    @Option(names = "--readout-unprotect", description = "disable readout protection: this erases the whole flash (the chip resets)")
    boolean readoutUnprotect;

    @Option(names = "--write-unprotect", description = "remove the write protection of every page (the chip resets)")
    boolean writeUnprotect;

    @Option(names = "--go", paramLabel = "ADDR", converter = Converters.Address.class, description = "start the code at ADDR")
    Long go;

    @Option(names = "--no-color", description = "no colour in messages (also: the NO_COLOR environment variable)")
    boolean noColor;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE|SRC", description = "ELF, HEX, BIN, UF2, a .fwpkg bundle, or sources to build")
    Path input;

    @CommandLine.Spec
    CommandSpec spec;

    private final CommandContext ctx;
    private PrintStream out;
    private PrintStream err;
    private Style style;

    public FlashCommand(BoardCatalog catalog) {
        this(CommandContext.standard(catalog));
    }

    public FlashCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** A reason to stop with an exit code, already said on standard error. */
    private static final class Stop extends Exception {
        final int code;

        Stop(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    @Override
    public Integer call() {
        out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        style = ctx.style(noColor);
        try {
            Optional<Flasher.Operation> op = operation();
            if (op.isPresent() == (input != null)) {
                return usage(op.isPresent() ? "give either IMAGE or one of --read, --erase, --readout-protect, --readout-unprotect, "
                        + "--write-unprotect, --go" : "no IMAGE given (and no --read, --erase, ... operation)");
            }
            if (input != null && !Files.exists(input)) {
                return usage(input + ": no such file or folder");
            }
            Bundle bundle = input != null && Files.isRegularFile(input) && Bundles.looksLikeBundle(input) ? Bundles.read(input) : null;
            if (bundle != null && board == null) {
                board = bundle.manifest().board();
            }
            if (bundle != null && publicKey != null) {
                Bundles.checkSignature(bundle, publicKey);
            } else if (publicKey != null) {
                return fail(1, input + " is not a signed bundle, and --require-signature flashes only signed bundles; nothing was written");
            }
            Target target = flashable(loadBoard());
            Optional<String> p = ctx.resolvePort(port, err, style);
            if (p.isEmpty()) {
                return 2;
            }
            FlashRequest req = request(target, FirmwareImage.of(target.codeRegion().origin(), new byte[4]), p.get());
            if (op.isPresent()) {
                return operate(req, op.get());
            }
            return flash(req.withImage(image(target, bundle)), target);
        } catch (Stop s) {
            return s.code;
        } catch (ProfileException e) {
            return usage(e.getMessage());
        } catch (ImageFormatException e) {
            return fail(1, e.getMessage() + "; nothing was written");
        } catch (FlashException e) {
            return fail(1, e.getMessage());
        } catch (BoardCatalog.BuildFailedException e) {
            return fail(1, "build failed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            return fail(1, input + ": " + e.getMessage());
        }
    }

    private int usage(String message) {
        return fail(2, message);
    }

    private int fail(int code, String message) {
        err.println(style.error("error") + ": " + message);
        return code;
    }

    /** --board, the bundle's board, or the one board that uses the attached bridge (and the image's machine). */
    private Target loadBoard() throws Stop, IOException {
        if (board != null) {
            return ctx.catalog().load(board);
        }
        List<String> candidates = new ArrayList<>();
        if (port != null) {
            candidates.addAll(ctx.boardsOnPort(port));
        } else {
            ctx.catalog().boardsByBridge().values().forEach(l -> l.forEach(b -> {
                if (!candidates.contains(b)) {
                    candidates.add(b);
                }
            }));
            candidates.retainAll(ctx.portLister().get().stream().flatMap(pi -> ctx.boardsOnPort(pi.path()).stream()).toList());
        }
        Optional<Integer> machine = elfMachine();
        List<String> fit = candidates.stream().filter(b -> machine.isEmpty()
                || ctx.catalog().load(b).arch().elfMachine() == machine.get()).toList();
        if (fit.size() == 1) {
            err.println("using board '" + fit.get(0) + "', the one board that uses this USB-serial bridge"
                    + (machine.isPresent() && candidates.size() > 1 ? " and runs this image's machine" : ""));
            return ctx.catalog().load(fit.get(0));
        }
        if (fit.size() > 1) {
            throw new Stop(usage("the bridge is used by several boards (" + String.join(", ", fit) + "): give --board "
                    + String.join(" or --board ", fit)));
        }
        throw new Stop(usage("--board is required (the input is not a bundle that names its board" + (candidates.isEmpty() ? "" : ", and no board that uses the attached bridge runs its machine") + ")"));
    }

    private Optional<Integer> elfMachine() throws IOException {
        if (input == null || !Files.isRegularFile(input)) {
            return Optional.empty();
        }
        byte[] head = Files.readAllBytes(input);
        if (!ElfFile.looksLikeElf(head)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ElfFile.parse(input.toString(), head).machine());
        } catch (ImageFormatException e) {
            return Optional.empty();
        }
    }

    /** A board without a flash method is said at once, with the command that runs it. */
    private Target flashable(Target t) throws Stop {
        if (t.flash().isEmpty()) {
            String run = t.qemu().isPresent() ? "it is a QEMU board: run it with `fid-embed run --board " + t.name() + " SRC`"
                    : "its profile has no [flash] table";
            throw new Stop(usage("board '" + t.name() + "' has no flash method (" + run + ")"));
        }
        if (bootEntry != null) {
            t = t.withFlash(Optional.of(t.flash().get().withBootEntry(BootEntry.parse(bootEntry))));
        }
        return t;
    }

    private FlashRequest request(Target target, FirmwareImage placeholder, String p) {
        int rate = baud != null ? baud : target.flash().orElseThrow().defaultBaud();
        return FlashRequest.of(target, placeholder, p).withBaud(rate).withLine(line).withVerify(!noVerify)
                .withForce(force).withStart(!noStart).withKnownBoards(ctx.catalog().boards());
    }

    private FirmwareImage image(Target target, Bundle bundle) throws IOException, ImageFormatException, FlashException,
            BoardCatalog.BuildFailedException {
        if (bundle != null) {
            Bundles.checkTarget(bundle, target);
            return Bundles.image(bundle);
        }
        if (Files.isDirectory(input) || input.toString().toLowerCase(Locale.ROOT).endsWith(".fs")) {
            return TargetImages.read(ctx.catalog().buildImage(target.source().shipped() ? target.name() : board, input), target, 0);
        }
        return TargetImages.read(input, target, address != null ? address : target.codeRegion().origin());
    }

    private int flash(FlashRequest req, Target target) {
        ProgressPrinter printer = new ProgressPrinter(out, err, ctx.terminal(), style);
        FlashResult result = Flasher.flash(req, printer, ctx.opener());
        printer.finish();
        if (result instanceof FlashResult.Failed f) {
            return fail(1, "flash failed: " + f.message());
        }
        out.println(ProgressPrinter.summary((FlashResult.Flashed) result, target.name(), req.baud(), req.line()));
        if (!monitor) {
            return 0;
        }
        return MonitorCommand.session(ctx, req.port(), target.uart().baud(), LineMode.LINE_8N1, symbols(), out, err, style,
                () -> false, java.time.Duration.ofNanos((long) (seconds * 1e9)));
    }

    private Optional<org.fidembed.flasher.monitor.SymbolTable> symbols() {
        try {
            return input != null && Files.isRegularFile(input) && ElfFile.looksLikeElf(Files.readAllBytes(input))
                    ? Optional.of(org.fidembed.flasher.monitor.SymbolTable.fromElf(input)) : Optional.empty();
        } catch (IOException | ImageFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Flasher.Operation> operation() {
        List<Flasher.Operation> ops = new ArrayList<>();
        if (readTo != null) {
            ops.add(new Flasher.Operation.Read());
        }
        if (erase != null) {
            ops.add(new Flasher.Operation.Erase(Converters.pages(erase)));
        }
        if (readoutProtect) {
            ops.add(new Flasher.Operation.Protection(Stm32Bootloader.READOUT_PROTECT));
        }
        if (readoutUnprotect) {
            ops.add(new Flasher.Operation.Protection(Stm32Bootloader.READOUT_UNPROTECT));
        }
        if (writeUnprotect) {
            ops.add(new Flasher.Operation.Protection(Stm32Bootloader.WRITE_UNPROTECT));
        }
        if (go != null) {
            ops.add(new Flasher.Operation.Go(go));
        }
        if (ops.size() > 1) {
            throw new IllegalArgumentException("give one of --read, --erase, --readout-protect, --readout-unprotect, --write-unprotect, --go");
        }
        return ops.stream().findFirst();
    }

    private int operate(FlashRequest req, Flasher.Operation op) throws FlashException, IOException, ImageFormatException {
        ProgressPrinter printer = new ProgressPrinter(out, err, ctx.terminal(), style);
        Flasher.OperationResult r = Flasher.operate(req, op, printer, ctx.opener());
        printer.finish();
        if (op instanceof Flasher.Operation.Read) {
            FirmwareImage img = FirmwareImage.of(req.target().codeRegion().origin(), r.data());
            String name = readTo.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".hex")) {
                Images.writeHex(img, readTo);
            } else if (name.endsWith(".uf2")) {
                Images.writeUf2(img, req.target().uf2Family(), readTo);
            } else {
                Files.write(readTo, r.data());
            }
            out.printf(Locale.ROOT, "read %d bytes of flash from %s into %s%n", r.data().length, r.port(), readTo);
        } else {
            out.println("done: " + describe(op) + " on " + r.port());
        }
        return 0;
    }

    private static String describe(Flasher.Operation op) {
        if (op instanceof Flasher.Operation.Erase e) {
            return e.pages().isEmpty() ? "erased the whole flash" : "erased " + e.pages().size() + " page(s)";
        }
        if (op instanceof Flasher.Operation.Go g) {
            return String.format(Locale.ROOT, "started the code at 0x%08X", g.address());
        }
        if (op instanceof Flasher.Operation.Protection p) {
            return switch (p.command()) {
                case Stm32Bootloader.READOUT_PROTECT -> "readout protection enabled";
                case Stm32Bootloader.READOUT_UNPROTECT -> "readout protection removed (the flash was erased)";
                default -> "write protection removed";
            };
        }
        return op.toString();
    }
}
