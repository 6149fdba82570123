// The generated script's text for every shipped board: MEMORY from the profile, the entry symbol, the
// section order, the stack at the bottom of RAM, every required symbol defined, nothing discarded but
// the ARM unwind tables (as the README says).
package org.fidembed.linker;

import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class LinkerScriptsTest {
    static List<String> boards() { return Profiles.list(); }

    private static int indexOf(String text, String what) {
        int i = text.indexOf(what);
        assertTrue(i >= 0, "missing: " + what);
        return i;
    }

    @ParameterizedTest
    @MethodSource("boards")
    void memoryEntryOrderStackAndSymbols(String board) {
        Target t = Profiles.load(board);
        long stack = t.stackReserve(1000);
        for (boolean ramfunc : new boolean[]{false, true}) {
            String s = LinkerScripts.generate(t, new Layout(stack, ramfunc));
            String c = t.codeRegion().name();
            String r = t.dataRegion().name();

            // MEMORY: one line per region of the profile
            String memory = s.substring(indexOf(s, "MEMORY\n{"), indexOf(s, "}\n"));
            for (MemoryRegion m : t.regions()) {
                Matcher mm = Pattern.compile("(?m)^\\s*" + m.name() + " \\((\\w+)\\)\\s*: ORIGIN = 0x(\\w+), LENGTH = 0x(\\w+)").matcher(memory);
                assertTrue(mm.find(), "no MEMORY line for " + m.name() + " in\n" + memory);
                assertEquals(m.attrs(), mm.group(1));
                assertEquals(m.origin(), Long.parseLong(mm.group(2), 16));
                assertEquals(m.length(), Long.parseLong(mm.group(3), 16));
            }
            assertEquals(t.regions().size(), memory.lines().filter(l -> l.contains("ORIGIN =")).count());

            // entry and order in the code region
            assertTrue(s.contains("ENTRY(" + (t.isCortexM() ? "Reset_Handler" : "_start") + ")\n"));
            String first = t.isCortexM() ? ".vectors ORIGIN(" + c + ")" : ".text.start ORIGIN(" + c + ")";
            String keep = t.isCortexM() ? "KEEP(*(.vectors" : "KEEP(*(.text.start))";
            int pFirst = indexOf(s, first);
            assertTrue(indexOf(s, keep) > pFirst);
            int pText = indexOf(s, "  .text :");
            int pRodata = indexOf(s, "  .rodata :");
            int pStack = indexOf(s, "  .stack ORIGIN(" + r + ") (NOLOAD)");
            int pData = indexOf(s, "  .data :");
            int pBss = indexOf(s, "  .bss (NOLOAD)");
            assertTrue(pFirst < pText && pText < pRodata && pRodata < pStack && pStack < pData && pData < pBss, "section order");
            if (t.isCortexM()) {
                assertFalse(s.contains("  .ARM.extab :") || s.contains("  .ARM.exidx :"), "no output section for unwind tables");
                int pDiscard = indexOf(s, "  /DISCARD/ :");
                assertTrue(pRodata < pDiscard && pDiscard < pStack);
                assertTrue(s.contains("    *(.ARM.exidx .ARM.exidx.* .gnu.linkonce.armexidx.*)\n  }"));
                assertTrue(s.contains(".ARM.attributes 0 : { KEEP(*(.ARM.attributes)) }"));
            } else {
                assertFalse(s.contains(".ARM.exidx"));
                assertTrue(s.contains(".riscv.attributes 0 : { KEEP(*(.riscv.attributes)) }"));
            }
            if (ramfunc) {
                int pRamfunc = indexOf(s, "  .ramfunc :");
                assertTrue(pData < pRamfunc && pRamfunc < pBss);
                assertTrue(s.contains("} > " + r + " AT > " + c + "\n  __ramfunc_load = LOADADDR(.ramfunc);"));
            } else {
                assertFalse(s.contains("  .ramfunc :"));
                assertTrue(s.contains("__ramfunc_start = __data_end;"));
            }

            // stack: at ORIGIN of the data region, exactly the reserve, before .data/.bss
            assertTrue(s.contains("    _stack_bottom = .;\n    KEEP(*(.stack .stack.*))"), "the writable NOBITS input that gives .stack its flags: " + s);
            assertTrue(s.contains(String.format("    . += 0x%X;\n    _stack_top = .;", stack)), s);
            // .data runs in RAM from FLASH, .bss has LMA = VMA in RAM
            assertTrue(s.contains("__data_end = .;\n  } > " + r + " AT > " + c + "\n  __data_load = LOADADDR(.data);"));
            assertTrue(s.contains("__bss_end = .;\n  } > " + r + " AT > " + r + "\n"));

            assertEquals(List.of(), LinkerScripts.missingSymbols(s), "every required symbol is defined");
            if (t.isCortexM()) {
                assertTrue(s.contains("/DISCARD/ :\n  {\n    *(.ARM.extab "), "only the ARM unwind tables are discarded");
                assertEquals(1, s.split("/DISCARD/", -1).length - 1);
            } else {
                assertFalse(s.contains("/DISCARD/"), "nothing is discarded");
            }
            assertTrue(s.contains(".debug_info 0 : { *(.debug_info) }"));
            for (String line : s.lines().filter(l -> l.startsWith("ASSERT(")).toList())
                assertTrue(line.contains(", \"fid-embed: "), line);
            assertTrue(s.contains(String.format("fid-embed: the stack does not start at the bottom of %s (0x%08X)", r, t.dataRegion().origin())));
            if (t.isCortexM())
                assertTrue(s.contains("ASSERT(SIZEOF(.vectors) >= 16 && SIZEOF(.vectors) <= " + 4 * t.vectorNames().size() + " && SIZEOF(.vectors) % 4 == 0,"), s);
        }
    }

    @Test
    void aStackLargerThanRamGetsItsOwnAssertionWithTheExcess() {
        Target t = Profiles.load("microbit");
        long ram = t.dataRegion().length();
        String fits = LinkerScripts.generate(t, Layout.of(1024));
        assertFalse(fits.contains("the stack reserve alone"));
        String big = LinkerScripts.generate(t, Layout.of(ram + 64));
        assertTrue(big.contains("the stack reserve alone (" + (ram + 64) + " bytes) exceeds RAM (" + ram + " bytes) by 64 bytes"), big);
    }

    @Test
    void stackMustBeAlignedAndPositive() {
        Target virt = Profiles.load("riscv32-virt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkerScripts.generate(virt, Layout.of(1000)));
        assertTrue(e.getMessage().contains("stack alignment 16"), e.getMessage());
        assertDoesNotThrow(() -> LinkerScripts.generate(virt, Layout.of(virt.stackReserve(1000))));
        assertThrows(IllegalArgumentException.class, () -> Layout.of(0));
        assertThrows(IllegalArgumentException.class, () -> Layout.of(-8));
    }

    @Test
    void theScriptNamesItsSource() {
        Target t = Profiles.load("netduinoplus2");
        String s = LinkerScripts.generate(t, Layout.of(2048));
        assertTrue(s.startsWith("/* fid-embed linker script for board 'netduinoplus2'"));
        for (String layer : t.source().layers()) assertTrue(s.contains(layer), layer);
        assertEquals(s, LinkerScripts.generate(t, Layout.of(2048)), "generation is deterministic");
    }

    @Test
    void entrySymbols() {
        assertEquals("Reset_Handler", LinkerScripts.entrySymbol(Profiles.load("lm3s6965evb")));
        assertEquals("_start", LinkerScripts.entrySymbol(Profiles.load("sifive-e")));
    }

    /** The README and the code agree on the ARM unwind tables: the script discards them and the README says so. */
    @Test
    void theReadmeSaysWhatTheScriptDoesWithArmUnwindTables() throws Exception {
        String s = LinkerScripts.generate(org.fidembed.board.Profiles.load("lm3s6965evb"), Layout.of(256));
        assertTrue(s.contains("/DISCARD/") && s.contains("*(.ARM.exidx .ARM.exidx.*"), s);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertTrue(readme.contains("(`.ARM.extab`, `.ARM.exidx`) are\n  discarded"), "README.md must say the unwind tables are discarded");
        assertFalse(readme.contains("`.rodata` (+ `.srodata`), `.ARM.extab`"), "README.md must not list them in the code region");
    }
}
