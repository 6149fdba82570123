// A user's board file: inheriting a shipped chip or board, overriding keys (tables merge, arrays replace),
// its own chip file and memory profile, and errors that name the file and the key (never a Jackson trace).
package org.fidembed.board;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class UserProfilesTest {
    @TempDir
    Path dir;

    /** A complete board on top of the shipped STM32F103C8 chip. */
    static final String MY_BLUEPILL = """
            inherits = "chip:stm32f103c8"
            description = "my board"

            [clock]
            cpu-hz = 72_000_000

            [timer]
            ref-hz = 9_000_000

            [uart]
            kind = "stm32-usart"
            base = 0x40004400
            clock-hz = 36_000_000

            [exit]
            kind = "halt"
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private ProfileException fails(Path p) {
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.load(p.toString()));
        assertNull(e.getCause(), "no parser exception is chained: " + e.getCause());
        return e;
    }

    @Test
    void userBoardInheritingAShippedChipLoads() throws IOException {
        Path p = write("my-pill.toml", MY_BLUEPILL);
        Target t = Profiles.load(p.toString());
        Target chipBoard = Profiles.load("bluepill");
        assertEquals("my-pill", t.name());
        assertEquals("my board", t.description());
        assertFalse(t.source().shipped());
        assertEquals(p.toString(), t.source().label());
        assertEquals(List.of("cores/cortex-m3.toml", "chips/stm32f103c8.toml", p.toString(), "memory/constrained.toml"), t.source().layers());
        assertEquals(72_000_000, t.cpuHz());
        assertEquals(new Timer.SysTick(72_000_000, 9_000_000), t.timer());
        assertEquals(0x40004400L, t.uart().base());
        assertEquals(115200, t.uart().baud(), "baud defaults to 115200");
        // what the chip and core say is unchanged
        assertEquals(chipBoard.regions(), t.regions());
        assertEquals(chipBoard.vectorNames(), t.vectorNames());
        assertEquals(chipBoard.llvmTriple(), t.llvmTriple());
        assertTrue(t.qemu().isEmpty());
        // the chip's system bootloader is the chip's: a board on it is flashable, entered by hand by default
        assertEquals(chipBoard.flash().orElseThrow().identity(), t.flash().orElseThrow().identity());
        assertInstanceOf(BootEntry.Manual.class, t.flash().orElseThrow().bootEntry());
        assertEquals(new BoardConstant.Text("my-pill"), t.constants().get("Name"));
    }

    @Test
    void overridingOneKeyOfATableKeepsTheOthers() throws IOException {
        Target base = Profiles.load("lm3s6965evb");
        Path p = write("lm-uart1.toml", """
                inherits = "board:lm3s6965evb"
                [uart]
                base = 0x4000D000
                [regions.RAM]
                length = 0x8000
                """);
        Target t = Profiles.load(p.toString());
        assertEquals(0x4000D000L, t.uart().base());
        assertEquals(base.uart().kind(), t.uart().kind());
        assertEquals(base.uart().clockHz(), t.uart().clockHz());
        assertEquals(base.uart().baud(), t.uart().baud());
        assertEquals(0x8000, t.dataRegion().length());
        assertEquals(base.dataRegion().origin(), t.dataRegion().origin());
        assertEquals(base.dataRegion().attrs(), t.dataRegion().attrs());
        assertEquals(base.codeRegion(), t.codeRegion());
        assertEquals(base.qemu(), t.qemu());
        assertEquals(base.vectorNames(), t.vectorNames());
        assertEquals(base.exit(), t.exit());
    }

    @Test
    void aShippedBoardOverridesItsChipKeyByKey() {
        // sifive-e moves FLASH's origin and length; attrs and kind still come from chips/fe310.toml
        Target e = Profiles.load("sifive-e");
        assertEquals(0x20400000L, e.codeRegion().origin(), "the reset code jumps to 0x20400000 (docs/boards.md)");
        assertEquals("rx", e.codeRegion().attrs());
        assertEquals(MemoryRegion.Kind.FLASH, e.codeRegion().kind());
        assertEquals("sifive-e31", e.cpu(), "chips/fe310.toml overrides the core's llvm-cpu");
        assertEquals("ilp32", e.abi(), "and keeps the core's ABI");
        // netduinoplus2's Cortex-M4F core inherits the Cortex-M3 core's exceptions
        Target n = Profiles.load("netduinoplus2");
        Target m3 = Profiles.load("lm3s6965evb");
        assertEquals(m3.vectorNames().subList(0, 16), n.vectorNames().subList(0, 16));
        assertTrue(n.hardFloat());
        assertEquals(CycleCounter.DWT, n.cycleCounter());
    }

    @Test
    void changingTheKindOfATableReplacesIt() throws IOException {
        // riscv32-virt's [exit] is sifive-test with an address; a semihosting variant must not inherit the address
        Path p = write("virt-semi.toml", """
                inherits = "board:riscv32-virt"
                [exit]
                kind = "riscv-semihosting"
                """);
        Target t = Profiles.load(p.toString());
        assertEquals(Exit.Kind.RISCV_SEMIHOSTING, t.exit().kind());
        assertTrue(t.exit().address().isEmpty());
        // the same kind merges: only the address changes
        Path q = write("virt-addr.toml", "inherits = \"board:riscv32-virt\"\n[exit]\naddress = 0x200000\n");
        Target u = Profiles.load(q.toString());
        assertEquals(Exit.Kind.SIFIVE_TEST, u.exit().kind());
        assertEquals(0x200000L, u.exit().address().getAsLong());
    }

    @Test
    void arraysReplaceRatherThanAppend() throws IOException {
        Target base = Profiles.load("lm3s6965evb");
        Path p = write("quiet.toml", """
                inherits = "board:lm3s6965evb"
                [qemu]
                args = ["-display", "none"]
                """);
        Target t = Profiles.load(p.toString());
        assertEquals(List.of("-display", "none"), t.qemu().orElseThrow().args());
        assertEquals(base.qemu().orElseThrow().machine(), t.qemu().orElseThrow().machine());
        assertEquals(base.qemu().orElseThrow().stderrNoise(), t.qemu().orElseThrow().stderrNoise());
    }

    @Test
    void userChipFileByRelativePathAndUserConstants() throws IOException {
        write("chips/mychip.toml", """
                inherits = "core:cortex-m0"
                chip = "MYCHIP"
                [regions.FLASH]
                origin = 0
                length = 0x8000
                attrs = "rx"
                kind = "flash"
                [regions.RAM]
                origin = 0x20000000
                length = 0x2000
                attrs = "rwx"
                kind = "ram"
                [memory-map]
                code = "FLASH"
                data = "RAM"
                [vectors]
                count = 20
                irqs = ["A", "", "C"]
                [timer]
                kind = "systick"
                """);
        Path p = write("boards/mine.toml", """
                inherits = "../chips/mychip.toml"
                [clock]
                cpu-hz = 48_000_000
                [timer]
                ref-hz = 6_000_000
                [uart]
                kind = "pl011"
                base = 0x40001000
                clock-hz = 48_000_000
                [exit]
                kind = "arm-semihosting"
                [constants]
                LedPin = 13
                Greeting = "hi"
                Fast = true
                GpioBase = { value = 0x50000000, type = "unativeint" }
                """);
        Target t = Profiles.load(p.toString());
        assertEquals("MYCHIP", t.chip());
        assertEquals(20, t.vectorNames().size());
        assertEquals(16L, t.interrupts().get("A"));
        assertEquals(18L, t.interrupts().get("C"));
        assertEquals("", t.vectorNames().get(17));
        assertEquals("", t.vectorNames().get(19), "slots past the named IRQs are reserved");
        assertEquals(new BoardConstant.Int(13, BoardConstant.IntType.INT), t.constants().get("LedPin"));
        assertEquals(new BoardConstant.Text("hi"), t.constants().get("Greeting"));
        assertEquals(new BoardConstant.Bool(true), t.constants().get("Fast"));
        assertEquals("0x50000000un", t.constants().get("GpioBase").fsharpLiteral());
        assertEquals(dir.resolve("chips/mychip.toml").normalize().toString(), t.source().layers().get(1));
    }

    @Test
    void memoryProfileFromAUserFileInheritingTheShippedOne() throws IOException {
        write("big-stack.toml", """
                inherits = "memory:constrained"
                [memory]
                min-stack = 2048
                """);
        Path p = write("b.toml", "inherits = \"board:microbit\"\nmemory-profile = \"big-stack.toml\"\n");
        Target t = Profiles.load(p.toString());
        MemoryProfile shipped = Profiles.load("microbit").memory();
        assertEquals("big-stack", t.memory().name());
        assertEquals(2048, t.memory().minStack());
        assertEquals(shipped.stackMargin(), t.memory().stackMargin(), "inherited from memory/constrained.toml");
        Target viaOverride = Profiles.load("microbit", dir.resolve("big-stack.toml").toString());
        assertEquals(t.memory(), viaOverride.memory());
        assertEquals(dir.resolve("big-stack.toml").toString(), viaOverride.source().layers().get(viaOverride.source().layers().size() - 1));
        Target plain = Profiles.load("microbit");
        assertEquals(plain.regions(), viaOverride.regions());
        assertEquals(t.memory(), plain.withMemory(t.memory()).memory());
        assertEquals(plain.constants(), plain.withMemory(t.memory()).constants());
    }

    @Test
    void panicStrategyComesFromTheMemoryProfileAndABoardOverridesIt() throws IOException {
        assertEquals(PanicStrategy.MESSAGE, Profiles.load("microbit").memory().panic(), "memory/constrained.toml's default");
        write("traps.toml", """
                inherits = "memory:constrained"
                [memory]
                panic = "trap"
                """);
        Path viaMemory = write("m.toml", "inherits = \"board:microbit\"\nmemory-profile = \"traps.toml\"\n");
        assertEquals(PanicStrategy.TRAP, Profiles.load(viaMemory.toString()).memory().panic());
        Path board = write("l.toml", "inherits = \"board:microbit\"\nmemory-profile = \"traps.toml\"\npanic = \"location\"\n");
        Target t = Profiles.load(board.toString());
        assertEquals(PanicStrategy.LOCATION, t.memory().panic(), "the board's key wins over its memory profile's");
        assertEquals(PanicStrategy.MESSAGE, t.withPanic(PanicStrategy.MESSAGE).memory().panic());
        assertEquals(t.memory().minStack(), t.withPanic(PanicStrategy.TRAP).memory().minStack());
        Path bad = write("bad.toml", "inherits = \"board:microbit\"\npanic = \"abort\"\n");
        ProfileException e = fails(bad);
        assertTrue(e.getMessage().startsWith(bad + ":2: key 'panic': expected \"message\", \"location\" or \"trap\", found \"abort\""), e.getMessage());
    }

    // ---- errors name the file and the key ----

    @Test
    void badTypeNamesFileAndKey() throws IOException {
        Path p = write("bad.toml", MY_BLUEPILL.replace("base = 0x40004400", "base = \"0x40004400\""));
        ProfileException e = fails(p);
        assertTrue(e.getMessage().startsWith(p + ":12: key 'uart.base': expected an integer address"), e.getMessage());
        assertEquals(p.toString(), e.file().orElseThrow());
        assertEquals("uart.base", e.key().orElseThrow());
    }

    @Test
    void uartSetupIsReadAsRegisterWritesAndCheckedElementByElement() throws IOException {
        Uart u = Profiles.load("bluepill").uart();
        assertEquals(List.of(new Uart.RegisterWrite(0x40021018L, 0, 0x4004), new Uart.RegisterWrite(0x40010804L, 0xF0, 0xB0)), u.setup(),
                "RM0008: clock port A and USART1, PA9 alternate-function push-pull");
        assertEquals(List.of(), Profiles.load("lm3s6965evb").uart().setup(), "QEMU's UARTs work from reset");
        Path p = write("s.toml", "inherits = \"board:bluepill\"\n[uart]\nsetup = [ { address = 0x40021019, set = 1 } ]\n");
        assertTrue(fails(p).getMessage().startsWith(p + ":3: key 'uart.setup': element 0: the address 0x40021019 is not 4-byte aligned"), fails(p).getMessage());
        Path q = write("t.toml", "inherits = \"board:bluepill\"\n[uart]\nsetup = [ { address = 0x40021018, value = 1 } ]\n");
        assertTrue(fails(q).getMessage().contains("element 0: expected { address = 0x40021018, set = 0x4004 }"), fails(q).getMessage());
    }

    @Test
    void missingKeyNamesTheRequestedFileAndTheLayers() throws IOException {
        Path p = write("nobase.toml", MY_BLUEPILL.replace("base = 0x40004400\n", ""));
        ProfileException e = fails(p);
        assertTrue(e.getMessage().startsWith(p + ": key 'uart.base': missing"), e.getMessage());
        assertTrue(e.getMessage().contains("chips/stm32f103c8.toml"), e.getMessage());
    }

    @Test
    void errorInAnInheritedFileNamesThatFile() throws IOException {
        Path chip = write("c.toml", "inherits = \"chip:stm32f103c8\"\n[regions.RAM]\nlength = -5\n");
        Path p = write("b.toml", MY_BLUEPILL.replace("inherits = \"chip:stm32f103c8\"", "inherits = \"c.toml\""));
        ProfileException e = fails(p);
        assertTrue(e.getMessage().startsWith(chip + ":3: key 'regions.RAM.length': expected a length in bytes"), e.getMessage());
    }

    @Test
    void unknownInheritListsTheKnownOnes() throws IOException {
        Path p = write("u.toml", "inherits = \"chip:stm32f999\"\n");
        ProfileException e = fails(p);
        assertTrue(e.getMessage().startsWith(p + ":1: key 'inherits': unknown chip 'stm32f999'"), e.getMessage());
        assertTrue(e.getMessage().contains("stm32f103c8") && e.getMessage().contains("lm3s6965"), e.getMessage());
        Path q = write("v.toml", "inherits = \"stm32f103c8\"\n");
        assertTrue(fails(q).getMessage().contains("expected \"core:NAME\", \"chip:NAME\""));
        Path r = write("w.toml", "inherits = \"nowhere.toml\"\n");
        assertTrue(fails(r).getMessage().startsWith(r + ":1: key 'inherits': no such file: " + dir.resolve("nowhere.toml")));
    }

    @Test
    void inheritanceCycleIsReported() throws IOException {
        Path a = write("a.toml", "inherits = \"b.toml\"\n");
        write("b.toml", "inherits = \"c.toml\"\n");
        write("c.toml", "inherits = \"a.toml\"\n");
        ProfileException e = fails(a);
        assertTrue(e.getMessage().contains("key 'inherits': inheritance cycle: "), e.getMessage());
        assertTrue(e.getMessage().contains(a + " -> " + dir.resolve("b.toml") + " -> " + dir.resolve("c.toml") + " -> " + dir.resolve("a.toml")), e.getMessage());
        Path self = write("self.toml", "inherits = \"self.toml\"\n");
        assertTrue(fails(self).getMessage().contains("inheritance cycle"));
    }

    @Test
    void invalidTomlGivesLineAndColumn() throws IOException {
        Path p = write("broken.toml", "inherits = \"board:microbit\"\n[uart]\nbase = 0x4000\nbase = 0x5000\n");
        ProfileException e = fails(p);
        assertTrue(e.getMessage().startsWith(p + ":4: invalid TOML at line 4: Duplicate key"), e.getMessage());
        assertFalse(e.getMessage().contains("jackson"), e.getMessage());
    }

    @Test
    void unknownKeyIsAnError() throws IOException {
        Path p = write("typo.toml", "inherits = \"board:microbit\"\n[uart]\nbsae = 0x4000\n");
        ProfileException e = fails(p);
        assertTrue(e.getMessage().startsWith(p + ":3: key 'uart.bsae': unknown key (did you mean 'base'? known keys of [uart]"), e.getMessage());
        assertTrue(e.getMessage().contains("base"), e.getMessage());
        Path q = write("typo2.toml", "inherits = \"board:microbit\"\nqemmu = 1\n");
        assertTrue(fails(q).getMessage().startsWith(q + ":2: key 'qemmu': unknown key (did you mean 'qemu'?"), fails(q).getMessage());
    }

    @Test
    void crossKeyRulesAreChecked() throws IOException {
        record Case(String text, String key, String words) { }
        List<Case> cases = List.of(
                new Case("inherits = \"board:microbit\"\n[exit]\nkind = \"riscv-semihosting\"\n", "exit.kind", "RISC-V core"),
                new Case("inherits = \"board:riscv32-virt\"\n[exit]\nkind = \"sifive-test\"\naddress = \"x\"\n", "exit.address", "expected an integer address"),
                new Case("inherits = \"board:microbit\"\n[memory-map]\ncode = \"ROM\"\n", "memory-map.code", "no region named 'ROM'"),
                new Case("inherits = \"board:microbit\"\n[regions.RAM]\norigin = 0x100\n", "regions.RAM.origin", "overlaps region FLASH"),
                new Case("inherits = \"board:netduinoplus2\"\n[cpu]\nfpu-enable-at-reset = false\n", "cpu.fpu-enable-at-reset", "must be true"),
                new Case("inherits = \"board:microbit\"\n[cpu]\ncycle-counter = \"mcycle\"\n", "cpu.cycle-counter", "only on RISC-V"),
                new Case("inherits = \"board:microbit\"\n[vectors]\ncount = 20\n", "vectors.count", "26 IRQs"),
                new Case("inherits = \"board:microbit\"\n[uart]\nkind = \"pl0011\"\n", "uart.kind", "\"pl011\""),
                new Case("inherits = \"board:sifive-e\"\n[interrupts]\nMachineTimer = 7\n", "interrupts.MachineTimer", "bit 31 set"),
                new Case("inherits = \"board:microbit\"\n[constants]\nName = \"x\"\n", "constants.Name", "built in"),
                new Case("inherits = \"board:microbit\"\n[memory]\nheap = 1\n", "memory", "memory profile"),
                new Case("inherits = \"board:bluepill\"\n[flash]\npage-size = 1000\n", "flash.page-size", "power of two"),
                new Case("inherits = \"board:bluepill\"\n[flash.boot-entry]\nkind = \"lines\"\nsequence = \"dtr,boot0\"\n", "flash.boot-entry.sequence", "-i syntax"),
                new Case("inherits = \"board:bluepill\"\n[flash.boot-entry]\nkind = \"lines\"\n", "flash.boot-entry.sequence", "missing"),
                new Case("inherits = \"board:microbit\"\n[memory-map]\nstack-guard = 4096\n", "memory-map.stack-guard", "RISC-V only"),
                new Case("inherits = \"board:riscv32-virt\"\n[memory-map]\nstack-guard = 6\n", "memory-map.stack-guard", "4-byte PMP words"),
                new Case("inherits = \"board:riscv32-virt\"\n[regions.FLASH]\nlength = 0x100000\n", "regions.FLASH.length", "overlaps the stack guard [0x800FF000, 0x80100000)"));
        int i = 0;
        for (Case c : cases) {
            Path p = write("case" + i++ + ".toml", c.text());
            ProfileException e = fails(p);
            assertEquals(c.key(), e.key().orElse(null), e.getMessage());
            assertTrue(e.getMessage().contains(c.words()), e.getMessage());
            assertEquals(p.toString(), e.file().orElseThrow(), e.getMessage());
        }
    }

    @Test
    void missingFileAndShippedNameForms() throws IOException {
        ProfileException e = assertThrows(ProfileException.class, () -> Profiles.load(dir.resolve("none.toml").toString()));
        assertEquals(dir.resolve("none.toml") + ": no such file", e.getMessage());
        assertEquals(Profiles.load("microbit"), Profiles.load("board:microbit"));
        assertTrue(Profiles.looksLikePath("x.toml"));
        assertTrue(Profiles.looksLikePath("dir/x"));
        assertFalse(Profiles.looksLikePath("microbit"));
        ProfileException m = assertThrows(ProfileException.class, () -> Profiles.load("microbit", "roomy"));
        assertTrue(m.getMessage().contains("unknown memory profile 'roomy'") && m.getMessage().contains("constrained"), m.getMessage());
    }

    @Test
    void aBoardWithAnAutoResetCircuitDrivesDtrAndRts() throws IOException {
        Path p = write("auto.toml", """
                inherits = "board:bluepill"
                [flash.boot-entry]
                kind = "lines"
                sequence = "-rts&dtr,-dtr:rts&dtr,-dtr"
                """);
        Target t = Profiles.load(p.toString());
        Target base = Profiles.load("bluepill");
        BootEntry.Lines lines = assertInstanceOf(BootEntry.Lines.class, t.flash().orElseThrow().bootEntry());
        assertEquals("-rts&dtr,-dtr:rts&dtr,-dtr", lines.sequence());
        assertEquals(List.of(new BootEntry.Step(BootEntry.Line.RTS, false, 0), new BootEntry.Step(BootEntry.Line.DTR, true, 100),
                new BootEntry.Step(BootEntry.Line.DTR, false, 100)), lines.enter());
        assertEquals(List.of(new BootEntry.Step(BootEntry.Line.RTS, true, 0), new BootEntry.Step(BootEntry.Line.DTR, true, 100),
                new BootEntry.Step(BootEntry.Line.DTR, false, 100)), lines.exit());
        assertEquals(base.flash().orElseThrow().chipId(), t.flash().orElseThrow().chipId());
        assertEquals(base.flash().orElseThrow().usbIds(), t.flash().orElseThrow().usbIds());
        assertInstanceOf(BootEntry.Manual.class, base.flash().orElseThrow().bootEntry());
    }
    @Test
    void interruptAliasesAndProloguesAreCheckedAgainstTheInterrupts() throws IOException {
        Path ok = write("alias.toml", "inherits = \"board:sifive-e\"\n[interrupt-aliases]\nSoftware = \"MachineSoftware\"\n");
        Target t = Profiles.load(ok.toString());
        assertEquals("MachineSoftware", t.canonicalInterrupt("Software"));
        assertEquals("MachineTimer", t.canonicalInterrupt("Tick"), "the core's alias is kept");
        assertEquals(t.interruptNumber("MachineSoftware"), t.interruptNumber("Software"));
        assertEquals("Fid.Timer.acknowledge", t.interruptPrologues().get("MachineTimer"));

        record Bad(String text, String key, String says) { }
        List<Bad> bad = List.of(
                new Bad("[interrupt-aliases]\nTock = \"NoSuchIrq\"\n", "interrupt-aliases.Tock", "no interrupt named 'NoSuchIrq'"),
                new Bad("[interrupt-aliases]\nMachineExternal = \"MachineTimer\"\n", "interrupt-aliases.MachineExternal", "already the name of an interrupt"),
                new Bad("[interrupt-prologues]\nTick = \"Fid.Timer.acknowledge\"\n", "interrupt-prologues.Tick", "is an alias"),
                new Bad("[interrupt-prologues]\nMachineExternal = \"acknowledge\"\n", "interrupt-prologues.MachineExternal", "qualified name"),
                new Bad("[interrupt-prologues]\nNope = \"Fid.Timer.acknowledge\"\n", "interrupt-prologues.Nope", "no interrupt named 'Nope'"));
        for (Bad b : bad) {
            Path p = write("bad-alias.toml", "inherits = \"board:riscv32-virt\"\n" + b.text());
            ProfileException e = fails(p);
            assertEquals(b.key(), e.key().orElse(null), e.getMessage());
            assertTrue(e.getMessage().contains(b.says()), e.getMessage());
        }
        Path arm = write("arm-alias.toml", "inherits = \"board:lm3s6965evb\"\n[interrupt-aliases]\nTock = \"MachineTimer\"\n");
        ProfileException e = fails(arm);
        assertTrue(e.getMessage().contains("no interrupt named 'MachineTimer'") && e.getMessage().contains("SysTick"), e.getMessage());
    }

    @Test
    void pinsDriversAndTheSvdAreCheckedWhereTheyAreWritten() throws IOException {
        Target t = Profiles.load(write("pins.toml", MY_BLUEPILL + "\n[pins]\nLed = \"GPIOB.12\"\nButton = \"GPIOA.0\"\n").toString());
        assertEquals(java.util.Map.of("Led", "GPIOB.12", "Button", "GPIOA.0"), t.pins());
        assertEquals("STM32F103.svd", t.svd().orElseThrow());
        assertEquals("stm32f1", t.drivers().get("gpio"));
        ProfileException badPin = fails(write("badpin.toml", MY_BLUEPILL + "\n[pins]\nLed = \"PB12\"\n"));
        assertTrue(badPin.getMessage().contains("key 'pins.Led': expected \"PERIPHERAL.PIN\" with a pin number 0-31, e.g. \"GPIOF.0\", found \"PB12\""), badPin.getMessage());
        ProfileException clash = fails(write("clash.toml", MY_BLUEPILL + "\n[pins]\nCpuHz = \"GPIOB.1\"\n"));
        assertTrue(clash.getMessage().contains("Fid.Board.CpuHz is already a constant"), clash.getMessage());
        ProfileException svd = fails(write("svd.toml", "svd = \"chip.xml\"\n" + MY_BLUEPILL));
        assertTrue(svd.getMessage().contains("key 'svd': expected the name of a CMSIS-SVD file ending in .svd"), svd.getMessage());
        Target buses = Profiles.load(write("buses.toml", MY_BLUEPILL + "\n[drivers]\nspi = \"pl022\"\ni2c = \"stellaris\"\n").toString());
        assertEquals(java.util.Map.of("gpio", "stm32f1", "spi", "pl022", "i2c", "stellaris"), buses.drivers());
        ProfileException driver = fails(write("drv.toml", MY_BLUEPILL + "\n[drivers]\ncan = \"bxcan\"\n"));
        assertTrue(driver.getMessage().contains("key 'drivers.can': unknown key"), driver.getMessage());
    }
}
