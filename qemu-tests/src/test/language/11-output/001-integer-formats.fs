// expect-exit: 0
// expect-output: 001-integer-formats.out
module IntegerFormats

[<EntryPoint>]
let main _ =
    printfn "%d %i %d %d" 42 -42 0 System.Int64.MinValue
    printfn "%u %u %u" -1 -1y 255uy
    printfn "%x %X %x %x" 255 255 -1y -1s
    printfn "%o %o %x" 8 -1y 0xDEADBEEFu
    printfn "[%5d] [%-5d] [%05d] [%05d]" 42 42 42 -42
    printfn "[%+d] [% d] [%+d] [% d]" 5 5 -5 -5
    printfn "[%08x] [%-6X] [%4o]" 0xBEEF 0xAB 8
    printfn "[%3d] [%-2d]" 12345 12345
    printfn "%d %d" 3000000000u 18446744073709551615UL
    printfn "%x %X" 0x123456789ABCDEFL 0xFFFFFFFFFFFFFFFFUL
    printfn "%d %x" 7n 255un
    printfn "100%%"
    0
