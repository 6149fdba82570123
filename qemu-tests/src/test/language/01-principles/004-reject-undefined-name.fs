// expect-error: 7:18: the value or constructor 'totl' is not defined
module RejectUndefinedName

[<EntryPoint>]
let main _ =
    let total = 3
    printfn "%d" totl
    0
