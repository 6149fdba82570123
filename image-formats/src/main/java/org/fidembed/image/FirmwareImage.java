// A firmware image as the flasher sees it: chunks of bytes at physical addresses plus the entry point.
// Built from ELF, HEX, BIN or UF2 and written back to those formats; chunks are sorted and never overlap.
package org.fidembed.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

public record FirmwareImage(List<Chunk> chunks, OptionalLong entry) {
    public FirmwareImage {
        List<Chunk> sorted = new ArrayList<>(chunks);
        sorted.removeIf(c -> c.length() == 0);
        sorted.sort(Comparator.comparingLong(Chunk::address));
        for (int i = 1; i < sorted.size(); i++) {
            Chunk prev = sorted.get(i - 1);
            Chunk cur = sorted.get(i);
            if (cur.address() < prev.end()) {
                throw new IllegalArgumentException("overlapping data at 0x%08X (0x%08X..0x%08X and 0x%08X..0x%08X)"
                        .formatted(cur.address(), prev.address(), prev.end(), cur.address(), cur.end()));
            }
        }
        chunks = List.copyOf(sorted);
    }

    public static FirmwareImage of(long address, byte[] data) {
        return new FirmwareImage(List.of(new Chunk(address, data)), OptionalLong.empty());
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** Lowest address holding data. */
    public long lowAddress() {
        requireData();
        return chunks.get(0).address();
    }

    /** Exclusive end of the highest chunk. */
    public long highAddress() {
        requireData();
        return chunks.get(chunks.size() - 1).end();
    }

    /** Number of bytes that carry data (gaps excluded). */
    public long dataBytes() {
        long n = 0;
        for (Chunk c : chunks) {
            n += c.length();
        }
        return n;
    }

    /** True when some chunk holds a byte at addr. */
    public boolean covers(long addr) {
        return chunkAt(addr) != null;
    }

    /** The byte at addr, or -1 in a gap. */
    public int byteAt(long addr) {
        Chunk c = chunkAt(addr);
        return c == null ? -1 : c.byteAt(addr);
    }

    /** True when any byte in [from, to) carries data. */
    public boolean coversAny(long from, long to) {
        for (Chunk c : chunks) {
            if (c.address() < to && c.end() > from) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of [from, to) with gaps filled by fill. */
    public byte[] slice(long from, long to, int fill) {
        byte[] out = new byte[Math.toIntExact(to - from)];
        java.util.Arrays.fill(out, (byte) fill);
        for (Chunk c : chunks) {
            long s = Math.max(from, c.address());
            long e = Math.min(to, c.end());
            if (s < e) {
                c.copyTo(s, out, (int) (s - from), (int) (e - s));
            }
        }
        return out;
    }

    /** Adjacent chunks joined: the runs of contiguous data. */
    public List<Chunk> spans() {
        List<Chunk> out = new ArrayList<>();
        int i = 0;
        while (i < chunks.size()) {
            int j = i;
            while (j + 1 < chunks.size() && chunks.get(j + 1).address() == chunks.get(j).end()) {
                j++;
            }
            long start = chunks.get(i).address();
            long end = chunks.get(j).end();
            out.add(new Chunk(start, slice(start, end, 0xFF)));
            i = j + 1;
        }
        return out;
    }

    private Chunk chunkAt(long addr) {
        int lo = 0;
        int hi = chunks.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Chunk c = chunks.get(mid);
            if (addr < c.address()) {
                hi = mid - 1;
            } else if (addr >= c.end()) {
                lo = mid + 1;
            } else {
                return c;
            }
        }
        return null;
    }

    private void requireData() {
        if (chunks.isEmpty()) {
            throw new IllegalStateException("the image holds no data");
        }
    }
}
