// expect-exit: 101
// expect-output: 006-misaligned-mmio-panic.out
module MisalignedMmioPanic

open Fid.Hardware

let scratch = Fid.Board.RamStart + unativeint Fid.Board.RamSize - 64un

let readAt (offset: int) = Mmio.read32 (scratch + unativeint offset)

[<EntryPoint>]
let main _ =
    Mmio.write32 scratch 7u
    printfn "%d" (readAt 0)
    printfn "%d" (readAt 2)
    0
