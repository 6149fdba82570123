// expect-exit: 0
// expect-output: 002-bitwise-and-shifts.out
module BitwiseAndShifts

[<EntryPoint>]
let main _ =
    printfn "%x %x %x %x" (0xF0 &&& 0x3C) (0xF0 ||| 0x0F) (0xFF ^^^ 0x0F) (~~~0)
    printfn "%x %x" (~~~0uy) (~~~0x1234us)
    // the shift count is taken modulo the width of the shifted value
    printfn "%d %d %d" (1 <<< 33) (1uy <<< 9) (1L <<< 65)
    printfn "%d %d" (256 >>> 36) (1us <<< 17)
    // >>> is arithmetic on signed types and logical on unsigned ones
    printfn "%d %d" (-16 >>> 2) (0xFFFFFFF0u >>> 2)
    printfn "%d %d" (-128y >>> 7) (0x80uy >>> 7)
    printfn "%x" (0x8000000000000000UL >>> 63)
    printfn "%d" (-1L >>> 60)
    let mutable flags = 0u
    flags <- flags ||| (1u <<< 4)
    flags <- flags ||| (1u <<< 31)
    flags <- flags &&& ~~~(1u <<< 4)
    printfn "%x" flags
    0
