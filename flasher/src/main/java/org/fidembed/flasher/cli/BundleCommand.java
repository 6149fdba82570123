// `fid-embed bundle --board B [-o OUT.fwpkg] IMAGE|SRC`: packs BIN, HEX, UF2 (when the chip has a family)
// and the ELF with a manifest (board, chip ID, sizes, SHA-256s, toolchain version) into a .fwpkg.
package org.fidembed.flasher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.FlashPlan;
import org.fidembed.flasher.bundle.Bundles;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.Images;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Write a firmware bundle (.fwpkg): the images plus a manifest that `flash` checks.")
public final class BundleCommand implements Callable<Integer> {
    @Option(names = "--board", required = true, paramLabel = "B", description = "board profile name or file")
    String board;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "bundle file (default: build/B/NAME.fwpkg)")
    Path output;

    @Option(names = "--address", paramLabel = "ADDR", converter = Converters.Address.class,
            description = "load address of a raw .bin (default: the flash origin)")
    Long address;

    @Parameters(index = "0", paramLabel = "IMAGE|SRC", description = "ELF, HEX, BIN or UF2 image, or sources to build")
    Path input;

    @CommandLine.Spec
    CommandSpec spec;

    private final CommandContext ctx;

    public BundleCommand(BoardCatalog catalog) {
        this(CommandContext.standard(catalog));
    }

    public BundleCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(input)) {
            err.println("error: " + input + ": no such file or folder");
            return 2;
        }
        Optional<BoardFacts> facts = ctx.catalog().lookup(board);
        if (facts.isEmpty()) {
            err.println("error: unknown board '" + board + "' (`fid-embed boards` lists them)");
            return 2;
        }
        BoardFacts f = facts.get();
        try {
            Path source = input;
            if (Files.isDirectory(input) || input.toString().toLowerCase(Locale.ROOT).endsWith(".fs")) {
                source = ctx.catalog().buildImage(board, input);
            }
            byte[] bytes = Files.readAllBytes(source);
            boolean isElf = ElfFile.looksLikeElf(bytes);
            FirmwareImage image = Images.read(source, address != null ? address : f.target().flash().origin());
            FlashPlan.make(image, f.target(), false, new java.util.ArrayList<>()); // refuse what could never be flashed
            String name = stem(source);
            Path out0 = output != null ? output : Path.of("build", board, name + ".fwpkg");
            if (out0.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out0.toAbsolutePath().getParent());
            }
            Bundles.write(out0, new Bundles.Spec(name, board, f.target().chip(), f.target().chipId(),
                    ctx.catalog().toolchainVersion(), image, isElf ? Optional.of(bytes) : Optional.empty(), f.uf2Family()));
            out.printf(Locale.ROOT, "wrote %s: %s for %s (chip ID 0x%03X), %d bytes of firmware%n", out0, name, board,
                    f.target().chipId(), image.dataBytes());
            out.flush();
            return 0;
        } catch (ImageFormatException | FlashException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (BoardCatalog.BuildFailedException e) {
            err.println("error: build failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String s = dot > 0 ? n.substring(0, dot) : n;
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
