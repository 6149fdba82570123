// Turns the text of one source file into tokens: F# identifiers, keywords, literals with their
// suffixes, operators and punctuation. Comments vanish; tabs and unsupported directives are errors.
package org.fidembed.syntax;

import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.Loc;
import org.fidembed.diag.SourceFile;
import org.fidembed.syntax.Token.Kind;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public final class Lexer {
    public static final Set<String> KEYWORDS = Set.of(
            "abstract", "and", "as", "assert", "base", "begin", "class", "default", "delegate", "do", "done",
            "downcast", "downto", "elif", "else", "end", "exception", "extern", "false", "finally", "fixed", "for",
            "fun", "function", "global", "if", "in", "inherit", "inline", "interface", "internal", "lazy", "let",
            "match", "member", "module", "mutable", "namespace", "new", "null", "of", "open", "or",
            "override", "private", "public", "rec", "return", "select", "sig", "static", "struct", "then", "to",
            "true", "try", "type", "upcast", "use", "val", "void", "when", "while", "with", "yield", "const");

    private static final String OP_CHARS = "!$%&*+-./<=>?@^|~";

    private final SourceFile file;
    private final String s;
    private final Diagnostics diags;
    private int pos = 0, line = 1, lineStart = 0;
    private int lastTokenLine = 0;
    private final List<Token> out = new ArrayList<>();

    public Lexer(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.s = file.text();
        this.diags = diags;
    }

    public static List<Token> tokenize(SourceFile file, Diagnostics diags) {
        return new Lexer(file, diags).run();
    }

    private Loc locAt(int p) {
        // column counts characters (code points) from the line start, 1-based
        return new Loc(file, line, s.codePointCount(lineStart, p) + 1);
    }

    private List<Token> run() {
        if (s.startsWith("\uFEFF")) pos = 1;
        boolean space = true;
        while (true) {
            int before = pos;
            skipTrivia();
            space = pos != before || pos == 0 || (pos > 0 && (s.charAt(pos - 1) == '\n'));
            if (pos >= s.length()) break;
            lexToken(space);
        }
        out.add(new Token(Kind.EOF, "<end of file>", new Loc(file, line + 1, 1), s.length(), s.length(), true, true, null, ""));
        return out;
    }

    private void newline() {
        line++;
        lineStart = pos;
    }

    private void skipTrivia() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\r') { pos++; }
            else if (c == '\n') { pos++; newline(); }
            else if (c == '\t') {
                diags.error(locAt(pos), "tab characters are not allowed; indent with spaces");
                pos++;
            } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                while (pos < s.length() && s.charAt(pos) != '\n') pos++;
            } else if (c == '(' && pos + 1 < s.length() && s.charAt(pos + 1) == '*'
                    && !(pos + 2 < s.length() && s.charAt(pos + 2) == ')')) {
                blockComment();
            } else if (c == '#' && atLineStart(pos)) {
                directive();
            } else break;
        }
    }

    private boolean atLineStart(int p) {
        for (int i = lineStart; i < p; i++) if (s.charAt(i) != ' ') return false;
        return true;
    }

    private void blockComment() {
        Loc start = locAt(pos);
        int depth = 0;
        while (pos < s.length()) {
            if (s.startsWith("(*", pos) && !s.startsWith("(*)", pos)) { depth++; pos += 2; }
            else if (s.startsWith("*)", pos)) { depth--; pos += 2; if (depth == 0) return; }
            else if (s.charAt(pos) == '"') { skipStringInComment(); }
            else { if (s.charAt(pos) == '\n') { pos++; newline(); } else pos++; }
        }
        throw diags.fatal(start, "this comment is not closed: '(*' needs a matching '*)'");
    }

    private void skipStringInComment() {
        pos++;
        while (pos < s.length() && s.charAt(pos) != '"') {
            if (s.charAt(pos) == '\\') pos++;
            if (pos < s.length() && s.charAt(pos) == '\n') { pos++; newline(); } else pos++;
        }
        pos++;
    }

    private void directive() {
        Loc at = locAt(pos);
        int e = pos;
        while (e < s.length() && s.charAt(e) != '\n') e++;
        String text = s.substring(pos, e).trim();
        String word = text.split("[\\s\"]", 2)[0];
        switch (word) {
            case "#nowarn", "#light" -> { }
            case "#indent" -> diags.error(at, "'#indent \"off\"' is not supported by fid-embed; use light syntax");
            default -> diags.error(at, "'" + word + "' is not supported by fid-embed");
        }
        pos = e;
    }

    private void add(Kind k, String text, int start, boolean space, Object value, String suffix) {
        boolean first = lastTokenLine != line || out.isEmpty();
        Loc loc = locAt(start);
        // multi-line tokens (strings) keep the position of their start
        out.add(new Token(k, text, loc, start, pos, first, space, value, suffix));
        lastTokenLine = line;
    }

    private void lexToken(boolean space) {
        int start = pos;
        int startLine = line, startLineStart = lineStart;
        char c = s.charAt(pos);
        if (Character.isLetter(c) || c == '_' ) { ident(start, space); return; }
        if (c == '`' && s.startsWith("``", pos)) { backtickIdent(start, space); return; }
        if (Character.isDigit(c)) { number(start, space); return; }
        if (c == '"' || (c == '@' && pos + 1 < s.length() && s.charAt(pos + 1) == '"')) { string(start, space, startLine, startLineStart); return; }
        if (c == '$' && pos + 1 < s.length() && s.charAt(pos + 1) == '"') {
            diags.error(locAt(pos), "building strings needs a heap; print the parts with printf");
            pos++;
            string(start, space, startLine, startLineStart);
            return;
        }
        if (c == '\'') { quote(start, space); return; }
        // punctuation
        if (s.startsWith("[|", pos)) { pos += 2; add(Kind.PUNCT, "[|", start, space, null, ""); return; }
        if (s.startsWith("[<", pos)) { pos += 2; add(Kind.PUNCT, "[<", start, space, null, ""); return; }
        if (s.startsWith("(*)", pos)) { pos++; add(Kind.PUNCT, "(", start, space, null, ""); int st = pos; pos++; add(Kind.OP, "*", st, false, null, ""); st = pos; pos++; add(Kind.PUNCT, ")", st, false, null, ""); return; }
        if ("()[]{},;".indexOf(c) >= 0) {
            if (c == ';' && s.startsWith(";;", pos)) { pos += 2; add(Kind.PUNCT, ";;", start, space, null, ""); return; }
            pos++;
            add(Kind.PUNCT, String.valueOf(c), start, space, null, "");
            return;
        }
        if (c == ':') {
            for (String t : new String[]{":?>", ":?", ":>", ":=", "::"}) {
                if (s.startsWith(t, pos)) { pos += t.length(); add(t.equals("::") ? Kind.PUNCT : Kind.OP, t, start, space, null, ""); return; }
            }
            pos++;
            add(Kind.PUNCT, ":", start, space, null, "");
            return;
        }
        if (c == '.') {
            if (s.startsWith("..", pos)) { pos += 2; add(Kind.PUNCT, "..", start, space, null, ""); return; }
            pos++;
            add(Kind.PUNCT, ".", start, space, null, "");
            return;
        }
        if (c == '#') {
            pos++;
            add(Kind.PUNCT, "#", start, space, null, "");
            return;
        }
        if (OP_CHARS.indexOf(c) >= 0) {
            int e = pos;
            while (e < s.length() && OP_CHARS.indexOf(s.charAt(e)) >= 0) {
                // '>]' and '|]' close attributes and arrays even inside an operator run
                if ((s.charAt(e) == '>' || s.charAt(e) == '|') && e + 1 < s.length() && s.charAt(e + 1) == ']') {
                    if (e == pos) { e += 2; break; }
                    break;
                }
                // a '.' may continue an operator (`+.`) but does not start a range inside one
                if (s.charAt(e) == '.' && e > pos && e + 1 < s.length() && s.charAt(e + 1) == '.') break;
                e++;
            }
            String op = s.substring(pos, e);
            pos = e;
            Kind k = switch (op) {
                case ">]", "|]", "->", "<-", "=", "|", "_" -> Kind.PUNCT;
                default -> Kind.OP;
            };
            if (op.equals("=") || op.equals("|")) k = Kind.OP;
            add(k, op, start, space, null, "");
            return;
        }
        diags.error(locAt(pos), "unexpected character '" + new String(Character.toChars(s.codePointAt(pos))) + "'");
        pos += Character.charCount(s.codePointAt(pos));
    }

    private void ident(int start, boolean space) {
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '\'')) pos++;
        String t = s.substring(start, pos);
        if (KEYWORDS.contains(t)) add(Kind.KEYWORD, t, start, space, null, "");
        else add(Kind.IDENT, t, start, space, null, "");
    }

    private void backtickIdent(int start, boolean space) {
        int e = s.indexOf("``", pos + 2);
        int nl = s.indexOf('\n', pos);
        if (e < 0 || (nl >= 0 && nl < e)) throw diags.fatal(locAt(pos), "this ``name`` is not closed");
        String name = s.substring(pos + 2, e);
        pos = e + 2;
        add(Kind.IDENT, name, start, space, null, "");
    }

    private void number(int start, boolean space) {
        int radix = 10;
        if (s.charAt(pos) == '0' && pos + 1 < s.length()) {
            char x = Character.toLowerCase(s.charAt(pos + 1));
            if (x == 'x') radix = 16; else if (x == 'o') radix = 8; else if (x == 'b') radix = 2;
            if (radix != 10) pos += 2;
        }
        StringBuilder digits = new StringBuilder();
        boolean isFloat = false;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '_') { pos++; continue; }
            if (Character.digit(c, radix) >= 0 && !(radix == 16 && false)) { digits.append(c); pos++; continue; }
            break;
        }
        if (radix == 10) {
            // fraction: '.' followed by a digit, or a lone '.' not followed by '.' (1. is a float)
            if (pos < s.length() && s.charAt(pos) == '.' && !(pos + 1 < s.length() && s.charAt(pos + 1) == '.')
                    && !(pos + 1 < s.length() && Character.isLetter(s.charAt(pos + 1)))) {
                isFloat = true;
                digits.append('.');
                pos++;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    if (s.charAt(pos) != '_') digits.append(s.charAt(pos));
                    pos++;
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int save = pos;
                StringBuilder exp = new StringBuilder("e");
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) exp.append(s.charAt(pos++));
                if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) exp.append(s.charAt(pos++));
                    digits.append(exp);
                    isFloat = true;
                } else pos = save;
            }
        }
        int sufStart = pos;
        while (pos < s.length() && Character.isLetter(s.charAt(pos))) pos++;
        String suffix = s.substring(sufStart, pos);
        String text = s.substring(start, pos);
        if (digits.length() == 0) { diags.error(locAt(start), "this number has no digits"); add(Kind.INT, text, start, space, new IntLiteral(BigInteger.ZERO, false), ""); return; }
        if (isFloat || (radix == 10 && (suffix.equals("f") || suffix.equals("F")) )) {
            switch (suffix) {
                case "", "f", "F" -> { }
                case "m", "M" -> diags.error(locAt(start), "decimal and bigint are not supported; use an integer type or fixed point");
                default -> diags.error(locAt(sufStart), "'" + suffix + "' is not a valid suffix for a floating-point literal");
            }
            // a float32 literal is rounded once, from its decimal text (not through double)
            double v = suffix.equalsIgnoreCase("f") ? Float.parseFloat(digits.toString()) : Double.parseDouble(digits.toString());
            add(Kind.FLOAT, text, start, space, v, suffix.toLowerCase());
            return;
        }
        switch (suffix) {
            case "", "y", "uy", "s", "us", "u", "l", "L", "ul", "UL", "uL", "Ul", "n", "un" -> { }
            case "I", "m", "M" -> diags.error(locAt(start), "decimal and bigint are not supported; use an integer type or fixed point");
            case "lf", "LF" -> { }
            default -> diags.error(locAt(sufStart), "'" + suffix + "' is not a valid suffix for an integer literal");
        }
        BigInteger v = new BigInteger(digits.toString(), radix);
        String norm = switch (suffix) { case "l" -> "L"; case "ul", "uL", "Ul" -> "UL"; default -> suffix; };
        add(Kind.INT, text, start, space, new IntLiteral(v, radix != 10), norm);
    }

    /** The magnitude of an integer literal and whether it was written in hex, octal or binary. */
    public record IntLiteral(BigInteger magnitude, boolean bitPattern) { }

    private void string(int start, boolean space, int startLine, int startLineStart) {
        Loc startLoc = locAt(start);
        StringBuilder sb = new StringBuilder();
        if (s.startsWith("\"\"\"", pos)) {
            pos += 3;
            int e = s.indexOf("\"\"\"", pos);
            if (e < 0) throw diags.fatal(startLoc, "this string is not closed");
            for (int i = pos; i < e; i++) { if (s.charAt(i) == '\n') { sb.append('\n'); pos = i + 1; newline(); } else sb.append(s.charAt(i)); }
            pos = e + 3;
        } else if (s.charAt(pos) == '@') {
            pos += 2;
            while (true) {
                if (pos >= s.length()) throw diags.fatal(startLoc, "this string is not closed");
                char c = s.charAt(pos);
                if (c == '"') {
                    if (pos + 1 < s.length() && s.charAt(pos + 1) == '"') { sb.append('"'); pos += 2; continue; }
                    pos++;
                    break;
                }
                sb.append(c);
                pos++;
                if (c == '\n') newline();
            }
        } else {
            pos++;
            while (true) {
                if (pos >= s.length()) throw diags.fatal(startLoc, "this string is not closed");
                char c = s.charAt(pos);
                if (c == '"') { pos++; break; }
                if (c == '\\') { escape(sb, true); continue; }
                sb.append(c);
                pos++;
                if (c == '\n') newline();
            }
        }
        String suffix = "";
        if (pos < s.length() && s.charAt(pos) == 'B') {
            // a byte string "AT\r\n"B: each character is one byte
            pos++;
            suffix = "B";
            for (int k = 0; k < sb.length(); k++) {
                if (sb.charAt(k) > 0xFF) { diags.error(startLoc, "the character '" + sb.charAt(k) + "' does not fit in a byte, which a byte string needs"); break; }
            }
        }
        // the token keeps its start position even when the string spans lines
        int saveLine = line, saveLs = lineStart;
        line = startLine; lineStart = startLineStart;
        boolean first = lastTokenLine != line || out.isEmpty();
        out.add(new Token(Kind.STRING, s.substring(start, pos), locAt(start), start, pos, first, space, sb.toString(), suffix));
        line = saveLine; lineStart = saveLs;
        lastTokenLine = line;
    }

    /** Reads one escape at pos (a backslash) into sb. */
    private void escape(StringBuilder sb, boolean inString) {
        Loc at = locAt(pos);
        if (pos + 1 >= s.length()) { pos++; return; }
        char e = s.charAt(pos + 1);
        switch (e) {
            case 'n' -> { sb.append('\n'); pos += 2; }
            case 't' -> { sb.append('\t'); pos += 2; }
            case 'b' -> { sb.append('\b'); pos += 2; }
            case 'r' -> { sb.append('\r'); pos += 2; }
            case 'a' -> { sb.append('\u0007'); pos += 2; }
            case 'f' -> { sb.append('\f'); pos += 2; }
            case 'v' -> { sb.append('\u000B'); pos += 2; }
            case '\\' -> { sb.append('\\'); pos += 2; }
            case '"' -> { sb.append('"'); pos += 2; }
            case '\'' -> { sb.append('\''); pos += 2; }
            case '0' -> {
                if (pos + 3 < s.length() && Character.isDigit(s.charAt(pos + 2)) && Character.isDigit(s.charAt(pos + 3))) trigraph(sb, at);
                else { sb.append('\0'); pos += 2; }
            }
            case 'x' -> hexEscape(sb, 2, at);
            case 'u' -> hexEscape(sb, 4, at);
            case 'U' -> hexEscape(sb, 8, at);
            case '\n' -> {
                // a backslash at the end of a line continues the string and skips leading spaces
                pos += 2;
                newline();
                while (pos < s.length() && s.charAt(pos) == ' ') pos++;
            }
            default -> {
                if (Character.isDigit(e)) trigraph(sb, at);
                else { sb.append('\\'); pos++; } // F# keeps unknown escapes as written
            }
        }
    }

    private void trigraph(StringBuilder sb, Loc at) {
        if (pos + 3 < s.length() + 0 && pos + 4 <= s.length()) {
            String d = s.substring(pos + 1, pos + 4);
            if (d.chars().allMatch(Character::isDigit)) {
                int v = Integer.parseInt(d);
                if (v > 255) diags.error(at, "the escape '\\" + d + "' is out of range (at most 255)");
                sb.append((char) v);
                pos += 4;
                return;
            }
        }
        sb.append('\\');
        pos++;
    }

    private void hexEscape(StringBuilder sb, int n, Loc at) {
        if (pos + 2 + n > s.length()) { diags.error(at, "this escape needs " + n + " hexadecimal digits"); pos += 2; return; }
        String h = s.substring(pos + 2, pos + 2 + n);
        try {
            long v = Long.parseLong(h, 16);
            if (v > 0x10FFFF) diags.error(at, "the escape '\\U" + h + "' is not a Unicode code point");
            else sb.appendCodePoint((int) v);
        } catch (NumberFormatException ex) {
            diags.error(at, "this escape needs " + n + " hexadecimal digits");
        }
        pos += 2 + n;
    }

    private void quote(int start, boolean space) {
        // a character literal 'x' or '\n', otherwise a type variable 'T
        int p = pos + 1;
        if (p < s.length()) {
            if (s.charAt(p) == '\\') {
                StringBuilder sb = new StringBuilder();
                // an escape may be a line continuation (backslash, newline): undo its line count too
                int save = pos, saveLine = line, saveLineStart = lineStart, saveDiags = diags.all().size();
                pos = p;
                escape(sb, false);
                // a character literal stays on its line: a continuation inside one is no literal
                // (and its location would be on the line before the one the lexer is on)
                if (line == saveLine && pos < s.length() && s.charAt(pos) == '\'') {
                    pos++;
                    charToken(sb.toString(), start, space);
                    return;
                }
                pos = save;
                line = saveLine;
                lineStart = saveLineStart;
                diags.truncate(saveDiags);
            } else {
                int cp = s.codePointAt(p);
                int after = p + Character.charCount(cp);
                if (after < s.length() && s.charAt(after) == '\'' && cp != '\n') {
                    pos = after + 1;
                    charToken(new String(Character.toChars(cp)), start, space);
                    return;
                }
            }
        }
        // type variable
        pos++;
        int st = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
        if (pos == st) { diags.error(locAt(start), "unexpected character '''"); return; }
        add(Kind.TYVAR, s.substring(st, pos), start, space, null, "");
    }

    private void charToken(String v, int start, boolean space) {
        if (v.length() != 1) {
            diags.error(locAt(start), "this character literal is not one UTF-16 code unit");
            add(Kind.CHAR, s.substring(start, pos), start, space, 0, "");
            return;
        }
        if (pos < s.length() && s.charAt(pos) == 'B') { pos++; add(Kind.INT, s.substring(start, pos), start, space, new IntLiteral(BigInteger.valueOf(v.charAt(0)), false), "uy"); return; }
        add(Kind.CHAR, s.substring(start, pos), start, space, (int) v.charAt(0), "");
    }

    /** Decodes UTF-8 bytes, skipping a BOM; invalid UTF-8 is an error at the first bad byte. */
    public static SourceFile decode(String name, byte[] bytes, boolean prelude, Diagnostics diags) {
        int i = 0, line = 1, col = 1;
        StringBuilder sb = new StringBuilder(bytes.length);
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) i = 3;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int cp, n;
            if (b < 0x80) { cp = b; n = 1; }
            else if (b >= 0xC2 && b < 0xE0) { cp = b & 0x1F; n = 2; }
            else if (b >= 0xE0 && b < 0xF0) { cp = b & 0x0F; n = 3; }
            else if (b >= 0xF0 && b < 0xF5) { cp = b & 0x07; n = 4; }
            else { cp = -1; n = 1; }
            boolean ok = cp >= 0 && i + n <= bytes.length;
            for (int k = 1; ok && k < n; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) ok = false; else cp = (cp << 6) | (c & 0x3F);
            }
            if (ok && ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))) ok = false;
            if (!ok) {
                SourceFile partial = new SourceFile(name, sb.toString(), prelude);
                diags.error(new Loc(partial, line, col), "invalid UTF-8 at byte " + i + " (0x" + String.format("%02X", b) + "); save the file as UTF-8");
                throw new CompileAbort();
            }
            sb.appendCodePoint(cp);
            if (cp == '\n') { line++; col = 1; } else col++;
            i += n;
        }
        return new SourceFile(name, sb.toString(), prelude);
    }
}
