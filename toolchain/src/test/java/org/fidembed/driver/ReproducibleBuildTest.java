// Builds are reproducible: the same sources and profile give byte-identical ELF, BIN and
// HEX from different folders and at different times; nothing records a path or a clock.
package org.fidembed.driver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ReproducibleBuildTest {
    private static final String PROGRAM = """
            module Repro

            type Shape = Circle of int | Square of int

            let table = [| 3; 1; 4; 1; 5 |]
            let mutable counter = 0

            let area s = match s with Circle r -> 3 * r * r | Square a -> a * a

            [<EntryPoint>]
            let main _ =
                for x in table do
                    counter <- counter + area (if x % 2 = 0 then Circle x else Square x)
                printfn "%d %s" counter "done"
                0
            """;

    private static Build.Result build(Path dir, String board) throws Exception {
        Path src = dir.resolve("deep").resolve("folder").resolve("Repro.fs");
        Files.createDirectories(src.getParent());
        Files.writeString(src, PROGRAM);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Build.Result r = Build.build(Build.Request.of(src).board(board).outDir(dir.resolve("out")).quiet(true).build(), quiet, quiet);
        assertEquals(0, r.exitCode());
        return r;
    }

    @Test
    void twoBuildsInDifferentFoldersAreByteIdentical(@TempDir Path a, @TempDir Path b) throws Exception {
        for (String board : new String[]{"lm3s6965evb", "riscv32-virt"}) {
            Build.Result x = build(a.resolve(board), board);
            Thread.sleep(1100); // a different second on the clock
            Build.Result y = build(b.resolve("elsewhere").resolve(board), board);
            assertArrayEquals(Files.readAllBytes(x.elf()), Files.readAllBytes(y.elf()), "ELF differs on " + board);
            assertArrayEquals(Files.readAllBytes(x.bin()), Files.readAllBytes(y.bin()), "BIN differs on " + board);
            assertArrayEquals(Files.readAllBytes(x.hex()), Files.readAllBytes(y.hex()), "HEX differs on " + board);
            String elf = new String(Files.readAllBytes(x.elf()), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(elf.contains(a.toString()), "the ELF contains the build folder");
            assertFalse(elf.contains("/tmp"), "the ELF contains a temporary path");
        }
    }
}
