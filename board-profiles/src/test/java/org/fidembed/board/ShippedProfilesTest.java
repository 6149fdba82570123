// Every shipped profile loads and is internally consistent, and the facts that docs/boards.md states
// about the QEMU and serial boards (machine, command line, CPU, UART, memory sizes) are what the profiles say.
package org.fidembed.board;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class ShippedProfilesTest {
    /** docs/boards.md of this repository (the tests run in the module's folder). */
    static String boardsMd() throws IOException {
        Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/boards.md");
        assertTrue(Files.isRegularFile(doc), "docs/boards.md is missing: " + doc);
        return Files.readString(doc);
    }

    /** The part of docs/boards.md under a "## " heading, up to the next one. */
    static String section(String heading) throws IOException {
        String doc = boardsMd();
        int at = doc.indexOf("\n## " + heading + "\n");
        assertTrue(at >= 0, "docs/boards.md has no section '" + heading + "'");
        int end = doc.indexOf("\n## ", at + 1);
        return doc.substring(at, end < 0 ? doc.length() : end);
    }

    static List<String> boards() { return Profiles.list(); }

    @Test
    void listIsSortedAndHoldsExactlyTheBoardsOfTheDocs() throws IOException {
        List<String> names = Profiles.list();
        List<String> sorted = new ArrayList<>(names);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, names);
        List<String> documented = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(section("QEMU boards") + section("Serial boards"));
        while (m.find()) documented.add(m.group(1));
        java.util.Collections.sort(documented);
        assertEquals(names, documented, "docs/boards.md has a row for every shipped board and no other");
    }

    @ParameterizedTest
    @MethodSource("boards")
    void loadsAndIsConsistent(String name) {
        Target t = Profiles.load(name);
        assertEquals(name, t.name());
        assertTrue(t.source().shipped());
        assertEquals("boards/" + name + ".toml", t.source().label());
        List<String> layers = t.source().layers();
        assertTrue(layers.get(0).startsWith("cores/"), "base layer is a core: " + layers);
        assertTrue(layers.contains("boards/" + name + ".toml"));
        assertEquals("memory/constrained.toml", layers.get(layers.size() - 1));
        assertTrue(t.codeRegion().executable());
        assertTrue(t.dataRegion().writable());
        assertEquals(0, t.dataRegion().origin() % t.stackAlign());
        assertNotEquals(t.qemu().isPresent(), t.flash().isPresent(), "a board is either emulated or flashed");
        assertEquals(t.flash().isPresent(), t.exit().kind() == Exit.Kind.HALT, "only real boards halt");
        assertEquals(0, t.memory().heap());
        assertEquals("constrained", t.memory().name());
        assertFalse(t.llvmTriple().isEmpty());
        assertFalse(t.cpu().isEmpty());
        switch (t.arch()) {
            case CORTEX_M -> {
                List<String> v = t.vectorNames();
                assertEquals("InitialSP", v.get(0));
                assertEquals("Reset", v.get(1));
                assertEquals("HardFault", v.get(3));
                assertEquals("SysTick", v.get(15));
                assertTrue(t.llvmTriple().startsWith("thumbv"));
                assertTrue(t.abi().isEmpty());
                assertInstanceOf(Timer.SysTick.class, t.timer());
                assertEquals(t.cpuHz(), t.timer().hz(), "SysTick with CLKSOURCE=1 counts the CPU clock");
                assertEquals(t.hardFloat(), t.fpuEnableAtReset());
                assertFalse(t.interrupts().containsKey("InitialSP"));
                assertFalse(t.interrupts().containsKey("Reset"));
                for (Map.Entry<String, Long> e : t.interrupts().entrySet())
                    assertEquals(e.getKey(), v.get(e.getValue().intValue()), "interrupt number = index in the vector table");
                assertEquals(v.stream().filter(s -> !s.isEmpty()).count() - 2, t.interrupts().size());
                assertEquals("SysTick", t.canonicalInterrupt("Tick"), "Tick, the portable timer interrupt, is SysTick");
                assertEquals(15L, t.interruptNumber("Tick").orElseThrow());
                assertTrue(t.interruptPrologues().isEmpty(), "SysTick reloads itself: no prologue");
                assertEquals(new BoardConstant.Int(((Timer.SysTick) t.timer()).refHz(), BoardConstant.IntType.INT), t.constants().get("TimerRefHz"));
            }
            case RISCV32 -> {
                assertTrue(t.vectorNames().isEmpty());
                assertEquals("ilp32", t.abi());
                assertEquals(0x80000007L, t.interrupts().get("MachineTimer"), "the machine timer interrupt has mcause 0x80000007");
                assertEquals(CycleCounter.MCYCLE, t.cycleCounter());
                assertEquals("MachineTimer", t.canonicalInterrupt("Tick"), "Tick, the portable timer interrupt, is the machine timer");
                assertEquals("Fid.Timer.acknowledge", t.interruptPrologues().get("MachineTimer"), "mtimecmp is one-shot: the prelude re-arms it");
                assertTrue(t.constants().containsKey("MtimecmpAddr"));
                assertInstanceOf(Timer.Clint.class, t.timer());
                assertEquals(16, t.stackAlign());
                assertNotEquals(Exit.Kind.ARM_SEMIHOSTING, t.exit().kind());
            }
        }
        // Fid.Board constants mirror the Target
        assertEquals(new BoardConstant.Text(name), t.constants().get("Name"));
        assertEquals(new BoardConstant.Int(t.cpuHz(), BoardConstant.IntType.INT), t.constants().get("CpuHz"));
        assertEquals(new BoardConstant.Int(t.uart().base(), BoardConstant.IntType.UNATIVEINT), t.constants().get("UartBase"));
        assertEquals(List.of("Name", "CpuHz", "UartBase"), new ArrayList<>(t.constants().keySet()).subList(0, 3));
    }

    /** The QEMU table of docs/boards.md: machine, CPU, chip and UART of each emulated board. */
    @Test
    void qemuBoardsMatchTheDocs() throws IOException {
        String cli = section("QEMU boards");
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| `(qemu-system-[a-z0-9]+) -M ([a-z0-9_-]+)[^`]*` \\| ([^|]+) \\| ([^|]+) \\|").matcher(cli);
        int rows = 0;
        while (m.find()) {
            rows++;
            Target t = Profiles.load(m.group(1));
            Qemu q = t.qemu().orElseThrow();
            assertEquals(m.group(2), q.executable());
            assertEquals(m.group(3), q.machine());
            String cpu = m.group(4);
            assertTrue(cpu.startsWith(t.cpuName()), cpu + " vs " + t.cpuName());
            Matcher chip = Pattern.compile("\\(([^)]+)\\)").matcher(cpu);
            assertTrue(chip.find(), "the CPU column names the chip: " + cpu);
            assertEquals(chip.group(1), t.chip());
            Matcher hex = Pattern.compile("0x([0-9A-Fa-f]+)").matcher(m.group(5));
            assertTrue(hex.find(), "the UART column gives the address: " + m.group(5));
            assertEquals(Long.parseLong(hex.group(1), 16), t.uart().base(), m.group(1) + " UART base");
        }
        assertEquals(Profiles.all().stream().filter(t -> t.qemu().isPresent()).count(), rows, "a row per QEMU board");
    }

    /**
     * docs/boards.md gives the exact command line of each QEMU board, which is what its profile must
     * produce, with the "-icount shift=3,sleep=off" that deterministic timer interrupts need.
     */
    @Test
    void qemuCommandLinesAreTheDocumentedOnes() throws IOException {
        List<String> lines = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^qemu-system-\\S+ -M \\S+ .*-kernel IMAGE\\.elf$").matcher(section("QEMU boards"));
        while (m.find()) lines.add(m.group());
        int checked = 0;
        for (Target t : Profiles.all()) {
            if (t.qemu().isEmpty()) continue;
            String cmd = String.join(" ", t.qemu().get().commandLine(Path.of("IMAGE.elf")));
            assertTrue(cmd.contains(" -icount shift=3,sleep=off "), "deterministic timers need -icount ...,sleep=off: " + cmd);
            assertTrue(lines.contains(cmd), "not in docs/boards.md: " + cmd);
            checked++;
        }
        assertEquals(checked, lines.size(), "docs/boards.md gives one command line per QEMU board: " + lines);
    }

    /** The serial boards of docs/boards.md: chip, core, flash and RAM sizes. */
    @Test
    void serialBoardsMatchTheDocs() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| (\\S+) \\(([^,]+), (\\d+) KiB flash, (\\d+) KiB RAM\\) \\|")
                .matcher(section("Serial boards"));
        int rows = 0;
        while (m.find()) {
            rows++;
            Target t = Profiles.load(m.group(1));
            assertEquals(m.group(2), t.chip());
            assertEquals(m.group(3), t.cpuName());
            assertEquals(Long.parseLong(m.group(4)) * 1024, t.codeRegion().length());
            assertEquals(Long.parseLong(m.group(5)) * 1024, t.dataRegion().length());
            FlashMethod f = t.flash().orElseThrow();
            assertFalse(f.usbIds().isEmpty());
            assertEquals(t.codeRegion().origin(), 0x08000000L, "both chips boot from main flash at 0x08000000");
            assertTrue(t.codeRegion().length() % f.pageSize() == 0, "flash is a whole number of pages");
        }
        assertEquals(Profiles.all().stream().filter(t -> t.flash().isPresent()).count(), rows, "a row per serial board");
    }

    /** The two serial chips share a Get ID answer; their profiles carry what tells them apart, and their UF2 families. */
    @Test
    void theSerialChipsCanBeToldApartAndHaveTheirUf2Families() {
        FlashMethod.Identity stm = Profiles.load("bluepill").flash().orElseThrow().identity();
        FlashMethod.Identity gd = Profiles.load("longan-nano").flash().orElseThrow().identity();
        assertEquals(stm.chipId(), gd.chipId(), "both answer Get ID with 0x410");
        assertNotEquals(stm.bootloaderVersion(), gd.bootloaderVersion());
        assertNotEquals(stm.flashSizeKib(), gd.flashSizeKib());
        assertEquals(0x5EE21072, Profiles.load("bluepill").uf2Family().orElseThrow());
        assertEquals(0x9AF03E33, Profiles.load("longan-nano").uf2Family().orElseThrow());
        assertTrue(Profiles.load("lm3s6965evb").uf2Family().isEmpty(), "no UF2 family for the LM3S6965");
    }

    @Test
    void tableHasARowPerBoardWithItsMachineOrFlashMethod() {
        String table = Profiles.table();
        List<String> lines = table.lines().toList();
        assertEquals(Profiles.list().size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("BOARD"));
        for (Target t : Profiles.all()) {
            String row = lines.stream().filter(l -> l.startsWith(t.name() + " ")).findFirst().orElseThrow();
            assertTrue(row.contains(t.cpuSummary()), row);
            assertTrue(row.contains(Profiles.size(t.codeRegion().length())), row);
            assertTrue(row.contains(Profiles.size(t.dataRegion().length())), row);
            assertTrue(t.qemu().map(q -> row.contains("-M " + q.machine())).orElseGet(() -> row.contains("flash: " + t.flash().orElseThrow().protocol().id())), row);
        }
    }

    @Test
    void onlyRiscv32VirtNeedsAPmpStackGuard() throws IOException {
        // below riscv32-virt's RAM is the DRAM of its code region, which would take an overflow silently
        for (String name : Profiles.list()) {
            Target t = Profiles.load(name);
            assertEquals(name.equals("riscv32-virt") ? 4096 : 0, t.stackGuard(), name);
            if (t.stackGuard() > 0) {
                long lo = t.dataRegion().origin() - t.stackGuard();
                for (MemoryRegion r : t.regions())
                    assertFalse(r.origin() < t.dataRegion().origin() && r.origin() + r.length() > lo, name + ": " + r.name() + " overlaps the guard");
            }
        }
    }

    @Test
    void sizesPrintInTheLargestWholeUnit() {
        assertEquals("256 KiB", Profiles.size(256 * 1024));
        assertEquals("4 MiB", Profiles.size(4L << 20));
        assertEquals("1536 KiB", Profiles.size(1536 * 1024));
        assertEquals("100 B", Profiles.size(100));
    }

    @Test
    void unknownBoardNamesTheKnownOnesAndSuggests() {
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.load("microbt"));
        assertTrue(e.getMessage().contains("unknown board 'microbt'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'microbit'"), e.getMessage());
        for (String b : Profiles.list()) assertTrue(e.getMessage().contains(b), e.getMessage());
        ProfileException far = assertThrows(ProfileException.class, () -> Profiles.load("zzzzzzzzzz"));
        assertFalse(far.getMessage().contains("did you mean"), far.getMessage());
    }

    @Test
    void constantsRenderAsFSharpLiterals() {
        Target t = Profiles.load("lm3s6965evb");
        assertEquals("\"lm3s6965evb\"", t.constants().get("Name").fsharpLiteral());
        BoardConstant base = t.constants().get("UartBase");
        assertEquals("unativeint", base.fsharpType());
        String lit = base.fsharpLiteral();
        assertTrue(lit.endsWith("un"), lit);
        assertEquals(t.uart().base(), Long.parseLong(lit.substring(2, lit.length() - 2), 16));
        assertEquals("\"a\\\"b\\\\c\\n\"", new BoardConstant.Text("a\"b\\c\n").fsharpLiteral());
        assertEquals("0xFFFFFFFFu", new BoardConstant.Int(0xFFFF_FFFFL, BoardConstant.IntType.UINT32).fsharpLiteral());
        assertThrows(IllegalArgumentException.class, () -> new BoardConstant.Int(1L << 32, BoardConstant.IntType.UINT32));
    }

    @Test
    void stackReserveIsTheBoundPlusMarginAtLeastTheMinimumAligned() {
        for (Target t : Profiles.all()) {
            MemoryProfile m = t.memory();
            assertEquals(round(m.minStack(), t.stackAlign()), t.stackReserve(0));
            long bound = m.minStack() * 3 + 5;
            long r = t.stackReserve(bound);
            assertEquals(0, r % t.stackAlign());
            assertTrue(r >= bound + m.stackMargin() && r < bound + m.stackMargin() + t.stackAlign());
        }
    }

    private static long round(long v, long a) { return (v + a - 1) / a * a; }
}
