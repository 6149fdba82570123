// expect-error: 7:21: building strings needs a heap; print the parts with printf
module ToString

[<EntryPoint>]
let main _ =
    let n = 42
    printfn "%s" (n.ToString ())
    0
