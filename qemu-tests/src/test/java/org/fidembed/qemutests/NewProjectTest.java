// A project as `fid-embed new` makes it runs as its README says, on every QEMU board: `run` prints the
// greeting with the board's name and exits 0, `test` passes its one [<Test>], both without --board (the
// board comes from fid.toml).
package org.fidembed.qemutests;

import org.fidembed.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class NewProjectTest {
    static List<String> boards() { return Firmware.qemuBoards(); }

    record Run(int code, String out, String err) { }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "a new project on {0}")
    @MethodSource("boards")
    void aNewProjectRunsAndPassesItsTest(String board, @TempDir Path tmp) {
        Path dir = tmp.resolve("fresh");
        assertEquals(0, cli("new", dir.toString(), "--board", board).code());
        Run run = cli("run", "--timeout", "30", dir.toString());
        assertEquals("Hello from fresh on " + board + "!\n1 + 2 + ... + 10 = 55\n", run.out(), run.err());
        assertEquals(0, run.code(), run.err());
        Run test = cli("test", dir.toString());
        assertEquals(0, test.code(), test.out() + test.err());
        assertTrue(test.out().endsWith("--- PASS: Tests.triangleOfTenIs55 (Tests.fs:7)\n1 passed, 0 failed\n"), test.out());
    }
}
