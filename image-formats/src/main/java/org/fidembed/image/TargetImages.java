// Reading an image for one board: before any address is looked at, an ELF must be for the board's
// machine (ARM or RISC-V, 32-bit) and a UF2 with a family ID for the board's chip family, so that a
// mix-up is reported as one, not as "the image is outside flash" or as a success.
package org.fidembed.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fidembed.board.Target;

public final class TargetImages {
    private TargetImages() {}

    /** Any supported image, checked against the board; a BIN is placed at binAddress. */
    public static FirmwareImage read(Path path, Target target, long binAddress) throws IOException, ImageFormatException {
        byte[] bytes = Files.readAllBytes(path);
        String origin = path.toString();
        return switch (Images.detect(path, bytes)) {
            case ELF -> {
                ElfFile elf = ElfFile.parse(origin, bytes);
                checkElf(elf, target, origin);
                yield elf.image();
            }
            case HEX -> IntelHex.parse(new String(bytes, StandardCharsets.ISO_8859_1), origin);
            case UF2 -> {
                Uf2.Contents c = Uf2.read(bytes, origin);
                checkUf2(c, target, origin);
                yield c.image();
            }
            case BIN -> {
                if (bytes.length == 0) throw new ImageFormatException(origin + ": empty BIN file");
                yield FirmwareImage.of(binAddress, bytes);
            }
        };
    }

    /** The ELF's machine and class must be the board's. */
    public static void checkElf(ElfFile elf, Target t, String origin) throws ImageFormatException {
        String want = t.arch().elfName() + " 32-bit (" + t.cpuSummary() + ")";
        if (elf.is64() || elf.machine() != t.arch().elfMachine()) {
            throw new ImageFormatException(String.format(Locale.ROOT, "%s is an ELF for %s, but board '%s' needs %s: it was built for another board",
                    origin, machineName(elf), t.name(), want));
        }
    }

    /** A UF2 that names a family must name the chip's. */
    public static void checkUf2(Uf2.Contents c, Target t, String origin) throws ImageFormatException {
        if (c.family().isEmpty()) return;
        int got = c.family().getAsInt();
        if (t.uf2Family().isPresent() && t.uf2Family().getAsInt() == got) return;
        throw new ImageFormatException(String.format(Locale.ROOT, "%s is a UF2 for family 0x%08X, but board '%s' (%s) is %s: it was built for another chip",
                origin, got, t.name(), t.chip(),
                t.uf2Family().isPresent() ? String.format(Locale.ROOT, "family 0x%08X", t.uf2Family().getAsInt()) : "of no UF2 family"));
    }

    static String machineName(ElfFile elf) {
        String m = switch (elf.machine()) {
            case ElfFile.EM_ARM -> "ARM";
            case ElfFile.EM_RISCV -> "RISC-V";
            case 3 -> "x86";
            case 62 -> "x86-64";
            case 183 -> "AArch64";
            default -> "machine " + elf.machine();
        };
        return m + (elf.is64() ? " 64-bit" : " 32-bit");
    }
}
