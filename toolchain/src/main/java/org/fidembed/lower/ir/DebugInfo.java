// The debug-information metadata of one module, written as LLVM's textual DI nodes: a compile unit
// per source file (relative names only, so builds stay reproducible), subprograms, lexical scopes,
// line locations, local and global variables, and the module flags that make LLVM emit DWARF.
package org.fidembed.lower.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class DebugInfo {
    /** The DWARF version written (gdb 13, lld and the line-table reader all handle 4 well). */
    public static final int DWARF_VERSION = 4;

    private final List<String> nodes = new ArrayList<>();
    private final Map<String, Integer> unique = new HashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Integer> blockFiles = new HashMap<>();
    private final List<Subprogram> open = new ArrayList<>();
    private final Map<String, Subprogram> inlined = new HashMap<>();
    private boolean declares;

    /** The compile unit of one source file and the globals it lists. */
    private record Unit(int cu, int file, List<Integer> globals) { }

    /** A subprogram being built: its node, its file, its first line. */
    public record Subprogram(int node, String file, int line) { }

    /** A metadata reference: !N. */
    public static String ref(int node) { return "!" + node; }

    /** A node of this text, the same node for the same text. */
    public int node(String text) {
        Integer id = unique.get(text);
        if (id != null) return id;
        nodes.add(text);
        unique.put(text, nodes.size() - 1);
        return nodes.size() - 1;
    }

    /** A node whose text comes later (distinct nodes, recursive types). */
    public int reserve() {
        nodes.add(null);
        return nodes.size() - 1;
    }

    public void define(int node, String text) { nodes.set(node, text); }

    /** A string as a metadata string literal. */
    public static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c < 32 || c > 126) sb.append(String.format("\\%02X", (int) c & 0xFF));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    public int file(String name) {
        return node("!DIFile(filename: " + str(name) + ", directory: \".\")");
    }

    private Unit unit(String fileName) {
        return units.computeIfAbsent(fileName, n -> new Unit(reserve(), file(n), new ArrayList<>()));
    }

    /** A new subprogram of the function starting at file:line; its name comes with finish. */
    public Subprogram subprogram(String fileName, int line) {
        unit(fileName);
        Subprogram sp = new Subprogram(reserve(), fileName, line);
        open.add(sp);
        return sp;
    }

    /** Names the subprogram (its F# name; linkage: the ELF symbol when it differs). */
    public void finishSubprogram(Subprogram sp, String name, String symbol, boolean local) { finishSubprogram(sp, name, symbol, local, false); }

    /** isMain: the program's entry (DW_AT_main_subprogram: gdb's backtrace ends there, as at C's main). */
    public void finishSubprogram(Subprogram sp, String name, String symbol, boolean local, boolean isMain) {
        open.remove(sp);
        Unit u = unit(sp.file());
        String flags = "DISPFlagDefinition | DISPFlagOptimized" + (local ? " | DISPFlagLocalToUnit" : "") + (isMain ? " | DISPFlagMainSubprogram" : "");
        int type = node("!DISubroutineType(types: !{null})");
        define(sp.node(), "distinct !DISubprogram(name: " + str(name) + (symbol.equals(name) ? "" : ", linkageName: " + str(symbol))
                + ", scope: " + ref(u.file()) + ", file: " + ref(u.file()) + ", line: " + sp.line() + ", type: " + ref(type)
                + ", scopeLine: " + sp.line() + ", spFlags: " + flags + ", unit: " + ref(u.cu()) + ")");
    }

    /** The subprogram of an inline function, whose body is only ever expanded at its calls (one per function). */
    public Subprogram inlinedSubprogram(String name, String fileName, int line) {
        return inlined.computeIfAbsent(name, n -> {
            Subprogram sp = subprogram(fileName, line);
            finishSubprogram(sp, n, n, true);
            return sp;
        });
    }

    /** The scope for a line of fileName inside subprogram sp: sp itself, or a block naming the other file. */
    public int scope(Subprogram sp, String fileName) {
        if (fileName.equals(sp.file())) return sp.node();
        String key = sp.node() + "\0" + fileName;
        Integer s = blockFiles.get(key);
        if (s != null) return s;
        int made = node("!DILexicalBlockFile(scope: " + ref(sp.node()) + ", file: " + ref(file(fileName)) + ", discriminator: 0)");
        blockFiles.put(key, made);
        return made;
    }

    /** A source location: line and column in scope, inlinedAt a call site's location (or -1). */
    public int location(int line, int col, int scope, int inlinedAt) {
        return node("!DILocation(line: " + line + ", column: " + Math.max(col, 0) + ", scope: " + ref(scope)
                + (inlinedAt >= 0 ? ", inlinedAt: " + ref(inlinedAt) : "") + ")");
    }

    /** A parameter (arg 1, 2, ...) or local (arg 0) variable of the given type node. */
    public int localVariable(String name, int arg, int scope, String fileName, int line, int type) {
        declares = true;
        return node("!DILocalVariable(name: " + str(name) + (arg > 0 ? ", arg: " + arg : "") + ", scope: " + ref(scope)
                + ", file: " + ref(file(fileName)) + ", line: " + line + ", type: " + ref(type) + ")");
    }

    /** A module-level value under its F# name: the node to attach to its global (!dbg). */
    public int globalVariable(String name, String fileName, int line, int type) {
        Unit u = unit(fileName);
        // no linkageName: gdb would look the value up by it (Main.presses.data) instead of its F# name
        int gv = node("distinct !DIGlobalVariable(name: " + str(name) + ", scope: " + ref(u.cu()) + ", file: " + ref(u.file()) + ", line: " + line + ", type: " + ref(type)
                + ", isLocal: true, isDefinition: true)");
        int gve = node("!DIGlobalVariableExpression(var: " + ref(gv) + ", expr: !DIExpression())");
        u.globals().add(gve);
        return gve;
    }

    /** A module-level value known at compile time: its value in the debug information (its global may be folded away). */
    public void constantVariable(String name, String fileName, int line, int type, long bits) {
        Unit u = unit(fileName);
        int gv = node("distinct !DIGlobalVariable(name: " + str(name) + ", scope: " + ref(u.cu()) + ", file: " + ref(u.file()) + ", line: " + line
                + ", type: " + ref(type) + ", isLocal: true, isDefinition: true)");
        u.globals().add(node("!DIGlobalVariableExpression(var: " + ref(gv) + ", expr: !DIExpression(DW_OP_constu, " + Long.toUnsignedString(bits)
                + ", DW_OP_stack_value))"));
    }

    /** Whether anything was described (a module without functions or globals gets no debug information). */
    public boolean isEmpty() { return units.isEmpty(); }

    /** The metadata: the intrinsic's declaration, the named nodes, then every node. */
    public String text() {
        if (isEmpty()) return "";
        // a function abandoned half-way (never emitted) still needs its subprogram node to parse
        for (Subprogram sp : List.copyOf(open)) finishSubprogram(sp, "unused", "unused", true);
        StringBuilder out = new StringBuilder();
        if (declares) out.append("declare void @llvm.dbg.declare(metadata, metadata, metadata)\n");
        List<String> cus = new ArrayList<>();
        for (Unit u : units.values()) {
            StringBuilder g = new StringBuilder();
            for (int x : u.globals()) g.append(g.length() > 0 ? ", " : "").append(ref(x));
            define(u.cu(), "distinct !DICompileUnit(language: DW_LANG_C99, file: " + ref(u.file()) + ", producer: \"fid-embed\""
                    + ", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug"
                    + (u.globals().isEmpty() ? "" : ", globals: !{" + g + "}") + ", nameTableKind: None)");
            cus.add(ref(u.cu()));
        }
        int dwarf = node("!{i32 7, !\"Dwarf Version\", i32 " + DWARF_VERSION + "}");
        int version = node("!{i32 2, !\"Debug Info Version\", i32 3}");
        out.append("!llvm.dbg.cu = !{").append(String.join(", ", cus)).append("}\n");
        out.append("!llvm.module.flags = !{").append(ref(dwarf)).append(", ").append(ref(version)).append("}\n");
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == null) throw new IllegalStateException("debug node !" + i + " was reserved but never defined");
            out.append('!').append(i).append(" = ").append(nodes.get(i)).append('\n');
        }
        return out.toString();
    }
}
