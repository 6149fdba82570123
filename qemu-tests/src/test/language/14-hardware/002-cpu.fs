// expect-exit: 0
// expect-output: 002-cpu.out
// boards: lm3s6965evb mps2-an385 netduinoplus2 riscv32-virt sifive-e mps2-an500 mps2-an505 mps3-an547 opentitan
module CpuFunctions

open Fid.Hardware

let mutable shared = 0L

[<EntryPoint>]
let main _ =
    Cpu.nop ()
    let before = Cpu.cycles ()
    for _ in 1 .. 1000 do
        Cpu.nop ()
    let after = Cpu.cycles ()
    // the counter wraps at 2^32, so the difference is what counts (QEMU's ARM boards keep it at 0)
    printfn "%b" (after - before < 0x80000000u)
    // a 64-bit update shared with a handler goes between disable and enable
    Cpu.disableInterrupts ()
    shared <- shared + 0x100000000L
    Cpu.enableInterrupts ()
    printfn "%d" shared
    0
