// How a missing host program gets installed: the package of each QEMU, the commands as root and through
// sudo (one update before the install), no way at all without apt-get or without root and sudo, and the
// command a user types. The whole path with a stubbed apt-get runs in qemu-tests (FirstRunTest).
package org.fidembed.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class HostToolsTest {
    @Test
    void eachQemuComesFromItsDebianPackage() {
        assertEquals("qemu-system-arm", HostTools.debianPackage("qemu-system-arm"));
        assertEquals("qemu-system-misc", HostTools.debianPackage("qemu-system-riscv32"));
        assertEquals("gdb-multiarch", HostTools.debianPackage("gdb-multiarch"));
    }

    @Test
    void rootRunsAptGetItselfAndOthersGoThroughSudo() {
        assertEquals(Optional.of(List.of()), HostTools.installPrefix(true, true, false));
        assertEquals(Optional.of(List.of("sudo")), HostTools.installPrefix(false, true, true));
        assertEquals(Optional.empty(), HostTools.installPrefix(false, true, false), "neither root nor sudo");
        assertEquals(Optional.empty(), HostTools.installPrefix(true, false, true), "no apt-get");
    }

    @Test
    void oneUpdateComesBeforeTheInstall() {
        List<List<String>> cmds = HostTools.installCommands(List.of("sudo"), "qemu-system-misc");
        assertEquals(List.of("sudo", "apt-get", "update", "-qq"), cmds.get(0));
        assertEquals(List.of("sudo", "apt-get", "install", "-y", "-qq", "--no-install-recommends", "qemu-system-misc"), cmds.get(1));
        assertEquals(2, cmds.size());
    }

    @Test
    void theManualCommandUsesSudoOnlyWhenNotRoot() {
        assertEquals("sudo apt-get update && sudo apt-get install -y qemu-system-arm", HostTools.manualCommand("qemu-system-arm", false));
        assertEquals("apt-get update && apt-get install -y qemu-system-arm", HostTools.manualCommand("qemu-system-arm", true));
    }

    @Test
    void onPathFindsTheFirstExecutableFileAndSkipsOthers(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")), b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("tool"), "not executable");
        Files.createDirectories(a.resolve("dir-tool"));
        Path exe = Files.writeString(b.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = a + java.io.File.pathSeparator + java.io.File.pathSeparator + b;
        assertEquals(Optional.of(exe), HostTools.onPath("tool", path));
        assertEquals(Optional.empty(), HostTools.onPath("dir-tool", path));
        assertEquals(Optional.empty(), HostTools.onPath("tool", null));
    }
}
