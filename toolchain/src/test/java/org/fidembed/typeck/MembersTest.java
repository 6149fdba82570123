// Unit tests of members in the checker: instance and static members, properties with get and set,
// operators defined on a type, and F#'s messages for a member that is missing or looked up too early.
package org.fidembed.typeck;

import org.fidembed.FrontEnd;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Type;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MembersTest {
    private static final String V = """
            module M
            type V =
                { X: float
                  Y: float }
                static member (+)(a: V, b: V) = { X = a.X + b.X; Y = a.Y + b.Y }
                static member (*)(k: float, v: V) = { X = k * v.X; Y = k * v.Y }
                static member (~-)(v: V) = { X = -v.X; Y = -v.Y }
                static member Zero = { X = 0.0; Y = 0.0 }
                static member Create(x, y) = { X = x; Y = y }
                member v.Length = sqrt (v.X * v.X + v.Y * v.Y)
                member v.Dot(w: V) = v.X * w.X + v.Y * w.Y
            """;

    private static FrontEnd.Result check(String decls) {
        return FrontEnd.check(V + decls + "\n[<EntryPoint>]\nlet main _ = 0\n");
    }

    private static String typeOf(FrontEnd.Result r, String name) {
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
        for (GlobalVal g : r.program().globals()) if (g.name.equals(name) && !g.prelude) return Type.show(Type.resolve(g.scheme.type()));
        throw new AssertionError("no global " + name);
    }

    @Test
    void operatorsOnATypeServeItsValuesAndAScalarOnTheLeft() {
        FrontEnd.Result r = check("let a = V.Create(1.0, 2.0)\nlet b = a + V.Zero + 2.0 * a\nlet c = -b");
        assertEquals("V", typeOf(r, "b"));
        assertEquals("V", typeOf(r, "c"));
    }

    @Test
    void propertiesAndMethodsHaveTheirDeclaredTypes() {
        FrontEnd.Result r = check("let a = V.Create(3.0, 4.0)\nlet len = a.Length\nlet d = a.Dot a\nlet f (v: V) = v.Length");
        assertEquals("float", typeOf(r, "len"));
        assertEquals("float", typeOf(r, "d"));
        assertEquals("V -> float", typeOf(r, "f"));
    }

    @Test
    void aSettablePropertyTakesAnAssignment() {
        FrontEnd.Result r = FrontEnd.check("""
                module C
                type Counter =
                    { mutable Count: int }
                    member c.Value
                        with get () = c.Count
                        and set v = c.Count <- v
                let bump (c: Counter) = c.Value <- c.Value + 1
                [<EntryPoint>]
                let main _ = 0
                """);
        assertEquals("Counter -> unit", typeOf(r, "bump"));
    }

    @Test
    void aMissingMemberIsNamedWithItsType() {
        FrontEnd.Result r = check("let a = V.Zero\nlet w = a.Width");
        assertEquals("13:11: the type 'V' does not define the field, constructor or member 'Width'", r.firstError());
    }

    @Test
    void aMemberOfAValueOfUnknownTypeIsLookedUpTooEarly() {
        FrontEnd.Result r = check("let len v = v.Length + 1.0");
        assertEquals("12:13: lookup on object of indeterminate type based on information prior to this program point; add a type annotation", r.firstError());
    }
}
