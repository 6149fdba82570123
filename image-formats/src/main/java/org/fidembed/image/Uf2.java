// UF2 writer and reader (512-byte blocks, 256 payload bytes each, family ID flag when the chip has one).
// A chip's family ID is profile data (uf2-family in its chip file), checked by TargetImages.
package org.fidembed.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

public final class Uf2 {
    public static final int MAGIC_START0 = 0x0A324655;
    public static final int MAGIC_START1 = 0x9E5D5157;
    public static final int MAGIC_END = 0x0AB16F30;
    public static final int FLAG_NOT_MAIN_FLASH = 0x00000001;
    public static final int FLAG_FAMILY_ID = 0x00002000;
    public static final int BLOCK = 512;
    public static final int PAYLOAD = 256;

    /** One block per 256-byte aligned window that holds data; bytes of the window outside the image are 0xFF. */
    public static byte[] write(FirmwareImage image, OptionalInt family) {
        List<Long> windows = new ArrayList<>();
        for (Chunk c : image.chunks()) {
            for (long w = c.address() & ~0xFFL; w < c.end(); w += PAYLOAD) {
                if (windows.isEmpty() || windows.get(windows.size() - 1) != w) {
                    windows.add(w);
                }
            }
        }
        ByteBuffer out = ByteBuffer.allocate(windows.size() * BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < windows.size(); i++) {
            long w = windows.get(i);
            int base = i * BLOCK;
            out.putInt(base, MAGIC_START0);
            out.putInt(base + 4, MAGIC_START1);
            out.putInt(base + 8, family.isPresent() ? FLAG_FAMILY_ID : 0);
            out.putInt(base + 12, (int) w);
            out.putInt(base + 16, PAYLOAD);
            out.putInt(base + 20, i);
            out.putInt(base + 24, windows.size());
            out.putInt(base + 28, family.orElse(0));
            out.put(base + 32, image.slice(w, w + PAYLOAD, 0xFF));
            out.putInt(base + BLOCK - 4, MAGIC_END);
        }
        return out.array();
    }

    public record Contents(FirmwareImage image, OptionalInt family) {}

    public static Contents read(byte[] bytes, String origin) throws ImageFormatException {
        if (bytes.length == 0 || bytes.length % BLOCK != 0) {
            throw new ImageFormatException(origin + ": corrupt UF2: size " + bytes.length + " is not a multiple of 512");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Chunk> chunks = new ArrayList<>();
        OptionalInt family = OptionalInt.empty();
        int blocks = bytes.length / BLOCK;
        for (int i = 0; i < blocks; i++) {
            int b = i * BLOCK;
            if (in.getInt(b) != MAGIC_START0 || in.getInt(b + 4) != MAGIC_START1 || in.getInt(b + BLOCK - 4) != MAGIC_END) {
                throw new ImageFormatException(origin + ": corrupt UF2: bad magic in block " + i);
            }
            int flags = in.getInt(b + 8);
            long addr = in.getInt(b + 12) & 0xFFFF_FFFFL;
            int size = in.getInt(b + 16);
            int no = in.getInt(b + 20);
            int total = in.getInt(b + 24);
            if (size <= 0 || size > 476) {
                throw new ImageFormatException(origin + ": corrupt UF2: payload size " + size + " in block " + i);
            }
            if (no != i || total != blocks) {
                throw new ImageFormatException(origin + ": corrupt UF2: block " + i + " says it is " + no + " of " + total);
            }
            if ((flags & FLAG_FAMILY_ID) != 0) {
                int f = in.getInt(b + 28);
                if (family.isPresent() && family.getAsInt() != f) {
                    throw new ImageFormatException(origin + ": UF2 mixes family IDs");
                }
                family = OptionalInt.of(f);
            }
            if ((flags & FLAG_NOT_MAIN_FLASH) != 0) {
                continue;
            }
            byte[] payload = new byte[size];
            in.get(b + 32, payload);
            chunks.add(new Chunk(addr, payload));
        }
        try {
            return new Contents(new FirmwareImage(chunks, OptionalLong.empty()), family);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(origin + ": corrupt UF2: " + e.getMessage());
        }
    }

    public static boolean looksLikeUf2(byte[] bytes) {
        return bytes.length >= BLOCK
                && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == MAGIC_START0
                && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(4) == MAGIC_START1;
    }
}
