// Scripted gdb-multiarch sessions through `fid-embed debug` on every QEMU board family: a breakpoint
// at an F# line, a backtrace of F# names and FILE:LINE up to the entry, print of an int local, a
// record field, a union value, an array element and a module-level value, `next` by F# lines, and
// a breakpoint on the panic path whose backtrace shows the failing line.
package org.fidembed.qemutests;

import org.fidembed.cli.Main;
import org.fidembed.host.HostTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class GdbSessionTest {
    private static String program() throws Exception {
        try (var in = GdbSessionTest.class.getResourceAsStream("gdb/Dbg.fs")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The 1-based line of the program holding text. */
    private static int line(String program, String text) {
        String[] lines = program.split("\n");
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i + 1;
        throw new AssertionError("no line with " + text);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    @ParameterizedTest(name = "gdb on {0}")
    @ValueSource(strings = {"lm3s6965evb", "microbit", "netduinoplus2", "riscv32-virt", "sifive-e"})
    void aScriptedSessionSeesTheFSharpProgram(String board) throws Exception {
        Assumptions.assumeTrue(HostTools.onPath("gdb-multiarch", System.getenv("PATH")).isPresent(), "gdb-multiarch is not installed (./run-tests installs it)");
        String src = program();
        int loop = line(src, "let a = area shapes.[i]"), next = line(src, "sum <- sum + a"), pick = line(src, "let pick"),
                call = line(src, "let t = total shapes origin"), entry = line(src, "let main argv");
        Path work = Files.createTempDirectory("gdb-");
        try {
            Files.writeString(work.resolve("Dbg.fs"), src);
            Path log = work.resolve("gdb.log");
            Files.writeString(work.resolve("checks.gdb"), String.join("\n",
                    "set logging file " + log, "set logging overwrite on", "set logging enabled on",
                    "continue", "bt", "print i", "print sum", "print origin.Y", "print shapes.data[1]", "print shapes.data[1].Case.Rect.h",
                    "print shapes.length", "print 'Dbg.calls'", "next", "info line *$pc",
                    "delete", "break Fid.Runtime.panicIndex", "continue", "bt", "kill", ""));
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            int code = Main.run(new String[]{"debug", "--board", board, "--port", Integer.toString(freePort()), "--break", "Dbg.fs:" + loop,
                    "--gdb-args", "-batch -x " + work.resolve("checks.gdb"), "-o", work.resolve("build").toString(), work.resolve("Dbg.fs").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String g = Files.exists(log) ? Files.readString(log) : "";
            String all = "exit " + code + "\n" + err.toString(StandardCharsets.UTF_8) + "\n--- gdb:\n" + g;
            assertEquals(0, code, all);
            List<String> checks = new ArrayList<>(List.of(
                    "Breakpoint 1, Dbg.total \\(shapes=\\.\\.\\., origin=\\.\\.\\.\\) at Dbg.fs:" + loop,
                    "#1 .* in Dbg.main \\(argv=\\.\\.\\.\\) at Dbg.fs:" + call,
                    "#2 .* in fid.main \\(\\) at Dbg.fs:" + entry,
                    "\\$1 = 0\n", "\\$2 = 5\n", "\\$3 = 7\n", "\\$4 = \\{Tag = Rect, Case = \\{Circle = \\{radius = 3\\}, Rect = \\{w = 3, h = 4\\}\\}\\}\n",
                    "\\$5 = 4\n", "\\$6 = 3\n", "\\$7 = 0\n",
                    "\n" + next + "\\s+sum <- sum \\+ a\n", "Line " + next + " of \"Dbg.fs\"",
                    "Fid.Runtime.panicIndex \\(index=5, length=3, location=\\.\\.\\.\\) at Fid.Runtime.fs:",
                    "#1 .* in Dbg.pick \\(shapes=\\.\\.\\., k=5\\) at Dbg.fs:" + pick));
            int passed = 0;
            for (String c : checks) {
                assertTrue(Pattern.compile(c).matcher(g).find(), "gdb check " + c + " on " + board + "\n" + all);
                passed++;
            }
            System.out.println("gdb checks passed on " + board + ": " + passed + "/" + checks.size());
        } finally {
            SuiteCase.deleteTree(work);
        }
    }
}
