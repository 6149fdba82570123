// expect-error: 6:22: invalid UTF-8
module RejectInvalidUtf8

[<EntryPoint>]
let main _ =
    printfn "%s" "café"
    0
