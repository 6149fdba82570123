// A minimal little-endian ELF32 reader for the tests: sections, program headers and symbols of a linked
// image, enough to check where the linker script put everything.
package org.fidembed.linker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

record Elf32(long entry, List<Section> sections, List<Segment> segments, Map<String, Long> symbols) {
    static final int SHT_NOBITS = 8;
    static final int SHF_ALLOC = 2;
    static final int PT_LOAD = 1;

    record Section(String name, int type, long flags, long addr, long size) {
        boolean alloc() { return (flags & SHF_ALLOC) != 0; }

        long end() { return addr + size; }
    }

    record Segment(int type, long vaddr, long paddr, long filesz, long memsz) { }

    static Elf32 read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x464C457F) throw new IOException("not an ELF file");
        if (b.get(4) != 1 || b.get(5) != 1) throw new IOException("not ELF32 little-endian");
        long entry = u32(b, 24);
        long phoff = u32(b, 28), shoff = u32(b, 32);
        int phentsize = u16(b, 42), phnum = u16(b, 44), shentsize = u16(b, 46), shnum = u16(b, 48), shstrndx = u16(b, 50);
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int o = (int) phoff + i * phentsize;
            segs.add(new Segment(b.getInt(o), u32(b, o + 8), u32(b, o + 12), u32(b, o + 16), u32(b, o + 20)));
        }
        int strOff = (int) u32(b, (int) shoff + shstrndx * shentsize + 16);
        List<Section> secs = new ArrayList<>();
        int symtab = -1;
        for (int i = 0; i < shnum; i++) {
            int o = (int) shoff + i * shentsize;
            int type = b.getInt(o + 4);
            secs.add(new Section(str(b, strOff + b.getInt(o)), type, u32(b, o + 8), u32(b, o + 12), u32(b, o + 20)));
            if (type == 2) symtab = o;
        }
        Map<String, Long> syms = new HashMap<>();
        if (symtab >= 0) {
            int off = (int) u32(b, symtab + 16), size = (int) u32(b, symtab + 20), link = b.getInt(symtab + 24);
            int strtab = (int) u32(b, (int) shoff + link * shentsize + 16);
            for (int o = off; o < off + size; o += 16) {
                int name = b.getInt(o);
                if (name != 0) syms.put(str(b, strtab + name), u32(b, o + 4));
            }
        }
        return new Elf32(entry, secs, segs, syms);
    }

    Optional<Section> section(String name) { return sections.stream().filter(s -> s.name().equals(name)).findFirst(); }

    long symbol(String name) {
        Long v = symbols.get(name);
        if (v == null) throw new AssertionError("no symbol " + name + " in the image");
        return v;
    }

    /** The load address (LMA) of an allocated section, from the PT_LOAD segment that holds it. */
    long loadAddress(Section s) {
        for (Segment g : segments)
            if (g.type() == PT_LOAD && s.addr() >= g.vaddr() && s.addr() < g.vaddr() + Math.max(g.memsz(), 1))
                return g.paddr() + (s.addr() - g.vaddr());
        throw new AssertionError("no PT_LOAD segment holds " + s.name());
    }

    private static long u32(ByteBuffer b, int o) { return b.getInt(o) & 0xFFFF_FFFFL; }

    private static int u16(ByteBuffer b, int o) { return b.getShort(o) & 0xFFFF; }

    private static String str(ByteBuffer b, int o) {
        int e = o;
        while (b.get(e) != 0) e++;
        byte[] out = new byte[e - o];
        b.get(o, out);
        return new String(out, StandardCharsets.US_ASCII);
    }
}
