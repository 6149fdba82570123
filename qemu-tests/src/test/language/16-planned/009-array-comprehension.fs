// expect-exit: 0
// expect-output: 009-array-comprehension.out
// known-difference: constant-length array comprehensions ([| for i in 0 .. 3 -> i * i |]) are rejected as allocating
module ArrayComprehension

let squares = [| for i in 0 .. 3 -> i * i |]

[<EntryPoint>]
let main _ =
    printfn "%d" (Array.sum squares)
    0
