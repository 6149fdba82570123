// expect-exit: 0
// expect-output: 101-format-binary.out
module FormatBinary

[<Literal>]
let Ready = 0b0100uy

[<EntryPoint>]
let main _ =
    printfn "%B %B %B %B" 5 0 1 255
    // negative values: the two's-complement bits at the type's width
    printfn "%B" -1y
    printfn "%B" -2s
    printfn "%B" -1
    printfn "%B" System.Int32.MinValue
    printfn "%B" -1L
    printfn "%B %B" 0x8000000000000000UL 65535us
    printfn "%B %B" Ready (Ready ||| 0b0001uy)
    // width and flags as %x: right-aligned, '-' left, '0' pads, '+' and ' ' before every value
    printfn "[%8B] [%-8B] [%08B] [%+B] [% B] [%2B]" 5 5 5 5 5 5
    printfn "[%+06B] [%-+6B]" 3uy 3uy
    let status = [| 0x81uy; 0x7Fuy |]
    Array.iter (printf "%08B ") status
    printfn ""
    0
