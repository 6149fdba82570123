// Bundles round-trip with their manifest, and every kind of corruption or mismatch is refused with
// a message that names the problem: tampered bytes, missing or extra files, wrong board, not a ZIP.
package org.fidembed.flasher.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.fidembed.flasher.FailureKind;
import org.fidembed.flasher.FlashException;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.Images;
import org.fidembed.image.testing.TestImages;
import org.fidembed.flasher.testing.TestTargets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundlesTest {
    @TempDir
    Path tmp;

    static final FirmwareImage IMG = TestImages.cortexM(3000, 0x0800_2000L, 100, 11);

    Path write(String board, int chipId) throws Exception {
        Path out = tmp.resolve("app.fwpkg");
        Bundles.write(out, new Bundles.Spec("app", board, "STM32F103C8", chipId, "0.1.0-test", IMG,
                Optional.of(new byte[] {0x7F, 'E', 'L', 'F'}), OptionalInt.of(0x5ee21072)));
        return out;
    }

    @Test
    void roundTripKeepsImagesAndManifest() throws Exception {
        Path p = write("bluepill", 0x410);
        assertTrue(Bundles.looksLikeBundle(p));
        // the ELF in this test is a stub, so drop it before decoding: rebuild without it
        Path q = tmp.resolve("noelf.fwpkg");
        Bundles.write(q, new Bundles.Spec("app", "bluepill", "STM32F103C8", 0x410, "0.1.0-test", IMG, Optional.empty(),
                OptionalInt.of(0x5ee21072)));
        Bundle b = Bundles.read(q);
        BundleManifest m = b.manifest();
        assertEquals("bluepill", m.board());
        assertEquals(0x410, m.chipId());
        assertEquals("0.1.0-test", m.toolchain());
        assertEquals(3, m.images().size());
        assertEquals(Images.toBin(IMG).length, m.images().get(0).size());
        assertEquals(Bundles.sha256(Images.toBin(IMG)), m.images().get(0).sha256());
        assertTrue(Images.sameContents(IMG, Bundles.image(b)));
        Bundles.checkTarget(b, TestTargets.bluepill());
    }

    @Test
    void bundlesAreReproducible() throws Exception {
        Path a = write("bluepill", 0x410);
        byte[] first = Files.readAllBytes(a);
        Path b = write("bluepill", 0x410);
        assertArrayEquals(first, Files.readAllBytes(b));
    }

    @Test
    void aStubElfThatDisagreesWithTheOtherImagesIsRefused() throws Exception {
        Path p = write("bluepill", 0x410);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Bundles.read(p));
        assertTrue(e.getMessage().contains("corrupt ELF"), e.getMessage());
    }

    @Test
    void wrongBoardOrChipIsRefused() throws Exception {
        Path q = tmp.resolve("nano.fwpkg");
        Bundles.write(q, new Bundles.Spec("app", "longan-nano", "GD32VF103CB", 0x410, "0.1.0", IMG, Optional.empty(), OptionalInt.empty()));
        FlashException e = assertThrows(FlashException.class, () -> Bundles.checkTarget(Bundles.read(q), TestTargets.bluepill()));
        assertEquals(FailureKind.BAD_BUNDLE, e.kind());
        assertTrue(e.getMessage().contains("built for board 'longan-nano'"), e.getMessage());
        Path r = tmp.resolve("chip.fwpkg");
        Bundles.write(r, new Bundles.Spec("app", "bluepill", "STM32F103CB", 0x414, "0.1.0", IMG, Optional.empty(), OptionalInt.empty()));
        FlashException e2 = assertThrows(FlashException.class, () -> Bundles.checkTarget(Bundles.read(r), TestTargets.bluepill()));
        assertTrue(e2.getMessage().contains("chip ID 0x414"), e2.getMessage());
    }

    /** Rewrites a bundle's entries through f (name → bytes; null drops the entry). */
    Path tamper(Path src, java.util.function.BiFunction<String, byte[], byte[]> f, Map<String, byte[]> extra) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = ZipFile.builder().setPath(src).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(z.getEntries())) {
                byte[] data = z.getInputStream(e).readAllBytes();
                byte[] changed = f.apply(e.getName(), data);
                if (changed != null) {
                    entries.put(e.getName(), changed);
                }
            }
        }
        entries.putAll(extra);
        Path out = tmp.resolve("tampered-" + System.nanoTime() + ".fwpkg");
        try (OutputStream os = Files.newOutputStream(out); ZipArchiveOutputStream z = new ZipArchiveOutputStream(os)) {
            for (var e : entries.entrySet()) {
                z.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                z.write(e.getValue());
                z.closeArchiveEntry();
            }
        }
        return out;
    }

    Path good() throws Exception {
        Path q = tmp.resolve("good.fwpkg");
        Bundles.write(q, new Bundles.Spec("app", "bluepill", "STM32F103C8", 0x410, "0.1.0", IMG, Optional.empty(), OptionalInt.of(0x5ee21072)));
        return q;
    }

    void assertRefused(Path p, String expected) {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Bundles.read(p));
        assertTrue(e.getMessage().contains("corrupt firmware bundle") && e.getMessage().contains(expected),
                "'" + e.getMessage() + "' should mention '" + expected + "'");
    }

    @Test
    void tamperedImageBytesAreCaughtByTheHash() throws Exception {
        Path p = tamper(good(), (n, d) -> {
            if (n.equals("app.bin")) {
                d[100] ^= 1;
            }
            return d;
        }, Map.of());
        assertRefused(p, "app.bin has SHA-256");
    }

    @Test
    void missingExtraAndResizedFilesAreRefused() throws Exception {
        assertRefused(tamper(good(), (n, d) -> n.equals("app.hex") ? null : d, Map.of()), "does not hold it");
        assertRefused(tamper(good(), (n, d) -> d, Map.of("evil.bin", new byte[4])), "not in the manifest: evil.bin");
        assertRefused(tamper(good(), (n, d) -> n.equals("app.uf2") ? java.util.Arrays.copyOf(d, 512) : d, Map.of()), "app.uf2 is 512 bytes");
        assertRefused(tamper(good(), (n, d) -> n.equals(Bundles.MANIFEST) ? null : d, Map.of()), "no manifest.properties");
        assertRefused(tamper(good(), (n, d) -> n.equals(Bundles.MANIFEST)
                ? new String(d, StandardCharsets.UTF_8).replace("fid-embed-fwpkg/1", "other/9").getBytes(StandardCharsets.UTF_8) : d,
                Map.of()), "unknown bundle format");
    }

    @Test
    void imagesThatDisagreeAreRefusedEvenWithMatchingHashes() throws Exception {
        // a consistent manifest over a HEX that holds a different firmware than the BIN
        FirmwareImage other = TestImages.cortexM(3000, 0x0800_2000L, 100, 12);
        byte[] hex = Images.toHex(other).getBytes(StandardCharsets.US_ASCII);
        Path p = tamper(good(), (n, d) -> {
            if (n.equals("app.hex")) {
                return hex;
            }
            if (n.equals(Bundles.MANIFEST)) {
                String s = new String(d, StandardCharsets.UTF_8);
                String oldSum = s.lines().filter(l -> l.startsWith("image.1.sha256")).findFirst().orElseThrow().split("= ")[1];
                String oldSize = s.lines().filter(l -> l.startsWith("image.1.size")).findFirst().orElseThrow().split("= ")[1];
                return s.replace(oldSum, Bundles.sha256(hex)).replace("image.1.size = " + oldSize, "image.1.size = " + hex.length)
                        .getBytes(StandardCharsets.UTF_8);
            }
            return d;
        }, Map.of());
        assertRefused(p, "do not hold the same firmware");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path p = tmp.resolve("junk.fwpkg");
        Files.writeString(p, "this is not a zip file at all");
        assertRefused(p, "not a readable ZIP archive");
    }
}
