// expect-error: 9:13: board 'microbit' has no cycle counter
// boards: microbit
module RejectCyclesWithoutCounter

open Fid.Hardware

[<EntryPoint>]
let main _ =
    let t = Cpu.cycles ()
    printfn "%d" t
    0
