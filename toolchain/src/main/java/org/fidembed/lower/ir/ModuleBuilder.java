// Collects the IR of one module: global definitions in the order they are made, declarations of
// intrinsics (each once), and function texts from FunctionBuilder; text() writes the module.
package org.fidembed.lower.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class ModuleBuilder {
    /** How a global is defined: a variable or a constant of this module, or a private constant (strings). */
    public enum GlobalKind {
        VARIABLE("internal global"), CONSTANT("internal constant"), PRIVATE_CONSTANT("private unnamed_addr constant");

        private final String text;

        GlobalKind(String text) { this.text = text; }
    }

    private record Global(String ref, String text) { }

    private final List<Global> globals = new ArrayList<>();
    private final Map<String, Integer> debugOf = new HashMap<>();
    private final Set<String> declarations = new LinkedHashSet<>();
    private final List<String> functions = new ArrayList<>();
    private final DebugInfo debug;

    /** A module without debug information. */
    public ModuleBuilder() { this(false); }

    public ModuleBuilder(boolean debugInfo) { this.debug = debugInfo ? new DebugInfo() : null; }

    /** The module's debug information, or null when it has none. */
    public DebugInfo debug() { return debug; }

    /** Defines global name with its initial value; align 0: the type's own. */
    public void global(Value name, GlobalKind kind, Value init, int align) {
        String text = name.ref() + " = " + kind.text + " " + init.typed() + (align > 0 ? ", align " + align : "");
        globals.add(new Global(name.ref(), text));
    }

    /** Attaches a DIGlobalVariableExpression node to a global defined here. */
    public void describe(Value name, int node) { debugOf.put(name.ref(), node); }

    public void global(Value name, GlobalKind kind, Value init) { global(name, kind, init, 0); }

    /** Declares an external function (an intrinsic such as llvm.sqrt.f64) once; its reference. */
    public Value declare(String symbol, IrType.Function type) {
        StringBuilder sb = new StringBuilder("declare ").append(type.result()).append(" @").append(symbol).append('(');
        for (int i = 0; i < type.params().size(); i++) sb.append(i > 0 ? ", " : "").append(type.params().get(i));
        declarations.add(sb.append(')').toString());
        return Value.plainGlobal(symbol);
    }

    /** A finished function (FunctionBuilder.finish). */
    public void function(String text) { functions.add(text); }

    /** The module: globals, then the extra globals made last (trailer), declarations, functions and debug information. */
    public String text(String trailer) {
        StringBuilder out = new StringBuilder();
        for (Global g : globals) {
            out.append(g.text());
            Integer d = debugOf.get(g.ref());
            if (d != null) out.append(", !dbg ").append(DebugInfo.ref(d));
            out.append('\n');
        }
        out.append(trailer);
        for (String d : declarations) out.append(d).append('\n');
        for (String f : functions) out.append(f).append('\n');
        if (debug != null) out.append(debug.text());
        return out.toString();
    }

    /** The text of one global definition alone (for globals defined when lowering ends). */
    public static String globalText(Value name, GlobalKind kind, Value init) {
        return name.ref() + " = " + kind.text + " " + init.typed() + "\n";
    }
}
