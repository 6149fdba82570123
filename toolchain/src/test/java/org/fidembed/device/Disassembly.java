// Test support for the object-code tests of Fid.Device and the HAL: builds a program for a board and
// disassembles symbols of its ELF with the bundled llvm-objdump, as instruction lines or mnemonics.
package org.fidembed.device;

import org.fidembed.driver.Build;
import org.fidembed.llvm.Tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

final class Disassembly {
    private static final Pattern LINE = Pattern.compile("(?m)^\\s*([0-9a-f]+):\\s+(\\S+)\\s*(.*)$");

    /** One instruction: its address, mnemonic and operands (objdump's comment after "@" or "#" included). */
    record Insn(long address, String op, String operands) { }

    private Disassembly() { }

    /** Builds PROGRAM for BOARD in DIR (named NAME) and returns its ELF; the build must succeed. */
    static Path build(Path dir, String board, String name, String program) throws Exception {
        Path src = dir.resolve(board + "-" + name + ".fs");
        Files.writeString(src, program);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Build.Result r = Build.build(Build.Request.of(src).board(board).outDir(dir.resolve(board + "-" + name)).quiet(true).build(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, r.exitCode(), err.toString(StandardCharsets.UTF_8));
        return r.elf();
    }

    /** objdump's text of the symbols (comma-separated; every function if empty). */
    static String text(Path elf, String symbols) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Tools.tool("llvm-objdump").toString(), "-d", "--no-show-raw-insn"));
        if (!symbols.isEmpty()) cmd.add("--disassemble-symbols=" + symbols);
        cmd.add(elf.toString());
        Tools.Run d = Tools.run(cmd, 60);
        assertEquals(0, d.exitCode(), d.output());
        return d.output();
    }

    static List<Insn> insns(String text) {
        List<Insn> out = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) out.add(new Insn(Long.parseLong(m.group(1), 16), m.group(2), m.group(3)));
        return out;
    }

    /** The mnemonics of the symbols in order, " pc" added to a pc-relative load (a literal). */
    static List<String> mnemonics(Path dir, String board, String name, String program, String symbols) throws Exception {
        List<String> ops = new ArrayList<>();
        String text = text(build(dir, board, name, program), symbols);
        for (Insn i : insns(text)) ops.add(i.op() + (i.operands().contains("[pc") ? " pc" : ""));
        assertFalse(ops.isEmpty(), text);   // an empty program may be a reset handler of two calls (bluepill)
        return ops;
    }

    static long count(List<String> ops, String... mnemonics) {
        return ops.stream().filter(o -> List.of(mnemonics).contains(o)).count();
    }
}
