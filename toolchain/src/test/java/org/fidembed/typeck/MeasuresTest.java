// Unit tests of units of measure in the checker: inference of derived and generic units, F#'s
// messages when units disagree, and erasure (a measured value has its number type's meaning).
package org.fidembed.typeck;

import org.fidembed.FrontEnd;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.Type;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MeasuresTest {
    private static final String UNITS = "module U\n[<Measure>] type m\n[<Measure>] type s\n[<Measure>] type Hz = 1/s\n";

    private static FrontEnd.Result check(String decls) {
        return FrontEnd.check(UNITS + decls + "\n[<EntryPoint>]\nlet main _ = 0\n");
    }

    private static String typeOf(FrontEnd.Result r, String name) {
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
        for (GlobalVal g : r.program().globals()) if (g.name.equals(name) && !g.prelude) return Type.show(Type.resolve(g.scheme.type()));
        throw new AssertionError("no global " + name);
    }

    @Test
    void productsAndQuotientsOfUnitsAreInferred() {
        FrontEnd.Result r = check("let area = 3.0<m> * 4.0<m>\nlet speed = 100.0<m> / 9.58<s>\nlet accel = 9.81<m/s^2>");
        assertEquals("float<m ^ 2>", typeOf(r, "area"));
        assertEquals("float<m/s>", typeOf(r, "speed"));
        assertEquals("float<m/s ^ 2>", typeOf(r, "accel"));
    }

    @Test
    void anOperandOfUnknownTypeTimesAUnitGetsItsUnitLater() {
        // the accumulator's type is known only from the fold's initial state, after the lambda; F# accepts
        // this (it resolves * late), and so must the checker (it unified the accumulator with int<m>)
        FrontEnd.Result r = check("let total = Array.fold (fun acc x -> acc * 3<m> / 1<m> + x) 1 [| 1; 2 |]\n"
                + "let area = Array.fold (fun acc x -> acc + x * 2.0<m>) 0.0<m ^ 2> [| 1.0<m> |]");
        assertEquals("int", typeOf(r, "total"));
        assertEquals("float<m ^ 2>", typeOf(r, "area"));
    }

    @Test
    void aUnitAbbreviationIsTheUnitItStandsFor() {
        // F# would keep the name Hz in the signature; fid-embed shows the unit it stands for
        FrontEnd.Result r = check("let period (f: float<Hz>) = 1.0 / f\nlet rate (x: float<1/s>) = x\nlet p = period (rate 50.0<Hz>)");
        assertEquals("float<1/s> -> float<s>", typeOf(r, "period"));
        assertEquals("float<s>", typeOf(r, "p"));
    }

    @Test
    void aFunctionOverAnyUnitIsGeneric() {
        FrontEnd.Result r = check("let per (d: float<'u>) (t: float<s>) = d / t\nlet a = per 1.0<m> 2.0<s>");
        assertEquals("float<'u> -> float<s> -> float<'u/s>", typeOf(r, "per"));
        assertEquals("float<m/s>", typeOf(r, "a"));
    }

    @Test
    void sqrtHalvesTheExponents() {
        FrontEnd.Result r = check("let side = sqrt 16.0<m^2>");
        assertEquals("float<m>", typeOf(r, "side"));
    }

    @Test
    void unitsThatDisagreeGiveFSharpsMessageAtTheOperand() {
        FrontEnd.Result r = check("let bad = 1.0<m> + 2.0<s>");
        assertEquals("5:20: the unit of measure 's' does not match the unit of measure 'm'", r.firstError());
    }

    @Test
    void aPlainNumberIsNotAMeasuredOne() {
        FrontEnd.Result r = check("let f (x: float<m>) = x\nlet y = f 3.0");
        assertEquals("6:11: this expression was expected to have type 'float<m>' but here has type 'float'", r.firstError());
    }

    @Test
    void aDimensionlessConstantScalesAMeasuredValue() {
        FrontEnd.Result r = check("let a = 2.0<m> * 3.0 + 1.0<m>\nlet n = 250<m> * 5");
        assertEquals("float<m>", typeOf(r, "a"));
        assertEquals("int<m>", typeOf(r, "n"));
    }
}
