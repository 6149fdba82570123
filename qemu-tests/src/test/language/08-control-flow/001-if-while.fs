// expect-exit: 0
// expect-output: 001-if-while.out
module IfWhile

let grade score =
    if score >= 90 then 'A'
    elif score >= 80 then 'B'
    elif score >= 70 then 'C'
    else 'F'

[<EntryPoint>]
let main _ =
    for s in [| 95; 85; 75; 10 |] do
        printf "%c" (grade s)
    printfn ""
    // without else, the branch has type unit
    let mutable n = 0
    if n = 0 then n <- 42
    printfn "%d" n
    let mutable steps = 0
    let mutable x = 100
    while x > 1 do
        x <- x / 3
        steps <- steps + 1
    printfn "%d %d" x steps
    let mutable guard = 0
    while false do
        guard <- 1
    printfn "%d" guard
    let value = if n > 10 then "big" else "small"
    printfn "%s" value
    0
