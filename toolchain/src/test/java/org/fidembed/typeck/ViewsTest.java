// Unit tests of byrefs, spans and string views in the checker: the types of &x (byref or inref by
// what the place allows and what is expected), reading and writing through them, span and string
// methods with their overloads, and the errors for writes through read-only views.
package org.fidembed.typeck;

import org.fidembed.FrontEnd;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Type;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ViewsTest {
    private static FrontEnd.Result check(String decls) {
        return FrontEnd.check("module M\nopen System\n" + decls + "\n[<EntryPoint>]\nlet main _ = 0\n");
    }

    private static String typeOf(FrontEnd.Result r, String name) {
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
        for (GlobalVal g : r.program().globals()) if (g.name.equals(name) && !g.prelude) return Type.show(Type.resolve(g.scheme.type()));
        throw new AssertionError("no global " + name);
    }

    @Test
    void aByrefParameterIsReadAndWrittenThrough() {
        FrontEnd.Result r = check("let inc (x: byref<int>) = x <- x + 1\nlet get (x: inref<int>) = x * 2\nlet set (x: outref<float>) = x <- 1.5");
        assertEquals("byref<int> -> unit", typeOf(r, "inc"));
        assertEquals("inref<int> -> int", typeOf(r, "get"));
        assertEquals("outref<float> -> unit", typeOf(r, "set"));
    }

    @Test
    void theAddressOfAMutablePlaceIsAByrefAndOfAnImmutableOneAnInref() {
        FrontEnd.Result r = check("""
                let f () =
                    let mutable a = 1
                    let b = 2
                    let ra = &a
                    let rb = &b
                    ra + rb
                let g (arr: int[]) = &arr.[1]
                let mutable counter = 0
                let h () = &counter
                """);
        assertEquals("unit -> int", typeOf(r, "f"));
        assertEquals("int[] -> byref<int>", typeOf(r, "g"));
        assertEquals("unit -> byref<int>", typeOf(r, "h"));
    }

    @Test
    void anImmutableValueIsPassedAsAnInrefButNotAsAByref() {
        assertTrue(check("let get (x: inref<int>) = x\nlet f () =\n    let v = 3\n    get &v").errors().isEmpty());
        FrontEnd.Result r = check("let inc (x: byref<int>) = x <- x + 1\nlet f () =\n    let v = 3\n    inc &v");
        assertEquals("6:10: this value is not mutable, so its address is an inref and cannot be passed as a byref; declare it with 'let mutable'", r.firstError());
    }

    @Test
    void writingThroughAnInrefIsRefused() {
        FrontEnd.Result r = check("let f (x: inref<int>) = x <- 1");
        assertTrue(r.firstError().startsWith("3:25: the byref pointer is readonly"), r.firstError());
    }

    @Test
    void theAddressOfAValueThatIsNoPlaceIsRefused() {
        FrontEnd.Result r = check("let f (x: byref<int>) = x\nlet g () = f &(1 + 2)");
        assertTrue(r.firstError().startsWith("4:15: '&' needs a variable"), r.firstError());
    }

    @Test
    void spansHaveTheirElementTypeAndMethods() {
        FrontEnd.Result r = check("""
                let arr = [| 1uy; 2uy; 3uy |]
                let first (s: Span<byte>) = s.[0]
                let len (s: ReadOnlySpan<int>) = s.Length
                let part () = first (Span<byte>(arr, 1, 2).Slice(1))
                let whole () = first (arr.AsSpan())
                let total (s: ReadOnlySpan<int>) =
                    let mutable t = 0
                    for x in s do
                        t <- t + x
                    t
                """);
        assertEquals("Span<byte> -> byte", typeOf(r, "first"));
        assertEquals("ReadOnlySpan<int> -> int", typeOf(r, "len"));
        assertEquals("unit -> byte", typeOf(r, "part"));
        assertEquals("unit -> byte", typeOf(r, "whole"));
        assertEquals("ReadOnlySpan<int> -> int", typeOf(r, "total"));
    }

    @Test
    void aReadOnlySpanCannotBeWritten() {
        FrontEnd.Result r = check("let f (s: ReadOnlySpan<int>) = s.[0] <- 1");
        assertTrue(r.firstError().startsWith("3:32: a ReadOnlySpan is read-only"), r.firstError());
    }

    @Test
    void stringMethodsChooseTheirOverloadByTheArgument() {
        FrontEnd.Result r = check("""
                let s = "hello"
                let a = s.IndexOf 'l'
                let b = s.IndexOf "lo"
                let c = s.Contains 'h'
                let d = s.StartsWith "he" && s.EndsWith "lo"
                let e = s.Substring(1, 3)
                let g = s.[1..]
                let h = s.StartsWith 'h' || s.EndsWith 'o'
                """);
        assertEquals("int", typeOf(r, "a"));
        assertEquals("int", typeOf(r, "b"));
        assertEquals("bool", typeOf(r, "c"));
        assertEquals("bool", typeOf(r, "d"));
        assertEquals("string", typeOf(r, "e"));
        assertEquals("string", typeOf(r, "g"));
        assertEquals("bool", typeOf(r, "h"));
    }

    @Test
    void aStringMethodWithTheWrongArgumentsSaysWhatItTakes() {
        FrontEnd.Result r = check("let s = \"hello\".Substring(1, 2, 3)");
        assertTrue(r.firstError().startsWith("3:17: 'Substring' takes a start, or a start and a length"), r.firstError());
        r = check("let s = \"hello\".IndexOf 1");
        assertTrue(r.firstError().startsWith("3:25: "), r.firstError());
    }
}
