// Reads a relocatable ELF32 object (what LLVM emits): its sections, symbols and relocations, to
// know each function's size and whom it calls (call and tail-call relocations) or whose address it
// takes, for the stack bound and the size report.
package org.fidembed.llvm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class ObjectFile {
    public static final int EM_ARM = 40, EM_RISCV = 243;

    public record Section(String name, int type, long flags, long size, int link, int info, long offset, long entsize, long align) { }
    public record Symbol(String name, long value, long size, int type, int bind, int section) {
        public boolean isFunction() { return type == 2; }
        public boolean isObject() { return type == 1; }
    }
    /** A call from caller to callee; tail when it is a jump (the caller's frame is gone). */
    public record Edge(String caller, String callee, boolean tail) { }

    private final ByteBuffer buf;
    public final int machine;
    public final List<Section> sections = new ArrayList<>();
    public final List<Symbol> symbols = new ArrayList<>();
    public final List<Edge> calls = new ArrayList<>();
    /** Functions whose address is taken (vector table, closures): reachable by indirect calls. */
    public final Set<String> addressTaken = new LinkedHashSet<>();

    public ObjectFile(byte[] bytes) {
        buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 52 || buf.getInt(0) != 0x464C457F || bytes[4] != 1) throw new IllegalArgumentException("not an ELF32 object");
        machine = Short.toUnsignedInt(buf.getShort(18));
        long shoff = Integer.toUnsignedLong(buf.getInt(32));
        int shentsize = Short.toUnsignedInt(buf.getShort(46));
        int shnum = Short.toUnsignedInt(buf.getShort(48));
        int shstrndx = Short.toUnsignedInt(buf.getShort(50));
        long[][] raw = new long[shnum][];
        for (int i = 0; i < shnum; i++) {
            int o = (int) (shoff + (long) i * shentsize);
            raw[i] = new long[]{u32(o), u32(o + 4), u32(o + 8), u32(o + 16), u32(o + 20), u32(o + 24), u32(o + 28), u32(o + 36), u32(o + 32)};
        }
        long strOff = raw[shstrndx][3];
        for (long[] r : raw) sections.add(new Section(cstr(strOff + r[0]), (int) r[1], r[2], r[4], (int) r[5], (int) r[6], r[3], r[7], r[8]));
        for (Section s : sections) {
            if (s.type() != 2) continue; // SHT_SYMTAB
            long names = sections.get(s.link()).offset();
            for (long i = 0; i < s.size() / 16; i++) {
                int o = (int) (s.offset() + i * 16);
                int info = buf.get(o + 12) & 0xFF;
                symbols.add(new Symbol(cstr(names + u32(o)), u32(o + 4), u32(o + 8), info & 0xF, info >> 4, Short.toUnsignedInt(buf.getShort(o + 14))));
            }
        }
        readRelocations();
    }

    private void readRelocations() {
        for (Section s : sections) {
            boolean rela = s.type() == 4;
            if (s.type() != 9 && !rela) continue; // SHT_REL / SHT_RELA
            int target = s.info();
            Section into = sections.get(target);
            boolean code = (into.flags() & 4) != 0; // SHF_EXECINSTR
            int entsize = rela ? 12 : 8;
            for (long i = 0; i < s.size() / entsize; i++) {
                int o = (int) (s.offset() + i * entsize);
                long offset = u32(o);
                long info = u32(o + 4);
                int type = (int) (info & 0xFF);
                int symIndex = (int) (info >>> 8);
                if (symIndex >= symbols.size()) continue;
                Symbol sym = symbols.get(symIndex);
                String callee = sym.type() == 3 ? functionAt(sym.section(), 0) : sym.name(); // a section symbol
                if (callee == null || callee.isEmpty()) continue;
                Kind k = kind(type);
                if (code && k != Kind.OTHER) {
                    String caller = functionAt(target, offset);
                    if (caller != null) calls.add(new Edge(caller, callee, k == Kind.JUMP));
                } else if (isFunctionName(callee)) {
                    addressTaken.add(callee);
                    // a function address in code (a literal pool): at minsize ARM calls a function it
                    // calls often through a register loaded from there, so count it as a call
                    if (code) {
                        String caller = functionAt(target, offset);
                        if (caller != null && !caller.equals(callee)) calls.add(new Edge(caller, callee, false));
                    }
                }
            }
        }
    }

    private enum Kind { CALL, JUMP, OTHER }

    private Kind kind(int type) {
        if (machine == EM_ARM) {
            return switch (type) {
                case 10, 28 -> Kind.CALL;      // R_ARM_THM_CALL, R_ARM_CALL
                case 30, 29, 102 -> Kind.JUMP; // R_ARM_THM_JUMP24, R_ARM_JUMP24, R_ARM_THM_JUMP11
                default -> Kind.OTHER;
            };
        }
        return switch (type) {
            case 18, 19 -> Kind.CALL;          // R_RISCV_CALL, R_RISCV_CALL_PLT (jal ra or tail: see below)
            case 17 -> Kind.CALL;              // R_RISCV_JAL
            default -> Kind.OTHER;
        };
    }

    private boolean isFunctionName(String n) {
        for (Symbol s : symbols) if (s.name().equals(n)) return s.isFunction();
        return false;
    }

    /** The function symbol covering offset in section index sec. */
    private String functionAt(int sec, long offset) {
        String best = null;
        for (Symbol s : symbols) {
            if (!s.isFunction() || s.section() != sec) continue;
            long start = s.value() & ~1L;
            if (offset >= start && offset < start + Math.max(1, s.size())) return s.name();
            if (best == null && start == 0) best = s.name();
        }
        return best;
    }

    /** Sizes of all function symbols by name. */
    public Map<String, Long> functionSizes() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Symbol s : symbols) if (s.isFunction()) out.put(s.name(), s.size());
        return out;
    }

    private long u32(long o) { return Integer.toUnsignedLong(buf.getInt((int) o)); }

    private String cstr(long o) {
        int start = (int) o, end = start;
        while (end < buf.limit() && buf.get(end) != 0) end++;
        byte[] b = new byte[end - start];
        buf.get(start, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
