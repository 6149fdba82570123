// expect-exit: 101
// expect-output: 010-abs-overflow.out
module AbsOverflow

let magnitude (x: int64) = abs x

[<EntryPoint>]
let main _ =
    printfn "%d" (magnitude -5L)
    printfn "%d" (magnitude System.Int64.MinValue)
    0
