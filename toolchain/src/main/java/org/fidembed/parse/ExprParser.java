// Parses the expressions that have structure of their own: blocks and sequences (as the offside
// filter delimits them), `let` with its body, bindings, `if`/`elif`/`else`, `match`, `function`,
// `fun`, loops, and the rejected `try`. Operators, application and atoms are in AtomParser.
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

final class ExprParser {
    private final TokenCursor c;
    private final TypeParser types;
    private final PatternParser pats;
    AtomParser atoms;
    DeclParser decls;

    ExprParser(TokenCursor c, TypeParser types, PatternParser pats) {
        this.c = c;
        this.types = types;
        this.pats = pats;
    }

    // ================================================================ blocks and sequences

    /** A block the layout opened (after `=`, `then`, `else`, `do`, `<-`), or an expression on the same line. */
    Expr block(String construct) {
        if (!c.atVirtual(BLOCK_BEGIN)) return seqExpr();
        c.advance();
        Expr e = seqExpr();
        c.expectBlockEnd(construct);
        return e;
    }

    /** The body after `->`: ends where the layout ends it, or at the next '|' of a match. */
    Expr rightBlock() {
        Expr e = seqExpr();
        c.acceptVirtual(RIGHT_BLOCK_END);
        return e;
    }

    /** Whether t can start an expression (else a sequence, a block or a let body ends before it). */
    static boolean startsExpr(Token t) {
        return switch (t.kind()) {
            case IDENT, INT, FLOAT, CHAR, STRING -> true;
            case KEYWORD -> switch (t.text()) {
                case "let", "use", "if", "match", "fun", "function", "while", "for", "try", "assert", "lazy", "true", "false",
                     "null", "new", "struct", "yield", "return", "begin", "upcast", "downcast", "do" -> true;
                default -> false;
            };
            case PUNCT, OP -> switch (t.text()) {
                case "(", "[", "[|", "{", "-", "+", "~~~", "!", "-.", "&", "&&", "%", "%%" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /**
     * Items of a block: expressions separated by ';' or new lines in the block's column, where a
     * `let` scopes over the items after it. Built without recursion, so long blocks are no problem.
     */
    Expr seqExpr() {
        c.enter();
        try {
            List<Object> items = new ArrayList<>();
            while (true) {
                if (items.size() > TokenCursor.MAX_CHAIN * 4) {
                    c.diags.error(c.loc(), "this block has more than " + (TokenCursor.MAX_CHAIN * 4) + " statements; split it into functions");
                    throw new CompileAbort();
                }
                if (c.atKw("let") || c.atKw("use")) {
                    PendingLet let = letHead();
                    items.add(let);
                    if (!startsExpr(c.peek())) {
                        c.report(let.at().loc(), "the block following this 'let' is unfinished");
                        items.add(new ErrorExpr(let.at().loc()));
                        break;
                    }
                    continue;
                }
                items.add(declExpr());
                if (c.acceptSeps() && startsExpr(c.peek())) continue;
                break;
            }
            Expr e = (Expr) items.get(items.size() - 1);
            for (int k = items.size() - 2; k >= 0; k--) {
                Object it = items.get(k);
                if (it instanceof PendingLet p) e = new LetIn(p.at().loc(), p.rec(), p.bindings(), e);
                else e = new Seq(((Expr) it).loc(), (Expr) it, e);
            }
            return e;
        } finally { c.leave(); }
    }

    /** A `let` whose body is the rest of its block. */
    private record PendingLet(Token at, boolean rec, List<Binding> bindings) { }

    /** `let [rec] binding (and binding)*` up to its end: the layout's end of the let, or `in`. */
    private PendingLet letHead() {
        Token let = c.advance();
        if (let.text().equals("use")) c.diags.error(let.loc(), Rejections.EXCEPTIONS);
        boolean rec = c.acceptKw("rec");
        List<Binding> bs = bindings(List.of(), let);
        if (c.acceptVirtual(DECL_END) || c.acceptKw("in")) {
            c.acceptVirtual(BLOCK_SEP);
            return new PendingLet(let, rec, bs);
        }
        Token t = c.peek();
        if (t.isVirtual()) throw c.error(t, "the block following this 'let' is unfinished");
        throw c.error(t, "unexpected " + c.describe(t) + ": this line is indented past the 'let' at line " + let.line()
                + ", column " + let.col() + ", so it would continue that binding; align it with the 'let'");
    }

    /** The bindings of one `let`: the first, then those after `and`. */
    List<Binding> bindings(List<Attribute> attrs, Token let) {
        List<Binding> bs = new ArrayList<>();
        bs.add(binding(attrs, let.loc()));
        while (c.atKw("and")) {
            Token and = c.advance();
            bs.add(binding(decls.attributes(), and.loc()));
        }
        return bs;
    }

    /** After `let` (and `rec`): [mutable] [inline] [access] head [params] [: type] = body. */
    Binding binding(List<Attribute> outer, Loc letLoc) {
        List<Attribute> attrs = new ArrayList<>(outer);
        attrs.addAll(decls.attributes());
        boolean mutable = false, inline = false;
        Access acc = Access.PUBLIC;
        while (true) {
            if (c.acceptKw("mutable")) mutable = true;
            else if (c.acceptKw("inline")) inline = true;
            else if (c.atKw("private") || c.atKw("internal") || c.atKw("public")) acc = decls.access();
            else break;
        }
        Token head = c.peek();
        String name = null;
        Loc nameLoc = null;
        int save = c.mark();
        if (head.kind() == Kind.IDENT && !head.text().equals("_")) {
            name = head.text();
            nameLoc = head.loc();
            c.advance();
            if (c.peek().kind() == Kind.OP && c.peek().text().startsWith("<") && c.adjacentToPrevious()) types.typarDecls();
        } else if (sym(head, "(") && (c.peek(1).kind() == Kind.OP || sym(c.peek(1), "..")) && !sym(c.peek(1), "|") && sym(c.peek(2), ")")) {
            name = c.peek(1).text();
            nameLoc = c.peek(1).loc();
            c.advance(); c.advance(); c.advance();
        } else if (sym(head, "(") && sym(c.peek(1), "|")) {
            c.advance();
            nameLoc = c.peek().loc();
            name = Literals.activePatternName(c);
        }
        if (name != null && pats.startsAtomic(c.peek())) {
            List<Pat> params = new ArrayList<>();
            while (pats.startsAtomic(c.peek())) params.add(pats.atomic());
            TypeExpr ret = c.acceptSym(":") ? types.typeWithConstraints() : null;
            expectEquals(name);
            Expr body = block("the body of '" + name + "'");
            return new Binding(head.loc(), attrs, mutable, inline, acc, null, name, nameLoc, params, ret, body, letLoc);
        }
        Pat pat;
        if (name != null && (c.atSym("=") || c.atSym(":"))) pat = new PName(head.loc(), name);
        else {
            c.reset(save);
            pat = pats.orPattern();
            if (c.acceptKw("as")) { Token n = c.peek(); pat = new PAs(pat.loc(), pat, c.expectIdent("a name"), n.loc()); }
        }
        TypeExpr ret = c.acceptSym(":") ? types.typeWithConstraints() : null;
        String vname = pat instanceof PName pn ? pn.name() : null;
        expectEquals(vname);
        Expr body = block("the value of " + (vname == null ? "this binding" : "'" + vname + "'"));
        return new Binding(head.loc(), attrs, mutable, inline, acc, pat, vname, pat.loc(), List.of(), ret, body, letLoc);
    }

    private void expectEquals(String name) {
        Token t = c.peek();
        if (sym(t, "=")) { c.advance(); return; }
        throw c.error(t, "expected '=' but found " + c.describe(t));
    }

    // ================================================================ expressions without sequencing

    /** An expression without top-level sequencing: tuples, operators, assignment. */
    Expr declExpr() {
        c.enter();
        try {
            if (c.atKw("let") || c.atKw("use")) return seqExpr();
            Expr e = atoms.tupleExpr();
            if (c.atSym("<-")) {
                Token a = c.advance();
                return new Assign(a.loc(), e, valueAfterOperator());
            }
            if (c.atSym(":=")) {
                Token a = c.advance();
                valueAfterOperator();
                return new Unsupported(a.loc(), Rejections.REF_CELLS);
            }
            return e;
        } finally { c.leave(); }
    }

    /** The right side of `<-`: a block when it starts on the next line or is control flow. */
    private Expr valueAfterOperator() {
        return c.atVirtual(BLOCK_BEGIN) ? block("this assignment") : declExpr();
    }

    // ================================================================ control flow

    Expr ifExpr() {
        Token ifTok = c.advance();
        Expr cond = condition();
        c.expectKw("then");
        Expr then = branch("this 'then' branch");
        if (c.atKw("elif")) return new If(ifTok.loc(), cond, then, ifExpr());
        if (c.acceptKw("else")) return new If(ifTok.loc(), cond, then, branch("this 'else' branch"));
        return new If(ifTok.loc(), cond, then, null);
    }

    private Expr condition() {
        return c.atVirtual(BLOCK_BEGIN) ? block("this condition") : seqExpr();
    }

    private Expr branch(String construct) {
        if (c.atVirtual(BLOCK_BEGIN)) return block(construct);
        return declExpr();
    }

    Expr matchExpr() {
        Token m = c.advance();
        Expr scrut = condition();
        c.expectKw("with");
        List<Rule> rules = rules();
        return new Match(m.loc(), scrut, rules);
    }

    Expr functionExpr() {
        Token f = c.advance();
        return new Function(f.loc(), rules());
    }

    /** `| pat [when guard] -> body` ...: the leading '|' is optional; the layout ends the last rule. */
    private List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        c.acceptSym("|");
        while (true) {
            Token start = c.peek();
            Pat p = pats.pattern();
            Expr guard = c.acceptKw("when") ? declExpr() : null;
            c.expectSym("->");
            Expr body = rightBlock();
            rules.add(new Rule(start.loc(), p, guard, body));
            if (c.acceptSym("|")) continue;
            break;
        }
        if (!c.acceptVirtual(END)) throw c.error(c.peek(), "unexpected " + c.describe(c.peek()) + " after the rules of this match");
        return rules;
    }

    Expr lambda() {
        Token fun = c.advance();
        List<Pat> params = new ArrayList<>();
        while (pats.startsAtomic(c.peek())) params.add(pats.atomic());
        if (params.isEmpty()) throw c.error(c.peek(), "expected a parameter after 'fun' but found " + c.describe(c.peek()));
        c.expectSym("->");
        Expr body = rightBlock();
        if (!c.acceptVirtual(END)) throw c.error(c.peek(), "unexpected " + c.describe(c.peek()) + " in the body of this 'fun'");
        return new Lambda(fun.loc(), params, body);
    }

    Expr whileExpr() {
        Token w = c.advance();
        Expr cond = condition();
        Expr body = doBody();
        return new While(w.loc(), cond, body);
    }

    /** `do` block, ended by the layout (or `done`). */
    private Expr doBody() {
        c.expectKw("do");
        Expr body = block("the body of this loop");
        if (!c.acceptVirtual(DECL_END)) throw c.error(c.peek(), "unexpected " + c.describe(c.peek()) + " after the body of this loop");
        return body;
    }

    Expr forExpr() {
        Token forTok = c.advance();
        Token v = c.peek();
        if (v.kind() == Kind.IDENT && sym(c.peek(1), "=")) {
            c.advance(); c.advance();
            Expr from = declExpr();
            boolean down;
            if (c.acceptKw("to")) down = false;
            else if (c.acceptKw("downto")) down = true;
            else throw c.error(c.peek(), "expected 'to' or 'downto' but found " + c.describe(c.peek()));
            Expr to = declExpr();
            return new ForTo(forTok.loc(), v.text(), v.loc(), from, to, down, doBody());
        }
        Pat p = pats.orPattern();
        c.expectKw("in");
        Expr src = rangeOrExpr();
        if (c.atSym("->")) {
            // [| for x in xs -> e |]: the body yields one element per iteration
            Token arrow = c.advance();
            Expr value = rightBlock();
            return new ForIn(forTok.loc(), p, src, new Yield(arrow.loc(), value));
        }
        return new ForIn(forTok.loc(), p, src, doBody());
    }

    /** a .. b, a .. step .. b, or an expression (an array). */
    Expr rangeOrExpr() {
        Expr src = atoms.opExpr(0);
        if (!c.atSym("..")) return src;
        c.advance();
        Expr second = atoms.opExpr(0);
        if (c.acceptSym("..")) return new Range(src.loc(), src, second, atoms.opExpr(0));
        return new Range(src.loc(), src, null, second);
    }

    /** try ... with / finally: parsed so that the error is one, then rejected. */
    Expr tryExpr() {
        Token t = c.advance();
        rightBlock();
        if (c.acceptKw("with")) rules();
        else if (c.acceptKw("finally")) block("this 'finally'");
        return new Unsupported(t.loc(), Rejections.EXCEPTIONS);
    }
}
