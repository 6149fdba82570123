// Layout tests of the offside rule: each construct written in every layout Fantomas (F#'s standard
// formatter) emits, and the other common ones, must parse without a diagnostic to the same tree as
// its one-line form. With -Dfidembed.layout.dump=DIR the programs are written out for fsharp-check.
package org.fidembed.parse;

import org.fidembed.ast.Ast.*;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.SourceFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class LayoutTest {
    /** Definitions every layout may use; not compared. */
    static final String PRELUDE = """
            let f a b = a + b
            let g x = x * 2
            let xs = [| 1; 2; 3 |]
            type P = { X: int; Y: int }
            let p0 = { X = 1; Y = 2 }
            type Shape =
                | Circle of r: int
                | Rect of w: int * h: int
            """;

    /** A construct and its layouts; the first is the reference. */
    record Case(String name, List<String> layouts) { }

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(LayoutCases.types());
        all.addAll(LayoutCases.expressions());
        all.addAll(LayoutCases.control());
        all.addAll(LayoutCases.functions());
        return all;
    }

    private static List<Decl> parse(String module, String src, Diagnostics d) {
        FileAst f = Parser.parse(new SourceFile(module + ".fs", "module " + module + "\n\n" + PRELUDE + "\n" + src, false), d);
        int skip = (int) Parser.parse(new SourceFile("p.fs", "module P\n" + PRELUDE, false), new Diagnostics()).decls().size();
        return f.decls().subList(skip, f.decls().size());
    }

    @TestFactory
    Stream<DynamicTest> everyLayoutParsesToTheSameTree() throws IOException {
        String dump = System.getProperty("fidembed.layout.dump");
        if (dump != null) Files.createDirectories(Path.of(dump));
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            Diagnostics rd = new Diagnostics();
            String reference = AstShape.of(parse("L", c.layouts().get(0), rd));
            for (int i = 0; i < c.layouts().size(); i++) {
                String src = c.layouts().get(i);
                String module = "L_" + c.name().replaceAll("[^A-Za-z0-9]", "_") + "_" + i;
                if (dump != null) Files.writeString(Path.of(dump, module + ".fs"), "module " + module + "\n\n" + PRELUDE + "\n" + src);
                int n = i;
                tests.add(DynamicTest.dynamicTest(c.name() + " #" + i, () -> {
                    assertFalse(rd.hasErrors(), () -> "reference layout: " + rd.sorted().get(0).render());
                    Diagnostics d = new Diagnostics();
                    List<Decl> decls = parse("L", src, d);
                    assertTrue(d.all().isEmpty(), () -> "layout " + n + " of " + c.name() + ":\n" + src + "\n" + d.sorted().get(0).render());
                    assertEquals(reference, AstShape.of(decls), () -> "layout " + n + " of " + c.name() + " means something else:\n" + src);
                }));
            }
        }
        return tests.stream();
    }
}
