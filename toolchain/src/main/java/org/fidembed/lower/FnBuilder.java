// Accumulates the LLVM IR text of one function: stack slots in the entry block, then basic blocks
// of instructions. Values of `if`/`match` expressions go through stack slots, which LLVM's mem2reg
// turns into SSA form, so the lowering never writes phi nodes.
package org.fidembed.lower;

import java.util.List;

final class FnBuilder {
    final String name;
    private final StringBuilder allocas = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private int tmp = 0, labels = 0, slots = 0;
    private boolean terminated = false;
    String currentBlock = "entry";

    FnBuilder(String name) { this.name = name; }

    /** ".text." and the function's name with characters a section name cannot hold replaced. */
    static String sectionName(String llvmName) {
        String n = llvmName.startsWith("@") ? llvmName.substring(1) : llvmName;
        if (n.startsWith("\"") && n.endsWith("\"")) n = n.substring(1, n.length() - 1);
        return ".text." + n.replaceAll("[^A-Za-z0-9_.$<>,]", "_");
    }

    String fresh() { return "%t" + (tmp++); }

    String label(String hint) { return hint + "." + (labels++); }

    boolean terminated() { return terminated; }

    void emit(String instr) {
        if (terminated) {
            // code after a terminator is unreachable; give it a block of its own
            String dead = label("dead");
            body.append(dead).append(":\n");
            currentBlock = dead;
            terminated = false;
        }
        body.append("  ").append(instr).append('\n');
    }

    /** Emits `%tN = rhs` and returns %tN. */
    String inst(String rhs) {
        String r = fresh();
        emit(r + " = " + rhs);
        return r;
    }

    void block(String label) {
        if (!terminated) body.append("  br label %").append(label).append('\n');
        body.append(label).append(":\n");
        currentBlock = label;
        terminated = false;
    }

    void br(String label) {
        emit("br label %" + label);
        terminated = true;
    }

    void condBr(String cond, String t, String f) {
        emit("br i1 " + cond + ", label %" + t + ", label %" + f);
        terminated = true;
    }

    void switchTo(String ty, String value, String defaultLabel, List<String[]> cases) {
        StringBuilder sb = new StringBuilder("switch " + ty + " " + value + ", label %" + defaultLabel + " [");
        for (String[] c : cases) sb.append(' ').append(ty).append(' ').append(c[0]).append(", label %").append(c[1]);
        sb.append(" ]");
        emit(sb.toString());
        terminated = true;
    }

    void ret(String ty, String value) {
        emit(ty.equals("void") ? "ret void" : "ret " + ty + " " + value);
        terminated = true;
    }

    void unreachable() {
        emit("unreachable");
        terminated = true;
    }

    /** A stack slot in the entry block (so that mem2reg can promote it). */
    String alloca(String ty) {
        return alloca(ty, 0);
    }

    String alloca(String ty, int align) {
        String n = "%s" + (slots++);
        allocas.append("  ").append(n).append(" = alloca ").append(ty);
        if (align > 0) allocas.append(", align ").append(align);
        allocas.append('\n');
        return n;
    }

    String text(String header) {
        // one section per function, so that the linker drops what is not called and the stack
        // bound can read the call graph from the relocations of each function's section
        if (!header.contains(" section \"")) header = header + " section \"" + sectionName(name) + "\"";
        StringBuilder sb = new StringBuilder(header).append(" {\nentry:\n").append(allocas);
        sb.append(body);
        if (!terminated) sb.append("  unreachable\n");
        sb.append("}\n");
        return sb.toString();
    }
}
