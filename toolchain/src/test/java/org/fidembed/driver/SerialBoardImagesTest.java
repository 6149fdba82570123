// The serial boards are not emulated, so their images are checked as files: every example builds for
// bluepill and longan-nano, and the ELF holds what their boot ROMs need. Cortex-M: the vector table
// at the flash origin, word 0 the top of the stack, word 1 Reset_Handler with the Thumb bit. RISC-V:
// _start at the flash origin, and since the GD32VF103 starts through an alias at 0 (Target.bootAlias),
// its first instructions jump to the linked address with absolute (lui/addi) addressing before any
// pc-relative code. Everything loaded lies inside the code region, everything else inside a region.
package org.fidembed.driver;

import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class SerialBoardImagesTest {
    @TempDir
    Path dir;

    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("examples")) ? here : here.getParent();
    }

    static Stream<Arguments> examplesOnSerialBoards() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(repo().resolve("examples"))) {
            examples = s.filter(p -> Files.exists(p.resolve("fid.toml"))).sorted().toList();
        }
        assertFalse(examples.isEmpty(), "no examples found under " + repo().resolve("examples"));
        List<Arguments> out = new ArrayList<>();
        for (Target t : Profiles.all()) {
            if (t.flash().isEmpty()) continue;
            // each example on the serial boards it names (hal-timer's TIM2 is not on the GD32V)
            for (Path e : examples) if (exampleIsFor(e, t.name())) out.add(Arguments.of(e.getFileName().toString(), t.name()));
        }
        assertTrue(out.stream().map(a -> a.get()[1]).distinct().count() == 2, "two serial boards: bluepill and longan-nano");
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("examplesOnSerialBoards")
    void theImageBootsTheWayTheChipBoots(String example, String board) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path project = repo().resolve("examples").resolve(example);
        Build.Result r = Build.build(Build.Request.of(project).board(board).outDir(dir).quiet(true).build(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (buildFailsOn(project).contains(board)) {
            // the example shows a build error there (its fid.toml's [example] build-fails-on)
            assertEquals(1, r.exitCode(), "the example declares that its build fails on " + board);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("error:"), err.toString(StandardCharsets.UTF_8));
            return;
        }
        assertEquals(0, r.exitCode(), () -> "build failed:\n" + err.toString(StandardCharsets.UTF_8));
        Target t = r.target();
        ElfFile elf = ElfFile.parse(r.elf().toString(), Files.readAllBytes(r.elf()));
        FirmwareImage image = elf.image();
        MemoryRegion code = t.codeRegion();
        ElfFile.Section stack = elf.section(".stack").orElseThrow();
        long stackTop = stack.addr() + stack.size();
        assertEquals(t.dataRegion().origin(), stack.addr(), "the stack at the bottom of the data region");

        // the boot ROM's view: the flashed bytes start at the flash origin and stay inside flash
        assertEquals(code.origin(), image.lowAddress(), "the image starts at the flash origin");
        assertTrue(image.highAddress() <= code.end(), "the image ends inside flash");
        assertEquals(Files.size(r.bin()), image.highAddress() - image.lowAddress(), "the .bin is the flash contents from the origin");
        for (ElfFile.Section s : elf.sections()) {
            if ((s.flags() & ElfFile.SHF_ALLOC) == 0 || s.size() == 0) continue;
            assertTrue(t.regions().stream().anyMatch(m -> m.contains(s.addr()) && s.addr() + s.size() <= m.end()),
                    s.name() + String.format(" at 0x%08X (+%d) is outside every region", s.addr(), s.size()));
        }
        long reset = symbol(elf, "Reset_Handler");
        if (t.isCortexM()) {
            ElfFile.Section v = elf.section(".vectors").orElseThrow();
            assertEquals(code.origin(), v.addr(), "vector table at the flash origin");
            assertTrue(v.size() >= 16 && v.size() <= 4L * t.vectorNames().size(), "vector table size " + v.size());
            assertEquals(stackTop, word(image, code.origin()), "word 0: the initial SP is the top of the stack");
            long resetVector = word(image, code.origin() + 4);
            assertEquals(1, resetVector & 1, "word 1: the reset vector has the Thumb bit");
            assertEquals(reset, resetVector & ~1L, "word 1: the reset vector is Reset_Handler");
            assertEquals(reset, elf.entry() & ~1L);
            // every other vector is a Thumb address inside flash, or 0 for a reserved slot
            for (long a = v.addr() + 8; a < v.addr() + v.size(); a += 4) {
                long w = word(image, a);
                if (w == 0) continue;
                assertEquals(1, w & 1, String.format("vector at 0x%08X has no Thumb bit", a));
                assertTrue(code.contains(w & ~1L), String.format("vector at 0x%08X points outside flash: 0x%08X", a, w));
            }
        } else {
            long start = elf.entry();
            assertEquals(code.origin(), start, "the entry (_start) is the first word of flash");
            long pc = start;
            if (t.bootAlias().isPresent() && t.bootAlias().getAsLong() != code.origin()) {
                // lui t0, hi; addi t0, t0, lo; jr t0: an absolute jump to the next instruction's linked address
                long lui = word(image, pc);
                assertEquals(0x2B7, lui & 0xFFF, String.format("expected lui t0 first, found 0x%08X", lui));
                long addi = word(image, pc + 4);
                assertEquals(0x28293, addi & 0xFFFFF, String.format("expected addi t0, t0, lo second, found 0x%08X", addi));
                long target = ((lui & 0xFFFFF000L) + signed12(addi >>> 20)) & 0xFFFFFFFFL;
                int jr = half(image, pc + 8);
                long after;
                if (jr == 0x8282) after = pc + 10;                                      // c.jr t0
                else {
                    assertEquals(0x00028067L, word(image, pc + 8), "expected jr t0 third");  // jalr x0, 0(t0)
                    after = pc + 12;
                }
                assertEquals(after, target, "the jump lands on the instruction after it, at its linked address");
                assertTrue(code.contains(target));
                pc = after;
            }
            // then sp = _stack_top (auipc/addi, now relative to the linked address)
            long auipc = word(image, pc);
            assertEquals(0x117, auipc & 0xFFF, String.format("expected auipc sp at 0x%08X, found 0x%08X", pc, auipc));
            long addi = word(image, pc + 4);
            assertEquals(0x10113, addi & 0xFFFFF, String.format("expected addi sp, sp, lo, found 0x%08X", addi));
            long sp = (pc + (auipc & 0xFFFFF000L) + signed12(addi >>> 20)) & 0xFFFFFFFFL;
            assertEquals(stackTop, sp, "the reset stub sets sp to the top of the stack");
        }
    }

    /** The boards in the [example] table's build-fails-on = [...] of a project's fid.toml. */
    static List<String> buildFailsOn(Path project) throws IOException { return exampleList(project, "build-fails-on"); }

    /** Whether an example is for this board: its fid.toml's [example] boards name it (no list: every board), or it shows a build error there. */
    static boolean exampleIsFor(Path project, String board) throws IOException {
        List<String> boards = exampleList(project, "boards");
        return boards.isEmpty() || boards.contains(board) || buildFailsOn(project).contains(board);
    }

    /** A list of board names under a key of the example's fid.toml, empty when the key is absent. */
    static List<String> exampleList(Path project, String key) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(key) + "\\s*=\\s*\\[([^\\]]*)\\]")
                .matcher(Files.readString(project.resolve("fid.toml")));
        if (!m.find()) return List.of();
        List<String> out = new ArrayList<>();
        for (String b : m.group(1).split(",")) if (!b.isBlank()) out.add(b.trim().replace("\"", ""));
        return out;
    }

    private static long symbol(ElfFile elf, String name) throws Exception {
        return elf.functions().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no symbol " + name)).address();
    }

    private static long word(FirmwareImage image, long addr) {
        long w = 0;
        for (int i = 3; i >= 0; i--) w = (w << 8) | at(image, addr + i);
        return w;
    }

    private static int half(FirmwareImage image, long addr) {
        return at(image, addr) | (at(image, addr + 1) << 8);
    }

    private static int at(FirmwareImage image, long addr) {
        assertTrue(image.covers(addr), String.format("the image holds no byte at 0x%08X", addr));
        return image.byteAt(addr);
    }

    private static long signed12(long v) {
        v &= 0xFFF;
        return v >= 0x800 ? v - 0x1000 : v;
    }
}
