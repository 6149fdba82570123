// Parses patterns, in F#'s precedence: `as` binds loosest, then `|` alternatives (which may stand one
// per line), `&`, tuples, union cases and active patterns with their arguments, and atomic patterns
// (names, constants, `_`, parentheses with an optional type, struct tuples, record patterns).
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.ast.Rejections;
import org.fidembed.diag.Loc;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.fidembed.parse.Offside.*;

final class PatternParser {
    private final TokenCursor c;
    private final TypeParser types;

    PatternParser(TokenCursor c, TypeParser types) {
        this.c = c;
        this.types = types;
    }

    /** A full pattern: alternatives, tuples, `as`. */
    Pat pattern() {
        c.enter();
        try {
            Pat p = orPattern();
            while (c.atKw("as")) {
                c.advance();
                Token n = c.peek();
                String name = c.expectIdent("a name after 'as'");
                p = new PAs(p.loc(), p, name, n.loc());
            }
            return p;
        } finally { c.leave(); }
    }

    /** A pattern without a top-level `as` (a `for` pattern, a `let` head). */
    Pat orPattern() {
        c.enter();
        try {
            Pat left = tuplePattern();
            // `| 1` / `| 3 -> ...`: an alternative may start its own line; before the `->` a '|' never starts a rule
            while (c.atSym("|")) {
                c.advance();
                Pat right = tuplePattern();
                left = new POr(left.loc(), left, right);
            }
            return left;
        } finally { c.leave(); }
    }

    private Pat tuplePattern() {
        Pat first = andPattern();
        if (!c.atSym(",")) return first;
        List<Pat> elems = new ArrayList<>();
        elems.add(first);
        while (c.acceptSym(",")) elems.add(andPattern());
        return new PTuple(first.loc(), elems, false);
    }

    private Pat andPattern() {
        Pat p = typedElement();
        if (c.atSym("&") && !c.atSym("&&")) {
            c.advance();
            return new PAnd(p.loc(), p, andPattern());
        }
        return p;
    }

    /** Inside parentheses an element of a tuple may carry its own type: (a: int, b: int). */
    private Pat typedElement() {
        Pat p = consPattern();
        if (parens > 0 && c.atSym(":")) { c.advance(); p = new PTyped(p.loc(), p, types.type()); }
        return p;
    }

    private int parens;

    private Pat consPattern() {
        Pat p = appPattern();
        if (c.atSym("::")) {
            Token cons = c.advance();
            consPattern();
            return new PUnsupported(cons.loc(), Rejections.LISTS);
        }
        return p;
    }

    /** A union case or active pattern with its arguments, or an atomic pattern. */
    private Pat appPattern() {
        Token t = c.peek();
        if (t.kind() == Kind.IDENT && !t.text().equals("_")) {
            List<String> path = longIdent();
            if (c.atSym("(") && c.peek(1).kind() == Kind.IDENT && sym(c.peek(2), "=")) return namedFields(t, path);
            List<Pat> args = new ArrayList<>();
            while (startsAtomic(c.peek())) args.add(atomic());
            if (!args.isEmpty()) return new PCase(t.loc(), path, args, List.of());
            return path.size() == 1 ? new PName(t.loc(), path.get(0)) : new PCase(t.loc(), path, List.of(), List.of());
        }
        if ((sym(t, "-") || sym(t, "+")) && (c.peek(1).kind() == Kind.INT || c.peek(1).kind() == Kind.FLOAT) && c.adjacent(1)) {
            c.advance();
            Token n = c.advance();
            return new PConst(t.loc(), Literals.of(n, sym(t, "-")));
        }
        if (sym(t, ":?")) {
            c.advance();
            types.type();
            return new PUnsupported(t.loc(), Rejections.BOXING);
        }
        return atomic();
    }

    private Pat namedFields(Token t, List<String> path) {
        c.advance();
        List<NamedPat> named = new ArrayList<>();
        while (true) {
            Token n = c.peek();
            String fname = c.expectIdent("a field name");
            c.expectSym("=");
            named.add(new NamedPat(n.loc(), fname, pattern()));
            if (c.acceptSym(",") || c.acceptSym(";")) continue;
            break;
        }
        c.expectSym(")");
        return new PCase(t.loc(), path, List.of(), named);
    }

    List<String> longIdent() {
        List<String> p = new ArrayList<>();
        p.add(c.expectIdent("a name"));
        while (c.atSym(".") && c.peek(1).kind() == Kind.IDENT) { c.advance(); p.add(c.advance().text()); }
        return p;
    }

    boolean startsAtomic(Token t) {
        return switch (t.kind()) {
            case IDENT, INT, FLOAT, CHAR, STRING -> true;
            case KEYWORD -> t.text().equals("true") || t.text().equals("false") || t.text().equals("null") || t.text().equals("struct");
            case PUNCT, OP -> t.text().equals("(") || t.text().equals("[|") || t.text().equals("[") || t.text().equals("{");
            default -> false;
        };
    }

    /** An atomic pattern: a parameter of a function, an argument of a case. */
    Pat atomic() {
        Token t = c.peek();
        switch (t.kind()) {
            case IDENT -> {
                if (t.text().equals("_")) { c.advance(); return new PWild(t.loc()); }
                List<String> path = longIdent();
                return path.size() == 1 ? new PName(t.loc(), path.get(0)) : new PCase(t.loc(), path, List.of(), List.of());
            }
            case INT, FLOAT, CHAR, STRING -> {
                c.advance();
                Literal lit = Literals.of(t, false);
                if (c.atSym("<") && c.adjacentToPrevious() && (t.kind() == Kind.INT || t.kind() == Kind.FLOAT)) types.measureAnnotation();
                return new PConst(t.loc(), lit);
            }
            case KEYWORD -> { return keywordAtomic(t); }
            case PUNCT, OP -> { return bracketAtomic(t); }
            default -> throw c.error(t, "expected a pattern but found " + c.describe(t));
        }
    }

    private Pat keywordAtomic(Token t) {
        switch (t.text()) {
            case "true", "false" -> { c.advance(); return new PConst(t.loc(), new BoolLit(t.text().equals("true"))); }
            case "null" -> { c.advance(); return new PUnsupported(t.loc(), Rejections.BOXING); }
            case "struct" -> {
                c.advance();
                c.expectSym("(");
                parens++;
                try {
                    Pat inner = pattern();
                    c.expectSym(")");
                    return inner instanceof PTuple pt ? new PTuple(t.loc(), pt.elems(), true) : inner;
                } finally { parens--; }
            }
            default -> throw c.error(t, "expected a pattern but found " + c.describe(t));
        }
    }

    private Pat bracketAtomic(Token t) {
        switch (t.text()) {
            case "(" -> { return parenthesized(t); }
            case "[" -> { c.skipBalanced("[", "]"); return new PUnsupported(t.loc(), Rejections.LISTS); }
            case "[|" -> { c.skipBalanced("[|", "|]"); return new PUnsupported(t.loc(), Rejections.ARRAY_PATTERNS); }
            case "{" -> { return recordPattern(t); }
            default -> throw c.error(t, "expected a pattern but found " + c.describe(t));
        }
    }

    private Pat parenthesized(Token t) {
        c.advance();
        if (c.acceptSym(")")) return new PConst(t.loc(), new UnitLit());
        // (|Even|Odd|) and (|Small|_|): the name of an active pattern, in a pattern only as a binding's head
        if (c.atSym("|")) {
            String name = Literals.activePatternName(c);
            return new PName(t.loc(), name);
        }
        parens++;
        try {
            Pat inner = pattern();
            if (c.atSym(":")) { c.advance(); inner = new PTyped(inner.loc(), inner, types.type()); }
            c.expectSym(")");
            return inner;
        } finally { parens--; }
    }

    private Pat recordPattern(Token t) {
        c.advance();
        List<FieldPat> fields = new ArrayList<>();
        while (!c.atSym("}")) {
            Token f = c.peek();
            List<String> path = longIdent();
            c.expectSym("=");
            fields.add(new FieldPat(f.loc(), path, pattern()));
            if (!c.acceptSeps()) break;
        }
        c.expectSym("}");
        return new PRecord(t.loc(), fields);
    }

    /** Where a pattern starts in a position that also takes expressions (for error messages). */
    Loc loc() { return c.loc(); }
}
