// expect-error: 6:13: converting a string with 'int' is parsing, which is not supported by fid-embed
module RejectParse

[<EntryPoint>]
let main _ =
    let n = int "12"
    printfn "%d" n
    0
