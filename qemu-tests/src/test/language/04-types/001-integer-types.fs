// expect-exit: 0
// expect-output: 001-integer-types.out
module IntegerTypes

[<EntryPoint>]
let main _ =
    printfn "%d %d" System.SByte.MinValue System.SByte.MaxValue
    printfn "%d %d" System.Byte.MinValue System.Byte.MaxValue
    printfn "%d %d" System.Int16.MinValue System.Int16.MaxValue
    printfn "%d %d" System.UInt16.MinValue System.UInt16.MaxValue
    printfn "%d %d" System.Int32.MinValue System.Int32.MaxValue
    printfn "%d %d" System.UInt32.MinValue System.UInt32.MaxValue
    printfn "%d %d" System.Int64.MinValue System.Int64.MaxValue
    printfn "%d %d" System.UInt64.MinValue System.UInt64.MaxValue
    // each type wraps at its own width
    let b: byte = 250uy
    let sb: sbyte = 120y
    let s: int16 = 32000s
    let us: uint16 = 65530us
    printfn "%d %d %d %d" (b + 10uy) (sb + 10y) (s + 1000s) (us + 10us)
    printfn "%d %d" (System.Int32.MaxValue + 1) (System.Int64.MinValue - 1L)
    printfn "%d %d" (0u - 1u) (0UL - 1UL)
    printfn "%d %d" (200uy * 2uy) (-128y * -1y)
    // aliases name the same types
    let a: int8 = -5y
    let c: uint8 = 5uy
    let d: int32 = 5
    let e: double = 1.5
    let f: single = 2.5f
    printfn "%d %d %d %.1f %.1f" a c d e f
    // the native integers have the width of a pointer: 32 bits on every board
    printfn "%d" (0un - 1un)
    0
