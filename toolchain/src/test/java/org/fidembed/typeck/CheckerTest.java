// Unit tests of type inference and the checker's messages: F#'s inference rules (generalisation,
// operator defaulting, inline traits, record labels) and errors at the right place with F#'s wording.
package org.fidembed.typeck;

import org.fidembed.FrontEnd;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Type;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CheckerTest {
    private static String typeOf(FrontEnd.Result r, String name) {
        for (GlobalVal g : r.program().globals()) if (g.name.equals(name) && !g.prelude) return Type.show(Type.resolve(g.scheme.type()));
        throw new AssertionError("no global " + name);
    }

    private static FrontEnd.Result ok(String decls, String body) {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main(decls, body));
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
        return r;
    }

    @Test
    void operatorsDefaultToIntInOrdinaryFunctions() {
        FrontEnd.Result r = ok("let add a b = a + b\nlet half (x: float) = x / 2.0", "printfn \"%d\" (add 1 2)");
        assertEquals("int -> int -> int", typeOf(r, "add"));
        assertEquals("float -> float", typeOf(r, "half"));
    }

    @Test
    void inlineFunctionsKeepTheirTraitAndServeEveryNumericType() {
        FrontEnd.Result r = ok("let inline square x = x * x", "printfn \"%d %f\" (square 3) (square 1.5)");
        assertTrue(typeOf(r, "square").matches("'a -> 'a"), typeOf(r, "square"));
    }

    @Test
    void letGeneralisesFunctionsButNotValues() {
        FrontEnd.Result r = ok("let swap (a, b) = (b, a)\nlet twice f x = f (f x)", "let (c, n) = swap (1, 'a')\nprintfn \"%c %d\" c n");
        assertEquals("'a * 'b -> 'b * 'a", typeOf(r, "swap"));
        assertEquals("('a -> 'a) -> 'a -> 'a", typeOf(r, "twice"));
    }

    @Test
    void recordLabelsPickTheLatestTypeThatHasThem() {
        FrontEnd.Result r = ok("type A = { X: int }\ntype B = { X: int; Y: int }\nlet f p = p.X + p.Y", "printfn \"%d\" (f { X = 1; Y = 2 })");
        assertEquals("B -> int", typeOf(r, "f"));
    }

    @Test
    void literalsHaveFixedTypesAndNoImplicitConversion() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let half (x: float) = x / 2.0", "printfn \"%f\" (half 1)"));
        assertEquals("7:24: this expression was expected to have type 'float' but here has type 'int'", r.firstError());
    }

    @Test
    void literalOutOfRangeIsAnError() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("", "printfn \"%d\" 300uy"));
        assertEquals("7:18: literal 300 is out of range for byte", r.firstError());
        assertTrue(FrontEnd.check(FrontEnd.main("", "printfn \"%d %d\" 0xFFuy 0x80y")).errors().isEmpty(), "hex gives the bit pattern");
    }

    @Test
    void unknownNameIsReportedAtItsFirstPart() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("", "printfn \"%d\" (Foo.bar + 1)"));
        assertEquals("7:19: the value or constructor 'Foo' is not defined", r.firstError());
    }

    @Test
    void rejectedLibrariesGiveTheSpecMessage() {
        assertTrue(FrontEnd.check(FrontEnd.main("", "let xs = List.map id [||]\nignore xs")).firstError().contains("lists allocate on a heap"));
        assertTrue(FrontEnd.check(FrontEnd.main("", "let s = sprintf \"%d\" 1\nignore s")).firstError().contains("building strings needs a heap"));
        assertTrue(FrontEnd.check(FrontEnd.main("", "let r = ref 0\nignore r")).firstError().contains("reference cells and lazy values are heap objects"));
        assertEquals("7:13: 'Array.filter' is not available in fid-embed: the length of its result depends on the elements; fill an array of fixed size"
                + " and keep a count (a for loop, or Array.fold)", FrontEnd.check(FrontEnd.main("", "let a = Array.filter (fun x -> x > 0) [| 1 |]\nignore a")).firstError());
        assertEquals("7:13: 'Array.foo' is not available in fid-embed", FrontEnd.check(FrontEnd.main("", "let a = Array.foo [| 1 |]\nignore a")).firstError());
    }

    @Test
    void formatErrorsPointAtThePercentSign() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("", "printfn \"x=%-05d\" 1"));
        assertEquals("7:16: flags '-' and '0' cannot be combined", r.firstError());
        assertEquals("7:16: %A formats by reflection; use a specific format such as %d", FrontEnd.check(FrontEnd.main("", "printfn \"x=%A\" 1")).firstError());
    }

    @Test
    void assigningAnImmutableValueIsAnError() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("", "let x = 1\nx <- 2"));
        assertTrue(r.firstError().startsWith("8:5: this value is not mutable"));
    }

    @Test
    void incompleteMatchesAreNotErrors() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("type C = A | B | D\nlet f c = match c with A -> 1 | B -> 2", "printfn \"%d\" (f A)"));
        assertTrue(r.errors().isEmpty());
    }

    @Test
    void stringConcatenationOfConstantsIsAllowed() {
        FrontEnd.Result r = ok("[<Literal>]\nlet Name = \"fid\" + \"-\" + \"embed\"", "printfn \"%s\" Name");
        assertEquals("string", typeOf(r, "Name"));
        assertTrue(FrontEnd.check(FrontEnd.main("let greet (n: string) = \"hi \" + n", "printfn \"%s\" (greet \"x\")"))
                .firstError().endsWith("building strings needs a heap; print the parts with printf"));
    }

    @Test
    void interruptNamesAreCheckedAgainstTheBoard() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("open Fid.Hardware\n[<Interrupt(\"Tick\")>]\nlet onTick () = ()", ""));
        assertEquals("4:3: board 'testboard' has no interrupt vector 'Tick'", r.firstError());
    }

    @Test
    void recursiveUnionsAreRejected() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("type Tree =\n    | Leaf\n    | Node of Tree * Tree", ""));
        assertEquals("5:7: recursive union types need a heap; use an array of nodes indexed by int", r.firstError());
    }

    @Test
    void testAttributeMarksUnitFunctionsAndRejectsOtherShapes() {
        FrontEnd.Result r = ok("open Fid.Testing\n\n[<Test>]\nlet pushThenPop () = assert (1 + 1 = 2)", "pushThenPop ()");
        assertTrue(r.warnings().stream().noneMatch(w -> w.message().contains("Test")), "[<Test>] is known, not an ignored attribute");
        assertTrue(r.program().globals().stream().anyMatch(g -> g.name.equals("pushThenPop") && g.test));
        assertEquals("4:5: a [<Test>] function must have type 'unit -> unit' but here has type 'int -> int'",
                FrontEnd.check(FrontEnd.main("[<Fid.Testing.Test>]\nlet twice (x: int) = 2 * x", "")).firstError());
        assertEquals("4:13: a [<Test>] cannot be private: the test runner calls it from another module",
                FrontEnd.check(FrontEnd.main("[<Test>]\nlet private hidden () = ()", "hidden ()")).firstError());
    }

    @Test
    void aNameBoundTwiceInTheParametersOfALambdaOrAFunctionIsAnError() {
        // (fun (a, b) (a, c) -> ...) compiled and returned a wrong value; F# rejects it
        for (String decl : new String[] {"let pick = fun (a, b) (a, c) -> a + b + c", "let pick (a, b) (a, c) = a + b + c", "let pick a a = a"}) {
            FrontEnd.Result r = FrontEnd.check(FrontEnd.main(decl, "printfn \"%d\" 0"));
            assertEquals(1, r.errors().size(), decl + ": " + r.errors());
            assertTrue(r.firstError().contains("the name 'a' is bound twice in these parameters"), r.firstError());
        }
    }

    @Test
    void aDeclarationThatDoesNotParseStillDefinesItsNameAndCausesNoFurtherErrors() {
        // one error per root cause: no "not defined", value restriction or indeterminate-type errors after it
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let f x =\n    let y = (x +\n        1\n    y\n\nlet g = f 1 2\nlet h = g.Length + 1", "printfn \"%d\" (h + f 3)"));
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        assertTrue(r.firstError().contains("'(' is not closed"), r.firstError());
    }

    @Test
    void anAsPatternThatBindsANameAgainIsReportedOnce() {
        FrontEnd.Result r = FrontEnd.check(FrontEnd.main("let f p =\n    match p with\n    | (a, _) as a -> a", "printfn \"%d\" 0"));
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        assertTrue(r.firstError().contains("the name 'a' is bound twice in this pattern"), r.firstError());
    }
}
