// `fid-embed size`: the memory report of an existing image, for every format `flash` reads. An ELF gives
// the report `build` prints (MemoryReport: the same figures, the stack labelled as the reserve); a HEX,
// BIN or UF2 holds only flash contents, so it gives the FLASH line and says so; a bundle its images'.
package org.fidembed.cli;

import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Target;
import org.fidembed.driver.MemoryReport;
import org.fidembed.flasher.bundle.Bundle;
import org.fidembed.flasher.bundle.Bundles;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.Images;
import org.fidembed.image.TargetImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

final class SizeReport {
    private SizeReport() { }

    /** The report text; a file that is no image of a known format is an ImageFormatException naming it. */
    static String render(Target t, Path image, boolean verbose) throws IOException, ImageFormatException {
        byte[] bytes = Files.readAllBytes(image);
        if (bytes.length == 0) throw new ImageFormatException(image + ": empty file, not an image");
        if (ElfFile.looksLikeElf(bytes)) return elf(t, ElfFile.parse(image.toString(), bytes), image.toString(), verbose);
        if (Bundles.looksLikeBundle(image)) {
            Bundle b = Bundles.read(image);
            Optional<String> elfName = b.manifest().images().stream().filter(e -> e.format() == Images.Format.ELF).map(e -> e.file()).findFirst();
            if (elfName.isPresent()) return elf(t, ElfFile.parse(b.origin() + "!" + elfName.get(), b.files().get(elfName.get())), b.origin(), verbose);
            return flashOnly(t, Bundles.image(b), "a bundle without an ELF");
        }
        Images.Format format = Images.detect(image, bytes);
        if (format == Images.Format.BIN && !image.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bin"))
            throw new ImageFormatException(image + ": not an image fid-embed reads (ELF, Intel HEX, UF2, BIN by its .bin name, or a .fwpkg bundle)");
        FirmwareImage img = TargetImages.read(image, t, t.codeRegion().origin());
        MemoryRegion code = t.codeRegion();
        if (img.isEmpty() || img.highAddress() <= code.origin() || img.lowAddress() >= code.end())
            throw new ImageFormatException(String.format(Locale.ROOT, "%s: none of its bytes is in board '%s''s %s (0x%08X..0x%08X)%s: it was built for another board",
                    image, t.name(), code.name(), code.origin(), code.end(),
                    img.isEmpty() ? "" : String.format(Locale.ROOT, "; they are at 0x%08X..0x%08X", img.lowAddress(), img.highAddress())));
        return flashOnly(t, img, "a " + format + " image");
    }

    private static String elf(Target t, ElfFile elf, String origin, boolean verbose) throws ImageFormatException {
        TargetImages.checkElf(elf, t, origin);
        StringBuilder sb = new StringBuilder(MemoryReport.of(t, elf).render(Optional.empty()));
        if (verbose) {
            sb.append("sections:\n");
            for (ElfFile.Section s : elf.sections()) {
                if ((s.flags() & ElfFile.SHF_ALLOC) == 0 || s.size() == 0) continue;
                sb.append(String.format(Locale.ROOT, "  %-20s 0x%08x %8d B%s%n", s.name(), s.addr(), s.size(),
                        s.type() == ElfFile.SHT_NOBITS ? "  (no bytes in the file)" : ""));
            }
        }
        return sb.toString();
    }

    /** What a flash-only image says: its bytes in the code region; RAM use is not in it. */
    private static String flashOnly(Target t, FirmwareImage img, String what) {
        MemoryRegion code = t.codeRegion();
        long inCode = 0;
        for (var c : img.chunks())
            inCode += Math.max(0, Math.min(c.end(), code.end()) - Math.max(c.address(), code.origin()));
        long outside = img.dataBytes() - inCode;
        return String.format(Locale.ROOT, "%s %d / %d B  (%4.1f%%)%n", code.name(), inCode, code.length(), 100.0 * inCode / code.length())
                + (outside > 0 ? String.format(Locale.ROOT, "  and %d B outside %s (0x%08X..0x%08X)%n", outside, code.name(), code.origin(), code.end()) : "")
                + t.dataRegion().name() + " unknown: " + what + " holds only what goes into flash (size the ELF for static data and the stack reserve)\n";
    }
}
