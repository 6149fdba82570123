// Facts about the syntax tree that several checkers need: where an expression starts (for the
// location of a type error), whether a binding is a lambda, named arguments, a field's last name.
package org.fidembed.typeck;

import org.fidembed.ast.Ast;
import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Loc;
import org.fidembed.types.*;
import org.fidembed.types.Typed;
import org.fidembed.types.Symbols.*;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Type.Trait;
import org.fidembed.types.Typed.TExpr;
import org.fidembed.types.Typed.TPat;

import java.math.BigInteger;
import java.util.*;

final class SyntaxFacts {
    private SyntaxFacts() { }

    static boolean isLambdaExpr(Expr e) {
        while (e instanceof Paren p) e = p.inner();
        return e instanceof Lambda || e instanceof Function;
    }

    static Loc startLoc(Expr e) {
        if (e instanceof Infix i) return startLoc(i.left());
        if (e instanceof App a) return startLoc(a.fn());
        if (e instanceof Index ix) return startLoc(ix.target());
        if (e instanceof DotGet d) return startLoc(d.target());
        if (e instanceof Ast.Typed t) return startLoc(t.expr());
        if (e instanceof Seq s) return startLoc(s.first());
        if (e instanceof Ast.Tuple t && !t.elems().isEmpty() && !t.struct()) return startLoc(t.elems().get(0));
        if (e instanceof TypeApp ta) return startLoc(ta.fn());
        if (e instanceof Assign a) return startLoc(a.target());
        return e.loc();
    }

    static boolean isNamedArgs(List<Expr> elems) {
        for (Expr e : elems) {
            if (!(e instanceof Infix i && i.op().equals("=") && i.left() instanceof Name n && n.path().size() == 1)) return false;
        }
        return true;
    }

    static String lastName(FieldInit fi) { return fi.path().get(fi.path().size() - 1); }

    /** |Even|Odd| and |Small|_|: an active pattern's name (an operator such as |>> is not one). */
    static boolean isActivePatternName(String name) {
        return name.length() > 2 && name.startsWith("|") && name.endsWith("|") && Character.isLetter(name.charAt(1));
    }
}
