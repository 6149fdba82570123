// Validates a merged profile once and builds the Target: every key is checked for type, range and
// consistency with the others, and unknown keys are errors, each naming the file that set the key.
package org.fidembed.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

final class TargetReader {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");
    private static final Pattern FEATURE = Pattern.compile("[+-][a-z0-9][a-z0-9._-]*");
    private static final int SYSTEM_VECTORS = 16;
    /** ARMv7-M allows 496 external interrupts. */
    private static final int MAX_VECTORS = 16 + 496;

    private static final Pattern QUALIFIED = Pattern.compile("[A-Z][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final List<String> TOP = List.of("description", "chip", "cpu", "vectors", "interrupts", "interrupt-aliases", "interrupt-prologues", "regions", "memory-map",
            "boot", "clock", "timer", "uart", "exit", "qemu", "flash", "debug", "memory", "constants", "uf2-family", "capabilities", "panic",
            "svd", "pins", "drivers");
    private static final Pattern SVD_FILE = Pattern.compile("[A-Za-z0-9_./-]+\\.svd");
    /** A register or field of the SVD: PERIPHERAL.REGISTER or PERIPHERAL.REGISTER.FIELD. */
    private static final Pattern DRIVER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){1,2}");
    private static final Pattern PIN = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\.([0-9]|[12][0-9]|3[01])");

    private final Doc doc;

    private TargetReader(Doc doc) { this.doc = doc; }

    static Target read(Doc doc, String name, String memoryName, ProfileSource source) {
        return new TargetReader(doc).target(name, memoryName, source);
    }

    private Target target(String name, String memoryName, ProfileSource source) {
        doc.allowOnly("", TOP);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"))
            throw new ProfileException(source.label(), null, "the board name '" + name + "' (from the file name) may use only letters, digits, '.', '_' and '-'");
        String chip = doc.string("chip");
        String description = doc.optString("description").orElse(name);

        Cpu cpu = cpu();
        Arch arch = cpu.arch();
        int stackAlign = cpu.stackAlign();
        Capabilities caps = capabilities(arch, cpu.triple(), cpu.hardFloat(), cpu.fpuEnable());

        List<MemoryRegion> regions = regions();
        doc.allowOnly("memory-map", List.of("code", "data", "stack-guard"));
        MemoryRegion code = region(regions, "memory-map.code");
        MemoryRegion data = region(regions, "memory-map.data");
        if (!code.executable()) throw doc.error("memory-map.code", "region " + code.name() + " is not executable (attrs \"" + code.attrs() + "\")");
        if (!data.writable()) throw doc.error("memory-map.data", "region " + data.name() + " is not writable (attrs \"" + data.attrs() + "\")");
        if (code.equals(data)) throw doc.error("memory-map.data", "code and data need distinct regions (the .data image is copied from one to the other)");
        if (data.origin() % stackAlign != 0)
            throw doc.error("regions." + data.name() + ".origin", "the stack sits at the bottom of the data region, which must be aligned to " + stackAlign + " bytes");
        if (code.origin() % 4 != 0) throw doc.error("regions." + code.name() + ".origin", "the code region must be 4-byte aligned");

        OptionalLong bootAlias = OptionalLong.empty();
        if (doc.has("boot")) {
            doc.allowOnly("boot", List.of("alias"));
            bootAlias = OptionalLong.of(doc.address("boot.alias"));
        }

        long stackGuard = stackGuard(arch, regions, data);

        List<String> vectorNames = arch == Arch.CORTEX_M ? vectors() : List.of();
        Map<String, Long> interrupts = interrupts(arch, vectorNames);
        Map<String, String> aliases = interruptAliases(interrupts);
        Map<String, String> prologues = interruptPrologues(interrupts, aliases);

        doc.allowOnly("clock", List.of("cpu-hz"));
        long cpuHz = doc.positive("clock.cpu-hz", "a frequency in Hz");
        Timer timer = timer(arch, cpuHz);
        Uart uart = uart();
        Exit exit = exit(arch);
        HostToolsReader tools = new HostToolsReader(doc);
        Optional<Qemu> qemu = tools.qemu();
        Optional<FlashMethod> flash = tools.flash();
        Optional<DebugProbe> debug = tools.debugProbe();
        MemoryProfile memory = memory(memoryName);
        Map<String, BoardConstant> constants = constants(name, cpuHz, uart, timer, code, data);
        OptionalInt uf2Family = doc.has("uf2-family")
                ? OptionalInt.of((int) doc.integer("uf2-family", "a 32-bit UF2 family ID (uf2families.json)", 0, 0xFFFF_FFFFL))
                : OptionalInt.empty();

        ChipData chipData = chipData(constants, interrupts);

        return new Target(name, description, chip, cpu.name(), arch, cpu.triple(), cpu.llvmCpu(), cpu.features(), caps, cpu.abi(), cpu.hardFloat(), cpu.fpuEnable(), stackAlign, cpuHz,
                regions, code, data, bootAlias, stackGuard, vectorNames, interrupts, aliases, prologues, uart, exit, qemu, cpu.cycles(), timer, flash, debug, memory, constants,
                uf2Family, chipData.svd(), chipData.svdVectors(), chipData.drivers(), chipData.driverNames(), chipData.pins(), source);
    }

    /** The peripheral kinds the HAL has drivers for: [drivers] KIND = "NAME" is the prelude's hal/KIND-NAME.fs. */
    public static final List<String> DRIVER_KINDS = List.of("gpio", "spi", "i2c");

    /** What the chip's SVD, the HAL's drivers and the board's named pins add to a target. */
    private record ChipData(Optional<String> svd, SvdVectors svdVectors, Map<String, String> drivers, Map<String, String> driverNames,
                            Map<String, String> pins) {}

    private ChipData chipData(Map<String, BoardConstant> constants, Map<String, Long> interrupts) {
        Optional<String> svd = doc.optString("svd");
        if (svd.isPresent() && !SVD_FILE.matcher(svd.get()).matches())
            throw doc.error("svd", "expected the name of a CMSIS-SVD file ending in .svd, found \"" + svd.get() + "\"");
        Map<String, String> pins = pins(constants, svd);
        SvdVectors svdVectors = svdVectors(interrupts);
        if (doc.has("drivers")) doc.allowOnly("drivers", java.util.stream.Stream.concat(DRIVER_KINDS.stream(), java.util.stream.Stream.of("names")).toList());
        Map<String, String> drivers = new LinkedHashMap<>();
        for (String kind : DRIVER_KINDS)
            doc.optString("drivers." + kind).ifPresent(v -> {
                if (!v.matches("[a-z0-9][a-z0-9-]*")) throw doc.error("drivers." + kind, "a driver name is lower-case letters, digits and '-', found \"" + v + "\"");
                drivers.put(kind, v);
            });
        if (!drivers.isEmpty() && svd.isEmpty()) throw doc.error("drivers", "the HAL's drivers work on the chip's registers: name its SVD file (svd = \"...\")");
        Map<String, String> names = new LinkedHashMap<>();
        if (doc.has("drivers.names"))
            for (Map.Entry<String, JsonNode> e : doc.table("drivers.names").properties()) {
                String v = e.getValue().isTextual() ? e.getValue().textValue() : "";
                if (!DRIVER_NAME.matcher(e.getKey()).matches() || !DRIVER_NAME.matcher(v).matches() || e.getKey().split("\\.").length != v.split("\\.").length)
                    throw doc.error("drivers.names", "expected \"PERIPHERAL.REGISTER\" or \"PERIPHERAL.REGISTER.FIELD\" on both sides, found \"" + e.getKey() + "\" = \"" + v + "\"");
                names.put(e.getKey(), v);
            }
        return new ChipData(svd, svdVectors, drivers, names, pins);
    }

    /** [vectors] svd-names, not-in-svd, svd-only: where the SVD's interrupts knowingly differ from the table. */
    private SvdVectors svdVectors(Map<String, Long> interrupts) {
        if (!doc.has("vectors")) return SvdVectors.NONE;
        Map<String, String> renamed = new LinkedHashMap<>();
        if (doc.has("vectors.svd-names"))
            for (Map.Entry<String, JsonNode> e : doc.table("vectors.svd-names").properties()) {
                String path = "vectors.svd-names." + e.getKey();
                if (!interrupts.containsKey(e.getKey())) throw doc.error(path, "'" + e.getKey() + "' is not a vector of the table");
                renamed.put(e.getKey(), doc.string(path));
            }
        List<String> missing = doc.optStrings("vectors.not-in-svd");
        for (String m : missing)
            if (!interrupts.containsKey(m)) throw doc.error("vectors.not-in-svd", "'" + m + "' is not a vector of the table");
        return new SvdVectors(renamed, missing, doc.optStrings("vectors.svd-only"));
    }

    /** [pins] Led = "GPIOF.0": a board's named pins, each a GPIO peripheral of the chip's SVD and a pin number 0-31. */
    private Map<String, String> pins(Map<String, BoardConstant> constants, Optional<String> svd) {
        Map<String, String> pins = new LinkedHashMap<>();
        if (!doc.has("pins")) return pins;
        if (svd.isEmpty()) throw doc.error("pins", "named pins need the chip's SVD file (svd = \"...\") to find their ports");
        for (Map.Entry<String, JsonNode> e : doc.table("pins").properties()) {
            String path = "pins." + e.getKey();
            if (!CONSTANT_NAME.matcher(e.getKey()).matches()) throw doc.error(path, "a pin name starts with an upper-case letter and is an identifier");
            if (constants.containsKey(e.getKey())) throw doc.error(path, "Fid.Board." + e.getKey() + " is already a constant; choose another name");
            String v = doc.string(path);
            if (!PIN.matcher(v).matches()) throw doc.error(path, "expected \"PERIPHERAL.PIN\" with a pin number 0-31, e.g. \"GPIOF.0\", found \"" + v + "\"");
            pins.put(e.getKey(), v);
        }
        return pins;
    }


    /** The [cpu] table: core, triple, ABI, float and FPU facts, checked against each other. */
    private record Cpu(String name, Arch arch, String triple, String llvmCpu, List<String> features, String abi,
                       boolean hardFloat, boolean fpuEnable, CycleCounter cycles, int stackAlign) {}

    private Cpu cpu() {
        doc.allowOnly("cpu", List.of("name", "arch", "llvm-triple", "llvm-cpu", "features", "float-abi", "abi",
                "fpu-enable-at-reset", "cycle-counter", "stack-align"));
        String cpuName = doc.string("cpu.name");
        Arch arch = doc.choice("cpu.arch", Arch.values(), Arch::id);
        String triple = doc.string("cpu.llvm-triple");
        if (arch == Arch.CORTEX_M && !triple.startsWith("thumbv"))
            throw doc.error("cpu.llvm-triple", "a Cortex-M triple starts with \"thumbv\" (e.g. \"thumbv7m-none-eabi\"), found \"" + triple + "\"");
        if (arch == Arch.RISCV32 && !triple.startsWith("riscv32"))
            throw doc.error("cpu.llvm-triple", "a RV32 triple starts with \"riscv32\" (e.g. \"riscv32-unknown-none-elf\"), found \"" + triple + "\"");
        String llvmCpu = doc.nonEmpty("cpu.llvm-cpu");
        List<String> features = doc.optStrings("cpu.features");
        for (String f : features)
            if (!FEATURE.matcher(f).matches()) throw doc.error("cpu.features", "a feature is \"+name\" or \"-name\", found \"" + f + "\"");
        boolean hardFloat = doc.choice("cpu.float-abi", new String[]{"soft", "hard"}, s -> s).equals("hard");
        String abi = doc.optString("cpu.abi").orElse("");
        if (arch == Arch.RISCV32 && !List.of("ilp32", "ilp32e", "ilp32f", "ilp32d").contains(abi))
            throw doc.has("cpu.abi") ? doc.error("cpu.abi", "expected \"ilp32\", \"ilp32e\", \"ilp32f\" or \"ilp32d\", found \"" + abi + "\"") : doc.missing("cpu.abi");
        if (arch == Arch.CORTEX_M && !abi.isEmpty())
            throw doc.error("cpu.abi", "leave it empty on Cortex-M: the triple selects the ABI (eabi or eabihf)");
        if (arch == Arch.RISCV32 && hardFloat && !(abi.equals("ilp32f") || abi.equals("ilp32d")))
            throw doc.error("cpu.float-abi", "hard float on RISC-V needs abi = \"ilp32f\" or \"ilp32d\"");
        if (arch == Arch.CORTEX_M && hardFloat != triple.endsWith("hf"))
            throw doc.error("cpu.float-abi", "float-abi \"" + (hardFloat ? "hard" : "soft") + "\" does not match the triple \"" + triple + "\"");
        boolean fpuEnable = doc.optBool("cpu.fpu-enable-at-reset", false);
        if (fpuEnable && arch != Arch.CORTEX_M) throw doc.error("cpu.fpu-enable-at-reset", "only Cortex-M enables its FPU through CPACR");
        if (arch == Arch.CORTEX_M && hardFloat && !fpuEnable)
            throw doc.error("cpu.fpu-enable-at-reset", "must be true with float-abi = \"hard\": compiled prologues save FP registers, "
                    + "so the reset handler must enable the FPU (CPACR) before any compiled code runs");
        CycleCounter cycles = doc.choice("cpu.cycle-counter", CycleCounter.values(), CycleCounter::id);
        if (cycles == CycleCounter.DWT && arch != Arch.CORTEX_M) throw doc.error("cpu.cycle-counter", "\"dwt\" exists only on Cortex-M (ARMv7-M)");
        if (cycles == CycleCounter.MCYCLE && arch != Arch.RISCV32) throw doc.error("cpu.cycle-counter", "\"mcycle\" exists only on RISC-V");
        int stackAlign = doc.has("cpu.stack-align") ? (int) doc.integer("cpu.stack-align", "a power of two", 4, 64) : (arch == Arch.CORTEX_M ? 8 : 16);
        if (Integer.bitCount(stackAlign) != 1) throw doc.error("cpu.stack-align", "expected a power of two, found " + stackAlign);
        return new Cpu(cpuName, arch, triple, llvmCpu, features, abi, hardFloat, fpuEnable, cycles, stackAlign);
    }

    /** Interrupt names and numbers: from the vector table on Cortex-M, from [interrupts] (mcause values) on RISC-V. */
    private Map<String, Long> interrupts(Arch arch, List<String> vectorNames) {
        Map<String, Long> interrupts = new LinkedHashMap<>();
        if (arch == Arch.CORTEX_M) {
            if (doc.has("interrupts"))
                throw doc.error("interrupts", "Cortex-M interrupts are named by [vectors] (system and irqs); remove [interrupts]");
            for (int i = 2; i < vectorNames.size(); i++)
                if (!vectorNames.get(i).isEmpty()) interrupts.put(vectorNames.get(i), (long) i);
        } else {
            if (doc.has("vectors")) throw doc.error("vectors", "RISC-V has no vector table; name interrupt sources with their mcause in [interrupts]");
            ObjectNode t = doc.table("interrupts");
            for (Map.Entry<String, JsonNode> e : t.properties()) {
                String path = "interrupts." + e.getKey();
                if (!IDENT.matcher(e.getKey()).matches()) throw doc.error(path, "an interrupt name is an identifier");
                long cause = doc.integerValue(path, e.getValue(), "an mcause value", 0, 0xFFFF_FFFFL);
                if ((cause & 0x8000_0000L) == 0) throw doc.error(path, "an interrupt's mcause has bit 31 set (e.g. 0x80000007), found " + Doc.show(cause));
                if (interrupts.containsValue(cause)) throw doc.error(path, "mcause " + Doc.show(cause) + " is named twice");
                interrupts.put(e.getKey(), cause);
            }
            if (!interrupts.containsKey("MachineTimer")) throw doc.missing("interrupts.MachineTimer");
        }
        return interrupts;
    }

    /**
     * [memory-map] stack-guard = BYTES (RISC-V): the bytes just below the data region, where the stack
     * would overflow to, that a locked PMP entry makes inaccessible. Only where nothing else lives: no
     * region may overlap them.
     */
    private long stackGuard(Arch arch, List<MemoryRegion> regions, MemoryRegion data) {
        if (!doc.has("memory-map.stack-guard")) return 0;
        if (arch != Arch.RISCV32) throw doc.error("memory-map.stack-guard", "a PMP stack guard is RISC-V only (Cortex-M stacks overflow into a HardFault below RAM)");
        long g = doc.positive("memory-map.stack-guard", "a size in bytes");
        if (g % 4 != 0) throw doc.error("memory-map.stack-guard", "the guard is a whole number of 4-byte PMP words, found " + g);
        if (g > data.origin()) throw doc.error("memory-map.stack-guard", "the guard would start below address 0");
        long lo = data.origin() - g;
        for (MemoryRegion r : regions)
            if (r.origin() < data.origin() && r.origin() + r.length() > lo)
                throw doc.error("regions." + r.name() + ".length", "region " + r.name() + " overlaps the stack guard ["
                        + Doc.show(lo) + ", " + Doc.show(data.origin()) + "): end it at " + Doc.show(lo) + " or below");
        return g;
    }

    /**
     * [capabilities] fpu, dsp, mve, atomics, stack-limit, fault-names: what the core can do, checked
     * against the ABI and the architecture (an FPU needs the reset handler to enable it; hard float needs an FPU).
     */
    private Capabilities capabilities(Arch arch, String triple, boolean hardFloat, boolean fpuEnable) {
        doc.allowOnly("capabilities", List.of("fpu", "dsp", "mve", "atomics", "stack-limit", "fault-names"));
        Capabilities.Fpu fpu = doc.choice("capabilities.fpu", Capabilities.Fpu.values(), Capabilities.Fpu::id);
        boolean dsp = doc.bool("capabilities.dsp");
        Capabilities.Mve mve = doc.choice("capabilities.mve", Capabilities.Mve.values(), Capabilities.Mve::id);
        boolean atomics = doc.bool("capabilities.atomics");
        boolean stackLimit = doc.optBool("capabilities.stack-limit", false);
        boolean faultNames = doc.optBool("capabilities.fault-names", false);
        if (arch == Arch.RISCV32) {
            if (fpu != Capabilities.Fpu.NONE) throw doc.error("capabilities.fpu", "RISC-V F/D are not supported: expected \"none\"");
            if (dsp) throw doc.error("capabilities.dsp", "the DSP extension is ARM's: expected false on RISC-V");
            if (mve != Capabilities.Mve.NONE) throw doc.error("capabilities.mve", "MVE is ARMv8.1-M's: expected \"none\" on RISC-V");
            if (stackLimit) throw doc.error("capabilities.stack-limit", "MSPLIM is ARMv8-M's; RISC-V guards its stack with [memory-map] stack-guard (PMP)");
            if (faultNames) throw doc.error("capabilities.fault-names", "names the bits of the Cortex-M CFSR: expected false on RISC-V");
        } else {
            if (hardFloat && fpu == Capabilities.Fpu.NONE) throw doc.error("capabilities.fpu", "float-abi \"hard\" needs an FPU: expected \"single\" or \"double\"");
            if ((fpu != Capabilities.Fpu.NONE) != fpuEnable)
                throw doc.error(doc.latest("capabilities.fpu", "cpu.fpu-enable-at-reset"), "an FPU (fpu = \"" + fpu.id()
                        + "\") must be enabled at reset (cpu.fpu-enable-at-reset = true), and only an FPU");
            if (mve == Capabilities.Mve.FLOAT && fpu == Capabilities.Fpu.NONE) throw doc.error("capabilities.mve", "MVE with float needs an FPU");
            if (atomics == triple.startsWith("thumbv6m"))
                throw doc.error("capabilities.atomics", "ARMv6-M has no LDREX/STREX and every later Cortex-M has: expected " + !atomics);
        }
        return new Capabilities(fpu, dsp, mve, atomics, stackLimit, faultNames);
    }

    /** [interrupt-aliases] Alias = "Interrupt": another name a program may give a handler (Tick = "SysTick"). */
    private Map<String, String> interruptAliases(Map<String, Long> interrupts) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!doc.has("interrupt-aliases")) return out;
        for (Map.Entry<String, JsonNode> e : doc.table("interrupt-aliases").properties()) {
            String path = "interrupt-aliases." + e.getKey();
            if (!IDENT.matcher(e.getKey()).matches()) throw doc.error(path, "an interrupt alias is an identifier");
            if (interrupts.containsKey(e.getKey()))
                throw doc.error(path, "'" + e.getKey() + "' is already the name of an interrupt; an alias must be a new name");
            String target = doc.string(path);
            if (!interrupts.containsKey(target))
                throw doc.error(path, "no interrupt named '" + target + "' (known: " + String.join(", ", interrupts.keySet()) + ")");
            out.put(e.getKey(), target);
        }
        return out;
    }

    /** [interrupt-prologues] Interrupt = "Module.function": prelude code run before the program's handler. */
    private Map<String, String> interruptPrologues(Map<String, Long> interrupts, Map<String, String> aliases) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!doc.has("interrupt-prologues")) return out;
        for (Map.Entry<String, JsonNode> e : doc.table("interrupt-prologues").properties()) {
            String path = "interrupt-prologues." + e.getKey();
            String name = e.getKey();
            if (aliases.containsKey(name)) throw doc.error(path, "'" + name + "' is an alias; give the prologue of '" + aliases.get(name) + "'");
            if (!interrupts.containsKey(name))
                throw doc.error(path, "no interrupt named '" + name + "' (known: " + String.join(", ", interrupts.keySet()) + ")");
            String fn = doc.string(path);
            if (!QUALIFIED.matcher(fn).matches())
                throw doc.error(path, "expected the qualified name of a prelude function (e.g. \"Fid.Timer.acknowledge\"), found \"" + fn + "\"");
            out.put(name, fn);
        }
        return out;
    }

    private List<MemoryRegion> regions() {
        ObjectNode t = doc.table("regions");
        if (t.isEmpty()) throw doc.error("regions", "at least one region is needed");
        List<MemoryRegion> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : t.properties()) {
            String n = e.getKey();
            String p = "regions." + n;
            if (!IDENT.matcher(n).matches()) throw doc.error(p, "a region name is an identifier (it becomes a MEMORY name in the linker script)");
            doc.allowOnly(p, List.of("origin", "length", "attrs", "kind"));
            long origin = doc.address(p + ".origin");
            long length = doc.integer(p + ".length", "a length in bytes", 1, 0x1_0000_0000L);
            if (origin + length > 0x1_0000_0000L)
                throw doc.error(p + ".length", String.format("the region [0x%08X, +0x%X) runs past the end of the 32-bit address space", origin, length));
            String attrs = doc.string(p + ".attrs");
            if (!List.of("rx", "rwx", "r", "rw").contains(attrs)) throw doc.error(p + ".attrs", "expected \"rx\", \"rwx\", \"r\" or \"rw\", found \"" + attrs + "\"");
            MemoryRegion.Kind kind = doc.choice(p + ".kind", MemoryRegion.Kind.values(), MemoryRegion.Kind::id);
            MemoryRegion r = new MemoryRegion(n, origin, length, attrs, kind);
            for (MemoryRegion o : out)
                if (o.overlaps(r))
                    throw doc.error(doc.latest(p + ".origin", p + ".length", "regions." + o.name() + ".origin", "regions." + o.name() + ".length"),
                            String.format("region %s [0x%08X, 0x%08X) overlaps region %s [0x%08X, 0x%08X)",
                            n, r.origin(), r.end(), o.name(), o.origin(), o.end()));
            out.add(r);
        }
        return out;
    }

    private MemoryRegion region(List<MemoryRegion> regions, String path) {
        String n = doc.string(path);
        for (MemoryRegion r : regions) if (r.name().equals(n)) return r;
        List<String> names = regions.stream().map(MemoryRegion::name).toList();
        throw doc.error(path, "no region named '" + n + "' (regions: " + String.join(", ", names) + ")");
    }

    private List<String> vectors() {
        doc.allowOnly("vectors", List.of("system", "irqs", "count", "svd-names", "not-in-svd", "svd-only"));
        List<String> system = doc.strings("vectors.system");
        if (system.size() != SYSTEM_VECTORS)
            throw doc.error("vectors.system", "expected the " + SYSTEM_VECTORS + " system exception slots, found " + system.size());
        if (!system.get(0).equals("InitialSP") || !system.get(1).equals("Reset"))
            throw doc.error("vectors.system", "slot 0 is \"InitialSP\" and slot 1 is \"Reset\"");
        List<String> irqs = doc.optStrings("vectors.irqs");
        long count = doc.integer("vectors.count", "the number of vector table entries (16 + IRQ lines)", SYSTEM_VECTORS, MAX_VECTORS);
        if (count < SYSTEM_VECTORS + irqs.size())
            throw doc.error("vectors.count", "the table has " + count + " entries but 16 system exceptions and " + irqs.size() + " IRQs are named");
        List<String> all = new ArrayList<>(system);
        all.addAll(irqs);
        while (all.size() < count) all.add(Target.RESERVED_VECTOR);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            String v = all.get(i);
            String path = i < SYSTEM_VECTORS ? "vectors.system" : "vectors.irqs";
            if (v.isEmpty()) continue;
            if (!IDENT.matcher(v).matches()) throw doc.error(path, "vector " + i + ": \"" + v + "\" is not an identifier (use \"\" for a reserved slot)");
            if (!seen.add(v)) throw doc.error(path, "vector " + i + ": \"" + v + "\" is named twice");
        }
        return all;
    }

    private Timer timer(Arch arch, long cpuHz) {
        String kind = doc.choice("timer.kind", new String[]{"systick", "clint"}, s -> s);
        if (kind.equals("systick")) {
            if (arch != Arch.CORTEX_M) throw doc.error("timer.kind", "SysTick exists only on Cortex-M");
            doc.allowOnly("timer", List.of("kind", "ref-hz"));
            return new Timer.SysTick(cpuHz, doc.integer("timer.ref-hz", "the SysTick reference clock (CLKSOURCE=0) in Hz, 0 if there is none", 0, 0xFFFF_FFFFL));
        }
        if (arch != Arch.RISCV32) throw doc.error("timer.kind", "a CLINT timer exists only on RISC-V");
        doc.allowOnly("timer", List.of("kind", "mtime", "mtimecmp", "hz", "setup"));
        return new Timer.Clint(doc.address("timer.mtime"), doc.address("timer.mtimecmp"), doc.positive("timer.hz", "a frequency in Hz"),
                registerWrites("timer.setup"));
    }

    private Uart uart() {
        doc.allowOnly("uart", List.of("kind", "base", "clock-hz", "baud", "setup"));
        Uart.Kind kind = doc.choice("uart.kind", Uart.Kind.values(), Uart.Kind::id);
        long base = doc.address("uart.base");
        long clock = doc.positive("uart.clock-hz", "a frequency in Hz");
        int baud = doc.has("uart.baud") ? (int) doc.integer("uart.baud", "a baud rate", 1, 20_000_000) : 115200;
        List<Uart.RegisterWrite> setup = registerWrites("uart.setup");
        return new Uart(kind, base, clock, baud, setup);
    }

    /** An optional array of { address, set, clear } register writes (reg = (reg & ~clear) | set), e.g. [uart] setup. */
    private List<Uart.RegisterWrite> registerWrites(String p) {
        List<Uart.RegisterWrite> setup = new ArrayList<>();
        if (doc.has(p)) {
            String shape = "{ address = 0x40021018, set = 0x4004 } (and optionally clear = MASK)";
            JsonNode arr = doc.node(p);
            if (!arr.isArray()) throw doc.error(p, "expected an array of " + shape + ", found " + Doc.describe(arr));
            for (int i = 0; i < arr.size(); i++) {
                JsonNode e = arr.get(i);
                if (!e.isObject() || !e.has("address") || !(e.has("set") || e.has("clear")))
                    throw doc.error(p, "element " + i + ": expected " + shape);
                for (var f : e.properties())
                    if (!List.of("address", "clear", "set").contains(f.getKey()))
                        throw doc.error(p, "element " + i + ": unknown key '" + f.getKey() + "' (known: address, clear, set)");
                long address = doc.integerValue(p, e.get("address"), "a register address", 0, 0xFFFF_FFFFL);
                if (address % 4 != 0) throw doc.error(p, "element " + i + ": the address " + Doc.show(address) + " is not 4-byte aligned");
                long clear = e.has("clear") ? doc.integerValue(p, e.get("clear"), "a 32-bit mask", 0, 0xFFFF_FFFFL) : 0;
                long set = e.has("set") ? doc.integerValue(p, e.get("set"), "a 32-bit mask", 0, 0xFFFF_FFFFL) : 0;
                setup.add(new Uart.RegisterWrite(address, clear, set));
            }
        }
        return setup;
    }

    private Exit exit(Arch arch) {
        doc.allowOnly("exit", List.of("kind", "address"));
        Exit.Kind kind = doc.choice("exit.kind", Exit.Kind.values(), Exit.Kind::id);
        if (kind == Exit.Kind.ARM_SEMIHOSTING && arch != Arch.CORTEX_M) throw doc.error("exit.kind", "ARM semihosting needs an ARM core");
        if (kind == Exit.Kind.RISCV_SEMIHOSTING && arch != Arch.RISCV32) throw doc.error("exit.kind", "RISC-V semihosting needs a RISC-V core");
        if (kind == Exit.Kind.SIFIVE_TEST) return new Exit(kind, OptionalLong.of(doc.address("exit.address")));
        if (doc.has("exit.address")) throw doc.error("exit.address", "only the \"sifive-test\" exit takes an address");
        return new Exit(kind, OptionalLong.empty());
    }

    private MemoryProfile memory(String memoryName) {
        doc.allowOnly("memory", List.of("description", "heap", "stack-placement", "min-stack", "stack-margin", "panic"));
        doc.optString("memory.description");
        long heap = doc.integer("memory.heap", "0 (the Constrained profile has no heap)", 0, 0xFFFF_FFFFL);
        if (heap != 0) throw doc.error("memory.heap", "the Constrained profile has no heap: expected 0, found " + heap);
        String placement = doc.string("memory.stack-placement");
        if (!placement.equals("bottom"))
            throw doc.error("memory.stack-placement", "expected \"bottom\" (the stack sits below .data/.bss so that an overflow faults), found \"" + placement + "\"");
        long minStack = doc.positive("memory.min-stack", "a stack size in bytes");
        long margin = doc.integer("memory.stack-margin", "a number of bytes", 0, 0xFFFF_FFFFL);
        // the memory profile's strategy, unless the board sets its own (a top-level `panic`)
        PanicStrategy panic = doc.has("panic") ? panic("panic") : doc.has("memory.panic") ? panic("memory.panic") : PanicStrategy.MESSAGE;
        return new MemoryProfile(memoryName, minStack, margin, heap, panic);
    }

    private PanicStrategy panic(String path) {
        String s = doc.string(path);
        return PanicStrategy.byId(s).orElseThrow(() -> doc.error(path, "expected " + PanicStrategy.choices() + ", found \"" + s + "\""));
    }

    private Map<String, BoardConstant> constants(String name, long cpuHz, Uart uart, Timer timer, MemoryRegion code, MemoryRegion data) {
        Map<String, BoardConstant> c = new LinkedHashMap<>();
        c.put("Name", new BoardConstant.Text(name));
        c.put("CpuHz", intConst("clock.cpu-hz", cpuHz));
        c.put("UartBase", new BoardConstant.Int(uart.base(), BoardConstant.IntType.UNATIVEINT));
        c.put("UartClockHz", intConst("uart.clock-hz", uart.clockHz()));
        c.put("UartBaud", new BoardConstant.Int(uart.baud(), BoardConstant.IntType.INT));
        c.put("TimerHz", intConst(timer instanceof Timer.Clint ? "timer.hz" : "clock.cpu-hz", timer.hz()));
        if (timer instanceof Timer.SysTick st) c.put("TimerRefHz", intConst("timer.ref-hz", st.refHz()));
        if (timer instanceof Timer.Clint clint) {
            c.put("MtimeAddr", new BoardConstant.Int(clint.mtime(), BoardConstant.IntType.UNATIVEINT));
            c.put("MtimecmpAddr", new BoardConstant.Int(clint.mtimecmp(), BoardConstant.IntType.UNATIVEINT));
        }
        c.put("CodeStart", new BoardConstant.Int(code.origin(), BoardConstant.IntType.UNATIVEINT));
        c.put("CodeSize", intConst("regions." + code.name() + ".length", code.length()));
        c.put("RamStart", new BoardConstant.Int(data.origin(), BoardConstant.IntType.UNATIVEINT));
        c.put("RamSize", intConst("regions." + data.name() + ".length", data.length()));
        if (!doc.has("constants")) return c;
        for (Map.Entry<String, JsonNode> e : doc.table("constants").properties()) {
            String k = e.getKey();
            String p = "constants." + k;
            if (!CONSTANT_NAME.matcher(k).matches()) throw doc.error(p, "a constant name starts with an upper-case letter and is an identifier");
            if (c.containsKey(k)) throw doc.error(p, "Fid.Board." + k + " is built in; choose another name");
            c.put(k, constant(p, e.getValue()));
        }
        return c;
    }

    private BoardConstant intConst(String path, long v) {
        if (!BoardConstant.IntType.INT.fits(v)) throw doc.error(path, Doc.show(v) + " does not fit the int constant it defines");
        return new BoardConstant.Int(v, BoardConstant.IntType.INT);
    }

    private BoardConstant constant(String path, JsonNode v) {
        if (v.isTextual()) return new BoardConstant.Text(v.textValue());
        if (v.isBoolean()) return new BoardConstant.Bool(v.booleanValue());
        if (v.isIntegralNumber()) {
            long n = doc.integerValue(path, v, "an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
            return new BoardConstant.Int(n, BoardConstant.IntType.INT);
        }
        if (v.isObject()) {
            for (var f : v.properties())
                if (!f.getKey().equals("value") && !f.getKey().equals("type"))
                    throw doc.error(path + "." + f.getKey(), "unknown key (known keys: value, type)");
            if (!v.has("value")) throw doc.missing(path + ".value");
            String type = doc.string(path + ".type");
            BoardConstant.IntType t = null;
            for (BoardConstant.IntType it : BoardConstant.IntType.values()) if (it.fsharp().equals(type)) t = it;
            if (t == null) throw doc.error(path + ".type", "expected \"int\", \"uint32\" or \"unativeint\", found \"" + type + "\"");
            long n = doc.integerValue(path + ".value", v.get("value"), "an integer", Long.MIN_VALUE, Long.MAX_VALUE);
            if (!t.fits(n)) throw doc.error(path + ".value", n + " is out of range for " + t.fsharp());
            return new BoardConstant.Int(n, t);
        }
        throw doc.error(path, "expected a string, a boolean, an int or { value = ..., type = \"uint32\" }, found " + Doc.describe(v));
    }
}
