// expect-error: 6:15: '*' widths are not supported by fid-embed; write the width in the format
module RejectStarWidth

[<EntryPoint>]
let main _ =
    printfn "[%*d]" 5 42
    0
