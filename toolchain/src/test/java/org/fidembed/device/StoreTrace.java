// Test support: the stores of a function's disassembly with the addresses they write, followed through
// the instructions that make addresses (Thumb literal loads, movw/movt, adds; RISC-V lui, addi, li, mv).
// One pass in address order: a register is what its last definition made it, or unknown after anything else.
package org.fidembed.device;

import org.fidembed.image.ElfFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class StoreTrace {
    /** A register's value: a constant (base null) or a function argument ("a0", "r0") plus an offset. */
    record Value(String base, long offset) {
        Value plus(long n) { return new Value(base, (offset + n) & 0xFFFFFFFFL); }
        @Override public String toString() { return base == null ? String.format("0x%08X", offset) : base + "+0x" + Long.toHexString(offset); }
    }

    /** A store of width bits (8, 16, 32) to address, or to an address the trace could not follow (null). */
    record Store(String function, long at, int width, Value address, String text) { }

    private static final Pattern FUNCTION = Pattern.compile("(?m)^([0-9a-f]+) <([^>]+)>:$");
    private static final Pattern ARM_STORE = Pattern.compile("^str(b|h)?(?:eq|ne|cs|cc|mi|pl|hi|ls|ge|lt|gt|le)?(?:\\.w)?$");
    private static final Pattern ARM_MEM = Pattern.compile("^(\\w+), \\[(\\w+)(?:, #(-?0x[0-9a-f]+|-?\\d+))?\\]");
    private static final Pattern ARM_LITERAL = Pattern.compile("^(\\w+), \\[pc, #-?0x[0-9a-f]+\\]\\s+@ 0x([0-9a-f]+)");
    private static final Pattern TARGET = Pattern.compile("0x([0-9a-f]+) <");
    private static final Pattern RV_MEM = Pattern.compile("^(\\w+), (-?0x[0-9a-f]+|-?\\d+)\\((\\w+)\\)");

    private final byte[] elf;
    private final ElfFile file;

    StoreTrace(Path elf) throws Exception {
        this.elf = Files.readAllBytes(elf);
        this.file = ElfFile.parse(elf.toString(), this.elf);
    }

    /** Every store in the functions of objdump's TEXT whose names start with one of PREFIXES. */
    List<Store> stores(String text, List<String> prefixes) {
        List<Store> out = new ArrayList<>();
        Matcher f = FUNCTION.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (f.find()) { spans.add(new int[] {f.end(), text.length()}); names.add(f.group(2)); }
        for (int i = 0; i + 1 < spans.size(); i++) spans.get(i)[1] = spans.get(i + 1)[0];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (prefixes.stream().noneMatch(name::startsWith)) continue;
            trace(name, Disassembly.insns(text.substring(spans.get(i)[0], spans.get(i)[1])), out);
        }
        return out;
    }

    private void trace(String function, List<Disassembly.Insn> insns, List<Store> out) {
        Map<String, Value> regs = new HashMap<>();
        for (String a : List.of("r0", "r1", "r2", "r3", "a0", "a1", "a2", "a3")) regs.put(a, new Value(a, 0));
        regs.put("zero", new Value(null, 0));
        Map<Long, Map<String, Value>> atTarget = new HashMap<>();   // the registers at a forward branch's target
        boolean fallsThrough = true;
        for (int k = 0; k < insns.size(); k++) {
            Disassembly.Insn i = insns.get(k);
            String op = i.op();
            Map<String, Value> saved = atTarget.get(i.address());
            if (saved != null && !fallsThrough) regs = new HashMap<>(saved);
            else if (saved != null) regs.entrySet().removeIf(e -> !java.util.Objects.equals(saved.get(e.getKey()), e.getValue()));
            fallsThrough = !ends(i);
            Matcher t = TARGET.matcher(i.operands());
            if (branch(op) && t.find()) atTarget.merge(Long.parseLong(t.group(1), 16), new HashMap<>(regs), (a, b) -> {
                a.entrySet().removeIf(e -> !java.util.Objects.equals(b.get(e.getKey()), e.getValue()));
                return a;
            });
            if (op.matches("it[te]*") && returns(insns.subList(k + 1, Math.min(insns.size(), k + op.length())))) {
                k += op.length() - 1;   // an IT block that returns: the code after it is the path where it did not run
                continue;
            }
            String ops = i.operands();
            String[] args = ops.split(",\\s*");
            Matcher m;
            if (ops.contains("[sp") || ops.contains("(sp)")) {
                continue;   // the stack: a local, not a register; sp itself is not followed
            }
            if (ARM_STORE.matcher(op).matches() && (m = ARM_MEM.matcher(ops)).find()) {
                int width = op.startsWith("strb") ? 8 : op.startsWith("strh") ? 16 : 32;
                out.add(new Store(function, i.address(), width, at(regs, m.group(2), m.group(3)), op + " " + ops));
            } else if (List.of("sw", "sh", "sb").contains(op) && (m = RV_MEM.matcher(ops)).find()) {
                int width = op.equals("sw") ? 32 : op.equals("sh") ? 16 : 8;
                out.add(new Store(function, i.address(), width, at(regs, m.group(3), m.group(2)), op + " " + ops));
            } else if (op.equals("ldr") && (m = ARM_LITERAL.matcher(ops)).find()) {
                regs.put(m.group(1), new Value(null, word(Long.parseLong(m.group(2), 16))));
            } else if (List.of("movw", "mov", "movs", "mov.w", "li").contains(op) && args.length == 2 && args[1].startsWith("#") || op.equals("li")) {
                regs.put(args[0], new Value(null, number(args[1]) & 0xFFFFFFFFL));
            } else if (op.equals("movt")) {
                Value v = regs.get(args[0]);
                regs.put(args[0], v == null || v.base() != null ? null : new Value(null, (v.offset() & 0xFFFF) | (number(args[1]) << 16)));
            } else if (op.equals("lui")) {
                regs.put(args[0], new Value(null, (number(args[1]) << 12) & 0xFFFFFFFFL));
            } else if (List.of("mv", "mov").contains(op) && args.length == 2) {
                regs.put(args[0], regs.get(args[1]));
            } else if (List.of("addi", "adds", "add", "add.w", "subs", "sub", "sub.w").contains(op) && args[args.length - 1].matches("#?-?(0x[0-9a-f]+|\\d+)")) {
                Value from = regs.get(args.length == 3 ? args[1] : args[0]);
                long n = number(args[args.length - 1]) * (op.startsWith("sub") ? -1 : 1);
                regs.put(args[0], from == null ? null : from.plus(n));
            } else if (List.of("bl", "blx", "jal").contains(op) || op.equals("jalr") || op.equals("call")) {
                for (String r : List.of("r0", "r1", "r2", "r3", "r12", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "t0", "t1", "t2", "ra")) regs.remove(r);
            } else if (!branch(op) && !op.startsWith("cmp") && !op.startsWith("tst") && !op.startsWith("it")
                    && !op.startsWith("push") && !op.equals("ret")) {
                regs.remove(args[0]);   // anything else defines its first operand (pop's list is kept: callee-saved)
            }
        }
    }

    /** An instruction after which the next one is reached only by a branch: a return or an unconditional jump. */
    private static boolean ends(Disassembly.Insn i) {
        return returns(List.of(i)) && !i.op().matches("pop..|bx..") || i.op().equals("ret") || i.op().matches("b|b\\.w|j");
    }

    private static boolean returns(List<Disassembly.Insn> block) {
        return block.stream().anyMatch(i -> i.op().startsWith("pop") && i.operands().contains("pc") || i.op().startsWith("bx") && i.operands().equals("lr"));
    }

    /** A branch (defines no register): ARM b, bx, bCOND, cbz, cbnz; RISC-V bCOND, j, jr. */
    private static boolean branch(String op) {
        return op.matches("(b|bx|b\\.w|b(eq|ne|cs|cc|hs|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le)(\\.w)?|cbn?z|j|jr|beqz|bnez|bltz|bgez|blez|bgtz|bltu|bgeu|blt|bge)");
    }

    private static Value at(Map<String, Value> regs, String base, String offset) {
        Value v = regs.get(base);
        return v == null ? null : v.plus(offset == null ? 0 : number(offset));
    }

    private static long number(String s) {
        String t = s.replace("#", "").trim();
        boolean neg = t.startsWith("-");
        if (neg) t = t.substring(1);
        long n = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        return neg ? -n : n;
    }

    /** The 32-bit little-endian word the ELF loads at address (a literal pool entry). */
    private long word(long address) {
        for (ElfFile.Section s : file.sections()) {
            if (s.loadsBytes() && address >= s.addr() && address + 4 <= s.addr() + s.size()) {
                int o = (int) (s.offset() + address - s.addr());
                return (elf[o] & 0xFFL) | (elf[o + 1] & 0xFFL) << 8 | (elf[o + 2] & 0xFFL) << 16 | (elf[o + 3] & 0xFFL) << 24;
            }
        }
        throw new AssertionError(String.format("no loaded section holds 0x%08X", address));
    }
}
