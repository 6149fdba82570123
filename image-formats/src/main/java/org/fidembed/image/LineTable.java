// The DWARF line table of an ELF (.debug_line, versions 2 to 4, as fid-embed writes it): which source
// file and line each code address comes from, for crash reports and the stack bound's frames.
// A small reader of the line-number program, in the spirit of llvm-symbolizer's address lookup.
package org.fidembed.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class LineTable {
    /** A source position: file (as its compile unit names it) and line. */
    public record Place(String file, int line) {
        @Override public String toString() { return file + ":" + line; }
    }

    /** Addresses [start, end) come from place. */
    private record Range(long start, long end, Place place) { }

    private final List<Range> ranges;
    /** Where the linker points the lines of code it dropped (fid-embed links with this tombstone). */
    private static final long TOMBSTONE = 0xFFFF_0000L;

    private LineTable(List<Range> ranges) {
        this.ranges = ranges.stream().sorted(Comparator.comparingLong(Range::start)).toList();
    }

    /** The line table of an ELF; empty when it has no debug information. */
    public static LineTable of(ElfFile elf) throws ImageFormatException {
        Optional<ElfFile.Section> sec = elf.section(".debug_line");
        if (sec.isEmpty()) return new LineTable(List.of());
        ByteBuffer b = ByteBuffer.wrap(elf.contents(sec.get())).order(ByteOrder.LITTLE_ENDIAN);
        List<Range> out = new ArrayList<>();
        try {
            while (b.remaining() >= 4) {
                long length = b.getInt() & 0xFFFF_FFFFL;
                if (length >= 0xFFFF_FFF0L || length > b.remaining()) break; // 64-bit DWARF or damaged: stop here
                int end = b.position() + (int) length;
                readUnit(b.slice(b.position(), (int) length).order(ByteOrder.LITTLE_ENDIAN), out);
                b.position(end);
            }
        } catch (RuntimeException e) {
            throw new ImageFormatException(".debug_line is damaged: " + e.getMessage());
        }
        return new LineTable(out);
    }

    public boolean isEmpty() { return ranges.isEmpty(); }

    /** The source position of the code at address (the Thumb bit already cleared), if known. */
    public Optional<Place> lookup(long address) {
        int lo = 0, hi = ranges.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges.get(mid).start() <= address) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0 || address >= ranges.get(found).end()) return Optional.empty();
        return Optional.of(ranges.get(found).place());
    }

    /** The line program's header fields the rows need. */
    private record Header(int minInst, int lineBase, int lineRange, int opcodeBase, int[] opLengths, List<String> files) { }

    private static void readUnit(ByteBuffer u, List<Range> out) {
        int version = u.getShort() & 0xFFFF;
        if (version < 2 || version > 4) return; // DWARF 5 headers differ; fid-embed writes version 4
        long headerLength = u.getInt() & 0xFFFF_FFFFL;
        int programStart = u.position() + (int) headerLength;
        int minInst = u.get() & 0xFF;
        if (version >= 4) u.get(); // maximum operations per instruction (1: no VLIW)
        u.get(); // default is_stmt
        int lineBase = u.get();
        int lineRange = u.get() & 0xFF;
        int opcodeBase = u.get() & 0xFF;
        int[] lengths = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) lengths[i] = u.get() & 0xFF;
        List<String> dirs = new ArrayList<>();
        for (String d = cString(u); !d.isEmpty(); d = cString(u)) dirs.add(d);
        List<String> files = new ArrayList<>(List.of("?"));
        for (String f = cString(u); !f.isEmpty(); f = cString(u)) {
            int dir = (int) uleb(u);
            uleb(u);
            uleb(u);
            files.add(dir > 0 && dir <= dirs.size() && !dirs.get(dir - 1).equals(".") ? dirs.get(dir - 1) + "/" + f : f);
        }
        u.position(programStart);
        run(u, new Header(minInst, lineBase, lineRange, opcodeBase, lengths, files), out);
    }

    /** The line-number state machine: each row starts a range that ends at the next row of its sequence. */
    private static void run(ByteBuffer u, Header h, List<Range> out) {
        long address = 0;
        int file = 1, line = 1;
        Place open = null;
        long openAt = 0;
        while (u.hasRemaining()) {
            int op = u.get() & 0xFF;
            boolean row = false, endSeq = false;
            if (op >= h.opcodeBase()) {
                int adj = op - h.opcodeBase();
                address += (long) (adj / h.lineRange()) * h.minInst();
                line += h.lineBase() + adj % h.lineRange();
                row = true;
            } else if (op == 0) {
                int len = (int) uleb(u);
                int next = u.position() + len;
                int sub = u.get() & 0xFF;
                if (sub == 1) { row = true; endSeq = true; }
                else if (sub == 2) address = len - 1 == 8 ? u.getLong() : u.getInt() & 0xFFFF_FFFFL;
                u.position(next);
            } else {
                switch (op) {
                    case 1 -> row = true;
                    case 2 -> address += uleb(u) * h.minInst();
                    case 3 -> line += (int) sleb(u);
                    case 4 -> file = (int) uleb(u);
                    case 8 -> address += (long) ((255 - h.opcodeBase()) / h.lineRange()) * h.minInst();
                    case 9 -> address += u.getShort() & 0xFFFF;
                    default -> { for (int i = 0; i < h.opLengths()[op]; i++) uleb(u); }
                }
            }
            if (!row) continue;
            if (open != null && address > openAt && openAt < TOMBSTONE) out.add(new Range(openAt, address, open));
            if (endSeq) {
                open = null;
                address = 0;
                file = 1;
                line = 1;
                continue;
            }
            // line 0 is code of no line (LLVM's compiler-made code): it belongs to the line before it
            if (line > 0 || open == null) open = new Place(file < h.files().size() ? h.files().get(file) : "?", line);
            openAt = address;
        }
    }

    private static String cString(ByteBuffer b) {
        int start = b.position();
        while (b.get() != 0) { }
        byte[] s = new byte[b.position() - start - 1];
        b.get(start, s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static long uleb(ByteBuffer b) {
        long r = 0;
        int shift = 0;
        while (true) {
            int x = b.get() & 0xFF;
            r |= (long) (x & 0x7F) << shift;
            shift += 7;
            if ((x & 0x80) == 0) return r;
        }
    }

    private static long sleb(ByteBuffer b) {
        long r = 0;
        int shift = 0, x;
        do {
            x = b.get() & 0xFF;
            r |= (long) (x & 0x7F) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        if (shift < 64 && (x & 0x40) != 0) r |= -1L << shift;
        return r;
    }
}
