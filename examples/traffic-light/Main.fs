/// Runs the traffic light on the board's timer at 200 ticks a second (Fid.Timer), with a scripted
/// pedestrian button, for 250 ticks. The interrupt handler only counts; main sleeps (Cpu.wfi) and then
/// runs the state machine once for every tick that passed, so no tick is skipped and the output is
/// the same however late main wakes up.
module Main

open Fid.Hardware

/// Written by the handler, read by main: accessed as volatile.
let mutable ticks = 0

[<Interrupt("Tick")>]
let onTick () = ticks <- ticks + 1

/// The ticks at which a pedestrian presses the button.
let presses = [| 12; 150; 152 |]

[<Literal>]
let Duration = 250

[<EntryPoint>]
let main _ =
    let mutable light = Traffic.start
    let mutable now = 0
    let mutable changes = 0
    printfn "tick %3d: %s" now (Traffic.name light.Light)
    Fid.Timer.start 200
    while now < Duration do
        Cpu.wfi ()
        while now < ticks && now < Duration do
            now <- now + 1
            let pressed = Array.contains now presses
            if pressed then printfn "tick %3d: button" now
            let before = light.Light
            light <- Traffic.step light pressed
            if light.Light <> before then
                changes <- changes + 1
                printfn "tick %3d: %s%s" now (Traffic.name light.Light) (if light.Waiting then " (pedestrian waiting)" else "")
    Fid.Timer.stop ()
    printfn "%d changes in %d ticks" changes Duration
    0
