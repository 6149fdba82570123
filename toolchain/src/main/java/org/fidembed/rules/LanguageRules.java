// The language's rules over the typed program, each a checker of its own: escape of closures and
// frame objects (EscapeRule) and bounded recursion (RecursionRule). What would need a heap or an
// unbounded stack is rejected here, before lowering; the recursion depths found go to the stack bound.
package org.fidembed.rules;

import org.fidembed.diag.Diagnostics;
import org.fidembed.typeck.Program;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Typed.Lambda;

import java.util.Map;
import java.util.Set;

public final class LanguageRules {
    private LanguageRules() { }

    /** What the rules found: the maximum nesting of each bounded recursive function. */
    public record Result(Map<GlobalVal, Long> recursionDepth) { }

    public static Result check(Program prog, Diagnostics diags) {
        EscapeRule escape = new EscapeRule(prog, diags);
        for (GlobalVal g : prog.globals()) {
            if (g.prelude || g.body == null) continue;
            if (g.isFunction() && g.body instanceof Lambda lam) {
                if (!g.inline) escape.checkEscapes(lam, g.name, Set.copyOf(lam.params()));
                escape.checkLocalFunctions(lam.body(), g.name);
            } else {
                escape.checkModuleValue(g);
            }
        }
        new StackOnlyRule(prog, diags, escape).check();
        RecursionRule recursion = new RecursionRule(prog, diags);
        recursion.checkRecursion();
        return new Result(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recursion.recursionDepth)));
    }
}
