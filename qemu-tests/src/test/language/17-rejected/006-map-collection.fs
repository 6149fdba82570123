// expect-error: 6:16: growing collections need a heap; use a fixed-size array
module MapCollection

[<EntryPoint>]
let main _ =
    let ages = Map.empty
    printfn "%d" 0
    0
