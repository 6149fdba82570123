// expect-error: 6:13: boxing and casts need a heap and run-time types; use a union
module Box

[<EntryPoint>]
let main _ =
    let o = box 3
    printfn "%d" 0
    0
