// expect-error: 7:18: building strings needs a heap; print the parts with printf
module InterpolatedString

[<EntryPoint>]
let main _ =
    let n = 42
    printfn "%s" $"n = {n}"
    0
