// expect-exit: 101
// expect-output: 012-runtime-zero-step.out
module RuntimeZeroStep

let countBy step =
    let mutable n = 0
    for _ in 0 .. step .. 10 do
        n <- n + 1
    n

[<EntryPoint>]
let main _ =
    printfn "%d %d" (countBy 5) (countBy -1)
    printfn "%d" (countBy 0)
    0
