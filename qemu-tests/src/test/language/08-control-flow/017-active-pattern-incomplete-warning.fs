// expect-exit: 0
// expect-output: 017-active-pattern-incomplete-warning.out
// expect-warning: 9:5: incomplete match
module ActivePatternIncompleteWarning

let (|Small|_|) n = if n < 10 then Some n else None

let small n =
    match n with
    | Small s -> s

[<EntryPoint>]
let main _ =
    printfn "%d" (small 3)
    0
