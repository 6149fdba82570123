// Unit tests of the stack-only rules: where a byref or a span may not be (a module-level value, a
// field, a tuple, a closure, a generic type argument) and what may not be returned, each at its place.
package org.fidembed.rules;

import org.fidembed.FrontEnd;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StackOnlyRuleTest {
    private static String firstError(String decls) {
        return FrontEnd.check("module M\nopen System\n" + decls + "\n[<EntryPoint>]\nlet main _ = 0\n").firstError();
    }

    @Test
    void aByrefOrSpanInItsPlacesIsAccepted() {
        assertNull(firstError("""
                let mutable counter = 0
                let bump (x: byref<int>) = x <- x + 1
                let counterRef () = &counter
                let element (arr: int[]) (i: int) = &arr.[i]
                let tail (s: Span<int>) = s.Slice(1)
                let run () =
                    let mutable v = 1
                    bump &v
                    bump &(counterRef ())
                    let data = [| 1; 2; 3 |]
                    let s = tail (Span<int>(data))
                    s.[0] + v
                """));
    }

    @Test
    void aModuleLevelSpanIsRefused() {
        String e = firstError("let arr = [| 1; 2 |]\nlet s = Span<int>(arr)");
        assertTrue(e.startsWith("4:5: 's' has the type 'Span<int>', which may live only on the stack"), e);
    }

    @Test
    void aFieldOfAStackOnlyTypeIsRefused() {
        String e = firstError("type Holder = { R: byref<int> }");
        assertTrue(e.startsWith("3:17: the field 'R' of 'Holder' has the type 'byref<int>'"), e);
    }

    @Test
    void aSpanInATupleOrAnOptionIsRefused() {
        String e = firstError("let f (s: Span<int>) = (s, 1)");
        assertTrue(e.startsWith("3:25: this value has the type 'Span<int> * int'"), e);
        e = firstError("let f (s: Span<int>) = Some s");
        assertTrue(e.startsWith("3:24: this value has the type 'Span<int> option'"), e);
    }

    @Test
    void aFunctionReturningASpanInATupleIsReportedOnceAtItsBody() {
        FrontEnd.Result r = FrontEnd.check("module M\nopen System\nlet f (s: Span<int>) = (s, 1)\nlet g (arr: int[]) =\n    let _, n = f (Span<int>(arr))\n    n\n"
                + "[<EntryPoint>]\nlet main _ = 0\n");
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        assertTrue(r.firstError().startsWith("3:25: "), r.firstError());
    }

    @Test
    void aClosureCannotCaptureAByref() {
        String e = firstError("let f (x: byref<int>) =\n    let g () = x + 1\n    g ()");
        assertTrue(e.startsWith("4:16: 'x' has the type 'byref<int>', which may live only on the stack, and cannot be captured by a closure"), e);
        e = firstError("let f (s: Span<int>) (arr: int[]) =\n    Array.iter (fun v -> s.[0] <- v) arr");
        assertTrue(e.startsWith("4:26: 's' has the type 'Span<int>'"), e);
    }

    @Test
    void theAddressOfALocalCannotBeReturned() {
        String e = firstError("let f () =\n    let mutable x = 3\n    &x");
        assertTrue(e.startsWith("5:5: this byref points into the stack frame of 'f' (at 'x')"), e);
        e = firstError("let f (v: int) = &v");
        assertTrue(e.startsWith("3:18: this byref points into the stack frame of 'f' (at 'v')"), e);
    }

    @Test
    void aByrefOrSpanReturnedThroughACallGivenOneOfTheFrameIsRefused() {
        String e = firstError("let pass (r: byref<int>) = &r\nlet f () =\n    let mutable x = 3\n    &pass &x");
        assertTrue(e.startsWith("6:5: this byref points into the stack frame of 'f' (at 'x')"), e);
        e = firstError("let tail (s: Span<int>) = s.Slice(1)\nlet f () =\n    let a = [| 1; 2 |]\n    tail (Span<int>(a))");
        assertTrue(e.startsWith("6:5: this span points into the stack frame of 'f' (at 'a')"), e);
        assertNull(firstError("let pass (r: byref<int>) = &r\nlet mutable g = 1\nlet f () = &pass &g"));
    }

    @Test
    void aSpanOverAnArrayOfTheFrameCannotBeReturned() {
        String e = firstError("let f () =\n    let a = [| 1; 2 |]\n    let s = Span<int>(a)\n    s.Slice(1)");
        assertTrue(e.startsWith("6:5: this span points into the stack frame of 'f' (at 'a')"), e);
    }
}
