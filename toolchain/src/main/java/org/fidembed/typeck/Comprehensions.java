// Array comprehensions whose length is known, rewritten to the Array functions that build them:
// [| for i in a .. b -> e |] is Array.init (b - a + 1) (fun k -> let i = a + k in e), a range
// [| a .. b |] likewise, [| for x in xs -> e |] is Array.map; a byte string is an array of bytes.
package org.fidembed.typeck;

import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

final class Comprehensions {
    private Comprehensions() { }

    private static final String UNKNOWN = "the length of this array comprehension is not known at compile time: it may only be "
            + "[| for x in a .. b -> e |], [| for x in xs -> e |] or a range; use Array.init with a constant length";

    static Expr desugar(ArrayComp ac, Diagnostics diags) {
        Expr body = ac.body();
        Loc loc = ac.loc();
        if (body instanceof Range r) return range(loc, r, new PName(loc, "k@"), null);
        if (body instanceof ForIn f) {
            Expr value = yielded(f.body());
            if (value == null) return reject(loc, diags);
            if (f.source() instanceof Range r) return range(loc, r, f.pat(), value);
            // over an array: Array.map
            Expr fn = new Lambda(f.pat().loc(), List.of(f.pat()), value);
            return app(loc, "map", fn, f.source());
        }
        return reject(loc, diags);
    }

    /** The value a loop's body yields, when it yields exactly one (-> e, do yield e), else null. */
    private static Expr yielded(Expr body) {
        while (body instanceof Paren p) body = p.inner();
        return body instanceof Yield y ? y.value() : null;
    }

    private static Expr reject(Loc loc, Diagnostics diags) {
        diags.error(loc, UNKNOWN);
        return new ErrorExpr(loc);
    }

    /** Array.init (count) (fun k -> let x = from + k * step in value): the range's values in order. */
    private static Expr range(Loc loc, Range r, Pat var, Expr value) {
        Expr step = r.step() == null ? intLit(loc, 1) : r.step();
        // the count of from .. step .. to: (to - from) / step + 1
        Expr count = infix(loc, "+", infix(loc, "/", paren(infix(loc, "-", paren(r.to()), paren(r.from()))), paren(step)), intLit(loc, 1));
        Name k = new Name(loc, List.of("k@"), List.of(loc));
        Expr element = infix(loc, "+", paren(r.from()), infix(loc, "*", k, paren(step)));
        Expr fnBody;
        if (value == null) fnBody = element;
        else {
            Binding b = new Binding(var.loc(), List.of(), false, false, Access.PUBLIC, var, var instanceof PName pn ? pn.name() : null,
                    var.loc(), List.of(), null, element, loc);
            fnBody = new LetIn(loc, false, List.of(b), value);
        }
        return app(loc, "init", paren(count), new Lambda(loc, List.of(new PName(loc, "k@")), fnBody));
    }

    /** "AT\r\n"B: [| 65uy; 84uy; 13uy; 10uy |]. */
    static Expr bytes(Loc loc, BytesLit b) {
        List<Expr> elems = new ArrayList<>();
        for (byte x : b.value()) elems.add(new Const(loc, new IntLit(BigInteger.valueOf(x & 0xFF), false, "uy", false)));
        return new ArrayLit(loc, elems);
    }

    private static Expr app(Loc loc, String fn, Expr a, Expr b) {
        Name f = new Name(loc, List.of("Array", fn), List.of(loc, loc));
        return new App(loc, new App(loc, f, a), b);
    }

    private static Expr infix(Loc loc, String op, Expr a, Expr b) { return new Infix(loc, op, a, b); }
    private static Expr paren(Expr e) { return new Paren(e.loc(), e); }
    private static Expr intLit(Loc loc, int v) { return new Const(loc, new IntLit(BigInteger.valueOf(v), false, "", false)); }
}
