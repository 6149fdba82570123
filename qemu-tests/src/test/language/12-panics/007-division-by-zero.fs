// expect-exit: 101
// expect-output: 007-division-by-zero.out
module DivisionByZero

let ratio a b = a / b

[<EntryPoint>]
let main _ =
    printfn "%d" (ratio 7 2)
    printfn "%d" (ratio 7 0)
    0
