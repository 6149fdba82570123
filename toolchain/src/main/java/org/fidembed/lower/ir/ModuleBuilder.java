// Collects the IR of one module: global definitions in the order they are made, declarations of
// intrinsics (each once), and function texts from FunctionBuilder; text() writes the module.
package org.fidembed.lower.ir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

public final class ModuleBuilder {
    /** How a global is defined: a variable or a constant of this module, or a private constant (strings). */
    public enum GlobalKind {
        VARIABLE("internal global"), CONSTANT("internal constant"), PRIVATE_CONSTANT("private unnamed_addr constant");

        private final String text;

        GlobalKind(String text) { this.text = text; }
    }

    private final StringBuilder globals = new StringBuilder();
    private final Set<String> declarations = new LinkedHashSet<>();
    private final List<String> functions = new ArrayList<>();

    /** Defines global name with its initial value; align 0: the type's own. */
    public void global(Value name, GlobalKind kind, Value init, int align) {
        globals.append(name.ref()).append(" = ").append(kind.text).append(' ').append(init.typed());
        if (align > 0) globals.append(", align ").append(align);
        globals.append('\n');
    }

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

    /** The module: globals, then the extra globals made last (trailer), declarations and functions. */
    public String text(String trailer) {
        StringBuilder out = new StringBuilder(globals).append(trailer);
        for (String d : declarations) out.append(d).append('\n');
        for (String f : functions) out.append(f).append('\n');
        return out.toString();
    }

    /** The text of one global definition alone (for globals defined when lowering ends). */
    public static String globalText(Value name, GlobalKind kind, Value init) {
        return name.ref() + " = " + kind.text + " " + init.typed() + "\n";
    }
}
