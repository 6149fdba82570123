// One contiguous run of bytes at a physical (load) address: an ELF section at its LMA, a HEX run or a BIN.
// Immutable: the bytes are copied in and out, so an image can be shared between threads and phases.
package org.fidembed.image;

import java.util.Arrays;
import java.util.HexFormat;

public record Chunk(long address, byte[] data) {
    public Chunk {
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("address out of the 32-bit range: 0x" + Long.toHexString(address));
        }
        if (address + data.length > 0x1_0000_0000L) {
            throw new IllegalArgumentException("chunk at 0x" + Long.toHexString(address) + " runs past 4 GiB");
        }
        data = data.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** Exclusive end address. */
    public long end() {
        return address + data.length;
    }

    public int byteAt(long addr) {
        return data[(int) (addr - address)] & 0xFF;
    }

    /** Copies the bytes of [from, from+len) (which must lie inside this chunk) into dst. */
    public void copyTo(long from, byte[] dst, int dstOff, int len) {
        System.arraycopy(data, (int) (from - address), dst, dstOff, len);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunk c && c.address == address && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(data, 0, Math.min(8, data.length));
        return "Chunk[0x%08X+%d %s%s]".formatted(address, data.length, head, data.length > 8 ? "…" : "");
    }
}
