// Parses type expressions: functions, tuples, postfix applications (int option), arrays, generic
// applications (Result<int, E>), type variables ('T and the statically resolved ^T), units of
// measure (float<m/s^2>, int<ms>), and `when` constraints on statically resolved type parameters.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.ast.Rejections;
import org.fidembed.diag.Loc;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.fidembed.parse.Offside.*;

final class TypeParser {
    private final TokenCursor c;

    TypeParser(TokenCursor c) { this.c = c; }

    /** type := tuple (-> type)? */
    TypeExpr type() {
        c.enter();
        try {
            TypeExpr t = tupleType();
            if (c.acceptSym("->")) return new TFunT(t.loc(), t, type());
            return t;
        } finally { c.leave(); }
    }

    /** A type followed by optional `when` constraints (a binding's annotation). */
    TypeExpr typeWithConstraints() {
        TypeExpr t = type();
        if (!c.atKw("when")) return t;
        Token w = c.advance();
        List<Constraint> cs = new ArrayList<>();
        do cs.add(constraint()); while (c.acceptKw("and"));
        return new TConstrained(w.loc(), t, cs);
    }

    private TypeExpr tupleType() {
        TypeExpr t = appType();
        if (!c.atSym("*")) return t;
        List<TypeExpr> elems = new ArrayList<>();
        elems.add(t);
        while (c.acceptSym("*")) elems.add(appType());
        return new TTupleT(t.loc(), elems, false);
    }

    /** An atomic type with postfix applications: int[], int option, 'T list, byte array. */
    TypeExpr appType() {
        TypeExpr t = powType();
        while (true) {
            if (c.atSym("[") && c.adjacentToPrevious() || c.atSym("[") && sym(c.peek(1), "]")) {
                Token b = c.advance();
                if (c.atSym(",")) {
                    while (!c.atSym("]") && !c.atEof()) c.advance();
                    c.expectSym("]");
                    c.diags.error(b.loc(), Rejections.MULTIDIM);
                    t = new TArrayT(t.loc(), t, 2);
                    continue;
                }
                c.expectSym("]");
                t = new TArrayT(t.loc(), t, 1);
            } else if (c.peek().kind() == Kind.IDENT && !c.peek().firstOnLine() && isPostfixTypeName(c.peek().text())) {
                Token n = c.advance();
                t = new TName(n.loc(), List.of(n.text()), List.of(t));
            } else return t;
        }
    }

    private static boolean isPostfixTypeName(String s) {
        return switch (s) {
            case "option", "voption", "array", "list", "seq", "ref", "byref", "inref", "outref" -> true;
            default -> false;
        };
    }

    /** A measure power: s^2, m^-1 (only meaningful for units; F# writes them in type position). */
    private TypeExpr powType() {
        TypeExpr t = atomType();
        if (c.peek().kind() == Kind.OP && (c.peek().text().equals("^") || c.peek().text().equals("^-"))) {
            Token hat = c.advance();
            boolean neg = hat.text().equals("^-") || c.acceptSym("-");
            boolean paren = c.acceptSym("(");
            if (paren && c.atSym("-")) { c.advance(); neg = !neg; }
            Token n = c.peek();
            if (n.kind() != Kind.INT) throw c.error(n, "expected the exponent of a unit of measure but found " + c.describe(n));
            c.advance();
            if (paren) c.expectSym(")");
            int e = ((org.fidembed.syntax.Lexer.IntLiteral) n.value()).magnitude().intValueExact();
            return new TMeasurePow(hat.loc(), t, neg ? -e : e);
        }
        return t;
    }

    TypeExpr atomType() {
        Token t = c.peek();
        if (t.kind() == Kind.TYVAR) { c.advance(); return new TVarT(t.loc(), t.text(), false); }
        if (sym(t, "^") && c.peek(1).kind() == Kind.IDENT && c.adjacent(1)) {
            c.advance();
            Token n = c.advance();
            return new TVarT(t.loc(), n.text(), true);
        }
        if (t.kind() == Kind.IDENT && t.text().equals("_")) { c.advance(); return new TAnyT(t.loc()); }
        if (t.kind() == Kind.INT && t.text().equals("1")) { c.advance(); return new TMeasureOne(t.loc()); }
        if (sym(t, "(")) {
            c.advance();
            TypeExpr inner = type();
            c.expectSym(")");
            return inner;
        }
        if (kw(t, "struct")) {
            c.advance();
            c.expectSym("(");
            TypeExpr inner = type();
            c.expectSym(")");
            return inner instanceof TTupleT tt ? new TTupleT(t.loc(), tt.elems(), true) : inner;
        }
        if (t.kind() == Kind.IDENT) {
            List<String> path = new ArrayList<>();
            path.add(c.advance().text());
            while (c.atSym(".") && c.peek(1).kind() == Kind.IDENT) { c.advance(); path.add(c.advance().text()); }
            List<TypeExpr> args = c.atSym("<") || startsAngle() ? typeArgs() : List.of();
            return new TName(t.loc(), path, args);
        }
        throw c.error(t, "expected a type but found " + c.describe(t));
    }

    private boolean startsAngle() {
        Token t = c.peek();
        return t.kind() == Kind.OP && t.text().startsWith("<") && !t.text().equals("<-") && c.adjacentToPrevious();
    }

    /** <type, type>, also for measures: <m/s^2>, <1/s>, <'u>. The opening '<' must touch the name. */
    List<TypeExpr> typeArgs() {
        if (!c.adjacentToPrevious()) return List.of();
        splitLeadingAngle();
        c.advance();
        List<TypeExpr> args = new ArrayList<>();
        if (!closesAngle()) {
            args.add(typeArg());
            while (c.acceptSym(",")) args.add(typeArg());
        }
        closeAngle();
        return args;
    }

    /** A type argument, which may be a unit of measure: m/s, 1/s, m^2, kg m (a product by juxtaposition). */
    private TypeExpr typeArg() {
        TypeExpr t = type();
        while (true) {
            if (c.atSym("/")) {
                Token slash = c.advance();
                t = new TMeasureQuot(slash.loc(), t, appType());
            } else if (c.peek().kind() == Kind.IDENT || c.peek().kind() == Kind.TYVAR) {
                TypeExpr next = appType();
                t = new TTupleT(t.loc(), List.of(t, next), false);
            } else return t;
        }
    }

    /** <ms> after a literal: 250<ms>, 9.81<m/s^2>. */
    TypeExpr measureAnnotation() {
        List<TypeExpr> args = typeArgs();
        if (args.size() != 1) throw c.error(c.peek(), "a unit of measure is written <unit>, e.g. 250<ms>");
        return args.get(0);
    }

    private boolean closesAngle() {
        Token t = c.peek();
        return (t.kind() == Kind.OP && t.text().startsWith(">")) || sym(t, ">]");
    }

    /** '<' glued to the next operator ('</', '<^') is split so that the '<' stands alone. */
    private void splitLeadingAngle() {
        Token t = c.peek();
        if (t.text().equals("<")) return;
        c.splitFirst(t, 1);
    }

    /** Consumes one '>' even when the lexer glued it to others ('>>', '>]', '>='). */
    void closeAngle() {
        Token t = c.peek();
        if (t.kind() == Kind.OP && t.text().startsWith(">")) {
            if (t.text().length() == 1) { c.advance(); return; }
            c.splitFirst(t, 1);
            c.advance();
            return;
        }
        if (sym(t, ">]")) { c.splitFirst(t, 1); c.advance(); return; }
        throw c.error(t, "expected '>' but found " + c.describe(t));
    }

    /**
     * <'T, ^U when ^U : (static member Zero : ^U)> after a binding's name: its explicit type parameters
     * (inference finds them anyway) and their constraints.
     */
    List<Constraint> typarDecls() {
        if (!c.adjacentToPrevious()) return List.of();
        splitLeadingAngle();
        c.advance();
        while (c.peek().kind() == Kind.TYVAR || sym(c.peek(), "^")) {
            atomType();
            if (!c.acceptSym(",")) break;
        }
        List<Constraint> cs = new ArrayList<>();
        if (c.acceptKw("when")) {
            do cs.add(constraint()); while (c.acceptKw("and"));
        }
        closeAngle();
        return cs;
    }

    /** when 'T : comparison, when ^T : (static member Zero : ^T), when 'T :> I. */
    private Constraint constraint() {
        Token at = c.peek();
        TypeExpr subject = atomType();
        if (c.atSym(":>")) { c.advance(); return new Constraint(at.loc(), subject, "subtype", null, type()); }
        c.expectSym(":");
        if (c.atSym("(")) {
            c.advance();
            MemberSig sig = memberSig();
            c.expectSym(")");
            return new Constraint(at.loc(), subject, "member", sig, null);
        }
        Token k = c.advance();
        return new Constraint(at.loc(), subject, k.text(), null, null);
    }

    /** static member Zero : ^T, member Length : int. */
    MemberSig memberSig() {
        Token start = c.peek();
        boolean isStatic = c.acceptKw("static");
        c.expectKw("member");
        Token n = c.peek();
        String name;
        if (c.atSym("(") && c.peek(1).kind() == Kind.OP && sym(c.peek(2), ")")) {
            c.advance();
            name = c.advance().text();
            c.advance();
        } else name = c.expectIdent("a member name");
        c.expectSym(":");
        return new MemberSig(start.loc() == null ? n.loc() : start.loc(), isStatic, name, type());
    }

    Loc loc() { return c.loc(); }
}
