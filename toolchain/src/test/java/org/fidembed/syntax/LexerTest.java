// Unit tests of the lexer: literals and their suffixes, strings and escapes, comments, and the
// lexical errors (tabs, invalid UTF-8, unclosed comments) with their positions.
package org.fidembed.syntax;

import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.SourceFile;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LexerTest {
    private static List<Token> lex(String s, Diagnostics d) {
        return Lexer.tokenize(new SourceFile("t.fs", s, false), d);
    }

    private static BigInteger mag(Token t) { return ((Lexer.IntLiteral) t.value()).magnitude(); }

    @Test
    void integerLiteralsKeepMagnitudeSuffixAndRadix() {
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("0x2A 0o52 0b101010 1_000_000 255uy 0xFFFFu 1L 0UL 42n", d);
        assertFalse(d.hasErrors());
        assertEquals(BigInteger.valueOf(42), mag(t.get(0)));
        assertTrue(((Lexer.IntLiteral) t.get(0).value()).bitPattern());
        assertEquals(BigInteger.valueOf(42), mag(t.get(1)));
        assertEquals(BigInteger.valueOf(42), mag(t.get(2)));
        assertEquals(BigInteger.valueOf(1_000_000), mag(t.get(3)));
        assertFalse(((Lexer.IntLiteral) t.get(3).value()).bitPattern());
        assertEquals(List.of("uy", "u", "L", "UL", "n"), List.of(t.get(4).suffix(), t.get(5).suffix(), t.get(6).suffix(), t.get(7).suffix(), t.get(8).suffix()));
    }

    @Test
    void floatsRangesAndMembersAreToldApart() {
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("1.5 2.5e-3 1e3 1.0f 1..10 x.Length", d);
        assertFalse(d.hasErrors());
        assertEquals(Token.Kind.FLOAT, t.get(0).kind());
        assertEquals(2.5e-3, (Double) t.get(1).value());
        assertEquals(1e3, (Double) t.get(2).value());
        assertEquals("f", t.get(3).suffix());
        assertEquals(Token.Kind.INT, t.get(4).kind());
        assertTrue(t.get(5).isPunct(".."));
        assertEquals(Token.Kind.INT, t.get(6).kind());
        assertTrue(t.get(8).isPunct("."));
    }

    @Test
    void stringsAndCharactersDecodeEscapes() {
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("\"a\\tb\\u0041\\065\" @\"C:\\dir\" \"\"\"say \"hi\" \"\"\" '\\n' '\\'' 'z'", d);
        assertFalse(d.hasErrors());
        assertEquals("a\tbAA", t.get(0).value());
        assertEquals("C:\\dir", t.get(1).value());
        assertEquals("say \"hi\" ", t.get(2).value());
        assertEquals((int) '\n', t.get(3).value());
        assertEquals((int) '\'', t.get(4).value());
        assertEquals((int) 'z', t.get(5).value());
    }

    @Test
    void commentsNestAndTheStarOperatorSurvives() {
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("a (* x (* y *) z *) b // rest\n(*) c", d);
        assertFalse(d.hasErrors());
        assertEquals(List.of("a", "b", "(", "*", ")", "c"), t.subList(0, 6).stream().map(Token::text).toList());
    }

    @Test
    void offsideFactsAreRecorded() {
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("let x =\n    f -1", d);
        assertTrue(t.get(0).firstOnLine());
        assertFalse(t.get(1).firstOnLine());
        Token f = t.get(3);
        assertTrue(f.firstOnLine());
        assertEquals(5, f.col());
        assertTrue(t.get(4).spaceBefore());
    }

    @Test
    void tabIsAnErrorAtItsColumn() {
        Diagnostics d = new Diagnostics();
        lex("let x =\n\t1", d);
        assertEquals(1, d.errorCount());
        assertEquals(2, d.all().get(0).loc().line());
        assertEquals(1, d.all().get(0).loc().col());
        assertEquals("tab characters are not allowed; indent with spaces", d.all().get(0).message());
    }

    @Test
    void invalidUtf8IsReportedAtTheFirstBadByte() {
        Diagnostics d = new Diagnostics();
        byte[] bytes = "let a = 1\nlet b\u00e9 = \u0000".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xFF;
        assertThrows(CompileAbort.class, () -> Lexer.decode("t.fs", bytes, false, d));
        assertEquals(2, d.all().get(0).loc().line());
        assertEquals(10, d.all().get(0).loc().col());
        assertTrue(d.all().get(0).message().startsWith("invalid UTF-8"));
    }

    @Test
    void unclosedCommentIsAnError() {
        Diagnostics d = new Diagnostics();
        assertThrows(CompileAbort.class, () -> lex("let x = 1 (* never closed", d));
        assertTrue(d.all().get(0).message().contains("not closed"));
    }

    @Test
    void decimalAndBigintLiteralsAreRejected() {
        Diagnostics d = new Diagnostics();
        lex("1.0m 1I", d);
        assertEquals(2, d.errorCount());
        assertTrue(d.all().get(0).message().startsWith("decimal and bigint are not supported"));
    }

    @Test
    void aFloat32LiteralIsRoundedOnceFromItsDecimalText() {
        // through double, 1.00000017881393432617187499 rounds to 1.0000001788139343 and then, a tie, to 0x3f800002
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("1.00000017881393432617187499f", d);
        assertEquals(0x3f800001, Float.floatToRawIntBits((float) (double) (Double) t.get(0).value()));
    }
}
