// expect-error: 8:5: RAM overflow: static
// boards: microbit
module RejectRamOverflow

let frame: uint32[] = Array.zeroCreate 8192

[<EntryPoint>]
let main _ =
    for i in 0 .. frame.Length - 1 do
        frame.[i] <- uint32 i
    printfn "%d" (Array.sum frame)
    0
