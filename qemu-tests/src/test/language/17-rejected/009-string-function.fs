// expect-error: 6:13: building strings needs a heap; print the parts with printf
module StringFunction

[<EntryPoint>]
let main _ =
    let s = string 42
    printfn "%s" s
    0
