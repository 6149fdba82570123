// A project's own linker script replaces the generated one only if it defines every symbol the start-up
// code uses; otherwise the error lists the missing ones and says what to do.
package org.fidembed.linker;

import org.fidembed.board.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class UserScriptTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedScriptIsAcceptedAsAUserScript() throws IOException {
        String generated = LinkerScripts.generate(Profiles.load("mps2-an385"), Layout.of(512));
        Path p = dir.resolve("custom.ld");
        Files.writeString(p, generated);
        assertEquals(generated, LinkerScripts.readUserScript(p));
    }

    @Test
    void missingSymbolsAreListed() throws IOException {
        String generated = LinkerScripts.generate(Profiles.load("sifive-e"), Layout.of(512));
        String cut = generated.replace("  __ramfunc_start = __data_end;\n", "").replace("  __ram_end = __bss_end;\n", "");
        Path p = dir.resolve("cut.ld");
        Files.writeString(p, cut);
        LinkerScriptException e = assertThrows(LinkerScriptException.class, () -> LinkerScripts.readUserScript(p));
        assertTrue(e.getMessage().startsWith(p + ": the linker script does not define the symbols __ramfunc_start, __ram_end,"), e.getMessage());
        assertTrue(e.getMessage().contains("__ramfunc_start = __data_end;"), "says how to define them: " + e.getMessage());
        assertEquals(List.of("__ramfunc_start", "__ram_end"), LinkerScripts.missingSymbols(cut));
    }

    @Test
    void mentionsInCommentsStringsOrComparisonsDoNotCount() {
        String script = """
                /* _stack_top = 0x20001000; */
                ASSERT(_stack_bottom == 0, "_stack_bottom = nowhere")
                PROVIDE(__data_load = 0);
                __data_start=0; __data_end = 0;
                """;
        List<String> missing = LinkerScripts.missingSymbols(script);
        assertTrue(missing.contains("_stack_top"));
        assertTrue(missing.contains("_stack_bottom"));
        assertFalse(missing.contains("__data_load"), "PROVIDE(sym = ...) defines it");
        assertFalse(missing.contains("__data_start"));
        assertFalse(missing.contains("__data_end"));
        assertEquals(LinkerScripts.REQUIRED_SYMBOLS.size() - 3, missing.size());
    }

    @Test
    void unreadableScript() {
        Path p = dir.resolve("none.ld");
        LinkerScriptException e = assertThrows(LinkerScriptException.class, () -> LinkerScripts.readUserScript(p));
        assertEquals(p + ": no such linker script", e.getMessage());
    }
}
