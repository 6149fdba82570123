// expect-exit: 0
// expect-output: 003-cycles-count-up.out
// boards: riscv
module CyclesCountUp

open Fid.Hardware

[<EntryPoint>]
let main _ =
    let before = Cpu.cycles ()
    // a nop is one instruction that the compiler keeps, and each takes at least a cycle
    for _ in 1 .. 1000 do
        Cpu.nop ()
    let after = Cpu.cycles ()
    printfn "%b" (after - before >= 1000u)
    0
