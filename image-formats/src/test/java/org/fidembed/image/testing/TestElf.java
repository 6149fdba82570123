// Writes small, valid ELF32 little-endian executables for tests: one PT_LOAD per chunk (paddr = LMA),
// one PROGBITS section per chunk, and a symbol table of functions, so no toolchain is needed.
package org.fidembed.image.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class TestElf {
    public record Part(String name, long vaddr, long paddr, byte[] data, boolean exec) {}

    public record Func(String name, long address, long size) {}

    private TestElf() {}

    public static byte[] build(int machine, long entry, List<Part> parts, List<Func> funcs) {
        int phnum = parts.size();
        int ehsize = 52;
        int phoff = ehsize;
        int dataOff = align(phoff + 32 * phnum, 16);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        int cursor = dataOff;
        for (Part p : parts) {
            offsets.add(cursor);
            body.writeBytes(p.data());
            cursor += p.data().length;
            int pad = align(cursor, 4) - cursor;
            body.writeBytes(new byte[pad]);
            cursor += pad;
        }
        // strtab and symtab
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        ByteBuffer sym = ByteBuffer.allocate(16 * (funcs.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
        sym.position(16);
        for (Func f : funcs) {
            int nameOff = strtab.size();
            strtab.writeBytes(f.name().getBytes(StandardCharsets.UTF_8));
            strtab.write(0);
            sym.putInt(nameOff).putInt((int) f.address()).putInt((int) f.size());
            sym.put((byte) ((1 << 4) | 2)).put((byte) 0).putShort((short) 1);
        }
        int symOff = cursor;
        body.writeBytes(sym.array());
        cursor += sym.capacity();
        int strOff = cursor;
        byte[] str = strtab.toByteArray();
        body.writeBytes(str);
        cursor += str.length;
        // section names
        ByteArrayOutputStream shstr = new ByteArrayOutputStream();
        shstr.write(0);
        List<Integer> names = new ArrayList<>();
        for (Part p : parts) {
            names.add(shstr.size());
            shstr.writeBytes((p.name() + "\0").getBytes(StandardCharsets.UTF_8));
        }
        int symName = shstr.size();
        shstr.writeBytes(".symtab\0".getBytes(StandardCharsets.UTF_8));
        int strName = shstr.size();
        shstr.writeBytes(".strtab\0".getBytes(StandardCharsets.UTF_8));
        int shstrName = shstr.size();
        shstr.writeBytes(".shstrtab\0".getBytes(StandardCharsets.UTF_8));
        int shstrOff = cursor;
        byte[] shs = shstr.toByteArray();
        body.writeBytes(shs);
        cursor += shs.length;
        int pad = align(cursor, 4) - cursor;
        body.writeBytes(new byte[pad]);
        cursor += pad;
        int shoff = cursor;
        int shnum = parts.size() + 4;

        ByteBuffer out = ByteBuffer.allocate(shoff + 40 * shnum).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0});
        out.position(16);
        out.putShort((short) 2).putShort((short) machine).putInt(1).putInt((int) entry).putInt(phoff).putInt(shoff)
                .putInt(machine == 40 ? 0x05000200 : 0).putShort((short) ehsize).putShort((short) 32).putShort((short) phnum)
                .putShort((short) 40).putShort((short) shnum).putShort((short) (shnum - 1));
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            out.position(phoff + 32 * i);
            out.putInt(1).putInt(offsets.get(i)).putInt((int) p.vaddr()).putInt((int) p.paddr()).putInt(p.data().length)
                    .putInt(p.data().length).putInt(p.exec() ? 5 : 6).putInt(4);
        }
        out.position(dataOff);
        out.put(body.toByteArray());
        out.position(shoff + 40); // section 0 is null
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            section(out, names.get(i), 1, p.exec() ? 6 : 3, p.vaddr(), offsets.get(i), p.data().length, 0, 0, 4, 0);
        }
        section(out, symName, 2, 0, 0, symOff, sym.capacity(), parts.size() + 2, 1, 4, 16);
        section(out, strName, 3, 0, 0, strOff, str.length, 0, 0, 1, 0);
        section(out, shstrName, 3, 0, 0, shstrOff, shs.length, 0, 0, 1, 0);
        return out.array();
    }

    private static void section(ByteBuffer b, int name, int type, int flags, long addr, int off, int size, int link, int info,
            int align, int entsize) {
        b.putInt(name).putInt(type).putInt(flags).putInt((int) addr).putInt(off).putInt(size).putInt(link).putInt(info)
                .putInt(align).putInt(entsize);
    }

    private static int align(int v, int a) {
        return (v + a - 1) & -a;
    }
}
