// Parses the tokens of one file into the syntax tree, applying F#'s light-syntax offside rule:
// a block is a run of items that start in one column; a token on a new line at or left of the
// current block's column ends the construct being parsed.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.diag.SourceFile;
import org.fidembed.syntax.Lexer;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

public final class Parser {
    private final List<Token> toks;
    private final Diagnostics diags;
    private final SourceFile file;
    private int i = 0;
    private final Deque<Integer> ctx = new ArrayDeque<>();
    /** Index of the token that starts the current block item: it sits on the block column, yet is not offside. */
    private int itemStart = -1;
    private int depth = 0;
    private static final int MAX_DEPTH = 400;

    /** Thrown on a syntax error after it is reported; declarations resynchronise on it. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError() { super(null, null, false, false); }
    }

    public Parser(SourceFile file, List<Token> toks, Diagnostics diags) {
        this.file = file;
        this.toks = toks;
        this.diags = diags;
    }

    public static FileAst parse(SourceFile file, Diagnostics diags) {
        List<Token> toks = Lexer.tokenize(file, diags);
        try {
            return new Parser(file, toks, diags).parseFile();
        } catch (SyntaxError e) {
            // outside any declaration (a broken `module`/`namespace` header): reported, nothing to resume
            if (!diags.hasErrors()) diags.error(file == null ? Loc.NONE : new Loc(file, 1, 1), "this file cannot be parsed");
            throw new CompileAbort();
        }
    }

    // ================================================================ token access and offside rule

    private Token raw() { return toks.get(i); }
    private Token rawAt(int k) { return toks.get(Math.min(i + k, toks.size() - 1)); }
    private Token advance() { Token t = toks.get(i); if (t.kind() != Kind.EOF) i++; return t; }
    private int ctxCol() { return ctx.isEmpty() ? 0 : ctx.peek(); }

    private boolean isInfixOpToken(Token t) {
        if (t.kind() != Kind.OP) return false;
        String op = t.text();
        if (op.equals("|") || op.equals("!") || op.equals("~~~") || op.equals("?")) return false;
        if ((op.equals("-") || op.equals("+")) && !spaceAfter(t)) return false;
        return true;
    }

    private boolean spaceAfter(Token t) {
        // almost always the current token: no search (indexOf made long files quadratic)
        int idx = t == toks.get(i) ? i : (i + 1 < toks.size() && t == toks.get(i + 1)) ? i + 1 : toks.indexOf(t);
        if (idx < 0 || idx + 1 >= toks.size()) return true;
        Token n = toks.get(idx + 1);
        return n.offset() != t.end();
    }

    /** A token ends the current construct when it starts a line at or left of the block column. */
    private boolean offside(Token t) {
        if (t.kind() == Kind.EOF) return true;
        if (!t.firstOnLine()) return false;
        if (itemStart >= 0 && toks.get(itemStart) == t) return false;
        int c = ctxCol();
        if (t.col() > c) return false;
        // infix operators may be offside by their length + 1 ("data\n|> f")
        if (isInfixOpToken(t) && t.col() >= c - t.text().length() - 1) return false;
        return true;
    }

    private static final Token END = new Token(Kind.EOF, "<end of block>", Loc.NONE, -1, -1, true, true, null, "");

    private Token peek() { Token t = raw(); return offside(t) ? END : t; }

    private boolean peekSym(String s) { Token t = peek(); return t.isSym(s); }
    private boolean peekKw(String s) { return peek().isKeyword(s); }
    private boolean rawSym(String s) { return raw().isSym(s); }
    private boolean rawKw(String s) { return raw().isKeyword(s); }

    private Loc loc() { return raw().loc(); }

    private SyntaxError error(Token t, String message) {
        diags.error(t.kind() == Kind.EOF && t != END ? t.loc() : (t == END ? raw().loc() : t.loc()), message);
        return new SyntaxError();
    }

    private String describe(Token t) {
        if (t == END || t.kind() == Kind.EOF) {
            Token r = raw();
            return r.kind() == Kind.EOF ? "the end of the file" : "'" + r.text() + "' (it is offside: indent it further)";
        }
        return switch (t.kind()) {
            case STRING -> "a string";
            case INT, FLOAT -> "the number " + t.text();
            case CHAR -> "a character";
            default -> "'" + t.text() + "'";
        };
    }

    private Token expectSym(String s) {
        Token t = raw();
        if (t.isSym(s)) return advance();
        throw error(peek() == END ? raw() : t, "expected '" + s + "' but found " + describe(t));
    }

    private Token expectKw(String s) {
        Token t = raw();
        if (t.isKeyword(s)) return advance();
        throw error(t, "expected '" + s + "' but found " + describe(t));
    }

    private String expectIdent(String what) {
        Token t = peek();
        if (t.kind() == Kind.IDENT) { advance(); return t.text(); }
        throw error(t == END ? raw() : t, "expected " + what + " but found " + describe(t));
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            diags.error(raw().loc(), "this expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
            throw new CompileAbort();
        }
    }
    private void leave() { depth--; }

    // ================================================================ file and declarations

    private FileAst parseFile() {
        Loc start = raw().loc();
        List<Attribute> attrs = new ArrayList<>();
        List<String> path = new ArrayList<>();
        boolean ns = false;
        int save = i;
        List<Attribute> leading = parseAttributes();
        if (rawKw("module") && !isNestedModuleHeader()) {
            advance();
            skipAccess();
            if (rawKw("rec")) advance();
            path = parseLongIdent();
            attrs = leading;
        } else if (rawKw("namespace")) {
            advance();
            path = parseLongIdent();
            ns = true;
            attrs = leading;
        } else {
            i = save;
        }
        List<Decl> decls = new ArrayList<>();
        if (raw().kind() != Kind.EOF) {
            int col = raw().col();
            decls = parseDecls(col);
            if (raw().kind() != Kind.EOF) {
                diags.error(raw().loc(), "unexpected " + describe(raw()) + " at this indentation; declarations of this module start in column " + col);
            }
        }
        return new FileAst(start, path, ns, attrs, decls);
    }

    private boolean isNestedModuleHeader() {
        // `module X =` is a nested module; `module A.B` a file header
        int k = 1;
        while (rawAt(k).kind() == Kind.KEYWORD && (rawAt(k).text().equals("private") || rawAt(k).text().equals("internal") || rawAt(k).text().equals("public") || rawAt(k).text().equals("rec"))) k++;
        if (rawAt(k).kind() != Kind.IDENT) return false;
        k++;
        while (rawAt(k).isSym(".") && rawAt(k + 1).kind() == Kind.IDENT) k += 2;
        return rawAt(k).isSym("=");
    }

    private List<String> parseLongIdent() {
        List<String> p = new ArrayList<>();
        p.add(expectIdent("a name"));
        while (rawSym(".") && rawAt(1).kind() == Kind.IDENT) { advance(); p.add(advance().text()); }
        return p;
    }

    private Access skipAccess() {
        if (rawKw("private")) { advance(); return Access.PRIVATE; }
        if (rawKw("internal")) { advance(); return Access.INTERNAL; }
        if (rawKw("public")) { advance(); return Access.PUBLIC; }
        return Access.PUBLIC;
    }

    /** Declarations starting in column col, until a token left of it. */
    private List<Decl> parseDecls(int col) {
        List<Decl> out = new ArrayList<>();
        ctx.push(col);
        try {
            while (true) {
                Token t = raw();
                if (t.kind() == Kind.EOF) break;
                if (t.firstOnLine() && t.col() < col) break;
                if (t.firstOnLine() && t.col() > col && !out.isEmpty()) {
                    diags.error(t.loc(), "unexpected " + describe(t) + ": this line is indented more than the declaration before it ends");
                    skipToDeclStart(col);
                    continue;
                }
                if (t.isSym(";;")) { advance(); continue; }
                int before = i;
                try {
                    Decl d = parseDecl(col);
                    if (d != null) out.add(d);
                } catch (SyntaxError e) {
                    skipToDeclStart(col);
                }
                if (i == before) { advance(); }
                Token n = raw();
                if (n.kind() != Kind.EOF && !n.firstOnLine() && !(n.isSym(";;"))) {
                    diags.error(n.loc(), "unexpected " + describe(n) + " after this declaration");
                    skipToDeclStart(col);
                }
            }
        } finally {
            ctx.pop();
        }
        return out;
    }

    private void skipToDeclStart(int col) {
        while (raw().kind() != Kind.EOF) {
            Token t = raw();
            if (t.firstOnLine() && t.col() <= col && i > 0) return;
            advance();
        }
    }

    private Decl parseDecl(int col) {
        List<Attribute> attrs = parseAttributes();
        Token t = raw();
        if (t.isKeyword("let")) return parseLetDecl(attrs);
        if (t.isKeyword("type")) return parseTypeDecl(attrs);
        if (t.isKeyword("module")) return parseModuleDecl(attrs);
        if (t.isKeyword("open")) { Loc l = advance().loc(); return new OpenDecl(l, parseLongIdent()); }
        if (t.isKeyword("do")) { Loc l = advance().loc(); return new DoDecl(l, parseBody()); }
        if (t.isKeyword("exception")) {
            advance();
            Loc l = t.loc();
            skipToDeclStart(col);
            return new UnsupportedDecl(l, "exceptions are not supported; use Result");
        }
        if (t.isKeyword("namespace")) throw error(t, "a namespace must be the first declaration of a file");
        if (t.isKeyword("use")) { skipToDeclStart(col); return new UnsupportedDecl(t.loc(), "exceptions are not supported; use Result"); }
        if (!attrs.isEmpty() && t.kind() == Kind.EOF) throw error(t, "an attribute must be followed by a declaration");
        // an expression at module level is an implicit `do`
        Expr e = parseBlock();
        return new DoDecl(e.loc(), e);
    }

    private List<Attribute> parseAttributes() {
        List<Attribute> out = new ArrayList<>();
        while (rawSym("[<")) {
            advance();
            while (true) {
                Token n = raw();
                if (n.kind() != Kind.IDENT) throw error(n, "expected an attribute name but found " + describe(n));
                List<String> path = parseLongIdent();
                String name = path.get(path.size() - 1);
                if (name.endsWith("Attribute")) name = name.substring(0, name.length() - "Attribute".length());
                List<Expr> args = new ArrayList<>();
                if (rawSym("(")) {
                    advance();
                    if (!rawSym(")")) {
                        Expr a = parseExprNoSeq();
                        if (a instanceof Tuple tu) args.addAll(tu.elems()); else args.add(a);
                    }
                    expectSym(")");
                }
                out.add(new Attribute(n.loc(), name, args));
                if (rawSym(";")) { advance(); continue; }
                break;
            }
            expectSym(">]");
        }
        return out;
    }

    private Decl parseModuleDecl(List<Attribute> attrs) {
        Token m = advance();
        Access acc = skipAccess();
        if (rawKw("rec")) advance();
        Token nameTok = raw();
        String name = expectIdent("a module name");
        expectSym("=");
        if (raw().kind() == Kind.IDENT && !raw().firstOnLine()) {
            // module abbreviation: module G = Geometry
            List<String> path = parseLongIdent();
            return new ModuleAbbrev(nameTok.loc(), name, path);
        }
        Token first = raw();
        if (!first.firstOnLine() || first.col() <= ctxCol()) {
            if (first.isKeyword("struct") || first.isKeyword("begin")) throw error(first, "verbose module syntax is not supported; indent the module's body");
            throw error(first, "the body of module '" + name + "' must start on the next line, indented");
        }
        List<Decl> body = parseDecls(first.col());
        return new ModuleDecl(nameTok.loc(), name, attrs, acc, body);
    }

    // ---------------------------------------------------------------- let

    private Decl parseLetDecl(List<Attribute> attrs) {
        Token let = advance();
        boolean rec = false;
        if (rawKw("rec")) { advance(); rec = true; }
        List<Binding> bs = new ArrayList<>();
        bs.add(parseBinding(attrs, let.loc()));
        while (rawKw("and") && (!raw().firstOnLine() || raw().col() >= let.col())) {
            Token and = advance();
            List<Attribute> a2 = parseAttributes();
            bs.add(parseBinding(a2, and.loc()));
        }
        if (rawKw("in")) throw error(raw(), "'let ... in' at module level is not supported; remove 'in'");
        return new LetDecl(let.loc(), rec, bs);
    }

    /** After `let` (and `rec`): [mutable] [inline] [access] head [params] [: type] = body. */
    private Binding parseBinding(List<Attribute> attrs, Loc letLoc) {
        attrs = new ArrayList<>(attrs);
        attrs.addAll(parseAttributes());
        boolean mutable = false, inline = false;
        Access acc = Access.PUBLIC;
        while (true) {
            if (rawKw("mutable")) { advance(); mutable = true; }
            else if (rawKw("inline")) { advance(); inline = true; }
            else if (rawKw("private") || rawKw("internal") || rawKw("public")) acc = skipAccess();
            else break;
        }
        Token head = raw();
        // function binding: name (or (op)) followed by parameter patterns
        String name = null;
        Loc nameLoc = null;
        int save = i;
        if (head.kind() == Kind.IDENT && !head.text().equals("_")) {
            name = head.text();
            nameLoc = head.loc();
            advance();
        } else if (head.isSym("(") && (rawAt(1).kind() == Kind.OP || rawAt(1).isSym("..")) && rawAt(2).isSym(")")) {
            name = rawAt(1).text();
            nameLoc = rawAt(1).loc();
            advance(); advance(); advance();
        }
        if (name != null && startsAtomicPattern(raw()) && !raw().isSym(",") ) {
            List<Pat> params = new ArrayList<>();
            while (startsAtomicPattern(raw()) && !offside(raw())) params.add(parseAtomicPattern());
            TypeExpr ret = null;
            if (rawSym(":")) { advance(); ret = parseType(); }
            expectEq();
            Expr body = parseBody();
            return new Binding(head.loc(), attrs, mutable, inline, acc, null, name, nameLoc, params, ret, body, letLoc);
        }
        i = save;
        // value binding: a pattern
        Pat pat;
        if (name != null && (rawAt(1).isSym("=") || rawAt(1).isSym(":")) && head.kind() == Kind.IDENT) {
            advance();
            pat = new PName(head.loc(), name);
        } else {
            pat = parsePatternNoAs();
            if (rawKw("as")) { advance(); Token n = raw(); pat = new PAs(pat.loc(), pat, expectIdent("a name"), n.loc()); }
        }
        TypeExpr ret = null;
        if (rawSym(":")) { advance(); ret = parseType(); }
        expectEq();
        Expr body = parseBody();
        String vname = pat instanceof PName pn ? pn.name() : null;
        return new Binding(head.loc(), attrs, mutable, inline, acc, pat, vname, pat.loc(), List.of(), ret, body, letLoc);
    }

    private void expectEq() {
        Token t = raw();
        if (t.isSym("=")) { advance(); return; }
        throw error(t, "expected '=' but found " + describe(t));
    }

    // ---------------------------------------------------------------- types

    private Decl parseTypeDecl(List<Attribute> attrs) {
        Token typeTok = advance();
        List<TypeDef> defs = new ArrayList<>();
        defs.add(parseTypeDef(attrs, typeTok));
        while (rawKw("and")) {
            Token and = advance();
            defs.add(parseTypeDef(parseAttributes(), and));
        }
        return new TypeDecl(typeTok.loc(), defs);
    }

    private TypeDef parseTypeDef(List<Attribute> attrs, Token typeTok) {
        attrs = new ArrayList<>(attrs);
        attrs.addAll(parseAttributes());
        Access acc = skipAccess();
        Token nameTok = raw();
        String name = expectIdent("a type name");
        List<String> tps = new ArrayList<>();
        if (rawSym("<") || (raw().kind() == Kind.OP && raw().text().startsWith("<"))) {
            advance();
            while (raw().kind() == Kind.TYVAR) {
                tps.add(advance().text());
                if (rawSym(",")) advance();
            }
            closeAngle();
        } else if (raw().kind() == Kind.TYVAR) {
            tps.add(advance().text()); // postfix form: type 'T Foo is rare; accept 'T
        }
        if (rawSym("(")) {
            // a class with a primary constructor
            skipTypeBody(typeTok);
            return unsupportedType(nameTok, name, attrs, "classes, interfaces and object expressions are heap objects; use records, unions and module functions");
        }
        if (rawSym(":")) {
            skipTypeBody(typeTok);
            return unsupportedType(nameTok, name, attrs, "classes, interfaces and object expressions are heap objects; use records, unions and module functions");
        }
        expectEq();
        Token first = raw();
        if (first.isKeyword("class") || first.isKeyword("interface") || first.isKeyword("inherit")
                || first.isKeyword("member") || first.isKeyword("abstract") || first.isKeyword("new")
                || first.isKeyword("static") || first.isKeyword("val") || first.isKeyword("struct") && !rawAt(1).isSym("(")) {
            skipTypeBody(typeTok);
            return unsupportedType(nameTok, name, attrs, "classes, interfaces and object expressions are heap objects; use records, unions and module functions");
        }
        if (first.isKeyword("delegate")) {
            skipTypeBody(typeTok);
            return unsupportedType(nameTok, name, attrs, "delegates are not supported by fid-embed");
        }
        TypeDef def;
        if (first.isSym("{")) def = parseRecordDef(nameTok, name, tps, attrs, acc);
        else if (first.isSym("|") || (first.kind() == Kind.IDENT && (rawAt(1).isKeyword("of") || rawAt(1).isSym("|") || (rawAt(1).isSym("=") && isEnumValueAt(2)))
                && Character.isUpperCase(first.text().charAt(0)) && looksLikeUnion())) {
            def = parseUnionOrEnum(nameTok, name, tps, attrs, acc);
        } else {
            TypeExpr t = parseType();
            def = new AbbrevDef(nameTok.loc(), name, tps, attrs, t);
        }
        if (rawKw("with") || (raw().firstOnLine() && raw().col() > typeTok.col() && (rawKw("member") || rawKw("override") || rawKw("static") || rawKw("interface")))) {
            Token w = raw();
            skipTypeBody(typeTok);
            diags.error(w.loc(), "members on records and unions are not supported yet");
        }
        return def;
    }

    private boolean isEnumValueAt(int k) {
        Token t = rawAt(k);
        return t.kind() == Kind.INT || t.kind() == Kind.CHAR || (t.isSym("-") && rawAt(k + 1).kind() == Kind.INT);
    }

    private boolean looksLikeUnion() {
        // Name = A | B ... or Name = A of ...
        return true;
    }

    private TypeDef unsupportedType(Token nameTok, String name, List<Attribute> attrs, String msg) {
        diags.error(nameTok.loc(), msg);
        return new AbbrevDef(nameTok.loc(), name, List.of(), attrs, new TAnyT(nameTok.loc()));
    }

    private void skipTypeBody(Token typeTok) {
        while (raw().kind() != Kind.EOF) {
            Token t = raw();
            if (t.firstOnLine() && t.col() <= typeTok.col() && i > 0 && toks.get(i - 1) != typeTok) return;
            advance();
        }
    }

    private RecordDef parseRecordDef(Token nameTok, String name, List<String> tps, List<Attribute> attrs, Access acc) {
        expectSym("{");
        List<FieldDef> fields = new ArrayList<>();
        if (!rawSym("}")) {
            int col = raw().col();
            ctx.push(col);
            try {
                while (true) {
                    boolean mut = false;
                    if (rawKw("mutable")) { advance(); mut = true; }
                    Token f = raw();
                    String fname = expectIdent("a field name");
                    expectSym(":");
                    TypeExpr ft = parseType();
                    fields.add(new FieldDef(f.loc(), fname, mut, ft));
                    if (rawSym(";")) { advance(); if (rawSym("}")) break; continue; }
                    if (raw().firstOnLine() && raw().col() == col && !rawSym("}")) continue;
                    break;
                }
            } finally { ctx.pop(); }
        }
        expectSym("}");
        return new RecordDef(nameTok.loc(), name, tps, attrs, acc, fields);
    }

    private TypeDef parseUnionOrEnum(Token nameTok, String name, List<String> tps, List<Attribute> attrs, Access acc) {
        List<CaseDef> cases = new ArrayList<>();
        List<EnumCase> enumCases = new ArrayList<>();
        if (rawSym("|")) advance();
        while (true) {
            Token c = raw();
            String cname = expectIdent("a union case name");
            if (rawSym("=")) {
                advance();
                Token lt = raw();
                Literal lit = parseLiteralForPattern();
                enumCases.add(new EnumCase(c.loc(), cname, lit));
            } else {
                List<CaseField> fields = new ArrayList<>();
                if (rawKw("of")) {
                    advance();
                    while (true) {
                        Token ft = raw();
                        String fname = null;
                        if (ft.kind() == Kind.IDENT && rawAt(1).isSym(":")) { fname = ft.text(); advance(); advance(); }
                        TypeExpr t = parseTypeNoTuple();
                        fields.add(new CaseField(ft.loc(), fname, t));
                        if (rawSym("*") || raw().isOp("*")) { advance(); continue; }
                        break;
                    }
                }
                cases.add(new CaseDef(c.loc(), cname, fields));
            }
            if (rawSym("|")) { advance(); continue; }
            break;
        }
        if (!enumCases.isEmpty()) {
            if (!cases.isEmpty()) diags.error(nameTok.loc(), "a type cannot mix enum cases (Name = value) and union cases");
            return new EnumDef(nameTok.loc(), name, tps, attrs, acc, enumCases);
        }
        return new UnionDef(nameTok.loc(), name, tps, attrs, acc, cases);
    }

    private Literal parseLiteralForPattern() {
        Token t = raw();
        boolean neg = false;
        if (t.isSym("-")) { advance(); neg = true; t = raw(); }
        Literal l = literalOf(t, neg);
        if (l == null) throw error(t, "expected a literal but found " + describe(t));
        advance();
        return l;
    }

    /** type := tuple (-> type)? */
    public TypeExpr parseType() {
        enter();
        try {
            TypeExpr t = parseTupleType();
            if (rawSym("->")) { Loc l = advance().loc(); return new TFunT(t.loc(), t, parseType()); }
            return t;
        } finally { leave(); }
    }

    private TypeExpr parseTupleType() {
        TypeExpr t = parseTypeNoTuple();
        if (!raw().isOp("*")) return t;
        List<TypeExpr> elems = new ArrayList<>();
        elems.add(t);
        while (raw().isOp("*")) { advance(); elems.add(parseTypeNoTuple()); }
        return new TTupleT(t.loc(), elems, false);
    }

    private TypeExpr parseTypeNoTuple() {
        TypeExpr t = parseAtomType();
        while (true) {
            if (rawSym("[") && rawAt(1).isSym("]")) {
                advance(); advance();
                t = new TArrayT(t.loc(), t, 1);
            } else if (rawSym("[") && rawAt(1).isSym(",")) {
                Token b = raw();
                while (!rawSym("]") && raw().kind() != Kind.EOF) advance();
                advance();
                diags.error(b.loc(), "array slices and comprehensions allocate; use Array.init or indices");
                t = new TArrayT(t.loc(), t, 2);
            } else if (raw().kind() == Kind.IDENT && !raw().firstOnLine() && isPostfixTypeName(raw().text())) {
                Token n = advance();
                t = new TName(n.loc(), List.of(n.text()), List.of(t));
            } else break;
        }
        return t;
    }

    private boolean isPostfixTypeName(String s) {
        return s.equals("option") || s.equals("voption") || s.equals("array") || s.equals("list") || s.equals("seq") || s.equals("ref");
    }

    private TypeExpr parseAtomType() {
        Token t = raw();
        if (t.kind() == Kind.TYVAR) { advance(); return new TVarT(t.loc(), t.text()); }
        if (t.isSym("_")  || (t.kind() == Kind.IDENT && t.text().equals("_"))) { advance(); return new TAnyT(t.loc()); }
        if (t.isSym("(")) {
            advance();
            TypeExpr inner = parseType();
            expectSym(")");
            return inner;
        }
        if (t.isKeyword("struct")) {
            advance();
            expectSym("(");
            TypeExpr inner = parseType();
            expectSym(")");
            if (inner instanceof TTupleT tt) return new TTupleT(t.loc(), tt.elems(), true);
            return inner;
        }
        if (t.kind() == Kind.IDENT) {
            List<String> path = parseLongIdent();
            List<TypeExpr> args = new ArrayList<>();
            if ((raw().isOp("<") || (raw().kind() == Kind.OP && raw().text().startsWith("<"))) && !raw().spaceBefore()) {
                advance();
                if (!(raw().kind() == Kind.OP && raw().text().startsWith(">"))) {
                    args.add(parseType());
                    while (rawSym(",")) { advance(); args.add(parseType()); }
                }
                closeAngle();
            }
            return new TName(t.loc(), path, args);
        }
        throw error(t, "expected a type but found " + describe(t));
    }

    /** Consumes one '>' even when the lexer glued it to others ('>>', '>]'). */
    private void closeAngle() {
        Token t = raw();
        if (t.kind() == Kind.OP && t.text().startsWith(">")) {
            if (t.text().length() == 1) { advance(); return; }
            // split the token: keep the rest in place
            Token rest = new Token(t.text().length() > 1 && t.text().substring(1).equals(">]") ? Kind.PUNCT : Kind.OP,
                    t.text().substring(1), new Loc(t.loc().file(), t.line(), t.col() + 1), t.offset() + 1, t.end(), false, false, null, "");
            toks.set(i, rest);
            return;
        }
        if (t.isSym(">]")) {
            Token rest = new Token(Kind.PUNCT, "]", new Loc(t.loc().file(), t.line(), t.col() + 1), t.offset() + 1, t.end(), false, false, null, "");
            toks.set(i, rest);
            return;
        }
        throw error(t, "expected '>' but found " + describe(t));
    }

    // ================================================================ expressions

    /** A body after `=`, `->`, `then`, `else`, `do`: a block starting at the next token. */
    private Expr parseBody() {
        Token first = raw();
        if (first.kind() == Kind.EOF || (first.firstOnLine() && first.col() <= ctxCol() && !isContinuationAtSameColumn(first))) {
            throw error(first, "expected an expression but found " + describe(END));
        }
        return parseBlock();
    }

    private boolean isContinuationAtSameColumn(Token t) { return false; }

    /** A block: items in the column of its first token; `let` scopes over the rest of the block. */
    private Expr parseBlock() {
        Token first = raw();
        int col = first.col();
        ctx.push(col);
        enter();
        try {
            return parseBlockItems(col);
        } finally {
            ctx.pop();
            leave();
        }
    }

    private boolean nextIsNewItem(int col) {
        Token t = raw();
        if (t.kind() == Kind.EOF || !t.firstOnLine() || t.col() != col) return false;
        if (t.kind() == Kind.PUNCT && (t.text().equals(")") || t.text().equals("]") || t.text().equals("|]") || t.text().equals("}") || t.text().equals(">]"))) return false;
        if (t.kind() == Kind.KEYWORD && switch (t.text()) { case "else", "elif", "then", "with", "and", "in", "done", "end", "finally", "do" -> true; default -> false; }) return false;
        if (t.isOp("|")) return false;
        if (isInfixOpToken(t)) return false;
        return true;
    }

    private int blockItems = 0;

    private Expr parseBlockItems(int col) {
        int savedItem = itemStart;
        itemStart = i;
        if (++blockItems > MAX_CHAIN * 4) {
            diags.error(raw().loc(), "this block has more than " + (MAX_CHAIN * 4) + " statements; split it into functions");
            throw new CompileAbort();
        }
        try {
            return parseBlockItemsAt(col);
        } finally {
            itemStart = savedItem;
            blockItems--;
        }
    }

    private Expr parseBlockItemsAt(int col) {
        Token t = raw();
        if (t.isKeyword("let") || t.isKeyword("use")) {
            Token let = advance();
            if (let.text().equals("use")) diags.error(let.loc(), "exceptions are not supported; use Result");
            boolean rec = false;
            if (rawKw("rec")) { advance(); rec = true; }
            List<Binding> bs = new ArrayList<>();
            bs.add(parseBinding(List.of(), let.loc()));
            while (rawKw("and") && (!raw().firstOnLine() || raw().col() >= let.col())) {
                Token and = advance();
                bs.add(parseBinding(List.of(), and.loc()));
            }
            Expr body;
            if (rawKw("in")) {
                advance();
                Token n = raw();
                if (n.kind() == Kind.EOF || (n.firstOnLine() && n.col() < col)) throw error(let, "the block following this 'let' is unfinished");
                body = n.firstOnLine() && n.col() == col ? parseBlockItems(col) : parseBlockItemsSameLine(col);
            } else if (nextIsNewItem(col)) {
                body = parseBlockItems(col);
            } else {
                diags.error(let.loc(), "the block following this 'let' is unfinished");
                throw new SyntaxError();
            }
            return new LetIn(let.loc(), rec, bs, body);
        }
        Expr e = parseSeqExpr();
        if (nextIsNewItem(col)) {
            Expr rest = parseBlockItems(col);
            return new Seq(e.loc(), e, rest);
        }
        return e;
    }

    private Expr parseBlockItemsSameLine(int col) {
        // `let x = 1 in x + 1` on one line
        Expr e = parseSeqExpr();
        if (nextIsNewItem(col)) return new Seq(e.loc(), e, parseBlockItems(col));
        return e;
    }

    /** e1; e2 on one line (sequencing), within a block item. */
    private Expr parseSeqExpr() {
        Expr e = parseExprNoSeq();
        if (peekSym(";")) {
            Token semi = advance();
            Token n = peek();
            if (n == END || n.isSym(")") || n.isSym("]") || n.isSym("|]") || n.isSym("}") || startsNothing(n)) return e;
            if (n.isKeyword("let")) {
                int col = n.col();
                ctx.push(col);
                try { return new Seq(e.loc(), e, parseBlockItems(col)); } finally { ctx.pop(); }
            }
            return new Seq(e.loc(), e, parseSeqExpr());
        }
        return e;
    }

    private boolean startsNothing(Token t) {
        return t.kind() == Kind.KEYWORD && switch (t.text()) { case "then", "else", "elif", "with", "do", "done", "in", "end", "and" -> true; default -> false; };
    }

    /** An expression without top-level sequencing: assignment, tuples, operators. */
    private Expr parseExprNoSeq() {
        enter();
        try {
            Expr e = parseTupleExpr();
            if (peekSym("<-")) {
                Token a = advance();
                Expr v = parseAfterOperator();
                return new Assign(a.loc(), e, v);
            }
            if (peek().isOp(":=")) {
                Token a = advance();
                parseAfterOperator();
                return new Unsupported(a.loc(), "reference cells and lazy values are heap objects; use let mutable");
            }
            return e;
        } finally { leave(); }
    }

    /** The right side of `<-` or an operator may start on the next line, indented. */
    private Expr parseAfterOperator() {
        Token n = raw();
        if (n.firstOnLine() && n.col() > ctxCol()) return parseBlock();
        return parseExprNoSeq();
    }

    private Expr parseTupleExpr() {
        Expr first = parseOpExpr(0);
        if (!peekSym(",")) return first;
        List<Expr> elems = new ArrayList<>();
        elems.add(first);
        while (peekSym(",")) { advance(); elems.add(parseOpExpr(0)); }
        return new Tuple(first.loc(), elems, false);
    }

    /** Precedence of a binary operator (higher binds tighter), or -1 when t is not one. */
    private static int precedence(Token t) {
        if (t.kind() == Kind.KEYWORD) {
            if (t.text().equals("or")) return 1;
            return -1;
        }
        if (t.kind() != Kind.OP) return -1;
        String op = t.text();
        if (op.equals("|") || op.equals("!") || op.equals("~~~") || op.equals("?") || op.equals(":=")) return -1;
        if (op.equals("||")) return 1;
        if (op.equals("&&") || op.equals("&")) return 2;
        if (op.equals(":>") || op.equals(":?>")) return 3;
        if (op.equals(":?")) return 7;
        String core = op;
        while (core.startsWith(".") && core.length() > 1) core = core.substring(1);
        char c = core.charAt(0);
        if (core.startsWith("**")) return 10;
        return switch (c) {
            case '<', '>', '=', '|', '&', '$' -> 4;
            case '!' -> core.equals("!=") ? 4 : -1;
            case '^' -> 5;
            case '+', '-' -> 8;
            case '*', '/', '%' -> 9;
            case '@' -> 5;
            default -> -1;
        };
    }

    private static boolean rightAssoc(int prec, String op) { return prec == 5 || prec == 10 || prec == 3; }

    /** Longest chain of operators, applications or statements one expression may have (later phases recurse on it). */
    static final int MAX_CHAIN = 5000;

    private Expr parseOpExpr(int minPrec) {
        Expr left = parseUnary();
        int chain = 0;
        while (true) {
            Token t = peek();
            int p = precedence(t);
            if (p < 0 || p < minPrec || p == 0) break;
            if (++chain > MAX_CHAIN) {
                diags.error(t.loc(), "this expression chains more than " + MAX_CHAIN + " operators; split it with let bindings");
                throw new CompileAbort();
            }
            // `-1` adjacent after a space is an argument, not a subtraction (handled in application)
            advance();
            if (t.text().equals(":?") || t.text().equals(":>") || t.text().equals(":?>")) {
                parseType();
                left = new Unsupported(t.loc(), "boxing and casts need a heap and run-time types; use a union");
                continue;
            }
            int nextMin = rightAssoc(p, t.text()) ? p : p + 1;
            Expr right;
            Token n = raw();
            if (n.firstOnLine() && n.col() > ctxCol() && !offside(n)) {
                right = parseOpExprContinuation(nextMin);
            } else right = parseOpExpr(nextMin);
            String op = t.text().equals("or") ? "||" : t.text();
            left = new Infix(t.loc(), op, left, right);
        }
        return left;
    }

    private Expr parseOpExprContinuation(int minPrec) {
        return parseOpExpr(minPrec);
    }

    private Expr parseUnary() {
        Token t = peek();
        if (t.kind() == Kind.OP && isPrefixOp(t.text())) {
            advance();
            String op = t.text();
            if (op.equals("!")) {
                Expr e = parseUnary();
                return new Unsupported(t.loc(), "reference cells and lazy values are heap objects; use let mutable");
            }
            // -literal is a literal (so that -2147483648 and -128y fit their type)
            Token n = raw();
            if ((op.equals("-") || op.equals("+")) && (n.kind() == Kind.INT || n.kind() == Kind.FLOAT) && n.offset() == t.end()) {
                advance();
                Literal lit = literalOf(n, op.equals("-"));
                Expr e = postfix(new Const(t.loc(), lit));
                return e;
            }
            Expr operand = parseUnary();
            if (op.equals("+")) return operand;
            return new Prefix(t.loc(), op, operand);
        }
        return parseApp();
    }

    private static boolean isPrefixOp(String op) {
        return op.equals("-") || op.equals("+") || op.equals("~~~") || op.equals("!") || op.equals("-.") || op.equals("&") || op.equals("&&") || op.equals("%") || op.equals("%%");
    }

    /** Function application by juxtaposition: f a b. */
    private Expr parseApp() {
        Token headTok = peek();
        if (headTok.isKeyword("assert")) {
            advance();
            Expr arg = parsePostfixAtom();
            return new App(headTok.loc(), new Name(headTok.loc(), List.of("assert"), List.of(headTok.loc())), arg);
        }
        if (headTok.isKeyword("lazy")) {
            advance();
            parsePostfixAtom();
            return new Unsupported(headTok.loc(), "reference cells and lazy values are heap objects; use let mutable");
        }
        if (headTok.isKeyword("upcast") || headTok.isKeyword("downcast")) {
            advance();
            parsePostfixAtom();
            return new Unsupported(headTok.loc(), "boxing and casts need a heap and run-time types; use a union");
        }
        Expr e = parsePostfixAtom();
        if (isLeadingForm(e)) return e;
        int args = 0;
        while (startsArgument(peek())) {
            if (++args > MAX_CHAIN) {
                diags.error(peek().loc(), "this application has more than " + MAX_CHAIN + " arguments");
                throw new CompileAbort();
            }
            Token a = peek();
            Expr arg;
            if (a.kind() == Kind.OP && (a.text().equals("-") || a.text().equals("+"))) {
                // f -1: prefix minus adjacent to its operand after a space
                advance();
                Token n = raw();
                if (n.kind() == Kind.INT || n.kind() == Kind.FLOAT) {
                    advance();
                    arg = postfix(new Const(a.loc(), literalOf(n, a.text().equals("-"))));
                } else {
                    Expr operand = parsePostfixAtom();
                    arg = a.text().equals("-") ? new Prefix(a.loc(), "-", operand) : operand;
                }
            } else if (a.isKeyword("fun") || a.isKeyword("function")) {
                arg = parsePostfixAtom();
                e = new App(e.loc(), e, arg);
                break;
            } else {
                arg = parsePostfixAtom();
            }
            e = new App(e.loc(), e, arg);
        }
        return e;
    }

    private boolean isLeadingForm(Expr e) {
        return e instanceof Lambda || e instanceof Function || e instanceof Match || e instanceof If || e instanceof LetIn
                || e instanceof While || e instanceof ForIn || e instanceof ForTo;
    }

    private boolean startsArgument(Token t) {
        if (t == END) return false;
        switch (t.kind()) {
            case IDENT, INT, FLOAT, CHAR, STRING -> { return true; }
            case KEYWORD -> { return t.text().equals("true") || t.text().equals("false") || t.text().equals("null") || t.text().equals("struct") || t.text().equals("begin") || t.text().equals("fun") && false; }
            case PUNCT -> { return t.text().equals("(") || t.text().equals("[|") || t.text().equals("[") || t.text().equals("{"); }
            case OP -> {
                if ((t.text().equals("-") || t.text().equals("+")) && t.spaceBefore() && !spaceAfter(t)) return true;
                return false;
            }
            default -> { return false; }
        }
    }

    private Expr parsePostfixAtom() {
        return postfix(parseAtom());
    }

    /** .Name, .[i], [i] and f(x) after an atom, all without spaces before them. */
    private Expr postfix(Expr e) {
        while (true) {
            Token t = raw();
            if (offside(t) && t != raw()) break;
            if (t.isSym(".") && !t.firstOnLine()) {
                Token n = rawAt(1);
                if (n.isSym("[")) {
                    advance(); Token open = advance();
                    Expr idx = parseSeqOrSliceIndex(open);
                    expectSym("]");
                    e = new Index(open.loc(), e, idx);
                    continue;
                }
                if (n.kind() == Kind.IDENT) {
                    advance(); advance();
                    if (e instanceof Name nm) {
                        List<String> p = new ArrayList<>(nm.path()); p.add(n.text());
                        List<Loc> ls = new ArrayList<>(nm.locs()); ls.add(n.loc());
                        e = new Name(nm.loc(), p, ls);
                    } else e = new DotGet(n.loc(), e, n.text(), n.loc());
                    continue;
                }
                break;
            }
            if (t.isSym("[") && !t.spaceBefore() && !t.firstOnLine()) {
                Token open = advance();
                Expr idx = parseSeqOrSliceIndex(open);
                expectSym("]");
                e = new Index(open.loc(), e, idx);
                continue;
            }
            if (t.isSym("(") && !t.spaceBefore() && !t.firstOnLine() && (e instanceof Name || e instanceof DotGet || e instanceof App || e instanceof TypeApp)) {
                Expr arg = parseAtom();
                e = new App(e.loc(), e, arg);
                continue;
            }
            if (raw().kind() == Kind.OP && raw().text().startsWith("<") && !t.spaceBefore() && !t.firstOnLine() && e instanceof Name) {
                int save = i;
                int errs = diags.all().size();
                try {
                    advance();
                    List<TypeExpr> args = new ArrayList<>();
                    if (!(raw().kind() == Kind.OP && raw().text().startsWith(">"))) {
                        args.add(parseType());
                        while (rawSym(",")) { advance(); args.add(parseType()); }
                    }
                    closeAngle();
                    e = new TypeApp(t.loc(), e, args);
                    continue;
                } catch (SyntaxError ex) {
                    i = save;
                    // drop the diagnostics of the failed attempt
                    dropDiagnosticsAfter(errs);
                    break;
                }
            }
            break;
        }
        return e;
    }

    private final List<Token> restoreNothing = List.of();

    private void dropDiagnosticsAfter(int count) {
        diags.truncate(count);
    }

    private Expr parseSeqOrSliceIndex(Token open) {
        if (rawSym("..")) {
            diags.error(open.loc(), "array slices and comprehensions allocate; use Array.init or indices");
            while (!rawSym("]") && raw().kind() != Kind.EOF) advance();
            return new Unsupported(open.loc(), "array slices and comprehensions allocate; use Array.init or indices");
        }
        ctx.push(0);
        try {
            Expr idx = parseExprNoSeq();
            if (rawSym("..")) {
                while (!rawSym("]") && raw().kind() != Kind.EOF) advance();
                return new Unsupported(open.loc(), "array slices and comprehensions allocate; use Array.init or indices");
            }
            if (rawSym(",")) {
                while (!rawSym("]") && raw().kind() != Kind.EOF) advance();
                return new Unsupported(open.loc(), "array slices and comprehensions allocate; use Array.init or indices");
            }
            return idx;
        } finally { ctx.pop(); }
    }

    static Literal literalOf(Token t, boolean negative) {
        return switch (t.kind()) {
            case INT -> {
                Lexer.IntLiteral il = (Lexer.IntLiteral) t.value();
                yield new IntLit(il.magnitude(), negative, t.suffix(), il.bitPattern());
            }
            case FLOAT -> new FloatLit(negative ? -(Double) t.value() : (Double) t.value(), t.suffix().equals("f"));
            case CHAR -> new CharLit((char) (int) (Integer) t.value());
            case STRING -> new StringLit((String) t.value(), t.text());
            case KEYWORD -> t.text().equals("true") ? new BoolLit(true) : t.text().equals("false") ? new BoolLit(false) : null;
            default -> null;
        };
    }

    private Expr parseAtom() {
        Token t = peek();
        switch (t.kind()) {
            case INT, FLOAT, CHAR, STRING -> { advance(); return new Const(t.loc(), literalOf(t, false)); }
            case IDENT -> {
                advance();
                if (t.text().equals("_")) return new Unsupported(t.loc(), "'_' is not an expression");
                List<String> path = new ArrayList<>(List.of(t.text()));
                List<Loc> locs = new ArrayList<>(List.of(t.loc()));
                if ((t.text().equals("seq") || t.text().equals("async") || t.text().equals("task") || t.text().equals("query")) && raw().isSym("{") && !raw().firstOnLine()) {
                    skipBalanced();
                    String msg = t.text().equals("seq") ? "sequences allocate on a heap; use a for loop or the Array module"
                            : t.text().equals("query") ? "sequences allocate on a heap; use a for loop or the Array module"
                            : "asynchronous code needs a heap and a scheduler; use interrupt handlers and a main loop";
                    return new Unsupported(t.loc(), msg);
                }
                return new Name(t.loc(), path, locs);
            }
            case TYVAR -> throw error(t, "unexpected type variable '" + t.text() + " in an expression");
            case KEYWORD -> { return parseKeywordAtom(t); }
            case PUNCT, OP -> { return parsePunctAtom(t); }
            default -> throw error(t, "expected an expression but found " + describe(t));
        }
    }

    private void skipBalanced() {
        Token open = advance();
        int d = 1;
        while (d > 0 && raw().kind() != Kind.EOF) {
            Token t = advance();
            if (t.isSym("{") || t.isSym("(") || t.isSym("[") || t.isSym("[|")) d++;
            if (t.isSym("}") || t.isSym(")") || t.isSym("]") || t.isSym("|]")) d--;
        }
    }

    private Expr parseKeywordAtom(Token t) {
        switch (t.text()) {
            case "true", "false" -> { advance(); return new Const(t.loc(), new BoolLit(t.text().equals("true"))); }
            case "null" -> { advance(); return new Unsupported(t.loc(), "boxing and casts need a heap and run-time types; use a union"); }
            case "fun" -> { return parseLambda(); }
            case "function" -> {
                advance();
                List<Rule> rules = parseRules(t.col());
                return new Function(t.loc(), rules);
            }
            case "match" -> {
                advance();
                Expr scrut = parseInlineExpr();
                expectKw("with");
                List<Rule> rules = parseRules(t.col());
                return new Match(t.loc(), scrut, rules);
            }
            case "if" -> { return parseIf(); }
            case "while" -> {
                advance();
                Expr c = parseInlineExpr();
                expectKw("do");
                Expr body = parseBody();
                if (rawKw("done")) advance();
                return new While(t.loc(), c, body);
            }
            case "for" -> { return parseFor(); }
            case "let", "use" -> {
                // let as an expression inside parentheses or after an operator: a block of its own
                return parseBlock();
            }
            case "try" -> {
                advance();
                parseBody();
                if (rawKw("with")) { advance(); parseRules(t.col()); }
                else if (rawKw("finally")) { advance(); parseBody(); }
                return new Unsupported(t.loc(), "exceptions are not supported; use Result");
            }
            case "begin" -> {
                advance();
                ctx.push(0);
                Expr e;
                try { e = parseSeqExpr(); } finally { ctx.pop(); }
                expectKw("end");
                return new Paren(t.loc(), e);
            }
            case "struct" -> {
                advance();
                Token open = expectSym("(");
                ctx.push(0);
                try {
                    Expr e = parseExprNoSeq();
                    expectSym(")");
                    if (e instanceof Tuple tu) return new Tuple(t.loc(), tu.elems(), true);
                    return e;
                } finally { ctx.pop(); }
            }
            case "new" -> {
                advance();
                if (startsAtomicType()) { parseType(); }
                if (rawSym("(")) skipBalanced();
                return new Unsupported(t.loc(), "classes, interfaces and object expressions are heap objects; use records, unions and module functions");
            }
            case "yield", "return" -> { advance(); parseExprNoSeq(); return new Unsupported(t.loc(), "sequences allocate on a heap; use a for loop or the Array module"); }
            case "not" -> { advance(); return new Name(t.loc(), List.of("not"), List.of(t.loc())); }
            default -> throw error(t, "unexpected keyword '" + t.text() + "'");
        }
    }

    private boolean startsAtomicType() { return raw().kind() == Kind.IDENT; }

    /** An expression on the way to a keyword (`if c then`, `match e with`, `while c do`). */
    private Expr parseInlineExpr() {
        Token first = raw();
        if (first.firstOnLine()) {
            return parseBlock();
        }
        return parseSeqExpr();
    }

    private Expr parseIf() {
        Token ifTok = advance();
        Expr c = parseInlineExpr();
        expectKw("then");
        Expr then = parseBody();
        Token n = raw();
        if (n.isKeyword("elif") && (!n.firstOnLine() || n.col() >= ifTok.col())) {
            Token elif = n;
            // rewrite elif as else if
            Expr rest = parseIf();
            return new If(ifTok.loc(), c, then, rest);
        }
        if (n.isKeyword("else") && (!n.firstOnLine() || n.col() >= ifTok.col())) {
            advance();
            Expr otherwise = parseBody();
            return new If(ifTok.loc(), c, then, otherwise);
        }
        return new If(ifTok.loc(), c, then, null);
    }

    private Expr parseFor() {
        Token forTok = advance();
        Token v = raw();
        if (v.kind() == Kind.IDENT && rawAt(1).isSym("=")) {
            advance(); advance();
            Expr from = parseExprNoSeq();
            boolean down;
            if (rawKw("to")) down = false;
            else if (rawKw("downto")) down = true;
            else throw error(raw(), "expected 'to' or 'downto' but found " + describe(raw()));
            advance();
            Expr to = parseExprNoSeq();
            expectKw("do");
            Expr body = parseBody();
            if (rawKw("done")) advance();
            return new ForTo(forTok.loc(), v.text(), v.loc(), from, to, down, body);
        }
        Pat p = parsePatternNoAs();
        expectKw("in");
        Expr src = parseOpExpr(0);
        if (rawSym("..")) {
            Token dd = advance();
            Expr second = parseOpExpr(0);
            if (rawSym("..")) {
                advance();
                Expr third = parseOpExpr(0);
                src = new Range(src.loc(), src, second, third);
            } else src = new Range(src.loc(), src, null, second);
        }
        expectKw("do");
        Expr body = parseBody();
        if (rawKw("done")) advance();
        return new ForIn(forTok.loc(), p, src, body);
    }

    private Expr parseLambda() {
        Token fun = advance();
        List<Pat> params = new ArrayList<>();
        while (startsAtomicPattern(raw())) params.add(parseAtomicPattern());
        if (params.isEmpty()) throw error(raw(), "expected a parameter after 'fun' but found " + describe(raw()));
        expectSym("->");
        Expr body = parseBody();
        return new Lambda(fun.loc(), params, body);
    }

    private List<Rule> parseRules(int minCol) {
        List<Rule> rules = new ArrayList<>();
        Token t = raw();
        if (t.isOp("|") && (!t.firstOnLine() || t.col() >= minCol)) advance();
        while (true) {
            Token start = raw();
            Pat p = parsePattern();
            Expr guard = null;
            if (rawKw("when")) { advance(); guard = parseInlineExprUntilArrow(); }
            expectSym("->");
            Expr body = parseBody();
            rules.add(new Rule(start.loc(), p, guard, body));
            Token n = raw();
            if (n.isOp("|") && (!n.firstOnLine() || n.col() >= minCol)) { advance(); continue; }
            break;
        }
        return rules;
    }

    private Expr parseInlineExprUntilArrow() {
        return parseExprNoSeq();
    }

    private Expr parsePunctAtom(Token t) {
        String s = t.text();
        switch (s) {
            case "(" -> {
                advance();
                Token n = raw();
                if (n.isSym(")")) { advance(); return new Const(t.loc(), new UnitLit()); }
                if ((n.kind() == Kind.OP || n.isSym("..")) && rawAt(1).isSym(")") && !n.text().equals("|")) {
                    advance(); advance();
                    return new OpValue(n.loc(), n.text());
                }
                ctx.push(ctxCol());
                try {
                    Expr e = parseSeqExprInParens();
                    if (rawSym(":")) {
                        advance();
                        TypeExpr ty = parseType();
                        e = new Typed(e.loc(), e, ty);
                    }
                    expectSym(")");
                    return new Paren(t.loc(), e);
                } finally { ctx.pop(); }
            }
            case "[|" -> {
                advance();
                if (rawSym("|]")) { advance(); return new ArrayLit(t.loc(), List.of()); }
                if (rawKw("for") || rawKw("yield")) {
                    skipUntil("|]");
                    return new Unsupported(t.loc(), "array slices and comprehensions allocate; use Array.init or indices");
                }
                List<Expr> elems = parseSeparatedItems("|]", t);
                expectSym("|]");
                for (Expr el : elems) if (el instanceof Range) return new Unsupported(t.loc(), "array slices and comprehensions allocate; use Array.init or indices");
                return new ArrayLit(t.loc(), elems);
            }
            case "[" -> {
                advance();
                skipUntil("]");
                return new Unsupported(t.loc(), "lists allocate on a heap; use a fixed-size array");
            }
            case "{" -> { return parseRecordExpr(); }
            default -> {
                if (t.kind() == Kind.OP && (s.equals("-") || s.equals("+") || s.equals("~~~"))) return parseUnary();
                throw error(t, "expected an expression but found " + describe(t));
            }
        }
    }

    private Expr parseSeqExprInParens() {
        Token first = raw();
        if (first.isKeyword("let")) {
            int col = first.col();
            ctx.push(col);
            try { return parseBlockItems(col); } finally { ctx.pop(); }
        }
        // a parenthesised block may span lines: items aligned with the first one. The offside line
        // stays the enclosing one, so that a lambda's body may be undented below its `fun`.
        return parseBlockItems(first.col());
    }

    private void skipUntil(String close) {
        int d = 0;
        while (raw().kind() != Kind.EOF) {
            Token t = raw();
            if (d == 0 && t.isSym(close)) { advance(); return; }
            if (t.isSym("(") || t.isSym("[") || t.isSym("[|") || t.isSym("{")) d++;
            if (t.isSym(")") || t.isSym("]") || t.isSym("|]") || t.isSym("}")) d--;
            advance();
        }
    }

    /** Items separated by `;` or newlines in one column, up to close (exclusive). */
    private List<Expr> parseSeparatedItems(String close, Token open) {
        List<Expr> out = new ArrayList<>();
        int col = raw().col();
        ctx.push(col);
        try {
            while (true) {
                if (rawSym(close)) break;
                int savedItem = itemStart;
                itemStart = i;
                Expr e;
                try { e = parseExprNoSeqOrRange(); } finally { itemStart = savedItem; }
                out.add(e);
                if (rawSym(";")) { advance(); continue; }
                Token n = raw();
                if (n.firstOnLine() && n.col() == col && !n.isSym(close)) continue;
                break;
            }
        } finally { ctx.pop(); }
        return out;
    }

    private Expr parseExprNoSeqOrRange() {
        Expr e = parseExprNoSeq();
        if (rawSym("..")) {
            Token r = advance();
            Expr to = parseExprNoSeq();
            return new Range(e.loc(), e, null, to);
        }
        return e;
    }

    private Expr parseRecordExpr() {
        Token open = advance();
        ctx.push(0);
        try {
            if (rawKw("new")) {
                skipUntil("}");
                return new Unsupported(open.loc(), "classes, interfaces and object expressions are heap objects; use records, unions and module functions");
            }
            // { e with fields } or { fields }
            Expr copy = null;
            if (!isFieldInitStart()) {
                Expr e = parseOpExpr(0);
                if (rawSym("..")) {
                    skipUntil("}");
                    return new Unsupported(open.loc(), "sequences allocate on a heap; use a for loop or the Array module");
                }
                if (!rawKw("with")) {
                    skipUntil("}");
                    return new Unsupported(open.loc(), "sequences allocate on a heap; use a for loop or the Array module");
                }
                advance();
                copy = e;
            }
            List<FieldInit> fields = new ArrayList<>();
            int col = raw().col();
            ctx.push(col);
            try {
                while (!rawSym("}")) {
                    Token f = raw();
                    List<String> path = parseLongIdent();
                    expectEq();
                    int savedItem = itemStart;
                    itemStart = -1;
                    Expr v;
                    Token vstart = raw();
                    try {
                        if (vstart.firstOnLine() && vstart.col() > col) v = parseBlock(); else v = parseExprNoSeq();
                    } finally { itemStart = savedItem; }
                    fields.add(new FieldInit(f.loc(), path, v));
                    if (rawSym(";")) { advance(); continue; }
                    Token n = raw();
                    if (n.firstOnLine() && n.col() == col && !n.isSym("}")) continue;
                    break;
                }
            } finally { ctx.pop(); }
            expectSym("}");
            return new RecordExpr(open.loc(), copy, fields);
        } finally { ctx.pop(); }
    }

    private boolean isFieldInitStart() {
        int k = 0;
        if (rawAt(k).kind() != Kind.IDENT) return false;
        k++;
        while (rawAt(k).isSym(".") && rawAt(k + 1).kind() == Kind.IDENT) k += 2;
        return rawAt(k).isSym("=");
    }

    // ================================================================ patterns

    private boolean startsAtomicPattern(Token t) {
        if (offside(t) && t.firstOnLine()) return false;
        return switch (t.kind()) {
            case IDENT, INT, FLOAT, CHAR, STRING -> true;
            case KEYWORD -> t.text().equals("true") || t.text().equals("false") || t.text().equals("null") || t.text().equals("struct");
            case PUNCT -> t.text().equals("(") || t.text().equals("[|") || t.text().equals("[") || t.text().equals("{") || t.text().equals("_");
            case OP -> false;
            default -> false;
        };
    }

    private Pat parsePattern() {
        Pat p = parsePatternNoAs();
        while (rawKw("as")) {
            advance();
            Token n = raw();
            String name = expectIdent("a name after 'as'");
            p = new PAs(p.loc(), p, name, n.loc());
        }
        return p;
    }

    private Pat parsePatternNoAs() {
        enter();
        try {
            Pat left = parseTuplePattern();
            while (raw().isOp("|") && !(raw().firstOnLine())) {
                advance();
                Pat right = parseTuplePattern();
                left = new POr(left.loc(), left, right);
            }
            return left;
        } finally { leave(); }
    }

    private Pat parseTuplePattern() {
        Pat first = parseTupleElement();
        if (!rawSym(",")) return first;
        List<Pat> elems = new ArrayList<>();
        elems.add(first);
        while (rawSym(",")) { advance(); elems.add(parseTupleElement()); }
        return new PTuple(first.loc(), elems, false);
    }

    /** Inside parentheses an element may carry its own type, as in {@code let add (a: int, b: int)}. */
    private Pat parseTupleElement() {
        Pat p = parseAppPattern();
        if (parenPatterns > 0 && rawSym(":")) { advance(); p = new PTyped(p.loc(), p, parseType()); }
        return p;
    }

    /** How many parenthesized patterns enclose the current one (where {@code pat : type} may appear). */
    private int parenPatterns;

    private Pat parseAppPattern() {
        Token t = raw();
        Pat p;
        if (t.kind() == Kind.IDENT && !t.text().equals("_")) {
            List<String> path = parseLongIdent();
            if (startsAtomicPattern(raw()) && !raw().isSym("_") || (raw().isSym("_") && !raw().firstOnLine())
                    || (raw().kind() == Kind.IDENT && raw().text().equals("_") && !raw().firstOnLine())) {
                // case with arguments: named fields (w = p, ...) or one pattern
                if (rawSym("(") && rawAt(1).kind() == Kind.IDENT && rawAt(2).isSym("=")) {
                    advance();
                    List<NamedPat> named = new ArrayList<>();
                    while (true) {
                        Token n = raw();
                        String fname = expectIdent("a field name");
                        expectEq();
                        named.add(new NamedPat(n.loc(), fname, parsePattern()));
                        if (rawSym(",") || rawSym(";")) { advance(); continue; }
                        break;
                    }
                    expectSym(")");
                    p = new PCase(t.loc(), path, List.of(), named);
                } else {
                    Pat arg = parseAtomicPattern();
                    p = new PCase(t.loc(), path, List.of(arg), List.of());
                }
            } else if (path.size() == 1) {
                p = new PName(t.loc(), path.get(0));
            } else {
                p = new PCase(t.loc(), path, List.of(), List.of());
            }
        } else if (t.isOp("-") && (rawAt(1).kind() == Kind.INT || rawAt(1).kind() == Kind.FLOAT)) {
            advance();
            Token n = advance();
            p = new PConst(t.loc(), literalOf(n, true));
        } else {
            p = parseAtomicPattern();
        }
        if (rawSym("::")) {
            Token c = advance();
            parseAppPattern();
            return new PUnsupported(c.loc(), "lists allocate on a heap; use a fixed-size array");
        }
        return p;
    }

    private Pat parseAtomicPattern() {
        Token t = raw();
        switch (t.kind()) {
            case IDENT -> {
                advance();
                if (t.text().equals("_")) return new PWild(t.loc());
                if (rawSym(".") && rawAt(1).kind() == Kind.IDENT) {
                    i--;
                    List<String> path = parseLongIdent();
                    return new PCase(t.loc(), path, List.of(), List.of());
                }
                return new PName(t.loc(), t.text());
            }
            case INT, FLOAT, CHAR, STRING -> { advance(); return new PConst(t.loc(), literalOf(t, false)); }
            case KEYWORD -> {
                if (t.text().equals("true") || t.text().equals("false")) { advance(); return new PConst(t.loc(), new BoolLit(t.text().equals("true"))); }
                if (t.text().equals("null")) { advance(); return new PUnsupported(t.loc(), "boxing and casts need a heap and run-time types; use a union"); }
                if (t.text().equals("struct")) {
                    advance();
                    expectSym("(");
                    Pat inner = parsePattern();
                    expectSym(")");
                    if (inner instanceof PTuple pt) return new PTuple(t.loc(), pt.elems(), true);
                    return inner;
                }
                throw error(t, "expected a pattern but found " + describe(t));
            }
            case PUNCT -> {
                switch (t.text()) {
                    case "_" -> { advance(); return new PWild(t.loc()); }
                    case "(" -> {
                        advance();
                        if (rawSym(")")) { advance(); return new PConst(t.loc(), new UnitLit()); }
                        ctx.push(0);
                        parenPatterns++;
                        try {
                            Pat inner = parsePattern();
                            if (rawSym(":")) { advance(); inner = new PTyped(inner.loc(), inner, parseType()); }
                            expectSym(")");
                            return inner;
                        } finally { parenPatterns--; ctx.pop(); }
                    }
                    case "[" -> { advance(); skipUntil("]"); return new PUnsupported(t.loc(), "lists allocate on a heap; use a fixed-size array"); }
                    case "[|" -> { advance(); skipUntil("|]"); return new PUnsupported(t.loc(), "array patterns are not supported by fid-embed; use indices"); }
                    case "{" -> {
                        advance();
                        List<FieldPat> fields = new ArrayList<>();
                        while (!rawSym("}")) {
                            Token f = raw();
                            List<String> path = parseLongIdent();
                            expectEq();
                            fields.add(new FieldPat(f.loc(), path, parsePattern()));
                            if (rawSym(";")) { advance(); continue; }
                            if (raw().firstOnLine() && !rawSym("}")) continue;
                            break;
                        }
                        expectSym("}");
                        return new PRecord(t.loc(), fields);
                    }
                    default -> throw error(t, "expected a pattern but found " + describe(t));
                }
            }
            default -> throw error(t, "expected a pattern but found " + describe(t));
        }
    }
}
