// expect-error: 8:19: misaligned MMIO address
module RejectMisalignedConstant

open Fid.Hardware

[<EntryPoint>]
let main _ =
    printfn "%d" (Mmio.read32 0x20000002un)
    0
