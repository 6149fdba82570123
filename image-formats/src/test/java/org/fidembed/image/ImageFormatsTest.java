// Unit tests of the in-process image formats: ELF reading (segments, LMA vs VMA, symbols), BIN gap fill,
// Intel HEX layout and strict parsing, UF2 blocks and family IDs, and clear errors for corrupt input.
package org.fidembed.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.fidembed.image.testing.TestElf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFormatsTest {
    @TempDir
    Path tmp;

    static final byte[] TEXT = seq(300, 1);
    static final byte[] DATA = seq(12, 7);

    /** .text at 0x08000000; .data runs at 0x20000000 but is stored (LMA) at 0x08000200. */
    static byte[] sampleElf() {
        return TestElf.build(40, 0x08000009L, List.of(
                new TestElf.Part(".text", 0x0800_0000L, 0x0800_0000L, TEXT, true),
                new TestElf.Part(".data", 0x2000_0000L, 0x0800_0200L, DATA, false)),
                List.of(new TestElf.Func("reset", 0x08000009L, 40), new TestElf.Func("main", 0x08000031L, 100)));
    }

    static byte[] seq(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void elfSectionsLandAtTheirLoadAddress() throws Exception {
        FirmwareImage img = Images.readElf(sampleElf(), "sample.elf");
        assertEquals(2, img.chunks().size());
        assertEquals(0x0800_0000L, img.chunks().get(0).address());
        assertEquals(0x0800_0200L, img.chunks().get(1).address(), ".data is flashed at its LMA, not its RAM address");
        assertArrayEquals(DATA, img.chunks().get(1).data());
        assertEquals(OptionalLong.of(0x08000009L), img.entry());
    }

    @Test
    void elfFunctionSymbolsHaveTheThumbBitCleared() throws Exception {
        List<ElfFile.Symbol> f = ElfFile.parse("s", sampleElf()).functions();
        assertEquals(List.of("reset", "main"), f.stream().map(ElfFile.Symbol::name).toList());
        assertEquals(0x08000008L, f.get(0).address());
    }

    @Test
    void binFillsGapsWithErasedBytes() throws Exception {
        byte[] bin = Images.toBin(Images.readElf(sampleElf(), "s"));
        assertEquals(0x200 + DATA.length, bin.length);
        assertArrayEquals(TEXT, Arrays.copyOf(bin, TEXT.length));
        for (int i = TEXT.length; i < 0x200; i++) {
            assertEquals((byte) 0xFF, bin[i], "gap byte " + i);
        }
        assertArrayEquals(DATA, Arrays.copyOfRange(bin, 0x200, 0x200 + DATA.length));
    }

    @Test
    void binRefusesAnImageSpanningRamAndFlash() {
        FirmwareImage img = new FirmwareImage(List.of(new Chunk(0x0800_0000L, new byte[4]), new Chunk(0x2000_0000L, new byte[4])),
                OptionalLong.empty());
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Images.toBin(img));
        assertTrue(e.getMessage().contains("far apart"), e.getMessage());
    }

    @Test
    void hexRoundTripsAndUsesExtendedLinearAddresses() throws Exception {
        FirmwareImage img = Images.readElf(sampleElf(), "s");
        String hex = Images.toHex(img);
        assertTrue(hex.startsWith(":020000040800F2\r\n"), hex);
        assertTrue(hex.contains(":040000050800000" + "9"), "start linear address record: " + hex);
        assertTrue(hex.endsWith(":00000001FF\r\n"));
        FirmwareImage back = IntelHex.parse(hex, "x.hex");
        assertTrue(Images.sameContents(img, back));
        assertEquals(img.entry(), back.entry());
    }

    @Test
    void hexRecordsNeverCross64KiB() throws Exception {
        FirmwareImage img = FirmwareImage.of(0x0800_FFF8L, seq(40, 3));
        String hex = Images.toHex(img);
        assertTrue(hex.contains(":08FFF800"), hex);
        assertTrue(hex.contains(":020000040801F1"), hex);
        assertTrue(Images.sameContents(img, IntelHex.parse(hex, "x")));
    }

    @Test
    void corruptHexIsRefusedWithLineNumbers() {
        String good = Images.toHex(FirmwareImage.of(0x0800_0000L, seq(40, 3)));
        assertMessage(() -> IntelHex.parse(good.replace(":00000001FF\r\n", ""), "t.hex"), "no end-of-file record");
        assertMessage(() -> IntelHex.parse(flipChecksum(good), "t.hex"), "t.hex:2: checksum mismatch");
        assertMessage(() -> IntelHex.parse("hello\n", "t.hex"), "t.hex:1: not an Intel HEX record");
        assertMessage(() -> IntelHex.parse(":10000000ZZ\n", "t.hex"), "t.hex:1:");
        assertMessage(() -> IntelHex.parse(good + ":0400000000000000FC\n", "t.hex"), "after the end-of-file record");
    }

    static String flipChecksum(String hex) {
        String[] lines = hex.split("\r\n");
        String l = lines[1];
        char last = l.charAt(l.length() - 1);
        lines[1] = l.substring(0, l.length() - 1) + (last == '0' ? '1' : '0');
        return String.join("\n", lines) + "\n";
    }

    @Test
    void overlappingHexDataIsRefused() {
        String a = Images.toHex(FirmwareImage.of(0x100, seq(16, 1)));
        String b = Images.toHex(FirmwareImage.of(0x108, seq(16, 2)));
        String both = a.replace(":00000001FF\r\n", "") + b;
        assertMessage(() -> IntelHex.parse(both, "o.hex"), "overlapping");
    }

    @Test
    void corruptElfIsRefusedWithAClearMessage() {
        byte[] elf = sampleElf();
        assertMessage(() -> Images.readElf(Arrays.copyOf(elf, 40), "t.elf"), "t.elf: corrupt ELF: truncated ELF header");
        assertMessage(() -> Images.readElf(Arrays.copyOf(elf, 200), "t.elf"), "lies outside the file");
        byte[] badMagic = elf.clone();
        badMagic[1] = 'X';
        assertMessage(() -> Images.readElf(badMagic, "t.elf"), "not an ELF file");
        byte[] badPh = elf.clone();
        ByteBuffer.wrap(badPh).order(ByteOrder.LITTLE_ENDIAN).putInt(28, 0x7FFF_0000);
        assertMessage(() -> Images.readElf(badPh, "t.elf"), "program header table");
        byte[] badShstr = elf.clone();
        ByteBuffer.wrap(badShstr).order(ByteOrder.LITTLE_ENDIAN).putShort(50, (short) 99);
        assertMessage(() -> Images.readElf(badShstr, "t.elf"), "section name table index");
    }

    @Test
    void uf2HasOneBlockPer256BytesWithTheFamily() throws Exception {
        FirmwareImage img = Images.readElf(sampleElf(), "s");
        int family = org.fidembed.board.Profiles.load("bluepill").uf2Family().orElseThrow(); // profile data
        assertEquals(0x5ee21072, family);
        byte[] uf2 = Images.toUf2(img, OptionalInt.of(family));
        assertEquals(3 * 512, uf2.length, "windows 0x08000000, 0x08000100, 0x08000200");
        ByteBuffer b = ByteBuffer.wrap(uf2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 3; i++) {
            assertEquals(Uf2.MAGIC_START0, b.getInt(i * 512));
            assertEquals(Uf2.FLAG_FAMILY_ID, b.getInt(i * 512 + 8));
            assertEquals(0x0800_0000 + 256 * i, b.getInt(i * 512 + 12));
            assertEquals(256, b.getInt(i * 512 + 16));
            assertEquals(i, b.getInt(i * 512 + 20));
            assertEquals(3, b.getInt(i * 512 + 24));
            assertEquals(family, b.getInt(i * 512 + 28));
            assertEquals(Uf2.MAGIC_END, b.getInt(i * 512 + 508));
        }
        Uf2.Contents back = Uf2.read(uf2, "x.uf2");
        assertEquals(OptionalInt.of(family), back.family());
        assertArrayEquals(img.slice(0x0800_0000L, 0x0800_0300L, 0xFF), back.image().slice(0x0800_0000L, 0x0800_0300L, 0xFF));
    }

    @Test
    void corruptUf2IsRefused() throws Exception {
        byte[] uf2 = Images.toUf2(FirmwareImage.of(0x1000, seq(600, 1)), OptionalInt.empty());
        assertMessage(() -> Uf2.read(Arrays.copyOf(uf2, 700), "u.uf2"), "not a multiple of 512");
        byte[] bad = uf2.clone();
        bad[512 + 508] = 0;
        assertMessage(() -> Uf2.read(bad, "u.uf2"), "bad magic in block 1");
    }

    @Test
    void readDetectsTheFormatByContent() throws Exception {
        FirmwareImage img = Images.readElf(sampleElf(), "s");
        Path elf = tmp.resolve("a.elf");
        Files.write(elf, sampleElf());
        Path hex = tmp.resolve("a.dat");
        Images.writeHex(img, hex);
        Path uf2 = tmp.resolve("a.uf2");
        Images.writeUf2(img, OptionalInt.empty(), uf2);
        Path bin = tmp.resolve("a.bin");
        Images.writeBin(img, bin);
        assertTrue(Images.sameContents(img, Images.read(elf, 0)));
        assertTrue(Images.sameContents(img, Images.read(hex, 0)));
        FirmwareImage fromBin = Images.read(bin, 0x0800_0000L);
        assertArrayEquals(Images.toBin(img), Images.toBin(fromBin));
        assertEquals(0x0800_0000L, Images.read(uf2, 0).lowAddress());
        Path colon = tmp.resolve("colon.bin");
        Files.write(colon, new byte[] {':', 1, 2, 3});
        assertEquals(4, Images.read(colon, 0x100).dataBytes(), "a .bin starting with ':' is still a BIN");
        Path empty = tmp.resolve("e.bin");
        Files.write(empty, new byte[0]);
        assertMessage(() -> Images.read(empty, 0), "empty BIN");
    }

    interface Thrower {
        void run() throws Exception;
    }

    static void assertMessage(Thrower t, String expected) {
        ImageFormatException e = assertThrows(ImageFormatException.class, t::run);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
