// expect-error: 7:13: the format of 'printfn' must be a string literal
module RejectNonLiteralFormat

[<EntryPoint>]
let main _ =
    let fmt = "%d"
    printfn fmt 3
    0
