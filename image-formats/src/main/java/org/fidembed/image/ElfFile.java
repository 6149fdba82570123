// A bounds-checked reader for ELF32/ELF64 executables: header, program headers, sections and symbols.
// Images.readElf turns it into a FirmwareImage the way llvm-objcopy does (sections at their load address).
package org.fidembed.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ElfFile {
    public static final int PT_LOAD = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_NOBITS = 8;
    public static final long SHF_ALLOC = 2;
    public static final int EM_ARM = 40;
    public static final int EM_RISCV = 243;
    public static final int STT_FUNC = 2;

    public record Segment(int type, long offset, long vaddr, long paddr, long filesz, long memsz, int flags) {}

    public record Section(String name, int type, long flags, long addr, long offset, long size, int link, long entsize) {
        public boolean loadsBytes() {
            return (flags & SHF_ALLOC) != 0 && type != SHT_NOBITS && size > 0;
        }
    }

    /** A function symbol; for Thumb code the address has the Thumb bit cleared. */
    public record Symbol(String name, long address, long size, int type) {}

    private final String origin;
    private final ByteBuffer buf;
    private final boolean is64;
    private final int machine;
    private final long entry;
    private final List<Segment> segments;
    private final List<Section> sections;

    private ElfFile(String origin, byte[] bytes) throws ImageFormatException {
        this.origin = origin;
        if (bytes.length < 16 || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw bad("not an ELF file (no \\x7fELF magic)");
        }
        int cls = bytes[4];
        int data = bytes[5];
        if (cls != 1 && cls != 2) {
            throw bad("unknown ELF class " + cls);
        }
        if (data != 1 && data != 2) {
            throw bad("unknown ELF data encoding " + data);
        }
        is64 = cls == 2;
        buf = ByteBuffer.wrap(bytes).order(data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int headerSize = is64 ? 64 : 52;
        if (bytes.length < headerSize) {
            throw bad("truncated ELF header (" + bytes.length + " bytes)");
        }
        machine = u16(18);
        entry = is64 ? buf.getLong(24) : u32(24);
        long phoff = is64 ? buf.getLong(32) : u32(28);
        long shoff = is64 ? buf.getLong(40) : u32(32);
        int phentsize = u16(is64 ? 54 : 42);
        int phnum = u16(is64 ? 56 : 44);
        int shentsize = u16(is64 ? 58 : 46);
        int shnum = u16(is64 ? 60 : 48);
        int shstrndx = u16(is64 ? 62 : 50);

        segments = readSegments(phoff, phentsize, phnum);
        sections = readSections(shoff, shentsize, shnum, shstrndx);
    }

    /** The program headers, each loadable segment checked to lie inside the file. */
    private List<Segment> readSegments(long phoff, int phentsize, int phnum) throws ImageFormatException {
        List<Segment> segments = new ArrayList<>();
        if (phnum > 0) {
            int min = is64 ? 56 : 32;
            if (phentsize < min) {
                throw bad("program header entry size " + phentsize + " is smaller than " + min);
            }
            checkRange(phoff, (long) phentsize * phnum, "program header table");
            for (int i = 0; i < phnum; i++) {
                int o = (int) (phoff + (long) i * phentsize);
                Segment s = is64
                        ? new Segment(buf.getInt(o), buf.getLong(o + 8), buf.getLong(o + 16), buf.getLong(o + 24),
                                buf.getLong(o + 32), buf.getLong(o + 40), buf.getInt(o + 4))
                        : new Segment(buf.getInt(o), u32(o + 4), u32(o + 8), u32(o + 12), u32(o + 16), u32(o + 20),
                                buf.getInt(o + 24));
                if (s.type() == PT_LOAD && s.filesz() > 0) {
                    checkRange(s.offset(), s.filesz(), "segment " + i);
                    if (s.filesz() > s.memsz()) {
                        throw bad("segment " + i + " has a file size larger than its memory size");
                    }
                }
                segments.add(s);
            }
        }
        return segments;
    }

    /** The section headers with their names, each section's contents checked to lie inside the file. */
    private List<Section> readSections(long shoff, int shentsize, int shnum, int shstrndx) throws ImageFormatException {
        List<Section> secs = new ArrayList<>();
        if (shnum > 0) {
            int min = is64 ? 64 : 40;
            if (shentsize < min) {
                throw bad("section header entry size " + shentsize + " is smaller than " + min);
            }
            checkRange(shoff, (long) shentsize * shnum, "section header table");
            if (shstrndx >= shnum) {
                throw bad("section name table index " + shstrndx + " is out of range");
            }
            long[][] raw = new long[shnum][8];
            for (int i = 0; i < shnum; i++) {
                int o = (int) (shoff + (long) i * shentsize);
                raw[i] = is64
                        ? new long[] {u32(o), u32(o + 4), buf.getLong(o + 8), buf.getLong(o + 16), buf.getLong(o + 24),
                                buf.getLong(o + 32), u32(o + 40), buf.getLong(o + 56)}
                        : new long[] {u32(o), u32(o + 4), u32(o + 8), u32(o + 12), u32(o + 16), u32(o + 20), u32(o + 24),
                                u32(o + 36)};
            }
            long[] strtab = raw[shstrndx];
            if (strtab[1] != SHT_NOBITS) {
                checkRange(strtab[4], strtab[5], "section name table");
            }
            for (int i = 0; i < shnum; i++) {
                long[] r = raw[i];
                String name = i == 0 ? "" : cString(strtab[4], strtab[5], r[0], "section name");
                Section s = new Section(name, (int) r[1], r[2], r[3], r[4], r[5], (int) r[6], r[7]);
                if (s.type() != SHT_NOBITS && s.size() > 0 && s.type() != 0) {
                    checkRange(s.offset(), s.size(), "section " + (name.isEmpty() ? "#" + i : name));
                }
                secs.add(s);
            }
        }
        return List.copyOf(secs);
    }

    public static ElfFile parse(String origin, byte[] bytes) throws ImageFormatException {
        try {
            return new ElfFile(origin, bytes);
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new ImageFormatException(origin + ": corrupt ELF (a header points outside the file)");
        }
    }

    public static boolean looksLikeElf(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
    }

    public int machine() {
        return machine;
    }

    /** ELFCLASS64 (an image for a 64-bit machine); every target of fid-embed is 32-bit. */
    public boolean is64() {
        return is64;
    }

    public long entry() {
        return entry;
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The bytes a loader puts into memory, as llvm-objcopy -O binary/ihex sees them: each allocated section with
     * contents, at its load address (the containing PT_LOAD's p_paddr plus the section's offset in it). Without
     * section headers, the PT_LOAD segments themselves.
     */
    public FirmwareImage image() throws ImageFormatException {
        List<Chunk> chunks = new ArrayList<>();
        List<Segment> loads = segments.stream().filter(s -> s.type() == PT_LOAD && s.filesz() > 0).toList();
        if (sections.isEmpty()) {
            for (Segment s : loads) {
                chunks.add(new Chunk(s.paddr(), bytes(s.offset(), s.filesz())));
            }
        } else {
            boolean haveSegments = segments.stream().anyMatch(s -> s.type() == PT_LOAD);
            for (Section sec : sections) {
                if (!sec.loadsBytes()) {
                    continue;
                }
                long lma;
                if (haveSegments) {
                    Segment seg = loads.stream()
                            .filter(s -> sec.offset() >= s.offset() && sec.offset() + sec.size() <= s.offset() + s.filesz())
                            .findFirst().orElse(null);
                    if (seg == null) {
                        continue; // allocated but not loaded (as llvm-objcopy: only sections in PT_LOAD segments)
                    }
                    lma = seg.paddr() + (sec.offset() - seg.offset());
                } else {
                    lma = sec.addr();
                }
                if (lma < 0 || lma + sec.size() > 0x1_0000_0000L) {
                    throw bad("section " + sec.name() + " lies outside the 32-bit address space");
                }
                chunks.add(new Chunk(lma, bytes(sec.offset(), sec.size())));
            }
        }
        try {
            return new FirmwareImage(chunks, entry == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(entry));
        } catch (IllegalArgumentException e) {
            throw bad("loadable data overlaps: " + e.getMessage());
        }
    }

    /**
     * Where a section's bytes are stored (its LMA): the containing PT_LOAD's p_paddr plus the section's
     * offset in it; its address when no segment holds it (NOBITS sections, files without segments).
     */
    public long loadAddress(Section sec) {
        if (sec.type() == SHT_NOBITS) {
            return sec.addr();
        }
        for (Segment s : segments) {
            if (s.type() == PT_LOAD && s.filesz() > 0 && sec.offset() >= s.offset() && sec.offset() + sec.size() <= s.offset() + s.filesz()) {
                return s.paddr() + (sec.offset() - s.offset());
            }
        }
        return sec.addr();
    }

    /** Function symbols from .symtab, sorted by address (Thumb bit cleared on ARM). */
    public List<Symbol> functions() throws ImageFormatException {
        List<Symbol> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.type() != SHT_SYMTAB) {
                continue;
            }
            if (s.link() <= 0 || s.link() >= sections.size()) {
                throw bad("symbol table has no string table");
            }
            Section str = sections.get(s.link());
            int entsize = is64 ? 24 : 16;
            long count = s.size() / entsize;
            for (long i = 1; i < count; i++) {
                int o = (int) (s.offset() + i * entsize);
                long nameOff = u32(o);
                int info;
                long value;
                long size;
                if (is64) {
                    info = buf.get(o + 4) & 0xFF;
                    value = buf.getLong(o + 8);
                    size = buf.getLong(o + 16);
                } else {
                    value = u32(o + 4);
                    size = u32(o + 8);
                    info = buf.get(o + 12) & 0xFF;
                }
                int type = info & 0xF;
                if (type != STT_FUNC) {
                    continue;
                }
                if (machine == EM_ARM) {
                    value &= ~1L;
                }
                out.add(new Symbol(cString(str.offset(), str.size(), nameOff, "symbol name"), value, size, type));
            }
        }
        out.sort(java.util.Comparator.comparingLong(Symbol::address));
        return out;
    }

    /** The bytes a section holds in the file (none for NOBITS sections). */
    public byte[] contents(Section sec) throws ImageFormatException {
        return sec.type() == SHT_NOBITS ? new byte[0] : bytes(sec.offset(), sec.size());
    }

    private byte[] bytes(long off, long len) throws ImageFormatException {
        checkRange(off, len, "data");
        byte[] out = new byte[(int) len];
        buf.get((int) off, out);
        return out;
    }

    private String cString(long tableOff, long tableSize, long off, String what) throws ImageFormatException {
        if (off >= tableSize) {
            throw bad(what + " offset " + off + " is outside its string table");
        }
        int start = (int) (tableOff + off);
        int end = start;
        int limit = (int) (tableOff + tableSize);
        while (end < limit && buf.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - start];
        buf.get(start, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private void checkRange(long off, long len, String what) throws ImageFormatException {
        if (off < 0 || len < 0 || off > buf.capacity() || len > buf.capacity() - off) {
            throw bad(what + " (offset " + off + ", " + len + " bytes) lies outside the file (" + buf.capacity() + " bytes)");
        }
    }

    private int u16(int o) {
        return buf.getShort(o) & 0xFFFF;
    }

    private long u32(int o) {
        return buf.getInt(o) & 0xFFFF_FFFFL;
    }

    private ImageFormatException bad(String what) {
        return new ImageFormatException(origin + ": corrupt ELF: " + what);
    }
}
