// expect-error: 6:16: building strings needs a heap; print the parts with printf
module RejectSprintf

[<EntryPoint>]
let main _ =
    let text = sprintf "%d items" 3
    printfn "%s" text
    0
