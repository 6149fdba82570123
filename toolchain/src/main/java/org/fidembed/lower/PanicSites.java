// How a failed check stops the program under the target's panic strategy (docs/memory.md): `location`
// calls one function with the number of the site, whose file, line and column a table of packed words
// holds; `trap` is one undefined instruction, whose address a section that is not loaded maps to its location.
package org.fidembed.lower;

import org.fidembed.diag.Loc;
import org.fidembed.lower.ir.IrType;
import org.fidembed.lower.ir.ModuleBuilder;
import org.fidembed.lower.ir.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class PanicSites {
    private PanicSites() { }

    /** The ELF section (not loaded: no flash) that maps each trap's address to "FILE:LINE:COL". */
    static final String TRAP_SECTION = ".fid.panic";
    /** The function a panic site calls with its number under the location strategy. */
    private static final Value LOCATION_PANIC = Value.plainGlobal("fid.panic.at");

    // a site's word: file number (6 bits), line (17 bits), column (9 bits); a line or column too large is 0
    static final int FILE_SHIFT = 26, LINE_SHIFT = 9, LINE_MASK = 0x1FFFF, COL_MASK = 0x1FF, MAX_FILES = 64;

    /** Stops here under the location or trap strategy (the code after it is unreachable). */
    static void stop(Fn f, Loc at) {
        var b = f.b();
        switch (f.m().target.panic()) {
            case LOCATION -> b.callVoid(LOCATION_PANIC, List.of(Value.i32(site(f.m(), at))));
            case TRAP -> b.asm(IrType.VOID, trapAsm(f.m().target.arm(), Checks.locString(at)), "~{memory}", List.of());
            case MESSAGE -> throw new IllegalStateException("a message panic goes through Fid.Runtime");
        }
        b.unreachable();
    }

    /** The number of a site (one per distinct location). */
    static int site(ModuleContext m, Loc at) {
        return m.panicSites.computeIfAbsent(Checks.locString(at), k -> m.panicSites.size());
    }

    /** The packed word of a location: its file's number, its line and its column. */
    static long word(int file, int line, int col) {
        long l = line > LINE_MASK ? 0 : line, c = col > COL_MASK ? 0 : col;
        return ((long) file << FILE_SHIFT) | (l << LINE_SHIFT) | c;
    }

    /**
     * The undefined instruction (udf on Thumb, unimp on RISC-V: 2 bytes with the C extension) and, in a
     * section that is not loaded, its address and location (a word, the text with a NUL, padding to 4).
     */
    static String trapAsm(boolean arm, String location) {
        String text = location.replaceAll("[^A-Za-z0-9_./:<>+-]", "_");
        String kind = arm ? "%progbits" : "@progbits";
        return String.join("\\0A", List.of(
                "1: " + (arm ? "udf #0" : "unimp"),
                ".pushsection " + TRAP_SECTION + ",\\22\\22," + kind,
                ".p2align 2",
                ".word 1b",
                ".asciz \\22" + text + "\\22",
                ".p2align 2",
                ".popsection"));
    }

    /**
     * Location strategy: the table of sites, the file names, and fid.panic.at (id), which unpacks a site's
     * word and calls panicAt (file, line, col) of Fid.Runtime. Nothing when no site panics.
     */
    static void emitTable(ModuleContext m, Instances.Instance panicAt) {
        if (m.panicSites.isEmpty()) return;
        List<String> files = new ArrayList<>();
        List<Value> words = new ArrayList<>();
        for (Map.Entry<String, Integer> e : m.panicSites.entrySet()) {
            String loc = e.getKey();
            int c2 = loc.lastIndexOf(':'), c1 = loc.lastIndexOf(':', c2 - 1);
            String file = c1 > 0 ? loc.substring(0, c1) : loc;
            int line = c1 > 0 ? Integer.parseInt(loc.substring(c1 + 1, c2)) : 0, col = c1 > 0 ? Integer.parseInt(loc.substring(c2 + 1)) : 0;
            int fi = files.indexOf(file);
            if (fi < 0 && files.size() < MAX_FILES) { files.add(file); fi = files.size() - 1; }
            if (fi < 0) { fi = 0; line = 0; col = 0; } // more files with panics than the word can number: the first one, line 0
            words.add(Value.intExact(IrType.I32, (int) word(fi, line, col)));
        }
        Value sites = Value.plainGlobal("fid.panic.sites"), names = Value.plainGlobal("fid.panic.files");
        m.ir.global(sites, ModuleBuilder.GlobalKind.CONSTANT, Value.array(IrType.I32, words), 4);
        List<Value> fileValues = new ArrayList<>();
        for (String file : files) fileValues.add(Strings.constant(m, file).value());
        m.ir.global(names, ModuleBuilder.GlobalKind.CONSTANT, Value.array(LType.STR, fileValues), 4);
        String n = Integer.toString(words.size()), nf = Integer.toString(files.size());
        m.ir.function("define internal void @fid.panic.at(i32 %id) noreturn noinline cold {\nentry:\n"
                + "  %p = getelementptr [" + n + " x i32], ptr @fid.panic.sites, i32 0, i32 %id\n"
                + "  %w = load i32, ptr %p\n"
                + "  %fi = lshr i32 %w, " + FILE_SHIFT + "\n"
                + "  %fp = getelementptr [" + nf + " x " + LType.STR + "], ptr @fid.panic.files, i32 0, i32 %fi\n"
                + "  %file = load " + LType.STR + ", ptr %fp\n"
                + "  %l = lshr i32 %w, " + LINE_SHIFT + "\n"
                + "  %line = and i32 %l, " + LINE_MASK + "\n"
                + "  %col = and i32 %w, " + COL_MASK + "\n"
                + "  call " + panicAt.retTy() + " " + panicAt.name().ref() + "(" + LType.STR + " %file, i32 %line, i32 %col)\n"
                + "  unreachable\n}\n");
    }
}
