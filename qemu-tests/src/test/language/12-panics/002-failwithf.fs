// expect-exit: 101
// expect-output: 002-failwithf.out
module Failwithf

let limit = 10

let check n =
    if n > limit then failwithf "value %d exceeds %d (%s)" n limit "hard limit"
    n

[<EntryPoint>]
let main _ =
    printfn "%d" (check 3)
    printfn "%d" (check 12)
    0
