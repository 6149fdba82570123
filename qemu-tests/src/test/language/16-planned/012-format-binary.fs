// expect-exit: 0
// expect-output: 012-format-binary.out
// known-difference: the %B format is "'%B' is not supported by fid-embed"
module FormatBinary

[<EntryPoint>]
let main _ =
    printfn "%B" 5
    0
