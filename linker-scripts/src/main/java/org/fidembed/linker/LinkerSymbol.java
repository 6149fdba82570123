// The symbols a linker script defines for the image: the stack's bounds, the .data, .bss and
// .ramfunc ranges the start-up code copies and clears, and the ends of the used flash and RAM.
// One list for the script generator, the check of a project's own script and the start-up code.
package org.fidembed.linker;

import java.util.ArrayList;
import java.util.List;

public enum LinkerSymbol {
    STACK_BOTTOM("_stack_bottom", true),
    STACK_TOP("_stack_top", true),
    DATA_LOAD("__data_load", true),
    DATA_START("__data_start", true),
    DATA_END("__data_end", true),
    BSS_START("__bss_start", true),
    BSS_END("__bss_end", true),
    RAMFUNC_LOAD("__ramfunc_load", true),
    RAMFUNC_START("__ramfunc_start", true),
    RAMFUNC_END("__ramfunc_end", true),
    FLASH_END("__flash_end", false),
    RAM_END("__ram_end", false);

    private final String symbol;
    private final boolean startup;

    LinkerSymbol(String symbol, boolean startup) {
        this.symbol = symbol;
        this.startup = startup;
    }

    /** The symbol's name in the script and the ELF. */
    public String symbol() { return symbol; }

    /** Whether the start-up code reads it (the others are for the memory checks and reports). */
    public boolean readByStartup() { return startup; }

    /** Every symbol's name, in this order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (LinkerSymbol s : values()) out.add(s.symbol);
        return List.copyOf(out);
    }
}
