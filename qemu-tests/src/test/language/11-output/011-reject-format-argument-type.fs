// expect-error: 6:23: this expression was expected to have type 'bool' but here has type 'int'
module RejectFormatArgumentType

[<EntryPoint>]
let main _ =
    printfn "%d %b" 1 2
    0
