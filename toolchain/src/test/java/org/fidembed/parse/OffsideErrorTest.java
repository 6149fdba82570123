// A wrong indentation in each context of the offside rule gives exactly one error, at the offside
// token, naming the construct that sets the offside line and where it is. (Each program here is
// rejected by the real F# compiler too; the layouts F# accepts are in LayoutCases.)
package org.fidembed.parse;

import org.fidembed.diag.Diagnostic;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OffsideErrorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ¦ ", textBlock = """
        let body at the let's column ¦ let f x =\\nx + 1\\n ¦ 3:1 ¦ offside of 'let' at line 2, column 1: indent it to column 2
        then branch left of its if ¦ let f x =\\n    if x then\\n  1\\n    else 2\\n ¦ 4:3 ¦ offside of 'if' at line 3, column 5: indent it to column 6
        rule body left of the match ¦ let f x =\\n    match x with\\n    | 1 ->\\n  "one"\\n    | _ -> "other"\\n ¦ 5:3 ¦ offside of 'match' at line 3, column 5
        record field misaligned ¦ type P = { X: int; Y: int }\\nlet r =\\n    { X = 1\\n     Y = 2 }\\n ¦ 5:6 ¦ offside of the first item after '{' at line 4, column 7: align it with that item
        record type field misaligned ¦ type P =\\n    { X: int\\n     Y: int }\\n ¦ 4:6 ¦ offside of the first item after '{' at line 3, column 7
        module body not indented ¦ module N =\\nlet x = 1\\n ¦ 3:1 ¦ offside of 'module' at line 2, column 1: indent it to column 2
        else left of its if ¦ let f x =\\n    if x then\\n        1\\n  else\\n        2\\n ¦ 5:3 ¦ keyword 'else': this line is indented past the 'let' at line 2, column 1
        item indented past a let ¦ let f x =\\n    let y = 1\\n     y + x\\n ¦ 4:6 ¦ unexpected 'y': this line is indented past the 'let' at line 3, column 5
        let without a body ¦ let f x =\\n    let y = 1\\n   y + x\\n ¦ 3:5 ¦ the block following this 'let' is unfinished
        argument left of its function ¦ let f a b = a + b\\nlet g =\\n    f 1\\n  2\\n ¦ 5:3 ¦ unexpected number 2: this line is indented past the 'let' at line 3, column 1
        loop body left of its while ¦ let f x =\\n    while x do\\n   ()\\n ¦ 4:4 ¦ offside of 'while' at line 3, column 5
        lambda body left of its let ¦ let s xs =\\n    Array.map (fun x ->\\nx + 1) xs\\n ¦ 4:1 ¦ offside of 'let' at line 2, column 1: indent it to column 2
        member body left of member ¦ type V =\\n    { X: int }\\n    member v.Twice =\\n    v.X * 2\\n ¦ 5:5 ¦ offside of 'member' at line 4, column 5: indent it to column 6
        unclosed bracket ¦ let f x =\\n    let y = (x +\\n        1\\n    y\\n\\nlet g = f 1\\nlet h = g + 1\\n ¦ 3:13 ¦ this '(' is not closed: the declaration at line 7 starts before its closing ')'
        union case far left ¦ type U =\\n    | A\\n| B\\n ¦ 4:1 ¦ unexpected '|'
        """)
    void oneErrorAtTheOffsideToken(String context, String body, String at, String message) {
        String src = "module M\n" + body.replace("\\n", "\n");
        Diagnostics d = new Diagnostics();
        try { Parser.parse(new SourceFile("t.fs", src, false), d); } catch (org.fidembed.diag.CompileAbort e) { }
        List<Diagnostic> errors = d.sorted();
        assertEquals(1, errors.size(), () -> context + ": " + errors.stream().map(Diagnostic::render).toList());
        Diagnostic e = errors.get(0);
        assertEquals(at, e.loc().line() + ":" + e.loc().col(), () -> context + ": " + e.render());
        assertTrue(e.message().contains(message), () -> context + ": " + e.render());
    }
}
