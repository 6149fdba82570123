/// Fid.Timer on Cortex-M: the periodic interrupt "Tick" (another name of "SysTick") from SysTick,
/// SYST_CSR at 0xE000E010 (bit 0 ENABLE, bit 1 TICKINT, bit 2 CLKSOURCE: 1 = CPU clock), RVR at
/// 0xE000E014 (24 bits), CVR at 0xE000E018. It counts the CPU clock (Fid.Board.CpuHz), or the
/// reference clock (Fid.Board.TimerRefHz) when the period does not fit 24 bits; it reloads itself.
module Fid.Timer

open Fid.Hardware

let private syst = 0xE000E010un

/// Starts the periodic interrupt "Tick": its handler ([<Interrupt("Tick")>]) then runs ticksPerSecond
/// times a second, until stop (); interrupts are enabled. Calling it again changes the rate.
let start (ticksPerSecond: int) =
    if ticksPerSecond <= 0 then invalidArg "ticksPerSecond" "the tick rate must be positive"
    let fast = uint32 Fid.Board.CpuHz / uint32 ticksPerSecond
    let slow = uint32 Fid.Board.TimerRefHz / uint32 ticksPerSecond
    let mutable reload = 0u
    let mutable clock = 0u
    if fast >= 2u && fast <= 0x1000000u then
        reload <- fast - 1u
        clock <- 4u
    elif slow >= 2u && slow <= 0x1000000u then reload <- slow - 1u
    else invalidArg "ticksPerSecond" "the timer cannot count this tick rate"
    Mmio.write32 syst 0u
    Mmio.write32 (syst + 4un) reload
    Mmio.write32 (syst + 8un) 0u
    Mmio.write32 syst (clock ||| 3u)
    Cpu.enableInterrupts ()

/// Stops the periodic interrupt (and drops a tick that is pending: ICSR.PENDSTCLR).
let stop () =
    Mmio.write32 syst 0u
    Mmio.write32 0xE000ED04un 0x02000000u
