// Small pieces of syntax that several parsers read: literal tokens to literal values, and the
// banana-clip names of active patterns, (|Even|Odd|) and (|Small|_|).
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.syntax.Lexer;
import org.fidembed.syntax.Token;
import org.fidembed.syntax.Token.Kind;

import java.nio.charset.StandardCharsets;

final class Literals {
    private Literals() { }

    static Literal of(Token t, boolean negative) {
        return switch (t.kind()) {
            case INT -> {
                Lexer.IntLiteral il = (Lexer.IntLiteral) t.value();
                yield new IntLit(il.magnitude(), negative, t.suffix(), il.bitPattern());
            }
            case FLOAT -> new FloatLit(negative ? -(Double) t.value() : (Double) t.value(), t.suffix().equals("f"));
            case CHAR -> new CharLit((char) (int) (Integer) t.value());
            case STRING -> t.suffix().equals("B")
                    ? new BytesLit(((String) t.value()).getBytes(StandardCharsets.ISO_8859_1), t.text())
                    : new StringLit((String) t.value(), t.text());
            case KEYWORD -> t.text().equals("true") ? new BoolLit(true) : t.text().equals("false") ? new BoolLit(false) : null;
            default -> null;
        };
    }

    /**
     * After the '(' of an active pattern's name, at its first '|': reads `|A|B|)` or `|A|_|)` and
     * returns the name as F# spells it, "|A|B|" or "|A|_|".
     */
    static String activePatternName(TokenCursor c) {
        StringBuilder name = new StringBuilder("|");
        c.expectSym("|");
        while (true) {
            Token t = c.peek();
            if (t.kind() != Kind.IDENT) throw c.error(t, "expected the name of an active pattern's case but found " + c.describe(t));
            c.advance();
            name.append(t.text()).append('|');
            c.expectSym("|");
            if (c.acceptSym(")")) return name.toString();
        }
    }
}
