// Everything the toolchain needs to know about one board, composed from its chip, board and memory profile
// files and validated once (Profiles.load). Immutable; no phase after it names a board, it reads a Target.
package org.fidembed.board;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A composed, validated board profile.
 *
 * @param name             the board name ({@code lm3s6965evb}, or a user file's name without {@code .toml})
 * @param description      one line for humans
 * @param chip             the chip ({@code LM3S6965})
 * @param cpuName          the core for humans ({@code Cortex-M3})
 * @param arch             Cortex-M or RV32
 * @param llvmTriple       LLVM target triple
 * @param cpu              LLVM CPU name ({@code cortex-m3}, {@code generic-rv32})
 * @param features         the core's own LLVM target features ({@code +m}, {@code +vfp4d16sp}); see {@link #featureString()}
 * @param capabilities     FPU precision, DSP, MVE, atomics, stack limit register, fault names: composed data that
 *                         code generation follows (LLVM features, the vectorisers, start-up and the crash report)
 * @param abi              LLVM ABI name ({@code ilp32}); empty on Cortex-M, where the triple decides
 * @param hardFloat        floating point is passed in FP registers (thumbv7em-none-eabihf)
 * @param fpuEnableAtReset the reset handler must enable the FPU (CPACR) before any compiled code runs
 * @param stackAlign       stack pointer alignment in bytes (8 AAPCS, 16 RISC-V)
 * @param cpuHz            the CPU clock the firmware runs at without touching clock registers
 * @param regions          the memory map, in profile order
 * @param codeRegion       the region that holds .vectors/.text/.rodata and the .data load image
 * @param dataRegion       the region that holds the stack (at its bottom), .data, .ramfunc and .bss
 * @param bootAlias        where the core starts fetching if that is an alias of the code region
 * @param stackGuard       RISC-V: bytes just below the data region (below the stack) that start-up makes
 *                         inaccessible with a locked PMP entry, so an overflow faults where the memory
 *                         below would take the writes silently; 0 = none
 * @param vectorNames      Cortex-M: vector table slot names by exception number (0 InitialSP, 1 Reset,
 *                         {@link #RESERVED_VECTOR} for reserved slots); RISC-V: empty
 * @param interrupts       handler name to number: Cortex-M exception number (2 and up), RISC-V mcause
 * @param interruptAliases another name of an interrupt to its name in {@code interrupts}: {@code Tick}, the
 *                         portable name of the periodic timer interrupt, is {@code SysTick} or {@code MachineTimer}
 * @param interruptPrologues interrupt name to the prelude function (qualified F# name) that runs before the
 *                         program's handler of it, e.g. {@code Fid.Timer.acknowledge} re-arming a one-shot timer
 * @param uart             the console UART
 * @param exit             how the exit code is reported
 * @param qemu             how to run the board under QEMU; empty for serial boards
 * @param cycleCounter     what Cpu.cycles reads
 * @param timer            the periodic timer facts
 * @param flash            how to flash a serial board; empty for QEMU boards
 * @param debug            how a debugger reaches a flashed board ([debug]: OpenOCD and its probe), if known
 * @param memory           the memory profile
 * @param constants        the [<Literal>]s of module Fid.Board, in order
 * @param uf2Family        the chip's UF2 family ID (uf2families.json), if it has one
 * @param svd              the chip's CMSIS-SVD file: a shipped file's name ({@code LM3S6965.svd}) or a path, if it has one
 * @param svdVectors       the known differences between {@link #vectorNames()} and the SVD's interrupts
 * @param drivers          the prelude's driver of each peripheral kind the HAL covers ({@code gpio -> pl061})
 * @param driverNames      the registers and fields the drivers use under other names than the SVD's: the driver's
 *                         path to the SVD's ({@code GPIOA.CRL -> GPIOA.CTL0}, {@code RCC.APB2ENR.IOPAEN -> RCU.APB2EN.PAEN})
 * @param pins             the board's named pins ({@code Led}) to a peripheral and pin number of its SVD ({@code GPIOF.0})
 * @param source           where it was loaded from
 */
public record Target(
        String name,
        String description,
        String chip,
        String cpuName,
        Arch arch,
        String llvmTriple,
        String cpu,
        List<String> features,
        Capabilities capabilities,
        String abi,
        boolean hardFloat,
        boolean fpuEnableAtReset,
        int stackAlign,
        long cpuHz,
        List<MemoryRegion> regions,
        MemoryRegion codeRegion,
        MemoryRegion dataRegion,
        OptionalLong bootAlias,
        long stackGuard,
        List<String> vectorNames,
        Map<String, Long> interrupts,
        Map<String, String> interruptAliases,
        Map<String, String> interruptPrologues,
        Uart uart,
        Exit exit,
        Optional<Qemu> qemu,
        CycleCounter cycleCounter,
        Timer timer,
        Optional<FlashMethod> flash,
        Optional<DebugProbe> debug,
        MemoryProfile memory,
        Map<String, BoardConstant> constants,
        OptionalInt uf2Family,
        Optional<String> svd,
        SvdVectors svdVectors,
        Map<String, String> drivers,
        Map<String, String> driverNames,
        Map<String, String> pins,
        ProfileSource source) {

    /** The name of a reserved slot in {@link #vectorNames()}. */
    public static final String RESERVED_VECTOR = "";

    public Target {
        for (Object o : new Object[]{name, description, chip, cpuName, arch, llvmTriple, cpu, capabilities, abi, codeRegion, dataRegion, bootAlias,
                uart, exit, qemu, cycleCounter, timer, flash, debug, memory, uf2Family, svd, svdVectors, source})
            Objects.requireNonNull(o, "a Target component is null");
        features = List.copyOf(features);
        regions = List.copyOf(regions);
        vectorNames = List.copyOf(vectorNames);
        interrupts = Collections.unmodifiableMap(new LinkedHashMap<>(interrupts));
        interruptAliases = Collections.unmodifiableMap(new LinkedHashMap<>(interruptAliases));
        interruptPrologues = Collections.unmodifiableMap(new LinkedHashMap<>(interruptPrologues));
        for (Map.Entry<String, String> e : interruptAliases.entrySet())
            if (interrupts.containsKey(e.getKey()) || !interrupts.containsKey(e.getValue()))
                throw new IllegalArgumentException("interrupt alias " + e.getKey() + " must name an interrupt and not be one");
        for (String n : interruptPrologues.keySet())
            if (!interrupts.containsKey(n)) throw new IllegalArgumentException("interrupt prologue for unknown interrupt " + n);
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
        drivers = Collections.unmodifiableMap(new LinkedHashMap<>(drivers));
        driverNames = Collections.unmodifiableMap(new LinkedHashMap<>(driverNames));
        if (!pins.isEmpty() && svd.isEmpty()) throw new IllegalArgumentException("named pins need the chip's SVD file");
        if (!regions.contains(codeRegion) || !regions.contains(dataRegion))
            throw new IllegalArgumentException("code and data regions must be among the regions");
        if ((arch == Arch.CORTEX_M) == vectorNames.isEmpty())
            throw new IllegalArgumentException("Cortex-M targets and only they have vector names");
    }

    public boolean isCortexM() { return arch == Arch.CORTEX_M; }

    /** LLVM's feature string: the core's features, then those of its capabilities ({@code +m,+c,+a}). */
    public String featureString() {
        List<String> all = new java.util.ArrayList<>(features);
        all.addAll(capabilities.llvmFeatures(arch));
        return String.join(",", all);
    }

    /** {@code Cortex-M3 (LM3S6965)}. */
    public String cpuSummary() { return cpuName + " (" + chip + ")"; }

    /** The exception number (Cortex-M) or mcause (RISC-V) of an interrupt handler name or alias. */
    public OptionalLong interruptNumber(String handlerName) {
        Long n = interrupts.get(canonicalInterrupt(handlerName));
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** The name in {@link #interrupts()} that a handler name or alias stands for ({@code Tick} to {@code SysTick}). */
    public String canonicalInterrupt(String handlerName) {
        return interruptAliases.getOrDefault(handlerName, handlerName);
    }

    /** Stack bytes to reserve for a proven bound under this target's memory profile and alignment. */
    public long stackReserve(long provenBound) { return memory.stackReserve(provenBound, stackAlign); }

    /** The same target under another memory profile (e.g. a project's overrides). */
    public Target withMemory(MemoryProfile other) {
        return new Target(name, description, chip, cpuName, arch, llvmTriple, cpu, features, capabilities, abi, hardFloat, fpuEnableAtReset,
                stackAlign, cpuHz, regions, codeRegion, dataRegion, bootAlias, stackGuard, vectorNames, interrupts, interruptAliases,
                interruptPrologues, uart, exit, qemu, cycleCounter, timer, flash, debug, other, constants, uf2Family, svd, svdVectors, drivers, driverNames, pins, source);
    }

    /** The same target with another panic strategy (a project's fid.toml). */
    public Target withPanic(PanicStrategy p) { return withMemory(memory.withPanic(p)); }

    /** The same target flashed another way (e.g. a --boot-entry sequence given on the command line). */
    public Target withFlash(Optional<FlashMethod> other) {
        return new Target(name, description, chip, cpuName, arch, llvmTriple, cpu, features, capabilities, abi, hardFloat, fpuEnableAtReset,
                stackAlign, cpuHz, regions, codeRegion, dataRegion, bootAlias, stackGuard, vectorNames, interrupts, interruptAliases,
                interruptPrologues, uart, exit, qemu, cycleCounter, timer, other, debug, memory, constants, uf2Family, svd, svdVectors, drivers, driverNames, pins, source);
    }

    /** The same target with other capabilities (a project's [capabilities] over the board's). */
    public Target withCapabilities(Capabilities other) {
        return new Target(name, description, chip, cpuName, arch, llvmTriple, cpu, features, other, abi, hardFloat, fpuEnableAtReset,
                stackAlign, cpuHz, regions, codeRegion, dataRegion, bootAlias, stackGuard, vectorNames, interrupts, interruptAliases,
                interruptPrologues, uart, exit, qemu, cycleCounter, timer, flash, debug, memory, constants, uf2Family, svd, svdVectors, drivers, driverNames, pins, source);
    }

    /** The same target with other memory regions (e.g. roomy ones, to measure what does not fit). */
    public Target withRegions(List<MemoryRegion> newRegions, MemoryRegion newCode, MemoryRegion newData) {
        return new Target(name, description, chip, cpuName, arch, llvmTriple, cpu, features, capabilities, abi, hardFloat, fpuEnableAtReset,
                stackAlign, cpuHz, newRegions, newCode, newData, bootAlias, stackGuard, vectorNames, interrupts, interruptAliases,
                interruptPrologues, uart, exit, qemu, cycleCounter, timer, flash, debug, memory, constants, uf2Family, svd, svdVectors, drivers, driverNames, pins, source);
    }
}
