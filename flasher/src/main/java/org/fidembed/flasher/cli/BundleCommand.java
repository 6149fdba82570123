// `fid-embed bundle --board B [-o OUT.fwpkg] [--sign KEY] IMAGE|SRC`: packs BIN, HEX, UF2 (when the chip has a
// family) and the ELF with a manifest (board, chip ID, sizes, SHA-256s, toolchain version) into a .fwpkg,
// signed with an Ed25519 key when asked, so that `flash --require-signature` can check who made it.
package org.fidembed.flasher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fidembed.board.ProfileException;
import org.fidembed.board.Target;
import org.fidembed.diag.Style;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.FlashPlan;
import org.fidembed.flasher.bundle.Bundles;
import org.fidembed.flasher.bundle.Signing;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.TargetImages;
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

    @Option(names = "--sign", paramLabel = "KEY", description = "sign the manifest with this Ed25519 private key (PKCS#8 PEM, "
            + "as `openssl genpkey -algorithm ed25519` writes it)")
    Path signingKey;

    @Option(names = "--no-color", description = "no colour in messages (also: the NO_COLOR environment variable)")
    boolean noColor;

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
        Style style = ctx.style(noColor);
        String error = style.error("error") + ": ";
        if (!Files.exists(input)) {
            err.println(error + input + ": no such file or folder");
            return 2;
        }
        Path out0 = null;
        try {
            Target t = ctx.catalog().load(board);
            Optional<java.security.PrivateKey> key = signingKey == null ? Optional.empty() : Optional.of(Signing.privateKey(signingKey));
            Path source = input;
            if (Files.isDirectory(input) || input.toString().toLowerCase(Locale.ROOT).endsWith(".fs")) {
                source = ctx.catalog().buildImage(board, input);
            }
            byte[] bytes = Files.readAllBytes(source);
            boolean isElf = ElfFile.looksLikeElf(bytes);
            FirmwareImage image = TargetImages.read(source, t, address != null ? address : t.codeRegion().origin());
            FlashPlan.check(image, t, false, "", new java.util.ArrayList<>()); // refuse what could never be flashed
            String name = stem(source);
            out0 = output != null ? output : Path.of("build", t.name(), name + ".fwpkg");
            if (out0.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out0.toAbsolutePath().getParent());
            }
            int chipId = t.flash().map(f -> f.chipId()).orElse(0);
            Bundles.write(out0, new Bundles.Spec(name, t.name(), t.chip(), chipId, ctx.catalog().toolchainVersion(), image,
                    isElf ? Optional.of(bytes) : Optional.empty(), t.uf2Family()), key);
            out.printf(Locale.ROOT, "wrote %s: %s for %s (chip ID 0x%03X), %d bytes of firmware%s%n", out0, name, t.name(), chipId,
                    image.dataBytes(), key.isPresent() ? ", signed with " + signingKey : "");
            out.flush();
            return 0;
        } catch (ProfileException e) {
            err.println(error + e.getMessage());
            return 2;
        } catch (Signing.KeyException e) {
            err.println(error + "--sign " + e.getMessage());
            return 2;
        } catch (ImageFormatException | FlashException e) {
            err.println(error + e.getMessage());
            return 1;
        } catch (BoardCatalog.BuildFailedException e) {
            err.println(error + "build failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            String what = e instanceof java.nio.file.NoSuchFileException n ? "cannot create " + n.getFile()
                    + " (the folder does not take new files)"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
            err.println(error + "cannot write the bundle " + (out0 != null ? out0 : input) + ": " + what + "; nothing was written");
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
