// Unit tests of active patterns in the checker: the types F# gives their functions (Choice, option,
// voption, the value itself), what their cases bind in patterns, and F#'s messages when one is misused.
package org.fidembed.typeck;

import org.fidembed.FrontEnd;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Type;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ActivePatternsTest {
    private static final String DEFS = """
            let (|Even|Odd|) n = if n % 2 = 0 then Even else Odd
            let (|Pos|Neg|Zero|) n = if n > 0 then Pos n elif n < 0 then Neg (float n) else Zero
            let (|Small|_|) n = if n < 10 then Some n else None
            [<return: Struct>]
            let (|Big|_|) n = if n > 100 then ValueSome (n > 200) else ValueNone
            let (|DivisibleBy|_|) d n = if n % d = 0 then Some (n / d) else None
            let (|Multiple|_|) d n = if n % d = 0 then Some () else None
            let (|Celsius|) (f: float) = (f - 32.0) / 1.8
            """;

    private static FrontEnd.Result check(String decls) {
        return FrontEnd.check(FrontEnd.main(DEFS + decls, "printfn \"%d\" 0"));
    }

    private static String typeOf(FrontEnd.Result r, String name) {
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
        for (GlobalVal g : r.program().globals()) if (g.name.equals(name) && !g.prelude) return Type.show(Type.resolve(g.scheme.type()));
        throw new AssertionError("no global " + name);
    }

    @Test
    void theFunctionsHaveFSharpsTypes() {
        FrontEnd.Result r = check("");
        assertEquals("int -> Choice<unit,unit>", typeOf(r, "|Even|Odd|"));
        assertEquals("int -> Choice<int,float,unit>", typeOf(r, "|Pos|Neg|Zero|"));
        assertEquals("int -> int option", typeOf(r, "|Small|_|"));
        assertEquals("int -> bool voption", typeOf(r, "|Big|_|"));
        assertEquals("int -> int -> int option", typeOf(r, "|DivisibleBy|_|"));
        assertEquals("float -> float", typeOf(r, "|Celsius|"));
    }

    @Test
    void casesBindTheirValuesInMatchesParametersAndLets() {
        FrontEnd.Result r = check("""
                let a n = match n with | Pos p -> p | Neg _ -> -1 | Zero -> 0
                let b n = match n with | Neg x -> x | _ -> 0.0
                let c n = match n with | Big large -> large | _ -> false
                let d n = match n with | DivisibleBy 3 q -> q | Multiple 5 -> 5 | _ -> 0
                let e (Celsius c) = c
                let (Celsius boiling) = 212.0
                let f (p, q) = match p, q with | Even, Small s -> s | (Even | Odd), _ -> 0
                """);
        assertEquals("int -> int", typeOf(r, "a"));
        assertEquals("int -> float", typeOf(r, "b"));
        assertEquals("int -> bool", typeOf(r, "c"));
        assertEquals("int -> int", typeOf(r, "d"));
        assertEquals("float -> float", typeOf(r, "e"));
        assertEquals("float", typeOf(r, "boiling"));
        assertEquals("int * int -> int", typeOf(r, "f"));
    }

    @Test
    void aLocalActivePatternIsInScopeAfterItsDefinition() {
        FrontEnd.Result r = check("let g x =\n    let (|Twice|) v = 2 * v\n    match x with\n    | Twice t -> t + 1");
        assertEquals("int -> int", typeOf(r, "g"));
    }

    @Test
    void aCaseWithoutItsArgumentMatchesUnit() {
        assertEquals("11:26: this expression was expected to have type 'unit' but here has type 'int'",
                check("let a n = match n with | Small -> 1 | _ -> 0").firstError());
    }

    @Test
    void aMissingParameterIsATypeMismatchOfTheFunction() {
        assertEquals("11:26: this expression was expected to have type 'int -> 'a option' but here has type 'int -> int -> int option'",
                check("let a n = match n with | DivisibleBy q -> q | _ -> 0").firstError());
    }

    @Test
    void aCaseIsNotAValueOutsideItsDefinition() {
        assertEquals("11:9: the value or constructor 'Even' is not defined", check("let x = Even").firstError());
    }

    @Test
    void aMultiCasePatternTakesNoParameters() {
        FrontEnd.Result r = check("let a n = match n with | Even 2 x -> x | _ -> 0");
        assertEquals("11:26: only active patterns returning exactly one result may accept arguments", r.firstError());
        assertEquals(1, r.errors().size(), () -> r.errors().get(1).render());
    }

    @Test
    void atMostSevenCases() {
        FrontEnd.Result r = check("let (|A|B|C|D|E|F|G|H|) n = if n = 0 then A else B");
        assertEquals("11:6: active patterns cannot return more than 7 possibilities", r.firstError());
        assertEquals(1, r.errors().size(), () -> r.errors().get(1).render());
    }

    @Test
    void aPartialPatternReturnsAnOptionOrWithStructAVoption() {
        assertTrue(check("let (|Half|_|) n = n / 2").firstError().contains("''a option'"), () -> check("let (|Half|_|) n = n / 2").firstError());
        assertTrue(check("let (|Half|_|) n = ValueSome (n / 2)").firstError().contains("''a option'"));
    }
}
