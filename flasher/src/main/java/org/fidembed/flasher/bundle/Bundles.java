// `fid-embed bundle`: writes a .fwpkg (a ZIP made with Apache Commons Compress) with BIN, HEX, UF2 and ELF
// images plus a manifest; reads one back checking sizes, SHA-256s, image agreement and the target board.
package org.fidembed.flasher.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.fidembed.flasher.FailureKind;
import org.fidembed.flasher.FlashException;
import org.fidembed.board.Target;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.Images;
import org.fidembed.image.IntelHex;
import org.fidembed.image.Uf2;

public final class Bundles {
    public static final String MANIFEST = "manifest.properties";
    /** The Ed25519 signature of the manifest's bytes, base64, when the bundle is signed. */
    public static final String SIGNATURE = "manifest.sig";
    private static final long MAX_ENTRY = 64L << 20;
    private static final int MAX_ENTRIES = 16;
    private static final FileTime EPOCH = FileTime.fromMillis(1_767_225_600_000L); // 2026-01-01, reproducible archives

    private Bundles() {}

    /** What to put in a bundle; elf is the linker output when available (kept for symbols). */
    public record Spec(String name, String board, String chip, int chipId, String toolchain, FirmwareImage image,
            Optional<byte[]> elf, OptionalInt uf2Family) {}

    public static boolean looksLikeBundle(Path path) {
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fwpkg")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(Path out, Spec spec) throws IOException, ImageFormatException {
        write(out, spec, Optional.empty());
    }

    /**
     * Writes the bundle, signed when a key is given, through a temporary file beside it that is removed if
     * anything fails (an unwritable folder leaves nothing behind).
     */
    public static void write(Path out, Spec spec, Optional<java.security.PrivateKey> key) throws IOException, ImageFormatException {
        if (!spec.name().matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("bundle image name '" + spec.name() + "' must be a plain file name");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<BundleManifest.Entry> entries = new ArrayList<>();
        FirmwareImage img = spec.image();
        add(files, entries, spec.name() + ".bin", Images.Format.BIN, img.lowAddress(), Images.toBin(img));
        add(files, entries, spec.name() + ".hex", Images.Format.HEX, img.lowAddress(),
                Images.toHex(img).getBytes(StandardCharsets.US_ASCII));
        if (spec.uf2Family().isPresent()) {
            add(files, entries, spec.name() + ".uf2", Images.Format.UF2, img.lowAddress(), Images.toUf2(img, spec.uf2Family()));
        }
        if (spec.elf().isPresent()) {
            add(files, entries, spec.name() + ".elf", Images.Format.ELF, img.lowAddress(), spec.elf().get());
        }
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, spec.board(), spec.chip(), spec.chipId(),
                spec.toolchain(), entries);
        byte[] manifest = manifestText(m).getBytes(StandardCharsets.UTF_8);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipArchiveOutputStream zip = new ZipArchiveOutputStream(os)) {
                put(zip, MANIFEST, manifest);
                if (key.isPresent()) {
                    put(zip, SIGNATURE, (java.util.Base64.getEncoder().encodeToString(Signing.sign(manifest, key.get())) + "\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                for (var e : files.entrySet()) {
                    put(zip, e.getKey(), e.getValue());
                }
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void add(Map<String, byte[]> files, List<BundleManifest.Entry> entries, String file, Images.Format f,
            long address, byte[] bytes) {
        files.put(file, bytes);
        entries.add(new BundleManifest.Entry(file, f, address, bytes.length, sha256(bytes)));
    }

    private static void put(ZipArchiveOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setLastModifiedTime(EPOCH);
        e.setSize(bytes.length);
        zip.putArchiveEntry(e);
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    static String manifestText(BundleManifest m) {
        StringBuilder b = new StringBuilder();
        b.append("# fid-embed firmware bundle\n");
        line(b, "format", m.format());
        line(b, "board", m.board());
        line(b, "chip", m.chip());
        line(b, "chip-id", String.format(Locale.ROOT, "0x%03X", m.chipId()));
        line(b, "toolchain", m.toolchain());
        line(b, "images", Integer.toString(m.images().size()));
        for (int i = 0; i < m.images().size(); i++) {
            BundleManifest.Entry e = m.images().get(i);
            String p = "image." + i + ".";
            line(b, p + "file", e.file());
            line(b, p + "format", e.format().name().toLowerCase(Locale.ROOT));
            line(b, p + "address", String.format(Locale.ROOT, "0x%08X", e.address()));
            line(b, p + "size", Long.toString(e.size()));
            line(b, p + "sha256", e.sha256());
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String k, String v) {
        if (v.contains("\n") || v.contains("\r")) {
            throw new IllegalArgumentException("manifest value for " + k + " spans lines");
        }
        b.append(k).append(" = ").append(v).append('\n');
    }

    /** Reads and checks a bundle: every listed file present with its size and SHA-256, nothing unlisted. */
    public static Bundle read(Path path) throws IOException, ImageFormatException {
        return read(Files.readAllBytes(path), path.toString());
    }

    /** The same for a bundle's bytes in memory (origin names it in messages). */
    public static Bundle read(byte[] bytes, String origin) throws ImageFormatException {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes)).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                String name = e.getName();
                if (e.isDirectory() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw corrupt(origin, "unexpected entry '" + name + "'");
                }
                if (raw.containsKey(name)) {
                    throw corrupt(origin, "entry '" + name + "' appears twice");
                }
                if (raw.size() >= MAX_ENTRIES) {
                    throw corrupt(origin, "too many entries");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    if (in == null) {
                        throw corrupt(origin, "entry '" + name + "' cannot be read");
                    }
                    byte[] data = in.readNBytes((int) MAX_ENTRY + 1);
                    if (data.length > MAX_ENTRY) {
                        throw corrupt(origin, "entry '" + name + "' is larger than 64 MiB");
                    }
                    checkCrc(origin, e, data);
                    raw.put(name, data);
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException | RuntimeException e) {
            throw corrupt(origin, "not a readable ZIP archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw corrupt(origin, "not a readable ZIP archive (" + e.getMessage() + ")");
        }
        byte[] sigText = raw.remove(SIGNATURE);
        byte[] manifestBytes = raw.remove(MANIFEST);
        if (manifestBytes == null) {
            throw corrupt(origin, "no " + MANIFEST);
        }
        BundleManifest m = parseManifest(new String(manifestBytes, StandardCharsets.UTF_8), origin);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (BundleManifest.Entry e : m.images()) {
            byte[] data = raw.remove(e.file());
            if (data == null) {
                throw corrupt(origin, "the manifest lists " + e.file() + " but the bundle does not hold it");
            }
            if (data.length != e.size()) {
                throw corrupt(origin, e.file() + " is " + data.length + " bytes, the manifest says " + e.size());
            }
            String sum = sha256(data);
            if (!sum.equals(e.sha256())) {
                throw corrupt(origin, e.file() + " has SHA-256 " + sum + ", the manifest says " + e.sha256());
            }
            files.put(e.file(), data);
        }
        if (!raw.isEmpty()) {
            throw corrupt(origin, "files not in the manifest: " + String.join(", ", raw.keySet()));
        }
        Optional<byte[]> signature = Optional.empty();
        if (sigText != null) {
            try {
                signature = Optional.of(java.util.Base64.getDecoder().decode(new String(sigText, StandardCharsets.US_ASCII).strip()));
            } catch (IllegalArgumentException e) {
                throw corrupt(origin, SIGNATURE + " is not base64");
            }
        }
        Bundle b = new Bundle(origin, m, manifestBytes, signature, files);
        image(b); // decodes each image and checks they agree
        return b;
    }

    /**
     * The image to flash, decoded from the bundle: the HEX (sparse, so gap pages are not erased), else the ELF,
     * the UF2, the BIN. Every image the bundle holds must put the same bytes into flash (gaps read as 0xFF).
     */
    public static FirmwareImage image(Bundle b) throws ImageFormatException {
        Map<Images.Format, FirmwareImage> decoded = new java.util.EnumMap<>(Images.Format.class);
        Map<Images.Format, String> names = new java.util.EnumMap<>(Images.Format.class);
        for (BundleManifest.Entry e : b.manifest().images()) {
            byte[] data = b.files().get(e.file());
            String where = b.origin() + "!" + e.file();
            FirmwareImage img = switch (e.format()) {
                case HEX -> IntelHex.parse(new String(data, StandardCharsets.ISO_8859_1), where);
                case BIN -> FirmwareImage.of(e.address(), data);
                case ELF -> ElfFile.parse(where, data).image();
                case UF2 -> Uf2.read(data, where).image();
            };
            if (decoded.put(e.format(), img) != null) {
                throw corrupt(b.origin(), "it holds two " + e.format() + " images");
            }
            names.put(e.format(), e.file());
        }
        FirmwareImage chosen = null;
        Images.Format chosenFormat = null;
        for (Images.Format f : List.of(Images.Format.HEX, Images.Format.ELF, Images.Format.UF2, Images.Format.BIN)) {
            if (decoded.containsKey(f)) {
                chosen = decoded.get(f);
                chosenFormat = f;
                break;
            }
        }
        if (chosen == null) {
            throw corrupt(b.origin(), "it holds no image");
        }
        for (var e : decoded.entrySet()) {
            if (e.getKey() != chosenFormat && !sameFlashBytes(chosen, e.getValue())) {
                throw corrupt(b.origin(), names.get(e.getKey()) + " and " + names.get(chosenFormat)
                        + " do not hold the same firmware");
            }
        }
        return chosen;
    }

    private static boolean sameFlashBytes(FirmwareImage a, FirmwareImage b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty();
        }
        long lo = Math.min(a.lowAddress(), b.lowAddress());
        long hi = Math.max(a.highAddress(), b.highAddress());
        if (hi - lo > Images.MAX_BIN) {
            return false;
        }
        return java.util.Arrays.equals(a.slice(lo, hi, 0xFF), b.slice(lo, hi, 0xFF));
    }

    /** The CRC-32 that the archive records for an entry must be its data's: a flipped bit anywhere is caught. */
    private static void checkCrc(String origin, ZipArchiveEntry e, byte[] data) throws ImageFormatException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        if (e.getCrc() < 0 || e.getCrc() != crc.getValue() || (e.getSize() >= 0 && e.getSize() != data.length)) {
            throw corrupt(origin, String.format(Locale.ROOT, "entry '%s' fails its CRC-32 check (recorded %08X, data %08X)",
                    e.getName(), e.getCrc(), crc.getValue()));
        }
    }

    /** A bundle must carry a valid Ed25519 signature of its manifest by the key whose public half is given. */
    public static void checkSignature(Bundle b, Path publicKeyPem) throws FlashException {
        java.security.PublicKey key;
        try {
            key = Signing.publicKey(publicKeyPem);
        } catch (Signing.KeyException e) {
            throw new FlashException(FailureKind.BAD_BUNDLE, e.getMessage());
        }
        if (b.signature().isEmpty()) {
            throw new FlashException(FailureKind.BAD_BUNDLE, b.origin() + " is not signed (bundle --sign KEY signs one); nothing was written");
        }
        if (!Signing.verify(b.manifestBytes(), b.signature().get(), key)) {
            throw new FlashException(FailureKind.BAD_BUNDLE, b.origin() + ": the signature does not match " + publicKeyPem
                    + " (the bundle was changed after signing, or signed with another key); nothing was written");
        }
    }

    /** Refuses a bundle made for another board or chip; called before the port is opened. */
    public static void checkTarget(Bundle b, Target target) throws FlashException {
        BundleManifest m = b.manifest();
        int chipId = target.flash().map(f -> f.chipId()).orElse(0);
        if (!m.board().equals(target.name())) {
            throw new FlashException(FailureKind.BAD_BUNDLE, b.origin() + " was built for board '" + m.board() + "' ("
                    + m.chip() + "), not '" + target.name() + "'; nothing was written");
        }
        if (m.chipId() != chipId) {
            throw new FlashException(FailureKind.BAD_BUNDLE, String.format(Locale.ROOT,
                    "%s names chip ID 0x%03X but board '%s' has 0x%03X; nothing was written", b.origin(), m.chipId(),
                    target.name(), chipId));
        }
    }

    static BundleManifest parseManifest(String text, String origin) throws ImageFormatException {
        Map<String, String> kv = new LinkedHashMap<>();
        int ln = 0;
        for (String line : text.split("\n")) {
            ln++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw corrupt(origin, MANIFEST + ":" + ln + ": expected key = value");
            }
            kv.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        String format = need(kv, "format", origin);
        if (!format.equals(BundleManifest.FORMAT)) {
            throw corrupt(origin, "unknown bundle format '" + format + "' (this flasher reads " + BundleManifest.FORMAT + ")");
        }
        int count = (int) number(kv, "images", origin);
        List<BundleManifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = "image." + i + ".";
            Images.Format f;
            try {
                f = Images.Format.valueOf(need(kv, p + "format", origin).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw corrupt(origin, "unknown image format for " + p + "format");
            }
            String sha = need(kv, p + "sha256", origin);
            if (!sha.matches("[0-9a-f]{64}")) {
                throw corrupt(origin, p + "sha256 is not a SHA-256");
            }
            entries.add(new BundleManifest.Entry(need(kv, p + "file", origin), f, number(kv, p + "address", origin),
                    number(kv, p + "size", origin), sha));
        }
        return new BundleManifest(format, need(kv, "board", origin), need(kv, "chip", origin),
                (int) number(kv, "chip-id", origin), need(kv, "toolchain", origin), entries);
    }

    private static String need(Map<String, String> kv, String key, String origin) throws ImageFormatException {
        String v = kv.get(key);
        if (v == null || v.isEmpty()) {
            throw corrupt(origin, "the manifest has no " + key);
        }
        return v;
    }

    private static long number(Map<String, String> kv, String key, String origin) throws ImageFormatException {
        String v = need(kv, key, origin);
        try {
            return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw corrupt(origin, "the manifest's " + key + " is not a number: " + v);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImageFormatException corrupt(String origin, String what) {
        return new ImageFormatException(origin + ": corrupt firmware bundle: " + what);
    }

}
