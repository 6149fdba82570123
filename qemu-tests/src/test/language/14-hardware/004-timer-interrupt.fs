// expect-exit: 0
// expect-output: 004-timer-interrupt.out
module TimerInterrupt

open Fid.Hardware

let mutable ticks = 0

let mutable lastSeenByHandler = -1

let mutable mainCounter = 0

// Tick is the portable name of the periodic timer interrupt (SysTick, or the RISC-V machine timer)
[<Interrupt("Tick")>]
let onTick () =
    ticks <- ticks + 1
    lastSeenByHandler <- mainCounter

[<EntryPoint>]
let main _ =
    Fid.Timer.start 1000
    while ticks < 5 do
        mainCounter <- mainCounter + 1
        Cpu.wfi ()
    Fid.Timer.stop ()
    let stoppedAt = ticks
    for _ in 1 .. 20000 do
        Cpu.nop ()
    printfn "%d ticks, none after stop: %b" stoppedAt (ticks = stoppedAt)
    printfn "the handler saw main run: %b" (lastSeenByHandler > 0)
    // a second start works too, at another rate
    Fid.Timer.start 200
    while ticks < stoppedAt + 2 do
        Cpu.wfi ()
    Fid.Timer.stop ()
    printfn "%d" (ticks - stoppedAt)
    0
