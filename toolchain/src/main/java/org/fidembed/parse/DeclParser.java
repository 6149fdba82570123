// Parses the declarations of a module or namespace body: `let` (with `rec`/`and`), `type`, nested
// `module` and module abbreviations, `open`, `do` and expressions at module level, attributes, and
// the rejected `exception`. A syntax error costs one declaration: parsing resumes at the next one.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.ast.Rejections;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.fidembed.parse.Offside.*;

final class DeclParser {
    private final TokenCursor c;
    private final ExprParser exprs;
    private final TypeDefParser typeDefs;

    DeclParser(TokenCursor c, ExprParser exprs, TypeDefParser typeDefs) {
        this.c = c;
        this.exprs = exprs;
        this.typeDefs = typeDefs;
    }

    /** Declarations up to the end of the enclosing block (or of the file). */
    List<Decl> decls() {
        List<Decl> out = new ArrayList<>();
        while (!c.atEof() && !c.atVirtual(BLOCK_END)) {
            if (c.acceptSeps() || c.acceptSym(";;")) continue;
            int start = c.mark();
            int[] errors = c.startDeclaration();
            try {
                Decl d = decl();
                if (d != null) out.add(d);
                Token n = c.peek();
                if (!(n.kind() == Kind.EOF || n.isVirtual(BLOCK_SEP) || n.isVirtual(BLOCK_END) || sym(n, ";;"))) {
                    throw c.error(n, "unexpected " + c.describe(n) + " after this declaration");
                }
            } catch (TokenCursor.SyntaxError e) {
                Decl placeholder = placeholder(start);
                if (placeholder != null) out.add(placeholder);
                c.skipToNextDeclaration(start);
                if (c.mark() == start) c.advance();
            }
            c.endDeclaration(errors);
        }
        return out;
    }

    /**
     * A `let` that failed to parse still defines its name, with a value that stands for the error,
     * so that its uses do not report it again as "not defined".
     */
    private Decl placeholder(int start) {
        c.reset(start);
        attributesQuietly();
        if (!c.atKw("let")) return null;
        Token let = c.advance();
        c.acceptKw("rec");
        while (c.atKw("mutable") || c.atKw("inline") || c.atKw("private") || c.atKw("internal") || c.atKw("public")) c.advance();
        Token name = c.peek();
        if (name.kind() != Kind.IDENT || name.text().equals("_")) return null;
        Binding b = new Binding(name.loc(), List.of(), false, false, Access.PUBLIC, new PName(name.loc(), name.text()), name.text(),
                name.loc(), List.of(), null, new ErrorExpr(name.loc()), let.loc());
        return new LetDecl(let.loc(), false, List.of(b));
    }

    private void attributesQuietly() {
        while (c.atSym("[<")) { while (!c.atSym(">]") && !c.atEof()) c.advance(); c.advance(); c.acceptVirtual(BLOCK_SEP); }
    }

    private Decl decl() {
        List<Attribute> attrs = attributes();
        Token t = c.peek();
        switch (t.kind() == Kind.KEYWORD ? t.text() : "") {
            case "let" -> { return letDecl(attrs); }
            case "type" -> { return typeDefs.typeDecl(attrs); }
            case "module" -> { return moduleDecl(attrs); }
            case "open" -> {
                c.advance();
                if (c.atKw("type")) throw c.error(c.peek(), "'open type' is not supported yet; qualify the names with the type");
                return new OpenDecl(t.loc(), longIdent());
            }
            case "do" -> {
                c.advance();
                Expr body = exprs.block("this 'do'");
                c.acceptVirtual(DECL_END);
                return new DoDecl(t.loc(), body);
            }
            case "exception" -> {
                c.advance();
                skipRestOfDeclaration();
                return new UnsupportedDecl(t.loc(), Rejections.EXCEPTIONS);
            }
            case "use" -> {
                skipRestOfDeclaration();
                return new UnsupportedDecl(t.loc(), Rejections.EXCEPTIONS);
            }
            case "namespace" -> throw c.error(t, "a namespace must be the first declaration of a file");
            default -> { }
        }
        if (!attrs.isEmpty() && (t.kind() == Kind.EOF || t.isVirtual())) throw c.error(t, "an attribute must be followed by a declaration");
        // an expression at module level is an implicit `do`
        Expr e = exprs.declExpr();
        return new DoDecl(e.loc(), e);
    }

    private void skipRestOfDeclaration() {
        int level = 0;
        while (!c.atEof()) {
            Token t = c.peek();
            if (t.isVirtual(BLOCK_BEGIN)) level++;
            else if (t.isVirtual(BLOCK_END)) { if (level == 0) return; level--; }
            else if (t.isVirtual(BLOCK_SEP) && level == 0) return;
            c.advance();
        }
    }

    private Decl letDecl(List<Attribute> attrs) {
        Token let = c.advance();
        boolean rec = c.acceptKw("rec");
        List<Binding> bs = exprs.bindings(attrs, let);
        Token end = c.peek();
        if (end.isVirtual(DECL_END) && "in".equals(end.suffix())) throw c.error(end, "'let ... in' at module level is not supported; remove 'in'");
        if (!c.acceptVirtual(DECL_END)) {
            throw c.error(end, "unexpected " + c.describe(end) + ": this line is indented past the 'let' at line " + let.line()
                    + ", column " + let.col() + ", so it would continue that binding; align it with the 'let'");
        }
        return new LetDecl(let.loc(), rec, bs);
    }

    private Decl moduleDecl(List<Attribute> attrs) {
        c.advance();
        Access acc = access();
        c.acceptKw("rec");
        Token nameTok = c.peek();
        String name = c.expectIdent("a module name");
        c.expectSym("=");
        if (!c.acceptVirtual(BLOCK_BEGIN)) throw c.error(c.peek(), "the body of module '" + name + "' must follow '='");
        if (c.atKw("struct") || c.atKw("begin")) throw c.error(c.peek(), "verbose module syntax is not supported; indent the module's body");
        if (c.peek().kind() == Kind.IDENT && isAbbreviation()) {
            List<String> path = longIdent();
            c.expectBlockEnd("this module abbreviation");
            return new ModuleAbbrev(nameTok.loc(), name, path);
        }
        List<Decl> body = decls();
        c.expectBlockEnd("module '" + name + "'");
        return new ModuleDecl(nameTok.loc(), name, attrs, acc, body);
    }

    /** module G = Geometry: a long identifier alone in the block. */
    private boolean isAbbreviation() {
        int k = 1;
        while (sym(c.peek(k), ".") && c.peek(k + 1).kind() == Kind.IDENT) k += 2;
        return c.peek(k).isVirtual(BLOCK_END);
    }

    List<String> longIdent() {
        List<String> p = new ArrayList<>();
        p.add(c.expectIdent("a name"));
        while (c.atSym(".") && c.peek(1).kind() == Kind.IDENT) { c.advance(); p.add(c.advance().text()); }
        return p;
    }

    Access access() {
        if (c.acceptKw("private")) return Access.PRIVATE;
        if (c.acceptKw("internal")) return Access.INTERNAL;
        c.acceptKw("public");
        return Access.PUBLIC;
    }

    /** [<A; B(args)>] ... : any number of attribute lists, each may be followed by a new line. */
    List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>();
        while (c.atSym("[<")) {
            c.advance();
            while (true) {
                String target = null;
                if ((c.peek().kind() == Kind.IDENT || c.peek().kind() == Kind.KEYWORD) && sym(c.peek(1), ":")) {
                    target = c.advance().text();
                    c.advance();
                }
                Token n = c.peek();
                if (n.kind() != Kind.IDENT) throw c.error(n, "expected an attribute name but found " + c.describe(n));
                List<String> path = longIdent();
                String name = path.get(path.size() - 1);
                if (name.endsWith("Attribute")) name = name.substring(0, name.length() - "Attribute".length());
                List<Expr> args = new ArrayList<>();
                if (c.atSym("(")) {
                    c.advance();
                    if (!c.atSym(")")) {
                        Expr a = exprs.declExpr();
                        if (a instanceof Tuple tu) args.addAll(tu.elems()); else args.add(a);
                    }
                    c.expectSym(")");
                }
                out.add(new Attribute(n.loc(), name, args, target));
                if (c.acceptSym(";")) continue;
                break;
            }
            c.expectSym(">]");
            c.acceptVirtual(BLOCK_SEP);
        }
        return out;
    }
}
