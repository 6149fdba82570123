// expect-error: 7:5: the block following this 'let' is unfinished
module RejectUnfinishedLet

[<EntryPoint>]
let main _ =
    printfn "start"
    let result = 42
