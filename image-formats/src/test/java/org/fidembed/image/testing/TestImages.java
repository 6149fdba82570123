// Synthetic firmware images with a sane boot image (Cortex-M vector table or RISC-V entry jump),
// seeded pseudo-random code, and gaps, so tests can check every byte the simulator ends up holding.
package org.fidembed.image.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.fidembed.image.Chunk;
import org.fidembed.image.FirmwareImage;

public final class TestImages {
    private TestImages() {}

    /** Cortex-M image: vector table + code of codeBytes at 0x08000000, plus a .data copy at extraAt (0 = none). */
    public static FirmwareImage cortexM(int codeBytes, long extraAt, int extraBytes, long seed) {
        Random r = new Random(seed);
        byte[] code = new byte[codeBytes];
        r.nextBytes(code);
        putLe32(code, 0, 0x2000_5000L);
        putLe32(code, 4, 0x0800_0101L);
        for (int i = 8; i < 64; i += 4) {
            putLe32(code, i, 0x0800_0201L);
        }
        List<Chunk> chunks = new ArrayList<>();
        chunks.add(new Chunk(0x0800_0000L, code));
        if (extraAt != 0) {
            byte[] extra = new byte[extraBytes];
            r.nextBytes(extra);
            chunks.add(new Chunk(extraAt, extra));
        }
        return new FirmwareImage(chunks, OptionalLong.of(0x0800_0101L));
    }

    /** RISC-V image at 0x08000000 that starts with "j 0x08000100" (a JAL with rd = x0). */
    public static FirmwareImage riscv(int codeBytes, long seed) {
        Random r = new Random(seed);
        byte[] code = new byte[codeBytes];
        r.nextBytes(code);
        putLe32(code, 0, 0x1000006FL); // jal x0, +0x100
        putLe32(code, 4, 0x00000013L); // nop
        return new FirmwareImage(List.of(new Chunk(0x0800_0000L, code)), OptionalLong.of(0x0800_0000L));
    }

    public static void putLe32(byte[] b, int off, long v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
