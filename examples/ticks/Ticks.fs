/// Counts ten ticks of the board's periodic timer at 100 Hz, sleeping (Cpu.wfi) between them.
/// [<Interrupt("Tick")>] names the timer interrupt on every board: SysTick on Cortex-M, the
/// machine timer on RISC-V (the board profile maps the name).
module Ticks

open Fid.Hardware

/// Written by the handler and read by main: a module-level mutable that a handler touches is
/// accessed as volatile, and an aligned int is read and written in one instruction.
let mutable ticks = 0

[<Interrupt("Tick")>]
let onTick () = ticks <- ticks + 1

[<EntryPoint>]
let main _ =
    printfn "counting 10 ticks at 100 Hz"
    Fid.Timer.start 100
    let mutable seen = 0
    while seen < 10 do
        Cpu.wfi ()
        let now = ticks
        if now <> seen then
            seen <- now
            printfn "tick %d" seen
    Fid.Timer.stop ()
    printfn "%d ticks" ticks
    0
