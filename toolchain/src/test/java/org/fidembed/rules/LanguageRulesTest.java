// Unit tests of the Constrained profile's rules on the typed program: escaping closures and frame
// objects, and the recursion measure of §15.4 with the depth it proves.
package org.fidembed.rules;

import org.fidembed.FrontEnd;
import org.fidembed.types.Symbols.GlobalVal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LanguageRulesTest {
    private static long depth(FrontEnd.Result r, String name) {
        for (var e : r.rules().recursionDepth().entrySet()) if (e.getKey().name.equals(name)) return e.getValue();
        throw new AssertionError("no depth for " + name + " in " + r.rules().recursionDepth());
    }

    @Test
    void measuredRecursionGetsItsDepth() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main(
                "let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)\n"
                        + "let rec digits n = if n < 10 then 1 else 1 + digits (n / 10)",
                "printfn \"%d\" (fib 20)\nfor i in 0 .. 10 do printfn \"%d\" (fib i)\nprintfn \"%d\" (digits 987654321)"));
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
        assertEquals(20, depth(r, "fib"));
        assertEquals(9, depth(r, "digits"));
    }

    @Test
    void aCallWithAnArgumentOfUnknownRangeIsRejected() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let rec depth (n: int) = if n <= 0 then 0 else 1 + depth (n - 1)",
                "let mutable seed = 5\nprintfn \"%d\" (depth seed)"));
        assertTrue(r.firstError().startsWith("8:19: recursion depth is unbounded; stack cannot be proven"), r.firstError());
    }

    @Test
    void recursionWithoutAGuardIsRejectedAtTheCall() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let rec f n = 1 + f (n - 1)", "printfn \"%d\" (f 3)"));
        assertTrue(r.firstError().startsWith("3:19: recursion depth is unbounded; stack cannot be proven"), r.firstError());
    }

    @Test
    void tailRecursionNeedsNoMeasure() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let rec gcd a b = if b = 0 then a else gcd b (a % b)", "let mutable x = 10\nprintfn \"%d\" (gcd x 4)"));
        assertTrue(r.errors().isEmpty());
        assertTrue(r.rules().recursionDepth().isEmpty());
    }

    @Test
    void returningAClosureOverALocalIsRejectedAtTheFun() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let make (start: int) =\n    let mutable c = start\n    fun () -> c", "printfn \"%d\" ((make 1) ())"));
        assertEquals("5:5: closure escapes the function that creates it: it refers to 'c', which lives in the stack frame of 'make'; pass the state in and out as values, or make 'make' inline",
                r.firstError());
    }

    @Test
    void returningALocalArrayIsRejected() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let make () =\n    let a = [| 1; 2 |]\n    a", "printfn \"%d\" (make ()).Length"));
        assertTrue(r.firstError().contains("'a' escapes the function that allocates it (it lives in the stack frame of 'make')"), r.firstError());
    }

    @Test
    void returningARecordWithMutableFieldsNamesTheRecordAndTheStructAlternative() {
        String types = "type Counter =\n    { mutable Count: int }\n\n";
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main(types + "let make n = { Count = n }", "printfn \"%d\" (make 1).Count"));
        assertTrue(r.firstError().startsWith("6:14: this record escapes the function that allocates it (it lives in the stack frame of 'make')"), r.firstError());
        assertTrue(r.firstError().endsWith("or make the record a [<Struct>] record, which is copied by value"), r.firstError());
        FrontEnd.Result ok = FrontEnd.check(FrontEnd.main("[<Struct>]\n" + types + "let make n = { Count = n }", "printfn \"%d\" (make 1).Count"));
        assertTrue(ok.errors().isEmpty(), () -> ok.errors().get(0).render());
    }

    @Test
    void aFrameRecordMadeByAnInlineFunctionOfTheProgramEscapesFromItsCaller() {
        // expanded in wrap, the record lives in wrap's frame: returning it from there escapes (it was accepted)
        String types = "type Counter =\n    { mutable Count: int }\n\nlet inline make n = { Count = n }\n";
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main(types + "let wrap n = make (n + 1)", "printfn \"%d\" (wrap 1).Count"));
        assertTrue(r.firstError().startsWith("7:14: this record escapes the function that allocates it (it lives in the stack frame of 'wrap')"), r.firstError());
        FrontEnd.Result ok = FrontEnd.check(FrontEnd.main(types + "let count n = (make n).Count", "printfn \"%d\" (count 1)"));
        assertTrue(ok.errors().isEmpty(), () -> ok.errors().get(0).render());
    }

    @Test
    void returningAnArrayALibraryFunctionMadeIsRejected() {
        // Array.rev, Array.take (through Array.sub) and Array.unzip (a tuple of two) create their
        // result in the caller's frame; Array.sum of such an array returns a number, which is fine
        for (String body : new String[]{"Array.rev data", "Array.take 2 data", "Array.unzip [| (1, 2) |]", "Array.sortBy (fun x -> -x) data"}) {
            FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let data = [| 1; 2; 3 |]\nlet make () = " + body + "\nlet total () = Array.sum (Array.rev data)",
                    "printfn \"%d\" (total ())"));
            assertTrue(r.firstError().contains("escapes the function that allocates it (it lives in the stack frame of 'make')"), body + ": " + r.firstError());
        }
        FrontEnd.Result ok = FrontEnd.check(FrontEnd.main("let data = [| 1; 2; 3 |]\nlet total () = Array.sum (Array.rev data)", "printfn \"%d\" (total ())"));
        assertTrue(ok.errors().isEmpty(), () -> ok.errors().get(0).render());
    }

    @Test
    void closedFunctionsAndInlineFunctionsMayReturnFunctions() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let inc x = x + 1\nlet pick b = if b then inc else id\nlet inline adder n = fun x -> x + n",
                "printfn \"%d %d\" ((pick true) 1) ((adder 2) 3)"));
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
    }
}
