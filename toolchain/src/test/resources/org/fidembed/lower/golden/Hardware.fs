/// Golden test of lowering: MMIO reads and writes, the cycle counter, interrupt masking and an
/// interrupt handler writing a module-level mutable (accessed as volatile).
module Hardware

open Fid.Hardware

let mutable count = 0

[<Interrupt("SysTick")>]
let onTick () = count <- count + 1

let setBits (addr: unativeint) (bits: uint32) = Mmio.write32 addr (Mmio.read32 addr ||| bits)

[<EntryPoint>]
let main _ =
    let start = Cpu.cycles ()
    Cpu.disableInterrupts ()
    setBits 0x400FE108un 0x20u
    Cpu.enableInterrupts ()
    printfn "%d %d" count (int (Cpu.cycles () - start) / 1000000)
    0
