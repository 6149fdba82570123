// The facts about a target that lowering, the start-up code and the prelude need: a typed view of
// the board profile (org.fidembed.board.Target) in the profile's own types, so no phase names a board.
package org.fidembed.lower;

import org.fidembed.board.Arch;
import org.fidembed.board.BoardConstant;
import org.fidembed.board.Capabilities;
import org.fidembed.board.CycleCounter;
import org.fidembed.board.Exit;
import org.fidembed.board.PanicStrategy;
import org.fidembed.board.Timer;
import org.fidembed.board.Uart;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * @param armv6m              ARMv6-M (Cortex-M0): no hardware divide, no DWT cycle counter, no fault status registers
 * @param vectorNames         Cortex-M: vector names indexed by exception number (0 = initial SP, 1 = reset); RISC-V: empty
 * @param interrupts          interrupt name to number (Cortex-M exception number, RISC-V mcause)
 * @param uart                the console UART's kind: selects the driver file of the prelude
 * @param boardConstants      the constants of module Fid.Board
 * @param timer               the periodic timer: selects the Fid.Timer driver of the prelude (none: no timer module)
 * @param interruptAliases    other names of interrupts ("Tick") to their names in {@code interrupts}
 * @param interruptPrologues  interrupt name to the prelude function (qualified name) run before the program's handler
 * @param jumpToLinkedAddress RISC-V: the hart starts at an alias of the code region, so the reset stub first jumps to its linked address
 * @param stackGuard          RISC-V: bytes below the stack's bottom that start-up locks away with a PMP entry (0 = none)
 * @param uartSetup           register writes before the UART driver's init (clock gates, pins)
 * @param capabilities        what the core can do: start-up sets the stack limit register (ARMv8-M MSPLIM) and
 *                            the crash report names the fault status bits where the profile says so
 * @param panic               how failed checks report themselves (the memory profile's panic strategy)
 * @param drivers             the prelude's HAL driver of each peripheral kind ({@code gpio -> pl061})
 * @param device              the source of module Fid.Device given the words a program uses (only the peripherals
 *                            they name), or empty when the chip has no SVD
 */
public record TargetInfo(
        String boardName,
        Arch arch,
        boolean armv6m,
        boolean fpuEnableAtReset,
        Exit exit,
        CycleCounter cycleCounter,
        List<String> vectorNames,
        Map<String, Long> interrupts,
        Uart.Kind uart,
        Map<String, BoardConstant> boardConstants,
        Optional<Timer> timer,
        Map<String, String> interruptAliases,
        Map<String, String> interruptPrologues,
        boolean jumpToLinkedAddress,
        long stackGuard,
        List<Uart.RegisterWrite> uartSetup,
        Capabilities capabilities,
        PanicStrategy panic,
        Map<String, String> drivers,
        Function<Set<String>, Optional<String>> device) {

    /** A Cortex-M3's: no FPU, DSP or MVE, atomics, no stack limit register, fault causes as numbers. */
    public static final Capabilities PLAIN = new Capabilities(Capabilities.Fpu.NONE, false, Capabilities.Mve.NONE, true, false, false);

    /** Without timer, aliases, prologues, boot alias or UART setup (tests of the front end). */
    public TargetInfo(String boardName, Arch arch, boolean armv6m, boolean fpuEnableAtReset, Exit exit, CycleCounter cycleCounter,
                      List<String> vectorNames, Map<String, Long> interrupts, Uart.Kind uart, Map<String, BoardConstant> boardConstants) {
        this(boardName, arch, armv6m, fpuEnableAtReset, exit, cycleCounter, vectorNames, interrupts, uart, boardConstants,
                Optional.empty(), Map.of(), Map.of(), false, 0, List.of(), PLAIN, PanicStrategy.MESSAGE, Map.of(), words -> Optional.empty());
    }

    /** The same target with another panic strategy. */
    public TargetInfo withPanic(PanicStrategy p) {
        return new TargetInfo(boardName, arch, armv6m, fpuEnableAtReset, exit, cycleCounter, vectorNames, interrupts, uart, boardConstants,
                timer, interruptAliases, interruptPrologues, jumpToLinkedAddress, stackGuard, uartSetup, capabilities, p, drivers, device);
    }

    public boolean arm() { return arch == Arch.CORTEX_M; }

    /** The name in {@code interrupts} that a handler name or alias stands for. */
    public String canonicalInterrupt(String name) { return interruptAliases.getOrDefault(name, name); }
}
