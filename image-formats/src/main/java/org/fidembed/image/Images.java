// The image-format entry points the CLI and the flasher call: read ELF/HEX/BIN/UF2, write BIN/HEX/UF2.
// All conversions happen in-process; no external objcopy is needed.
package org.fidembed.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

public final class Images {
    /** A BIN larger than this is almost always a mistake (a RAM section placed at its VMA). */
    public static final long MAX_BIN = 256L << 20;

    public enum Format { ELF, HEX, BIN, UF2 }

    private Images() {}

    public static FirmwareImage readElf(Path path) throws IOException, ImageFormatException {
        return ElfFile.parse(path.toString(), Files.readAllBytes(path)).image();
    }

    public static FirmwareImage readElf(byte[] bytes, String origin) throws ImageFormatException {
        return ElfFile.parse(origin, bytes).image();
    }

    public static FirmwareImage readHex(Path path) throws IOException, ImageFormatException {
        return IntelHex.parse(Files.readString(path, StandardCharsets.ISO_8859_1), path.toString());
    }

    public static FirmwareImage readBin(Path path, long address) throws IOException, ImageFormatException {
        byte[] b = Files.readAllBytes(path);
        if (b.length == 0) {
            throw new ImageFormatException(path + ": empty BIN file");
        }
        return FirmwareImage.of(address, b);
    }

    /** Recognises the format by content (ELF and UF2 magic, HEX's ':'), falling back to the extension. */
    public static Format detect(Path path, byte[] bytes) {
        if (ElfFile.looksLikeElf(bytes)) {
            return Format.ELF;
        }
        if (Uf2.looksLikeUf2(bytes)) {
            return Format.UF2;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".bin")) {
            return Format.BIN; // raw bytes may start with ':' too
        }
        if (name.endsWith(".hex") || name.endsWith(".ihex") || (bytes.length > 0 && bytes[0] == ':')) {
            return Format.HEX;
        }
        if (name.endsWith(".elf")) {
            return Format.ELF; // will fail with a clear "not an ELF file"
        }
        return Format.BIN;
    }

    /** Reads any supported image; a BIN is placed at binAddress. */
    public static FirmwareImage read(Path path, long binAddress) throws IOException, ImageFormatException {
        byte[] bytes = Files.readAllBytes(path);
        return switch (detect(path, bytes)) {
            case ELF -> ElfFile.parse(path.toString(), bytes).image();
            case HEX -> IntelHex.parse(new String(bytes, StandardCharsets.ISO_8859_1), path.toString());
            case UF2 -> Uf2.read(bytes, path.toString()).image();
            case BIN -> {
                if (bytes.length == 0) {
                    throw new ImageFormatException(path + ": empty BIN file");
                }
                yield FirmwareImage.of(binAddress, bytes);
            }
        };
    }

    /** The flat bytes from the lowest to the highest address, gaps filled with 0xFF (objcopy --gap-fill 0xff). */
    public static byte[] toBin(FirmwareImage image) throws ImageFormatException {
        if (image.isEmpty()) {
            throw new ImageFormatException("the image holds no loadable data");
        }
        long span = image.highAddress() - image.lowAddress();
        if (span > MAX_BIN) {
            throw new ImageFormatException("a BIN would be %d MiB: data at 0x%08X and below 0x%08X are far apart (a RAM section at its run address?)"
                    .formatted(span >> 20, image.lowAddress(), image.highAddress()));
        }
        return image.slice(image.lowAddress(), image.highAddress(), 0xFF);
    }

    public static String toHex(FirmwareImage image) {
        return IntelHex.write(image);
    }

    public static byte[] toUf2(FirmwareImage image, OptionalInt family) {
        return Uf2.write(image, family);
    }

    public static void writeBin(FirmwareImage image, Path out) throws IOException, ImageFormatException {
        Files.write(out, toBin(image));
    }

    public static void writeHex(FirmwareImage image, Path out) throws IOException {
        Files.writeString(out, toHex(image), StandardCharsets.US_ASCII);
    }

    public static void writeUf2(FirmwareImage image, OptionalInt family, Path out) throws IOException {
        Files.write(out, toUf2(image, family));
    }

    /** True when two images put the same bytes at the same addresses (chunk boundaries and entry ignored). */
    public static boolean sameContents(FirmwareImage a, FirmwareImage b) {
        var sa = a.spans();
        var sb = b.spans();
        if (sa.size() != sb.size()) {
            return false;
        }
        for (int i = 0; i < sa.size(); i++) {
            if (sa.get(i).address() != sb.get(i).address() || !Arrays.equals(sa.get(i).data(), sb.get(i).data())) {
                return false;
            }
        }
        return true;
    }

}
