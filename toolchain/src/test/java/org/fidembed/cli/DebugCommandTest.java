// fid-embed debug's command line and the flashed-board path: a --break that is not FILE:LINE is a
// bad command line, --gdb-args splits like a shell, and without a probe attached the command says
// which probe to connect and what OpenOCD said (exit 1); with no OpenOCD installed that test is skipped.
package org.fidembed.cli;

import org.fidembed.host.HostTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DebugCommandTest {
    private static Path hello() {
        Path here = Path.of("").toAbsolutePath();
        return (here.resolve("examples").toFile().exists() ? here : here.getParent()).resolve("examples/hello");
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[]{Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aBreakpointMustBeFileAndLine(@TempDir Path tmp) {
        String[] r = run("debug", "--board", "lm3s6965evb", "--break", "Hello.fs", "-o", tmp.toString(), hello().toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--break Hello.fs: expected FILE:LINE"), r[2]);
    }

    @Test
    void gdbArgumentsSplitAtSpacesAndKeepQuotedOnesWhole() {
        assertEquals(List.of("-batch", "-ex", "print x + 1", "-x", "a b.gdb"), DebugSession.splitArgs("-batch -ex 'print x + 1'  -x \"a b.gdb\""));
        assertEquals(List.of(), DebugSession.splitArgs(null));
    }

    @Test
    void withoutAProbeTheCommandSaysWhichToConnect(@TempDir Path tmp) {
        Assumptions.assumeTrue(HostTools.onPath("openocd", System.getenv("PATH")).isPresent(), "openocd is not installed");
        String[] r = run("debug", "--board", "bluepill", "--port", "47331", "-o", tmp.toString(), hello().toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("no debug probe answered: connect an ST-Link V2"), r[2]);
        assertTrue(r[2].contains("OpenOCD said:"), r[2]);
    }
}
