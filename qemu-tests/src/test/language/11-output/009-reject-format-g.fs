// expect-error: 6:14: '%g' is not supported by fid-embed; use %f or %e
module RejectFormatG

[<EntryPoint>]
let main _ =
    printfn "%g" 1.5
    0
