// The vocabulary of the offside rule (F# spec, "lexical filtering"): the contexts the filter pushes,
// the virtual tokens it inserts, and the classes of tokens its rules test (infix operators, the
// tokens that may align with a construct's keyword without ending it, balancing brackets).
package org.fidembed.parse;

import org.fidembed.diag.Loc;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

final class Offside {
    private Offside() { }

    // ---------------------------------------------------------------- virtual tokens

    /** Opens a block after `=`, `then`, `else`, `do`, `<-` (closed by {@link #BLOCK_END}). */
    static final String BLOCK_BEGIN = "OBLOCKBEGIN";
    static final String BLOCK_END = "OBLOCKEND";
    /** Ends the body of `->` (a match rule, a lambda) that had no begin token. */
    static final String RIGHT_BLOCK_END = "ORIGHT_BLOCK_END";
    /** Separates two items of a block that start in its column. */
    static final String BLOCK_SEP = "OBLOCKSEP";
    /** Ends a `let` (its body follows), a `do` or a `with` augmentation. */
    static final String DECL_END = "ODECLEND";
    /** Ends the rules of `match ... with`, `function`, and the body of `fun`. */
    static final String END = "OEND";

    static Token virtual(String name, Loc at, int offset, Loc context) {
        return new Token(Kind.VIRTUAL, name, at, offset, offset, false, true, context, "");
    }

    // ---------------------------------------------------------------- contexts

    enum K {
        LET_DECL, IF, TRY, FUN, FUNCTION, WITH_AS_LET, WITH_AS_AUGMENT, MATCH, FOR, WHILE, WHEN, VANILLA, THEN, ELSE,
        DO, INTERFACE_HEAD, TYPE_DEFNS, NAMESPACE_HEAD, MODULE_HEAD, MEMBER_HEAD, MEMBER_BODY, MODULE_BODY,
        NAMESPACE_BODY, EXCEPTION, PAREN, SEQ_BLOCK, MATCH_CLAUSES
    }

    enum BlockEnd { ADD, NONE, ONE_SIDED }

    /**
     * One context. {@code flag}: LET_DECL a let in a block (its 'in' is optional); VANILLA started by
     * `x = ` or `x.y = `; MODULE_BODY a whole-file module; MODULE_HEAD a nested module; SEQ_BLOCK the
     * next token is the block's first; MATCH_CLAUSES the rules start with '|'. {@code tok}: the bracket
     * of a PAREN, the previous token of a head. {@code lexingAttributes}: MODULE_HEAD inside [<...>].
     */
    record Ctx(K kind, int line, int col, Loc loc, boolean flag, BlockEnd end, Token tok, boolean lexingAttributes,
               boolean equalsSeen) {
        static Ctx of(K kind, Token at) { return new Ctx(kind, at.line(), colOf(at), at.loc(), false, BlockEnd.NONE, null, false, false); }
        static Ctx of(K kind, Token at, boolean flag) { return new Ctx(kind, at.line(), colOf(at), at.loc(), flag, BlockEnd.NONE, null, false, false); }
        static Ctx paren(Token bracket) { return new Ctx(K.PAREN, bracket.line(), colOf(bracket), bracket.loc(), false, BlockEnd.NONE, bracket, false, false); }
        static Ctx seqBlock(boolean first, Token at, BlockEnd end) {
            return new Ctx(K.SEQ_BLOCK, at.line(), colOf(at), at.loc(), first, end, null, false, false);
        }
        static Ctx head(K kind, Token at, Token prev, boolean attrs, boolean nested) {
            return new Ctx(kind, at.line(), colOf(at), at.loc(), nested, BlockEnd.NONE, prev, attrs, false);
        }
        Ctx withFlag(boolean f) { return new Ctx(kind, line, col, loc, f, end, tok, lexingAttributes, equalsSeen); }
        Ctx withHead(Token prev, boolean attrs) { return new Ctx(kind, line, col, loc, flag, end, prev, attrs, equalsSeen); }
        Ctx withEquals() { return new Ctx(kind, line, col, loc, flag, end, tok, lexingAttributes, true); }
        boolean is(K k) { return kind == k; }
        boolean isParen(String... brackets) {
            if (kind != K.PAREN) return false;
            for (String b : brackets) if (tok.text().equals(b)) return true;
            return false;
        }

        /** How a diagnostic names the construct that began this context. */
        String describe() {
            return switch (kind) {
                case LET_DECL -> "'let'";
                case IF -> "'if'";
                case TRY -> "'try'";
                case FUN -> "'fun'";
                case FUNCTION -> "'function'";
                case WITH_AS_LET, WITH_AS_AUGMENT -> "'with'";
                case MATCH -> "'match'";
                case FOR -> "'for'";
                case WHILE -> "'while'";
                case WHEN -> "'when'";
                case THEN -> "'then'";
                case ELSE -> "'else'";
                case DO -> "'do'";
                case INTERFACE_HEAD -> "'interface'";
                case TYPE_DEFNS -> "'type'";
                case NAMESPACE_HEAD, NAMESPACE_BODY -> "'namespace'";
                case MODULE_HEAD, MODULE_BODY -> "'module'";
                case MEMBER_HEAD, MEMBER_BODY -> "'member'";
                case EXCEPTION -> "'exception'";
                case PAREN -> "'" + tok.text() + "'";
                case MATCH_CLAUSES -> "the first rule";
                case VANILLA, SEQ_BLOCK -> "the block";
            };
        }
    }

    /** The column the rules compare: the end of the file counts as column 0, left of everything. */
    static int colOf(Token t) { return t.kind() == Kind.EOF ? 0 : t.col(); }

    // ---------------------------------------------------------------- token classes

    static boolean kw(Token t, String k) { return t.kind() == Kind.KEYWORD && t.text().equals(k); }
    static boolean sym(Token t, String s) { return (t.kind() == Kind.PUNCT || t.kind() == Kind.OP) && t.text().equals(s); }
    static boolean isVirtual(Token t) { return t.kind() == Kind.VIRTUAL; }

    /** Infix tokens: they may start a line left of the block they continue, by their length + 1. */
    static boolean isInfix(Token t) {
        if (t.kind() == Kind.KEYWORD) return t.text().equals("or");
        if (t.kind() == Kind.PUNCT) return t.text().equals(",") || t.text().equals("::");
        if (t.kind() != Kind.OP) return false;
        String s = t.text();
        switch (s) {
            case "=", "<", ">", "|", "?", "!", "~~~" -> { return false; }
            case ":>", ":?>", ":=", "??", "$" -> { return true; }
            case ":?" -> { return false; }
            default -> { }
        }
        char c = s.charAt(0);
        return switch (c) {
            case '|', '&', '=', '<', '>', '@', '^', '+', '-', '*', '/', '%' -> true;
            case '!' -> s.startsWith("!=");
            default -> false;
        };
    }

    static boolean opensParen(Token t) {
        return sym(t, "(") || sym(t, "{") || sym(t, "[") || sym(t, "[|") || kw(t, "begin");
    }

    static boolean closesParen(Token t) {
        return sym(t, ")") || sym(t, "}") || sym(t, "]") || sym(t, "|]") || kw(t, "end");
    }

    static boolean parensBalance(Token open, Token close) {
        String o = open.text(), c = close.text();
        return switch (o) {
            case "(" -> c.equals(")");
            case "{" -> c.equals("}");
            case "[" -> c.equals("]");
            case "[|" -> c.equals("|]");
            case "begin", "interface", "class", "sig", "struct" -> kw(close, "end");
            default -> false;
        };
    }

    /** Tokens the filter inserts while it closes contexts; they continue every construct. */
    private static boolean closing(Token t) {
        return isVirtual(t) && (t.text().equals(RIGHT_BLOCK_END) || t.text().equals(BLOCK_END) || t.text().equals(DECL_END));
    }

    static boolean isIfContinuator(Token t) {
        return kw(t, "then") || kw(t, "else") || kw(t, "elif") || kw(t, "end") || sym(t, ")") || closing(t);
    }
    static boolean isMatchContinuator(Token t) { return kw(t, "with") || closing(t); }
    static boolean isTryContinuator(Token t) { return kw(t, "finally") || kw(t, "with") || closing(t); }
    static boolean isThenContinuator(Token t) { return closing(t); }
    static boolean isDoContinuator(Token t) { return kw(t, "done") || closing(t); }
    static boolean isInterfaceContinuator(Token t) { return kw(t, "end") || closing(t); }
    static boolean isNamespaceContinuator(Token t) { return !(t.kind() == Kind.EOF || kw(t, "namespace")); }
    static boolean isTypeContinuator(Token t) {
        return sym(t, "}") || kw(t, "with") || sym(t, "|") || kw(t, "and") || kw(t, "end") || closing(t);
    }
    static boolean isForContinuator(Token t) { return kw(t, "done") || closing(t); }
    static boolean isLetContinuator(Token t) { return kw(t, "and") || closing(t); }
    static boolean isWithAugmentContinuator(Token t) { return kw(t, "end"); }

    /** A run of '|' cases counts as one element of a type's block (members follow as new elements). */
    static boolean isTypeSeqBlockElementContinuator(Token t) {
        return sym(t, "|") || (isVirtual(t) && t.text().equals(BLOCK_BEGIN)) || closing(t);
    }

    /** Tokens that may align with a block's column without starting a new item of it. */
    /** `-x`, `+1`, `&x`, `%x` written with a space before and none after: a prefix operator, as F#'s lexical
     *  filter makes it (ADJACENT_PREFIX_OP), so that `-(f x)` at a line's start begins a new expression. */
    static boolean isAdjacentPrefix(Token t, Token next) {
        if (t.kind() != Kind.OP) return false;
        return switch (t.text()) {
            case "-", "+", "-.", "+.", "%", "%%", "&", "&&" -> (t.spaceBefore() || t.firstOnLine())
                    && next.kind() != Kind.EOF && !next.isVirtual() && next.offset() == t.end();
            default -> false;
        };
    }

    static boolean isSeqBlockElementContinuator(Token t) {
        if (isInfix(t)) return true;
        return kw(t, "end") || kw(t, "and") || kw(t, "with") || kw(t, "then") || sym(t, ")") || sym(t, "}")
                || sym(t, "]") || sym(t, "|]") || closing(t);
    }
}
