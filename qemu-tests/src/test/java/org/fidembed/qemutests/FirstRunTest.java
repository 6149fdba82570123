// The README's first command on a machine without QEMU: the CLI, started as a user starts it but with a
// PATH that holds no QEMU, installs the missing package with apt-get (a test double that records its
// calls and "installs" a script that starts the real QEMU) and then runs the firmware. With
// FID_EMBED_NO_INSTALL, or with no apt-get at all, it prints the exact command and exits 1.
package org.fidembed.qemutests;

import org.fidembed.host.HostTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FirstRunTest {
    record Outcome(int code, String out, String err) { }

    /** A folder for PATH with a stub apt-get (and sudo) that logs to LOG and installs a QEMU that starts the real one. */
    static Path stubBin(Path dir, boolean withApt) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("apt.log");
        String chmod = HostTools.onPath("chmod", System.getenv("PATH")).orElseThrow().toString();
        StringBuilder apt = new StringBuilder("#!/bin/sh\necho \"apt-get $*\" >> '" + log + "'\n");
        for (String exe : List.of("qemu-system-arm", "qemu-system-riscv32")) {
            Path real = HostTools.onPath(exe, System.getenv("PATH")).orElse(null);
            assumeTrue(real != null, exe + " is not installed, so the stub cannot install it (./run-tests installs it)");
            String pkg = HostTools.debianPackage(exe);
            Path to = bin.resolve(exe);
            apt.append("case \"$*\" in *install*' ").append(pkg).append("') printf '#!/bin/sh\\nexec %s \"$@\"\\n' '").append(real)
                    .append("' > '").append(to).append("'; exec '").append(chmod).append("' +x '").append(to).append("';; esac\n");
        }
        if (withApt) script(bin.resolve("apt-get"), apt.toString());
        script(bin.resolve("sudo"), "#!/bin/sh\necho \"sudo $*\" >> '" + log + "'\nexec \"$@\"\n");
        return bin;
    }

    static void script(Path p, String text) throws IOException {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the CLI in a new JVM with only `bin` on PATH. */
    static Outcome cli(Path bin, Map<String, String> extraEnv, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "org.fidembed.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Firmware.repo().toFile());
        pb.environment().put("PATH", bin.toString());
        pb.environment().remove(HostTools.NO_INSTALL);
        pb.environment().putAll(extraEnv);
        Path out = Files.createTempFile(bin, "out", ".txt"), err = Files.createTempFile(bin, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the CLI did not finish in 120 s: " + Files.readString(err));
        }
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static String log(Path dir) throws IOException {
        Path log = dir.resolve("apt.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void runInstallsTheMissingQemuThenRunsHello(@TempDir Path dir) throws Exception {
        Path bin = stubBin(dir, true);
        Outcome o = cli(bin, Map.of(), "run", "--board", "lm3s6965evb", "--timeout", "30", "examples/hello");
        assertEquals("Hello from fid-embed on lm3s6965evb!\n", o.out(), o.err());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("qemu-system-arm is not installed; installing the package qemu-system-arm with apt-get"), o.err());
        List<String> apt = log(dir).lines().filter(l -> l.startsWith("apt-get")).toList();
        assertEquals(List.of("apt-get update -qq", "apt-get install -y -qq --no-install-recommends qemu-system-arm"), apt,
                "one update, then the install of the one package the board needs");
        assertTrue(Files.isExecutable(bin.resolve("qemu-system-arm")));
        // installed now: a second run does not call apt-get again
        Outcome again = cli(bin, Map.of(), "run", "--board", "lm3s6965evb", "--timeout", "30", "examples/hello");
        assertEquals(0, again.code(), again.err());
        assertEquals(2, log(dir).lines().filter(l -> l.startsWith("apt-get")).count());
    }

    @Test
    void testInstallsTheRiscvQemuFromQemuSystemMisc(@TempDir Path dir) throws Exception {
        Path bin = stubBin(dir, true);
        Outcome o = cli(bin, Map.of(), "test", "--board", "riscv32-virt", "examples/ring-logger");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().endsWith("3 passed, 0 failed\n"), o.out());
        assertTrue(log(dir).contains("apt-get install -y -qq --no-install-recommends qemu-system-misc"), log(dir));
    }

    @Test
    void noInstallPrintsTheExactCommandAndExits1(@TempDir Path dir) throws Exception {
        Path bin = stubBin(dir, true);
        Outcome o = cli(bin, Map.of(HostTools.NO_INSTALL, "1"), "run", "--board", "mps2-an385", "examples/hello");
        assertEquals(1, o.code(), o.err());
        assertEquals("", o.out());
        assertTrue(o.err().matches("(?s).*fid-embed: qemu-system-arm is not installed \\(and FID_EMBED_NO_INSTALL is set\\); install it with: "
                + "(sudo )?apt-get update && (sudo )?apt-get install -y qemu-system-arm\n"), o.err());
        assertEquals("", log(dir), "apt-get was not called");
        Outcome t = cli(bin, Map.of(HostTools.NO_INSTALL, "1"), "test", "--board", "sifive-e", "examples/ring-logger");
        assertEquals(1, t.code(), t.err());
        assertTrue(t.err().contains("install it with: "), t.err());
        assertTrue(t.err().contains("apt-get install -y qemu-system-misc"), t.err());
    }

    @Test
    void withoutAptGetItPrintsTheCommandAndExits1(@TempDir Path dir) throws Exception {
        Path bin = stubBin(dir, false);
        Outcome o = cli(bin, Map.of(), "run", "--board", "riscv32-virt", "examples/hello");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("qemu-system-riscv32 is not installed and fid-embed cannot install it here (no apt-get on this system); "
                + "install it with: "), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }
}
