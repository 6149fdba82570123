// Generates the lld linker script of an image from its composed board profile (Target) and Layout:
// MEMORY from the profile's regions, the vector table or reset stub first, the stack at the bottom of RAM,
// the symbols the start-up code uses, and ASSERTs that say what overflowed and what to do about it.
package org.fidembed.linker;

import org.fidembed.board.Arch;
import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public final class LinkerScripts {
    private LinkerScripts() { }

    /** The symbols the start-up code reads; every script, generated or the user's, must define them all. */
    public static final List<String> REQUIRED_SYMBOLS = LinkerSymbol.names();

    /**
     * Assembly for the one input section of {@code .stack}: empty, but allocated, writable and NOBITS, so that
     * lld gives the output section those flags and a writable segment (without an input section it copies
     * the flags of the section before it, read-only, and size tools count the stack as text).
     */
    public static final String STACK_SECTION_ASM = ".section .stack,\"aw\",%nobits\n";

    /** Output sections a program may name in [<Section("...")>]. */
    public static final List<String> PLACEABLE_SECTIONS = List.of(".text", ".rodata", ".data", ".bss", ".ramfunc");

    /** DWARF sections, kept (not loaded) for debuggers; listed so that nothing the debugger needs is an orphan. */
    private static final List<String> DEBUG_SECTIONS = List.of(
            ".debug_abbrev", ".debug_addr", ".debug_aranges", ".debug_frame", ".debug_info", ".debug_line",
            ".debug_line_str", ".debug_loc", ".debug_loclists", ".debug_macinfo", ".debug_macro", ".debug_names",
            ".debug_pubnames", ".debug_pubtypes", ".debug_ranges", ".debug_rnglists", ".debug_str",
            ".debug_str_offsets", ".debug_types");

    /** The shortest vector table: initial SP, Reset, NMI and HardFault (the other system slots only when used). */
    private static final long SYSTEM_VECTOR_BYTES = 4 * 4;

    /** The entry symbol: {@code Reset_Handler} on Cortex-M, {@code _start} on RISC-V. */
    public static String entrySymbol(Target target) {
        return switch (target.arch()) {
            case CORTEX_M -> "Reset_Handler";
            case RISCV32 -> "_start";
        };
    }

    /** The linker script text for one image. */
    public static String generate(Target target, Layout layout) {
        if (layout.stackBytes() % target.stackAlign() != 0)
            throw new IllegalArgumentException("the stack reserve " + layout.stackBytes() + " is not a multiple of the stack alignment "
                    + target.stackAlign() + " of " + target.name() + " (use Target.stackReserve)");
        return new Script(target, layout).text();
    }

    /** One script being written: the target, its layout and the names every part of the script uses. */
    private static final class Script {
        private final Target target;
        private final Layout layout;
        private final StringBuilder s = new StringBuilder();
        private final MemoryRegion code;
        private final MemoryRegion ram;
        private final String c;
        private final String r;
        private final boolean arm;
        private final long stack;

        Script(Target target, Layout layout) {
            this.target = target;
            this.layout = layout;
            this.code = target.codeRegion();
            this.ram = target.dataRegion();
            this.c = code.name();
            this.r = ram.name();
            this.arm = target.arch() == Arch.CORTEX_M;
            this.stack = layout.stackBytes();
        }

        String text() {
            header();
            memory();
            s.append("ENTRY(").append(entrySymbol(target)).append(")\n");
            if (!arm) s.append("/* __global_pointer$ is deliberately not defined: the start-up code does not set gp, so no gp-relative relaxation may happen. */\n");
            codeSections();
            ramSections();
            assertions();
            return s.toString();
        }

        /** The comment that opens the script: the board, its layers and what goes where. */
        private void header() {
            s.append("/* fid-embed linker script for board '").append(target.name()).append("': ").append(comment(target.description())).append('\n');
            s.append(" * Generated from ").append(comment(String.join(" + ", target.source().layers()))).append(".\n");
            s.append(" * ").append(c).append(": ").append(arm ? ".vectors" : ".text.start (the reset stub)")
                    .append(", .text, .rodata")
                    .append(", then the load images of .data").append(layout.ramfunc() ? " and .ramfunc" : "").append(".\n");
            s.append(" * ").append(r).append(": the stack (").append(stack).append(" bytes) at the bottom, then .data")
                    .append(layout.ramfunc() ? ", .ramfunc" : "").append(", .bss. The stack grows down towards ORIGIN(")
                    .append(r).append("),\n * so an overflow runs off the bottom of ").append(r)
                    .append(" instead of into static data. No heap." + (arm ? " Only the ARM unwind tables are discarded." : " Nothing is discarded.") + " */\n\n");
        }

        /** The MEMORY block: one line per region of the target. */
        private void memory() {
            s.append("MEMORY\n{\n");
            int width = target.regions().stream().mapToInt(m -> m.name().length() + m.attrs().length() + 3).max().orElse(0);
            for (MemoryRegion m : target.regions()) {
                String head = m.name() + " (" + m.attrs() + ")";
                s.append("  ").append(head).append(" ".repeat(width - head.length())).append(String.format(" : ORIGIN = 0x%08X, LENGTH = 0x%08X", m.origin(), m.length()))
                        .append("   /* ").append(size(m.length())).append(' ').append(m.kind().id()).append(" */\n");
            }
            s.append("}\n\n");
        }

        /** The sections in the code region: the vector table or reset stub, .text, .rodata, the discarded unwind tables. */
        private void codeSections() {
            s.append("\nSECTIONS\n{\n");

            switch (target.arch()) {
                case CORTEX_M -> {
                    s.append("  /* The vector table first: at reset the core reads the initial SP (word 0) and the reset vector (word 1) here. */\n");
                    s.append("  .vectors ORIGIN(").append(c).append(") :\n  {\n    KEEP(*(.vectors .vectors.*))\n  } > ").append(c).append("\n\n");
                }
                case RISCV32 -> {
                    s.append("  /* The reset stub first: the hart starts executing at ORIGIN(").append(c).append(")")
                            .append(target.bootAlias().isPresent() ? String.format(" (fetched through the alias at 0x%08X)", target.bootAlias().getAsLong()) : ", whatever the ELF entry")
                            .append(". */\n");
                    s.append("  .text.start ORIGIN(").append(c).append(") :\n  {\n    KEEP(*(.text.start))\n  } > ").append(c).append("\n\n");
                }
            }
            s.append("  .text :\n  {\n    *(.text .text.*)\n  } > ").append(c).append("\n\n");
            s.append("  .rodata : ALIGN(4)\n  {\n    *(.rodata .rodata.*").append(arm ? "" : " .srodata .srodata.*").append(")\n    . = ALIGN(4);\n  } > ").append(c).append("\n\n");
            if (arm) {
                // LLVM gives every function an EHABI index entry (8 bytes, .cantunwind for nounwind code), but
                // nothing unwinds: a panic stops the program (docs/language.md §12) and there are no exceptions.
                s.append("  /* ARM unwind tables: nothing unwinds (a panic stops the program), so they are not kept. */\n");
                s.append("  /DISCARD/ :\n  {\n    *(.ARM.extab .ARM.extab.* .gnu.linkonce.armextab.*)\n")
                        .append("    *(.ARM.exidx .ARM.exidx.* .gnu.linkonce.armexidx.*)\n  }\n\n");
            }

        }

        /** The stack, .data, .ramfunc and .bss in RAM, then the sections kept only for tools. */
        private void ramSections() {
            s.append("  /* The stack at the bottom of ").append(r).append(": [_stack_bottom, _stack_top); sp starts at _stack_top. */\n");
            s.append("  .stack ORIGIN(").append(r).append(") (NOLOAD) :\n  {\n    _stack_bottom = .;\n")
                    .append("    KEEP(*(.stack .stack.*))   /* an empty \"aw\",%nobits input (STACK_SECTION_ASM) makes it writable RAM */\n")
                    .append(String.format("    . += 0x%X;\n", stack)).append("    _stack_top = .;\n  } > ").append(r).append(" AT > ").append(r).append("\n\n");

            s.append("  /* Initialised data: runs in ").append(r).append(", stored in ").append(c).append(" at __data_load, copied by the reset handler. */\n");
            s.append("  .data : ALIGN(4)\n  {\n    __data_start = .;\n    *(.data .data.*").append(arm ? "" : " .sdata .sdata.*").append(")\n");
            if (!layout.ramfunc()) s.append("    *(.ramfunc .ramfunc.*)   /* none expected; if any, copied with .data */\n");
            s.append("    . = ALIGN(4);\n    __data_end = .;\n  } > ").append(r).append(" AT > ").append(c).append("\n");
            s.append("  __data_load = LOADADDR(.data);\n\n");
            if (layout.ramfunc()) {
                s.append("  /* Functions that run from ").append(r).append(": stored in ").append(c).append(" at __ramfunc_load, copied like .data. */\n");
                s.append("  .ramfunc : ALIGN(4)\n  {\n    __ramfunc_start = .;\n    *(.ramfunc .ramfunc.*)\n    . = ALIGN(4);\n    __ramfunc_end = .;\n  } > ")
                        .append(r).append(" AT > ").append(c).append("\n");
                s.append("  __ramfunc_load = LOADADDR(.ramfunc);\n");
                s.append("  __flash_end = LOADADDR(.ramfunc) + SIZEOF(.ramfunc);\n\n");
            } else {
                s.append("  /* No .ramfunc section in this image: an empty range. */\n");
                s.append("  __ramfunc_start = __data_end;\n  __ramfunc_end = __data_end;\n  __ramfunc_load = LOADADDR(.data) + SIZEOF(.data);\n");
                s.append("  __flash_end = LOADADDR(.data) + SIZEOF(.data);\n\n");
            }

            s.append("  /* Zero-initialised data: NOLOAD, with its load address in ").append(r)
                    .append(" too (AT > ").append(r).append("), so that no loader tries to zero-fill it in ").append(c).append(". */\n");
            s.append("  .bss (NOLOAD) : ALIGN(4)\n  {\n    __bss_start = .;\n    *(.bss .bss.*").append(arm ? "" : " .sbss .sbss.*")
                    .append(" COMMON)\n    . = ALIGN(4);\n    __bss_end = .;\n  } > ").append(r).append(" AT > ").append(r).append("\n");
            s.append("  __ram_end = __bss_end;\n\n");

            s.append("  /* Not loaded; kept for debuggers and tools. */\n");
            s.append(arm ? "  .ARM.attributes 0 : { KEEP(*(.ARM.attributes)) }\n" : "  .riscv.attributes 0 : { KEEP(*(.riscv.attributes)) }\n");
            s.append("  .comment 0 : { *(.comment) }\n");
            for (String d : DEBUG_SECTIONS) s.append("  ").append(d).append(" 0 : { *(").append(d).append(") }\n");
            s.append("  .symtab 0 : { *(.symtab) }\n  .strtab 0 : { *(.strtab) }\n  .shstrtab 0 : { *(.shstrtab) }\n");
            s.append("}\n\n");
        }

        /** The ASSERTs that make the link fail with a readable message when the image does not fit or is malformed. */
        private void assertions() {
            String codeAt = hex(code.origin());
            String ramAt = hex(ram.origin());
            switch (target.arch()) {
                case CORTEX_M -> {
                    long vectorBytes = 4L * target.vectorNames().size();
                    assertion(s, "SIZEOF(.vectors) > 0", "no vector table: no input section .vectors was linked; the start-up code that defines it must be part of the image");
                    assertion(s, "ADDR(.vectors) == ORIGIN(" + c + ")", "the vector table is not at the start of " + c + " (" + codeAt
                            + "), where the core reads the initial stack pointer and the reset vector; place nothing before .vectors");
                    // the table ends after the last vector the program handles, but holds at least the slots up to HardFault
                    assertion(s, "SIZEOF(.vectors) >= " + SYSTEM_VECTOR_BYTES + " && SIZEOF(.vectors) <= " + vectorBytes + " && SIZEOF(.vectors) % 4 == 0",
                            "the vector table must hold the slots up to HardFault and at most the " + target.vectorNames().size()
                            + " vectors of board '" + target.name() + "': between " + SYSTEM_VECTOR_BYTES + " and " + vectorBytes
                            + " bytes, a multiple of 4; the start-up code was generated for another board profile");
                    assertion(s, "DEFINED(Reset_Handler)", "Reset_Handler is not defined: the start-up code must be part of the image");
                }
                case RISCV32 -> {
                    assertion(s, "SIZEOF(.text.start) > 0", "no reset stub: no input section .text.start was linked; the start-up code that defines _start must be part of the image");
                    assertion(s, "DEFINED(_start) ? _start == ORIGIN(" + c + ") : 0", "_start is not the first instruction of " + c + " (" + codeAt
                            + "), where the hart starts; .text.start must begin with _start");
                }
            }
            assertion(s, "_stack_bottom == ORIGIN(" + r + ")", "the stack does not start at the bottom of " + r + " (" + ramAt
                    + "), so an overflow would run into .data/.bss; place nothing before .stack in " + r);
            if (stack > ram.length())
                assertion(s, "_stack_top <= ORIGIN(" + r + ") + LENGTH(" + r + ")", r + " overflow: the stack reserve alone (" + stack + " bytes) exceeds " + r
                        + " (" + ram.length() + " bytes) by " + (stack - ram.length()) + " bytes; reduce the stack bound (recursion depth, large locals) or the memory profile's min-stack and stack-margin");
            assertion(s, "__ram_end <= ORIGIN(" + r + ") + LENGTH(" + r + ")", r + " overflow: the stack (" + stack + " bytes) + .data"
                    + (layout.ramfunc() ? " + .ramfunc" : "") + " + .bss do not fit in the "
                    + ram.length() + " bytes of " + r + " at " + ramAt + "; reduce static data or the stack bound");
            assertion(s, "__flash_end <= ORIGIN(" + c + ") + LENGTH(" + c + ")", c + " overflow: code + read-only data + the initial values of .data"
                    + (layout.ramfunc() ? " and .ramfunc" : "") + " do not fit in the " + code.length() + " bytes of " + c + " at " + codeAt
                    + "; reduce code size (--opt Oz) or constant data");
        }
    }

    private static void assertion(StringBuilder s, String condition, String message) {
        s.append("ASSERT(").append(condition).append(", \"fid-embed: ").append(message.replace('"', '\'')).append("\")\n");
    }

    /**
     * Reads a project's own linker script and checks that it defines every symbol in {@link #REQUIRED_SYMBOLS}
     * (comments and string literals do not count).
     *
     * @return the script text
     * @throws LinkerScriptException naming the file and the missing symbols
     */
    public static String readUserScript(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new LinkerScriptException(path + ": no such linker script");
        } catch (IOException e) {
            throw new LinkerScriptException(path + ": cannot read the linker script: " + e.getMessage());
        }
        List<String> missing = missingSymbols(text);
        if (!missing.isEmpty())
            throw new LinkerScriptException(path + ": the linker script does not define " + (missing.size() == 1 ? "the symbol " : "the symbols ")
                    + String.join(", ", missing) + ", which the start-up code uses. Define "
                    + (missing.size() == 1 ? "it" : "them") + " as the generated script does (fid-embed writes it beside the image as NAME.ld); "
                    + "for an image without .ramfunc: __ramfunc_start = __data_end; __ramfunc_end = __data_end; __ramfunc_load = LOADADDR(.data) + SIZEOF(.data);");
        return text;
    }

    /** The required symbols a script does not assign (as {@code sym = ...} or {@code PROVIDE(sym = ...)}). */
    public static List<String> missingSymbols(String script) {
        String code = stripCommentsAndStrings(script);
        List<String> missing = new ArrayList<>();
        for (String sym : REQUIRED_SYMBOLS) {
            Pattern assigned = Pattern.compile("(?<![A-Za-z0-9_.$])" + Pattern.quote(sym) + "\\s*=(?!=)");
            if (!assigned.matcher(code).find()) missing.add(sym);
        }
        return missing;
    }

    private static String stripCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                i = end < 0 ? s.length() : end + 1;
                out.append("\"\"");
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String comment(String text) { return text.replace("*/", "* /"); }

    private static String hex(long v) { return String.format("0x%08X", v); }

    private static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " B";
    }
}
