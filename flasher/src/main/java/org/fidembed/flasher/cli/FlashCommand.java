// `fid-embed flash --board B --port P [--baud N] [--line 8E1|8N1] [--no-verify] IMAGE|SRC|BUNDLE`:
// loads or builds the image (or checks a bundle), then flashes it; exit 0 on success, 1 on failure, 2 on usage.
package org.fidembed.flasher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.FlashRequest;
import org.fidembed.flasher.FlashResult;
import org.fidembed.flasher.FlashTarget;
import org.fidembed.flasher.Flasher;
import org.fidembed.flasher.LineMode;
import org.fidembed.flasher.bundle.Bundle;
import org.fidembed.flasher.bundle.Bundles;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.Images;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "flash", mixinStandardHelpOptions = true,
        description = "Write an image to a board over its serial bootloader, with progress and verification.")
public final class FlashCommand implements Callable<Integer> {
    @Option(names = "--board", paramLabel = "B", description = "board profile name or file (taken from the bundle if omitted)")
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

    @Option(names = "--force", description = "flash even if the chip ID or the boot image check says no")
    boolean force;

    @Option(names = "--no-start", description = "stay in the bootloader after flashing (no Go command)")
    boolean noStart;

    @Option(names = "--address", paramLabel = "ADDR", converter = Converters.Address.class,
            description = "load address of a raw .bin (default: the flash origin)")
    Long address;

    @Parameters(index = "0", paramLabel = "IMAGE|SRC", description = "ELF, HEX, BIN, UF2, a .fwpkg bundle, or sources to build")
    Path input;

    @CommandLine.Spec
    CommandSpec spec;

    private final CommandContext ctx;

    public FlashCommand(BoardCatalog catalog) {
        this(CommandContext.standard(catalog));
    }

    public FlashCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        if (!Files.exists(input)) {
            err.println("error: " + input + ": no such file or folder");
            return 2;
        }
        try {
            Bundle bundle = null;
            if (Files.isRegularFile(input) && Bundles.looksLikeBundle(input)) {
                bundle = Bundles.read(input);
                if (board == null) {
                    board = bundle.manifest().board();
                }
            }
            if (board == null) {
                err.println("error: --board is required (the input is not a bundle that names its board)");
                return 2;
            }
            Optional<BoardFacts> facts = ctx.catalog().lookup(board);
            if (facts.isEmpty()) {
                err.println("error: unknown board '" + board + "' (`fid-embed boards` lists them)");
                return 2;
            }
            FlashTarget target = facts.get().target();
            FirmwareImage image;
            if (bundle != null) {
                Bundles.checkTarget(bundle, target);
                image = Bundles.image(bundle);
            } else if (Files.isDirectory(input) || input.toString().toLowerCase(Locale.ROOT).endsWith(".fs")) {
                Path elf = ctx.catalog().buildImage(board, input);
                image = Images.readElf(elf);
            } else {
                image = Images.read(input, address != null ? address : target.flash().origin());
            }
            Optional<String> p = ctx.resolvePort(port, err);
            if (p.isEmpty()) {
                return 2;
            }
            int rate = baud != null ? baud : target.defaultBaud();
            FlashRequest req = FlashRequest.of(target, image, p.get()).withBaud(rate).withLine(line).withVerify(!noVerify)
                    .withForce(force).withStart(!noStart);
            ProgressPrinter printer = new ProgressPrinter(out, err, ctx.terminal());
            FlashResult result = Flasher.flash(req, printer, ctx.opener());
            printer.finish();
            if (result instanceof FlashResult.Flashed ok) {
                out.println(ProgressPrinter.summary(ok, target.board(), rate, line));
            } else if (result instanceof FlashResult.Failed f) {
                err.println("error: flash failed: " + f.message());
            }
            return result.exitCode();
        } catch (ImageFormatException e) {
            err.println("error: " + e.getMessage() + "; nothing was written");
            return 1;
        } catch (FlashException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (BoardCatalog.BuildFailedException e) {
            err.println("error: build failed: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + input + ": " + e.getMessage());
            return 1;
        }
    }
}
