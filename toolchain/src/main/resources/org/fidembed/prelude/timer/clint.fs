/// Fid.Timer on RISC-V: the periodic interrupt "Tick" (another name of "MachineTimer") from the
/// CLINT's 64-bit mtime and mtimecmp of hart 0 (Fid.Board.MtimeAddr, MtimecmpAddr, counting at
/// Fid.Board.TimerHz), enabled by mie.MTIE (bit 7). mtimecmp is one-shot: acknowledge, which the
/// trap handler runs before the program's handler (the profile's [interrupt-prologues]), moves it
/// one period on. A timer that must be switched on first (OpenTitan's rv_timer: CTRL.ACTIVE) has it in the
/// profile's [timer] setup, which start writes (Fid.Board.timerSetup).
module Fid.Timer

open Fid.Hardware
open Fid.Intrinsics

/// Timer counts between two ticks; 0 while the timer is stopped.
let mutable private period = 0UL
/// The mtime value of the next tick.
let mutable private deadline = 0UL

/// mtime, read high, low, high again until the high word holds still.
let private now () =
    let mutable hi = Mmio.read32 (Fid.Board.MtimeAddr + 4un)
    let mutable lo = Mmio.read32 Fid.Board.MtimeAddr
    let mutable again = Mmio.read32 (Fid.Board.MtimeAddr + 4un)
    while again <> hi do
        hi <- again
        lo <- Mmio.read32 Fid.Board.MtimeAddr
        again <- Mmio.read32 (Fid.Board.MtimeAddr + 4un)
    (uint64 hi <<< 32) ||| uint64 lo

/// mtimecmp <- t with no spurious interrupt in between: high word all ones, then low, then high.
let private setCompare (t: uint64) =
    Mmio.write32 (Fid.Board.MtimecmpAddr + 4un) 0xFFFFFFFFu
    Mmio.write32 Fid.Board.MtimecmpAddr (uint32 t)
    Mmio.write32 (Fid.Board.MtimecmpAddr + 4un) (uint32 (t >>> 32))

/// Starts the periodic interrupt "Tick": its handler ([<Interrupt("Tick")>]) then runs ticksPerSecond
/// times a second, until stop (); interrupts are enabled. Calling it again changes the rate.
let start (ticksPerSecond: int) =
    if ticksPerSecond <= 0 then invalidArg "ticksPerSecond" "the tick rate must be positive"
    let p = uint32 Fid.Board.TimerHz / uint32 ticksPerSecond
    if p = 0u then invalidArg "ticksPerSecond" "the timer cannot count this tick rate"
    csrClear "mie" 0x80u
    Fid.Board.timerSetup ()
    period <- uint64 p
    deadline <- now () + uint64 p
    setCompare deadline
    csrSet "mie" 0x80u
    Cpu.enableInterrupts ()

/// Stops the periodic interrupt.
let stop () =
    csrClear "mie" 0x80u
    period <- 0UL
    setCompare 0xFFFFFFFFFFFFFFFFUL

/// Moves mtimecmp to the next tick (run by the trap handler before the handler of the timer interrupt).
/// A tick more than a period late (interrupts were off) skips the missed ones instead of running them
/// back to back. Does nothing while the timer is stopped, so a program may program mtimecmp itself.
let acknowledge () =
    if period <> 0UL then
        let t = now ()
        let mutable next = deadline + period
        if next <= t then next <- t + period
        deadline <- next
        setCompare next
