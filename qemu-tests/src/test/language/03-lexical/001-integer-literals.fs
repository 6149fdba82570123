// expect-exit: 0
// expect-output: 001-integer-literals.out
module IntegerLiterals

[<EntryPoint>]
let main _ =
    printfn "%d %d %d %d" 42 0x2A 0o52 0b101010
    printfn "%d %d" 1_000_000 0xFF_FF
    printfn "%d" -2147483648
    // a hexadecimal, octal or binary literal may give the bits of a signed type
    printfn "%d %d" 0xFFFFFFFF 0x80000000
    printfn "%d %d %d" 0x80y 0xFFFFs 0b11111111y
    printfn "%d %d %d %d" 255uy -1y 0xFFFFus -32768s
    printfn "%d %u" 4000000000u 0xFFFFFFFFu
    printfn "%d %d" 9223372036854775807L -9223372036854775808L
    printfn "%u %d" 18446744073709551615UL 0x8000000000000000L
    printfn "%d %d" 7n 7un
    0
