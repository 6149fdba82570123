// Type checking of a whole program (F#'s inference: Hindley-Milner, left to right, let-generalisation
// with the value restriction, literals of fixed type, operator traits defaulting to int): the entry
// of the typeck package, whose parts each check one concern over a shared CheckContext.
package org.fidembed.typeck;

import org.fidembed.ast.Ast.FileAst;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Type;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

public final class TypeChecker {
    private final CheckContext cx;

    /** interruptNameValid: whether the board has an interrupt vector of that name. */
    public TypeChecker(Diagnostics diags, String boardName, Predicate<String> interruptNameValid) {
        cx = new CheckContext(diags, boardName, interruptNameValid);
    }

    public Program check(List<FileAst> files, List<Boolean> isPrelude) {
        for (int k = 0; k < files.size(); k++) {
            cx.checkingPrelude = isPrelude.get(k);
            cx.decls.checkFile(files.get(k));
            if (cx.checkingPrelude && cx.diags.hasErrors()) return new Program(cx.globals, null, cx.allTypes, cx.predef);
        }
        for (Runnable r : cx.deferred) r.run();
        for (GlobalVal g : cx.globals) {
            if (g.prelude) continue;
            Type t = Type.resolve(g.scheme.type());
            Set<Type.Var> free = new LinkedHashSet<>();
            Type.freeVars(t, free);
            free.removeAll(g.scheme.vars());
            if (!free.isEmpty() && !g.isFunction() && !Type.touchesError(g.scheme.type())) {
                cx.diags.error(g.loc, "value restriction: the type of '" + g.name + "' (" + Type.show(t) + ") could not be inferred; add a type annotation");
            }
        }
        if (cx.entryPoint == null && !files.isEmpty() && !isPrelude.get(files.size() - 1)) {
            FileAst last = files.get(files.size() - 1);
            cx.diags.error(new Loc(last.loc().file(), 1, 1), "this program has no entry point: mark a function [<EntryPoint>] let main _ = ... 0");
        }
        return new Program(cx.globals, cx.entryPoint, cx.allTypes, cx.predef);
    }
}
