// Unit tests of the parser: the offside rule in its common shapes (else aligned with if, match rules
// aligned with match, lambda bodies undented inside parentheses, multi-line literals), precedence,
// and the syntax errors the language spec names.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ParserTest {
    private static FileAst parse(String s, Diagnostics d) {
        return Parser.parse(new SourceFile("t.fs", s, false), d);
    }

    private static Expr body(String s) {
        Diagnostics d = new Diagnostics();
        FileAst f = parse("module M\nlet f x =\n" + s, d);
        assertFalse(d.hasErrors(), () -> d.sorted().get(0).render());
        return ((LetDecl) f.decls().get(0)).bindings().get(0).body();
    }

    @Test
    void elseAlignedWithIfBelongsToIt() {
        Expr e = body("    if x then\n        1\n    else\n        2\n");
        If i = assertInstanceOf(If.class, e);
        assertNotNull(i.otherwise());
    }

    @Test
    void statementsInOneColumnFormASequenceAndLetScopesOverTheRest() {
        Expr e = body("    let a = 1\n    g a\n    a\n");
        LetIn l = assertInstanceOf(LetIn.class, e);
        Seq s = assertInstanceOf(Seq.class, l.body());
        assertInstanceOf(App.class, s.first());
    }

    @Test
    void elementsOfATupledParameterMayEachCarryAType() {
        Diagnostics d = new Diagnostics();
        FileAst f = parse("module M\nlet add (a: int, b: int) = a + b\n", d);
        assertFalse(d.hasErrors(), () -> d.sorted().get(0).render());
        Pat p = ((LetDecl) f.decls().get(0)).bindings().get(0).params().get(0);
        PTuple t = assertInstanceOf(PTuple.class, p);
        assertEquals(2, t.elems().size());
        for (Pat e : t.elems()) assertInstanceOf(PTyped.class, e);
    }

    @Test
    void matchRulesAlignedWithMatch() {
        Expr e = body("    match x with\n    | 0 -> 1\n    | _ ->\n        2\n");
        Match m = assertInstanceOf(Match.class, e);
        assertEquals(2, m.rules().size());
    }

    @Test
    void lambdaBodyMayBeUndentedInsideParentheses() {
        Expr e = body("    Array.init 4 (fun n ->\n        let c = n\n        c)\n");
        App a = assertInstanceOf(App.class, e);
        Paren p = assertInstanceOf(Paren.class, a.arg());
        Lambda l = assertInstanceOf(Lambda.class, p.inner());
        assertInstanceOf(LetIn.class, l.body());
    }

    @Test
    void bitwiseOperatorsShareTheComparisonLevelAndAssociateLeft() {
        // F#: x &&& 1u <> 0u is (x &&& 1u) <> 0u
        Infix i = assertInstanceOf(Infix.class, body("    x &&& 1u <> 0u\n"));
        assertEquals("<>", i.op());
        assertEquals("&&&", ((Infix) i.left()).op());
    }

    @Test
    void minusAfterASpaceBeforeANumberIsAnArgument() {
        App a = assertInstanceOf(App.class, body("    sign -3\n"));
        Const c = assertInstanceOf(Const.class, a.arg());
        assertTrue(((IntLit) c.lit()).negative());
        Infix sub = assertInstanceOf(Infix.class, body("    a - 3\n"));
        assertEquals("-", sub.op());
    }

    @Test
    void pipelineOnTheNextLineContinuesTheExpression() {
        Infix i = assertInstanceOf(Infix.class, body("    data\n    |> Array.map g\n"));
        assertEquals("|>", i.op());
    }

    @Test
    void arrayElementsOnSeveralLines() {
        ArrayLit a = assertInstanceOf(ArrayLit.class, body("    [| 1; 2\n       3; 4 |]\n"));
        assertEquals(4, a.elems().size());
    }

    @Test
    void unionsRecordsAndNestedModules() {
        Diagnostics d = new Diagnostics();
        FileAst f = parse("module M\ntype S =\n    | Circle of radius: int\n    | Rect of int * int\n    | Dot\n"
                + "type P = { X: int; mutable Y: int }\nmodule N =\n    let z = 1\n", d);
        assertFalse(d.hasErrors());
        UnionDef u = (UnionDef) ((TypeDecl) f.decls().get(0)).defs().get(0);
        assertEquals(List.of("Circle", "Rect", "Dot"), u.cases().stream().map(CaseDef::name).toList());
        assertEquals("radius", u.cases().get(0).fields().get(0).name());
        RecordDef r = (RecordDef) ((TypeDecl) f.decls().get(1)).defs().get(0);
        assertTrue(r.fields().get(1).mutable());
        assertInstanceOf(ModuleDecl.class, f.decls().get(2));
    }

    @Test
    void unfinishedLetIsReportedAtTheLet() {
        Diagnostics d = new Diagnostics();
        parse("module M\nlet f a b =\n    let s = a + b\n\nlet g = 1\n", d);
        assertEquals("the block following this 'let' is unfinished", d.sorted().get(0).message());
        assertEquals(3, d.sorted().get(0).loc().line());
        assertEquals(5, d.sorted().get(0).loc().col());
    }

    @Test
    void severalErrorsAreReportedInOneRun() {
        Diagnostics d = new Diagnostics();
        parse("module M\nlet a = )\nlet b = 1\nlet c = (\nlet d = 2\n", d);
        assertTrue(d.errorCount() >= 2, "recovers after the first error");
    }

    @Test
    void classesAreRejectedAtTheirName() {
        Diagnostics d = new Diagnostics();
        parse("module M\ntype Counter() =\n    member this.X = 1\n", d);
        assertEquals(2, d.sorted().get(0).loc().line());
        assertEquals(6, d.sorted().get(0).loc().col());
        assertTrue(d.sorted().get(0).message().startsWith("classes, interfaces and object expressions are heap objects"));
    }
}
