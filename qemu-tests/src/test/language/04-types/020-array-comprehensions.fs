// expect-exit: 0
// expect-output: 020-array-comprehensions.out
module ArrayComprehension

let squares = [| for i in 0 .. 3 -> i * i |]

[<EntryPoint>]
let main _ =
    printfn "%d" (Array.sum squares)
    0
