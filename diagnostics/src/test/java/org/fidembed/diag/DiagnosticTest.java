// The shared diagnostic: how it renders with and without the source text, in plain text and in colour,
// how it sorts, and the did-you-mean suggestions.
package org.fidembed.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
    @Test
    void rendersTheSourceLineAndACaretWhenTheTextIsKnown() {
        SourceFile f = new SourceFile("a.fs", "let x = 1\nlet y = oops\n", false);
        String r = Diagnostic.error(new Loc(f, 2, 9), "unknown name 'oops'", "declare it first").render();
        assertEquals("a.fs:2:9: error: unknown name 'oops'\n    let y = oops\n            ^\n    hint: declare it first\n", r);
    }

    @Test
    void aFileKnownByNameQuotesNoLine() {
        String r = Diagnostic.error(Loc.of("boards/x.toml", 4, 1), "key 'uart.base': expected an address").render();
        assertEquals("boards/x.toml:4:1: error: key 'uart.base': expected an address\n", r);
        assertEquals("fw.hex: error: no end-of-file record\n", Diagnostic.error(Loc.file("fw.hex"), "no end-of-file record").render());
        assertEquals("<builtin>", Loc.NONE.toString());
        assertEquals(Loc.of("m.fs", 1, 5), Loc.of("m.fs", 1, 5), "two handles on one place are equal");
    }

    @Test
    void colourOnlyWhenAsked() {
        Diagnostic d = Diagnostic.warning(Loc.of("m.fs", 1, 1), "unused");
        assertFalse(d.render(Style.PLAIN).contains("\033["));
        assertTrue(d.render(Style.ANSI).contains("\033[1;33mwarning\033[0m"), d.render(Style.ANSI));
        assertEquals(Style.PLAIN, Style.choose(false, false));
        assertEquals(Style.PLAIN, Style.choose(true, true));
    }

    @Test
    void sortsByPlaceAndKeepsTheOrderAtOnePlace() {
        List<Diagnostic> ds = new ArrayList<>(List.of(Diagnostic.error(Loc.of("b.fs", 1, 1), "b"),
                Diagnostic.error(Loc.of("a.fs", 3, 1), "second"), Diagnostic.warning(Loc.of("a.fs", 3, 1), "first?"),
                Diagnostic.error(Loc.of("a.fs", 2, 7), "a")));
        ds.sort(null);
        assertEquals(List.of("a", "second", "first?", "b"), ds.stream().map(Diagnostic::message).toList());
    }

    @Test
    void suggestsCloseNamesOnly() {
        assertEquals(" (did you mean 'sources'?)", Suggest.didYouMean("sourcse", List.of("name", "sources", "board")));
        assertEquals("", Suggest.didYouMean("zzzzzzzz", List.of("name", "sources", "board")));
    }
}
