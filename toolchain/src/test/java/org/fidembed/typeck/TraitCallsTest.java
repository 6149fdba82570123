// Unit tests of statically resolved type parameters in the checker: the types of inline functions
// with member constraints and GenericZero, the constraints they record, and F#'s message at a use
// whose type lacks the member (directly, or through another inline function).
package org.fidembed.typeck;

import org.fidembed.FrontEnd;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Symbols.MemberRequirement;
import org.fidembed.types.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TraitCallsTest {
    private static final String DEFS = """
            type Vec =
                { X: int }
                static member Zero = { X = 0 }
                static member (+)(a: Vec, b: Vec) = { X = a.X + b.X }
                member v.Length = abs v.X
            let inline lengthOf (x: ^a) = (^a: (member Length: int) x)
            let inline longer (a: ^a) (b: ^a) = if lengthOf a >= lengthOf b then a else b
            let inline sumOf (xs: ^T[]) =
                let mutable acc = LanguagePrimitives.GenericZero< ^T>
                for x in xs do
                    acc <- acc + x
                acc
            """;

    private static FrontEnd.Result check(String decls) {
        return FrontEnd.check(FrontEnd.main(DEFS + decls, "printfn \"%d\" 0"));
    }

    private static GlobalVal global(FrontEnd.Result r, String name) {
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
        for (GlobalVal g : r.program().globals()) if (g.name.equals(name) && !g.prelude) return g;
        throw new AssertionError("no global " + name);
    }

    private static String typeOf(FrontEnd.Result r, String name) { return Type.show(Type.resolve(global(r, name).scheme.type())); }

    @Test
    void inlineFunctionsKeepTheirStaticallyResolvedParameters() {
        FrontEnd.Result r = check("let n = lengthOf \"abc\" + lengthOf [| 1 |] + lengthOf { X = -2 }\nlet v = sumOf [| { X = 1 } |]\nlet f = sumOf [| 0.5 |]");
        assertEquals("'a -> int", typeOf(r, "lengthOf"));
        assertEquals("'T[] -> 'T", typeOf(r, "sumOf"));
        assertEquals("Vec", typeOf(r, "v"));
        assertEquals("float", typeOf(r, "f"));
    }

    @Test
    void theConstraintsAreRecordedAndPassOnThroughCalls() {
        FrontEnd.Result r = check("");
        assertEquals(List.of(new MemberRequirement(0, "Length", false, true)), global(r, "lengthOf").memberRequirements);
        assertEquals(List.of(new MemberRequirement(0, "Length", false, true), new MemberRequirement(0, "Length", false, true)),
                global(r, "longer").memberRequirements);
        assertEquals(List.of(new MemberRequirement(0, "Zero", true, true)), global(r, "sumOf").memberRequirements);
    }

    @Test
    void aTypeWithoutTheMemberIsReportedAtTheUse() {
        assertEquals("15:9: the type 'int' does not support the operator 'get_Length'", check("let n = lengthOf 3").firstError());
        assertEquals("15:9: the type 'bool' does not support the operator 'get_Length'", check("let b = longer true false").firstError());
        assertEquals("15:9: the type 'string' does not support the operator 'get_Zero'", check("let s = sumOf [| \"a\" |]").firstError());
    }

    @Test
    void aLocalInlineFunctionChecksItsConstraintsAtItsUsesToo() {
        FrontEnd.Result r = check("let f () =\n    let inline len (x: ^b) = (^b: (member Length: int) x)\n    len \"ab\" + len 3");
        assertEquals("17:16: the type 'int' does not support the operator 'get_Length'", r.firstError());
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
    }

    @Test
    void genericZeroAtAConcreteType() {
        FrontEnd.Result r = check("let z : float32 = LanguagePrimitives.GenericZero\nlet o = LanguagePrimitives.GenericOne<int64>");
        assertEquals("float32", typeOf(r, "z"));
        assertEquals("int64", typeOf(r, "o"));
        assertEquals("15:16: the type 'bool' does not support the operator 'get_One'", check("let b : bool = LanguagePrimitives.GenericOne").firstError());
    }

    @Test
    void constraintsOnSeveralTypesAreNotSupportedYet() {
        assertEquals("15:34: member constraints on several types, (^T or ^U : ...), are not supported yet",
                check("let inline add (x: ^T) (y: ^U) = ((^T or ^U): (static member Add: ^T * ^U -> ^T) (x, y))").firstError());
    }
}
