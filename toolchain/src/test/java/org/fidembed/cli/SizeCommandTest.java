// `size` and `build` tell one story about one image: the same FLASH and RAM figures from the linked ELF,
// the stack labelled as the reserve (and, from build, the proven bound); `size` reads every format `flash`
// reads (ELF, HEX, BIN, UF2, bundle), and anything else, or an image for another machine, is one line
// naming the file and the problem, never an internal error.
package org.fidembed.cli;

import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.Images;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.*;

class SizeCommandTest {
    record Run(int code, String out, String err) { }

    @TempDir static Path dir;
    static Path elf;
    static String buildReport;

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void buildOnce() throws Exception {
        Path src = dir.resolve("Count.fs");
        Files.writeString(src, "module Count\n\nlet mutable counter = 0\nlet table = [| 1; 2; 3; 4 |]\n\n[<EntryPoint>]\n"
                + "let main _ =\n    counter <- counter + table.[2]\n    printfn \"%d\" counter\n    0\n");
        Run b = run("build", "--board", "lm3s6965evb", "-o", dir.resolve("out").toString(), src.toString());
        assertEquals(0, b.code(), b.err());
        buildReport = b.out();
        elf = dir.resolve("out/Count.elf");
    }

    @Test
    void buildAndSizeGiveTheSameFiguresWithTheStackLabelled() {
        Run s = run("size", "--board", "lm3s6965evb", elf.toString());
        assertEquals(0, s.code(), s.err());
        assertEquals(buildReport.replaceAll(", stack bound \\d+ \\([^)]*\\)", "").replace("  panics: message", ""), s.out(), "build:\n" + buildReport + "size:\n" + s.out());
        assertTrue(buildReport.matches("(?s)FLASH +\\d+ / 262144 B .*  panics: message\nRAM +\\d+ / +65536 B .*static \\d+, stack reserve \\d+, stack bound \\d+ \\(main \\d+, isr \\d+\\)\n"),
                buildReport);
    }

    @Test
    void sizeReadsHexBinUf2AndBundlesAsFlashOnly() throws Exception {
        FirmwareImage img = ElfFile.parse(elf.toString(), Files.readAllBytes(elf)).image();
        long bytes = img.dataBytes();
        Path hex = dir.resolve("Count.hex"), bin = dir.resolve("Count.bin"), uf2 = dir.resolve("Count.uf2");
        Images.writeHex(img, hex);
        Images.writeBin(img, bin);
        Images.writeUf2(img, OptionalInt.empty(), uf2);
        Run h = run("size", "--board", "lm3s6965evb", hex.toString());
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().startsWith("FLASH " + bytes + " / 262144 B"), h.out());
        assertTrue(h.out().contains("RAM unknown"), h.out());
        Run u = run("size", "--board", "lm3s6965evb", uf2.toString());
        assertEquals(0, u.code(), u.err());
        assertTrue(u.out().startsWith("FLASH " + (bytes + 255) / 256 * 256 + " / 262144 B"), "whole 256-byte UF2 blocks: " + u.out());
        Run b = run("size", "--board", "lm3s6965evb", bin.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("RAM unknown"), b.out());
    }

    @Test
    void whatIsNoImageIsOneLineNamingTheFile() throws Exception {
        byte[] e = Files.readAllBytes(elf);
        Path empty = Files.write(dir.resolve("empty.elf"), new byte[0]);
        Path truncated = Files.write(dir.resolve("trunc.elf"), Arrays.copyOf(e, 40));
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Path badHex = Files.writeString(dir.resolve("bad.hex"), ":10000000FFFF\n");
        for (Path p : List.of(empty, truncated, text, badHex, dir)) {
            Run s = run("size", "--board", "lm3s6965evb", p.toString());
            assertNotEquals(0, s.code(), p + ": " + s.out());
            assertEquals(1, s.err().strip().lines().count(), p + ": " + s.err());
            assertTrue(s.err().contains(p.toString()) || s.err().contains(p.getFileName().toString()), s.err());
            assertFalse(s.err().contains("internal error") || s.err().contains("\tat "), s.err());
        }
    }

    @Test
    void anImageForAnotherMachineIsRefusedBeforeAnyFigure() {
        Run s = run("size", "--board", "riscv32-virt", elf.toString());
        assertEquals(1, s.code());
        assertTrue(s.err().contains("is an ELF for ARM 32-bit, but board 'riscv32-virt' needs RISC-V 32-bit"), s.err());
        assertEquals("", s.out(), "no FLASH 0 line");
    }

    /** The stack is writable RAM: NOBITS with SHF_WRITE in a writable PT_LOAD, as size tools expect of .bss-like data. */
    @Test
    void theStackIsWritableNobitsInAWritableSegment() throws Exception {
        ElfFile f = ElfFile.parse(elf.toString(), Files.readAllBytes(elf));
        ElfFile.Section stack = f.section(".stack").orElseThrow();
        assertEquals(ElfFile.SHT_NOBITS, stack.type());
        assertEquals(3, stack.flags() & 3, "SHF_WRITE | SHF_ALLOC");
        ElfFile.Segment seg = f.segments().stream().filter(s -> s.type() == ElfFile.PT_LOAD && s.vaddr() <= stack.addr()
                && stack.addr() < s.vaddr() + s.memsz()).findFirst().orElseThrow();
        assertEquals(2, seg.flags() & 2, "PF_W");
    }
}
