// Parses operator expressions in F#'s precedence, prefix operators, application by juxtaposition,
// the high-precedence postfix forms (f(x), a.[i], a[i], x.Name, f<int>), slices, and the atoms:
// literals (with units of measure), names, parentheses, arrays and comprehensions, records.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.ast.Rejections;
import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Loc;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.fidembed.parse.Offside.*;

final class AtomParser {
    private final TokenCursor c;
    private final TypeParser types;
    private final ExprParser exprs;
    private final Brackets brackets;

    AtomParser(TokenCursor c, TypeParser types, ExprParser exprs, PatternParser pats) {
        this.c = c;
        this.types = types;
        this.exprs = exprs;
        this.brackets = new Brackets(c, types, exprs, this);
    }

    Expr tupleExpr() {
        Expr first = opExpr(0);
        if (!c.atSym(",")) return first;
        List<Expr> elems = new ArrayList<>();
        elems.add(first);
        while (c.acceptSym(",")) elems.add(opExpr(0));
        return new Tuple(first.loc(), elems, false);
    }

    // ================================================================ operators

    /** Precedence of a binary operator (higher binds tighter), or -1 when t is not one. */
    static int precedence(Token t) {
        if (t.kind() == Kind.KEYWORD) return t.text().equals("or") ? 1 : -1;
        if (t.kind() != Kind.OP) return -1;
        String op = t.text();
        switch (op) {
            case "|", "!", "~~~", "?", ":=" -> { return -1; }
            case "||" -> { return 1; }
            case "&&", "&" -> { return 2; }
            case ":>", ":?>" -> { return 3; }
            case ":?" -> { return 7; }
            default -> { }
        }
        String core = op;
        while (core.startsWith(".") && core.length() > 1) core = core.substring(1);
        if (core.startsWith("**")) return 10;
        return switch (core.charAt(0)) {
            case '<', '>', '=', '|', '&', '$' -> 4;
            case '!' -> core.equals("!=") ? 4 : -1;
            case '^', '@' -> 5;
            case '+', '-' -> 8;
            case '*', '/', '%' -> 9;
            default -> -1;
        };
    }

    private static boolean rightAssoc(int prec) { return prec == 5 || prec == 10 || prec == 3; }

    Expr opExpr(int minPrec) {
        Expr left = unary();
        int chain = 0;
        while (true) {
            Token t = c.peek();
            int p = precedence(t);
            if (p < 0 || p < minPrec) break;
            // `f -1` is an application, but `a -1` after an atom without space... is handled in app
            if (++chain > TokenCursor.MAX_CHAIN) {
                c.diags.error(t.loc(), "this expression chains more than " + TokenCursor.MAX_CHAIN + " operators; split it with let bindings");
                throw new CompileAbort();
            }
            c.advance();
            if (t.text().equals(":?") || t.text().equals(":>") || t.text().equals(":?>")) {
                types.type();
                left = new Unsupported(t.loc(), Rejections.BOXING);
                continue;
            }
            Expr right = opExpr(rightAssoc(p) ? p : p + 1);
            left = new Infix(t.loc(), t.text().equals("or") ? "||" : t.text(), left, right);
        }
        return left;
    }

    private static boolean isPrefixOp(String op) {
        return switch (op) {
            case "-", "+", "~~~", "!", "-.", "&", "&&", "%", "%%" -> true;
            default -> false;
        };
    }

    private Expr unary() {
        Token t = c.peek();
        if (t.kind() == Kind.OP && isPrefixOp(t.text())) {
            c.advance();
            String op = t.text();
            if (op.equals("!")) { unary(); return new Unsupported(t.loc(), Rejections.REF_CELLS); }
            // -literal is a literal (so that -2147483648 and -128y fit their type)
            Token n = c.peek();
            if ((op.equals("-") || op.equals("+")) && (n.kind() == Kind.INT || n.kind() == Kind.FLOAT) && n.offset() == t.end()) {
                c.advance();
                return postfix(measured(new Const(t.loc(), Literals.of(n, op.equals("-")))));
            }
            Expr operand = unary();
            return op.equals("+") ? operand : new Prefix(t.loc(), op, operand);
        }
        return app();
    }

    // ================================================================ application

    /** Function application by juxtaposition: f a b. */
    private Expr app() {
        Token head = c.peek();
        if (kw(head, "assert")) {
            c.advance();
            Expr arg = c.atVirtual(BLOCK_BEGIN) ? exprs.block("this assert") : postfixAtom();
            return new App(head.loc(), new Name(head.loc(), List.of("assert"), List.of(head.loc())), arg);
        }
        if (kw(head, "lazy")) {
            c.advance();
            if (c.atVirtual(BLOCK_BEGIN)) exprs.block("this lazy value"); else postfixAtom();
            return new Unsupported(head.loc(), Rejections.REF_CELLS);
        }
        if (kw(head, "upcast") || kw(head, "downcast")) {
            c.advance();
            postfixAtom();
            return new Unsupported(head.loc(), Rejections.BOXING);
        }
        Expr e = postfixAtom();
        if (isLeadingForm(e)) return e;
        int args = 0;
        while (startsArgument(c.peek())) {
            if (++args > TokenCursor.MAX_CHAIN) {
                c.diags.error(c.loc(), "this application has more than " + TokenCursor.MAX_CHAIN + " arguments");
                throw new CompileAbort();
            }
            Token a = c.peek();
            Expr arg;
            if (sym(a, "-") || sym(a, "+")) {
                // f -1: a prefix sign touching its operand, after a space, is an argument
                c.advance();
                Token n = c.peek();
                if (n.kind() == Kind.INT || n.kind() == Kind.FLOAT) {
                    c.advance();
                    arg = postfix(measured(new Const(a.loc(), Literals.of(n, sym(a, "-")))));
                } else {
                    Expr operand = postfixAtom();
                    arg = sym(a, "-") ? new Prefix(a.loc(), "-", operand) : operand;
                }
            } else if (sym(a, "&") || sym(a, "&&")) {
                // f &x: an address passed as an argument
                c.advance();
                arg = new Prefix(a.loc(), a.text(), postfixAtom());
            } else arg = postfixAtom();
            e = new App(e.loc(), e, arg);
            if (isLeadingForm(arg)) break;
        }
        return e;
    }

    private static boolean isLeadingForm(Expr e) {
        return e instanceof Lambda || e instanceof Function || e instanceof Match || e instanceof If || e instanceof LetIn
                || e instanceof While || e instanceof ForIn || e instanceof ForTo;
    }

    private boolean startsArgument(Token t) {
        switch (t.kind()) {
            case IDENT, INT, FLOAT, CHAR, STRING -> { return true; }
            case KEYWORD -> {
                return switch (t.text()) {
                    case "true", "false", "null", "struct", "begin", "fun", "function", "new" -> true;
                    default -> false;
                };
            }
            case PUNCT -> { return t.text().equals("(") || t.text().equals("[|") || t.text().equals("[") || t.text().equals("{"); }
            case OP -> {
                if (!(t.text().equals("-") || t.text().equals("+") || t.text().equals("&") || t.text().equals("&&"))) return false;
                // a sign (or &) with a space before it and none after it: an argument (f -1, f &x), not a subtraction
                Token n = c.peek(1);
                return t.spaceBefore() && n.offset() == t.end() && !n.isVirtual();
            }
            default -> { return false; }
        }
    }

    Expr postfixAtom() { return postfix(atom()); }

    /** .Name, .[i], [i], (args) and <types> right after an atom, with no space before them. */
    Expr postfix(Expr e) {
        while (true) {
            Token t = c.peek();
            if (sym(t, ".") && !t.firstOnLine()) {
                Token n = c.peek(1);
                if (sym(n, "[")) {
                    c.advance();
                    Token open = c.advance();
                    e = brackets.indexOrSlice(open, e);
                    continue;
                }
                if (n.kind() == Kind.IDENT) {
                    c.advance(); c.advance();
                    if (e instanceof Name nm) {
                        List<String> p = new ArrayList<>(nm.path()); p.add(n.text());
                        List<Loc> ls = new ArrayList<>(nm.locs()); ls.add(n.loc());
                        e = new Name(nm.loc(), p, ls);
                    } else e = new DotGet(n.loc(), e, n.text(), n.loc());
                    continue;
                }
                break;
            }
            if (sym(t, "[") && c.adjacentToPrevious()) {
                Token open = c.advance();
                e = brackets.indexOrSlice(open, e);
                continue;
            }
            if (sym(t, "(") && c.adjacentToPrevious() && (e instanceof Name || e instanceof DotGet || e instanceof App || e instanceof TypeApp)) {
                Expr arg = atom();
                e = e instanceof TypeApp ta && isConstructorName(ta) ? new New(ta.fn().loc(), typeOf(ta), arg) : new App(e.loc(), e, arg);
                continue;
            }
            if (t.kind() == Kind.OP && t.text().startsWith("<") && c.adjacentToPrevious() && (e instanceof Name || e instanceof DotGet)) {
                Expr ta = tryTypeApplication(e, t);
                if (ta == null) break;
                e = ta;
                continue;
            }
            break;
        }
        return e;
    }

    /** f<int>: a type application when the angle brackets hold a type list; otherwise a comparison. */
    private Expr tryTypeApplication(Expr e, Token lt) {
        int save = c.mark();
        int errs = c.diags.all().size();
        try {
            List<TypeExpr> args = types.typeArgs();
            return new TypeApp(lt.loc(), e, args);
        } catch (TokenCursor.SyntaxError ex) {
            c.reset(save);
            c.diags.truncate(errs);
            return null;
        }
    }

    /** Span<byte>(arr) and ReadOnlySpan<char>(s): generic types called like functions build a value. */
    private static boolean isConstructorName(TypeApp ta) {
        if (!(ta.fn() instanceof Name n)) return false;
        String last = n.path().get(n.path().size() - 1);
        return last.equals("Span") || last.equals("ReadOnlySpan");
    }

    private static TypeExpr typeOf(TypeApp ta) {
        Name n = (Name) ta.fn();
        return new TName(n.loc(), n.path(), ta.args());
    }

    /** A literal followed by an adjacent <unit>: 250<ms>. */
    Expr measured(Expr lit) {
        if (c.peek().kind() == Kind.OP && c.peek().text().startsWith("<") && c.adjacentToPrevious()) {
            Token lt = c.peek();
            return new Measured(lit.loc(), lit, types.measureAnnotation());
        }
        return lit;
    }

    // ================================================================ atoms

    Expr atom() {
        Token t = c.peek();
        switch (t.kind()) {
            case INT, FLOAT -> { c.advance(); return measured(new Const(t.loc(), Literals.of(t, false))); }
            case CHAR, STRING -> { c.advance(); return new Const(t.loc(), Literals.of(t, false)); }
            case IDENT -> { return nameAtom(t); }
            case TYVAR -> throw c.error(t, "unexpected type variable '" + t.text() + " in an expression");
            case KEYWORD -> { return keywordAtom(t); }
            case PUNCT, OP -> { return brackets.punctAtom(t); }
            default -> throw c.error(t, "expected an expression but found " + c.describe(t));
        }
    }

    private Expr nameAtom(Token t) {
        c.advance();
        if (t.text().equals("_")) return new Unsupported(t.loc(), "'_' is not an expression");
        String n = t.text();
        if ((n.equals("seq") || n.equals("async") || n.equals("task") || n.equals("query")) && c.atSym("{") && !c.peek().firstOnLine()) {
            c.skipBalanced("{", "}");
            return new Unsupported(t.loc(), n.equals("seq") || n.equals("query") ? Rejections.SEQUENCES : Rejections.ASYNC);
        }
        return new Name(t.loc(), new ArrayList<>(List.of(n)), new ArrayList<>(List.of(t.loc())));
    }

    private Expr keywordAtom(Token t) {
        switch (t.text()) {
            case "true", "false" -> { c.advance(); return new Const(t.loc(), new BoolLit(t.text().equals("true"))); }
            case "null" -> { c.advance(); return new Unsupported(t.loc(), Rejections.BOXING); }
            case "fun" -> { return exprs.lambda(); }
            case "function" -> { return exprs.functionExpr(); }
            case "match" -> { return exprs.matchExpr(); }
            case "if" -> { return exprs.ifExpr(); }
            case "while" -> { return exprs.whileExpr(); }
            case "for" -> { return exprs.forExpr(); }
            case "let", "use" -> { return exprs.seqExpr(); }
            case "try" -> { return exprs.tryExpr(); }
            case "begin" -> {
                c.advance();
                Expr e = exprs.seqExpr();
                c.expectKw("end");
                return new Paren(t.loc(), e);
            }
            case "struct" -> {
                c.advance();
                c.expectSym("(");
                Expr e = exprs.declExpr();
                c.expectSym(")");
                return e instanceof Tuple tu ? new Tuple(t.loc(), tu.elems(), true) : e;
            }
            case "new" -> {
                c.advance();
                TypeExpr ty = types.appType();
                Expr arg = c.atSym("(") ? atom() : new Const(t.loc(), new UnitLit());
                return new New(t.loc(), ty, arg);
            }
            case "yield", "return" -> {
                c.advance();
                return new Yield(t.loc(), exprs.declExpr());
            }
            case "do" -> {
                c.advance();
                Expr body = exprs.block("this 'do'");
                c.acceptVirtual(DECL_END);
                return body;
            }
            default -> throw c.error(t, "unexpected keyword '" + t.text() + "'");
        }
    }
}
