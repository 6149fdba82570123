// expect-exit: 101
// expect-output: 016-array-fill-out-of-bounds.out
module ArrayFillOutOfBounds

let buffer: byte[] = Array.zeroCreate 8

[<EntryPoint>]
let main _ =
    Array.fill buffer 0 8 1uy
    printfn "%d" (Array.sum buffer)
    Array.fill buffer 4 5 2uy
    0
