// Parses one file into the syntax tree: the lexer's tokens go through the offside filter (F#'s
// light-syntax rule, LexFilter), and the parsers for declarations, types, expressions and
// patterns read the filtered stream, where layout has become explicit block tokens.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.diag.SourceFile;
import org.fidembed.syntax.Lexer;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.fidembed.parse.Offside.*;

public final class Parser {
    private final TokenCursor c;
    private final DeclParser decls;

    private Parser(List<Token> filtered, Diagnostics diags) {
        c = new TokenCursor(filtered, diags);
        TypeParser types = new TypeParser(c);
        PatternParser pats = new PatternParser(c, types);
        ExprParser exprs = new ExprParser(c, types, pats);
        exprs.atoms = new AtomParser(c, types, exprs, pats);
        TypeDefParser typeDefs = new TypeDefParser(c, types, pats, exprs);
        decls = new DeclParser(c, exprs, typeDefs);
        exprs.decls = decls;
        typeDefs.decls = decls;
    }

    public static FileAst parse(SourceFile file, Diagnostics diags) {
        List<Token> toks = Lexer.tokenize(file, diags);
        List<Token> filtered = LexFilter.filter(toks, diags);
        Parser p = new Parser(filtered, diags);
        try {
            return p.file();
        } catch (TokenCursor.SyntaxError e) {
            p.c.flush();
            // outside any declaration (a broken `module`/`namespace` header): reported, nothing to resume
            if (!diags.hasErrors()) diags.error(file == null ? Loc.NONE : new Loc(file, 1, 1), "this file cannot be parsed");
            throw new CompileAbort();
        }
    }

    /** [attributes] (module A.B | namespace N)? declarations. */
    private FileAst file() {
        Loc start = c.loc();
        List<Attribute> attrs = new ArrayList<>();
        List<String> path = new ArrayList<>();
        boolean ns = false;
        int save = c.mark();
        List<Attribute> leading = decls.attributes();
        List<Decl> body;
        if (c.atKw("module") && !isNestedModuleHeader()) {
            c.advance();
            decls.access();
            c.acceptKw("rec");
            path = decls.longIdent();
            attrs = leading;
            body = blockOfDecls();
        } else if (c.atKw("namespace")) {
            c.advance();
            c.acceptKw("rec");
            path = decls.longIdent();
            ns = true;
            attrs = leading;
            body = blockOfDecls();
            if (c.atKw("namespace")) throw c.error(c.peek(), "a file may hold one namespace; put the second one in a file of its own");
        } else {
            c.reset(save);
            body = decls.decls();
        }
        if (!c.atEof()) c.report(c.locOf(c.peek()), "unexpected " + c.describe(c.peek()) + " at this indentation; it is left of the declarations of this file");
        c.flush();
        return new FileAst(start, path, ns, attrs, body);
    }

    private List<Decl> blockOfDecls() {
        if (!c.acceptVirtual(BLOCK_BEGIN)) return List.of();
        List<Decl> body = decls.decls();
        c.acceptVirtual(BLOCK_END);
        return body;
    }

    /** `module X =` is a nested module; `module A.B` a file header. */
    private boolean isNestedModuleHeader() {
        int k = 1;
        while (c.peek(k).kind() == Kind.KEYWORD && (kw(c.peek(k), "private") || kw(c.peek(k), "internal") || kw(c.peek(k), "public") || kw(c.peek(k), "rec"))) k++;
        if (c.peek(k).kind() != Kind.IDENT) return false;
        k++;
        while (sym(c.peek(k), ".") && c.peek(k + 1).kind() == Kind.IDENT) k += 2;
        return sym(c.peek(k), "=");
    }

    /** The parser's tokens for a source (the offside filter's output), for tests and tools. */
    static List<Token> layout(SourceFile file, Diagnostics diags) {
        return LexFilter.filter(Lexer.tokenize(file, diags), diags);
    }
}
