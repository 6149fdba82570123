// A profile's llvm-cpu must be a processor LLVM knows for its triple: an unknown one is a profile error
// naming the file, the key and its line (asked of LLVM once), not 28 "not a recognized processor" lines.
package org.fidembed.driver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TargetCheckTest {
    @Test
    void anUnknownCpuIsAProfileErrorAtItsKey(@TempDir Path dir) throws Exception {
        Path board = Files.writeString(dir.resolve("m33.toml"), "inherits = \"board:lm3s6965evb\"\n\n[cpu]\nllvm-cpu = \"cortex-m3x\"\n");
        Build.UsageError e = assertThrows(Build.UsageError.class, () -> Build.loadTarget(board.toString()));
        assertEquals(board + ":4: key 'cpu.llvm-cpu': 'cortex-m3x' is not a processor LLVM knows for thumbv7m-none-eabi (did you mean 'cortex-m3'?)",
                e.getMessage().substring(0, e.getMessage().indexOf("; known: ")));
        assertTrue(e.getMessage().contains("cortex-m4"), "lists what LLVM knows: " + e.getMessage());
    }

    @Test
    void everyShippedBoardsCpuIsKnown() {
        for (String b : org.fidembed.board.Profiles.list()) assertEquals(b, Build.loadTarget(b).name());
        assertTrue(TargetCheck.cpusOf("riscv32-unknown-elf").contains("sifive-e31"));
    }
}
