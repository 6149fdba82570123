// expect-exit: 0
// expect-output: 005-conversions.out
module Conversions

[<EntryPoint>]
let main _ =
    // integer to integer: extend by the source's signedness, keep the target's low bits
    printfn "%d %d %d" (byte 300) (sbyte 200) (int16 70000)
    printfn "%d %d" (uint32 -1y) (uint64 -1)
    printfn "%d %d" (int 3000000000u) (int64 0xFFFFFFFFu)
    printfn "%d %d" (uint16 -2s) (int 65535us)
    printfn "%d %d" (int 'A') (int (char 0x1F600))
    printfn "%c %c" (char 66) (char 98uy)
    printfn "%d %d" (nativeint -5) (unativeint 5uy)
    printfn "%d %d %d" (int32 7L) (int8 -1) (uint8 513)
    // float to integer truncates toward zero
    printfn "%d %d %d %d" (int 2.9) (int -2.9) (int 0.5f) (int64 -1e10)
    printfn "%d %d" (byte 255.9) (uint32 4e9)
    // integer to float: the nearest value
    printfn "%.1f %.1f %.1f" (float 7) (float -3L) (float 255uy)
    printfn "%.1f" (float32 16777217)
    printfn "%.1f %.1f" (double 2) (single 3)
    printfn "%.6f" (float 0.1f)
    printfn "%.3f" (float32 1.0005)
    0
