// Parses the bracketed expressions: parentheses (unit, operator values, active pattern names, typed
// expressions, member constraint calls), array literals and comprehensions, rejected lists, record
// construction and copy-and-update, and indexing or slicing after an expression.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.ast.Rejections;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.fidembed.parse.Offside.*;

final class Brackets {
    private final TokenCursor c;
    private final TypeParser types;
    private final ExprParser exprs;
    private final AtomParser atoms;

    Brackets(TokenCursor c, TypeParser types, ExprParser exprs, AtomParser atoms) {
        this.c = c;
        this.types = types;
        this.exprs = exprs;
        this.atoms = atoms;
    }

    Expr punctAtom(Token t) {
        switch (t.text()) {
            case "(" -> { return paren(t); }
            case "[|" -> { return array(t); }
            case "[" -> { c.skipBalanced("[", "]"); return new Unsupported(t.loc(), Rejections.LISTS); }
            case "{" -> { return record(t); }
            default -> throw c.error(t, "expected an expression but found " + c.describe(t));
        }
    }

    private Expr paren(Token t) {
        c.advance();
        Token n = c.peek();
        if (c.acceptSym(")")) return new Const(t.loc(), new UnitLit());
        if (sym(n, "|") && c.peek(1).kind() == Kind.IDENT) {
            String name = Literals.activePatternName(c);
            return new Name(n.loc(), List.of(name), List.of(n.loc()));
        }
        if ((n.kind() == Kind.OP || sym(n, "..")) && sym(c.peek(1), ")")) {
            c.advance(); c.advance();
            return new OpValue(n.loc(), n.text());
        }
        if (isTraitCallStart()) return traitCall(t);
        Expr e = exprs.seqExpr();
        if (c.acceptSym(":")) e = new Typed(e.loc(), e, types.type());
        c.expectSym(")");
        return new Paren(t.loc(), e);
    }

    /** (^T : (static member Zero : ^T) ()), ('T : ...) and ((^T or ^U) : ...): a call of a member constraint. */
    private boolean isTraitCallStart() {
        Token n = c.peek();
        if (sym(n, "(") && sym(c.peek(1), "^") && c.peek(2).kind() == Kind.IDENT && kw(c.peek(3), "or")) return true;
        if (n.kind() == Kind.TYVAR) return sym(c.peek(1), ":") || sym(c.peek(1), "or");
        return sym(n, "^") && c.peek(1).kind() == Kind.IDENT && (sym(c.peek(2), ":") || kw(c.peek(2), "or"));
    }

    private Expr traitCall(Token open) {
        List<TypeExpr> supports = new ArrayList<>();
        boolean grouped = c.acceptSym("(");
        supports.add(types.atomType());
        while (c.acceptKw("or")) supports.add(types.atomType());
        if (grouped) c.expectSym(")");
        c.expectSym(":");
        c.expectSym("(");
        MemberSig sig = types.memberSig();
        c.expectSym(")");
        Expr arg = atoms.atom();
        c.expectSym(")");
        return new TraitCall(open.loc(), supports, sig, arg);
    }

    // ---------------------------------------------------------------- arrays

    private Expr array(Token t) {
        c.advance();
        if (c.acceptSym("|]")) return new ArrayLit(t.loc(), List.of());
        if (c.atKw("for") || c.atKw("yield") || c.atKw("let") || c.atKw("if") || c.atKw("match")) {
            Expr body = exprs.seqExpr();
            c.expectSym("|]");
            return new ArrayComp(t.loc(), body);
        }
        List<Expr> elems = new ArrayList<>();
        while (true) {
            Expr e = exprs.declExpr();
            if (c.atSym("..")) {
                // [| a .. b |] and [| a .. s .. b |]: a range written as an array
                c.advance();
                Expr second = atoms.opExpr(0);
                Expr range = c.acceptSym("..") ? new Range(e.loc(), e, second, atoms.opExpr(0)) : new Range(e.loc(), e, null, second);
                c.expectSym("|]");
                return new ArrayComp(t.loc(), range);
            }
            elems.add(e);
            if (!c.acceptSeps() || c.atSym("|]")) break;
        }
        c.expectSym("|]");
        return new ArrayLit(t.loc(), elems);
    }

    // ---------------------------------------------------------------- records

    private Expr record(Token open) {
        c.advance();
        if (c.atKw("new")) {
            c.skipBalanced("{", "}");
            return new Unsupported(open.loc(), Rejections.CLASSES);
        }
        Expr copy = null;
        if (!isFieldStart()) {
            Expr e = atoms.opExpr(0);
            if (!c.atKw("with")) {
                // { 1 .. 10 }, { for ... }: sequence expressions
                skipToClose();
                return new Unsupported(open.loc(), Rejections.SEQUENCES);
            }
            c.advance();
            copy = e;
        }
        List<FieldInit> fields = new ArrayList<>();
        while (isFieldStart()) {
            Token f = c.peek();
            List<String> path = longIdent();
            c.expectSym("=");
            Expr v = c.atVirtual(BLOCK_BEGIN) ? exprs.block("the value of field '" + path.get(path.size() - 1) + "'") : exprs.declExpr();
            fields.add(new FieldInit(f.loc(), path, v));
            if (!c.acceptSeps()) break;
        }
        if (copy != null) c.acceptVirtual(END);
        if (!c.atSym("}")) {
            Token bad = c.peek();
            throw c.error(bad, "expected a field ('Name = value') or '}' but found " + c.describe(bad));
        }
        c.advance();
        return new RecordExpr(open.loc(), copy, fields);
    }

    private void skipToClose() {
        int d = 1;
        while (!c.atEof()) {
            Token t = c.advance();
            if (sym(t, "{")) d++;
            else if (sym(t, "}") && --d == 0) return;
        }
    }

    private boolean isFieldStart() {
        int k = 0;
        if (c.peek(k).kind() != Kind.IDENT) return false;
        k++;
        while (sym(c.peek(k), ".") && c.peek(k + 1).kind() == Kind.IDENT) k += 2;
        return sym(c.peek(k), "=");
    }

    private List<String> longIdent() {
        List<String> p = new ArrayList<>();
        p.add(c.expectIdent("a field name"));
        while (c.atSym(".") && c.peek(1).kind() == Kind.IDENT) { c.advance(); p.add(c.advance().text()); }
        return p;
    }

    // ---------------------------------------------------------------- indexing

    /** After the '[' of e.[...] or e[...]: an index, or a slice i..j, ..j, i.. */
    Expr indexOrSlice(Token open, Expr target) {
        if (c.acceptSym("..")) {
            Expr to = atoms.opExpr(0);
            c.expectSym("]");
            return new Slice(open.loc(), target, null, to);
        }
        Expr idx = exprs.declExpr();
        if (c.acceptSym("..")) {
            Expr to = c.atSym("]") ? null : atoms.opExpr(0);
            c.expectSym("]");
            return new Slice(open.loc(), target, idx, to);
        }
        if (idx instanceof Tuple) {
            c.expectSym("]");
            return new Unsupported(open.loc(), Rejections.MULTIDIM);
        }
        c.expectSym("]");
        return new Index(open.loc(), target, idx);
    }
}
