// expect-exit: 101
// expect-output: 009-division-overflow.out
module DivisionOverflow

let half (a: int) (b: int) = a / b

[<EntryPoint>]
let main _ =
    printfn "%d" (half System.Int32.MinValue 2)
    printfn "%d" (half System.Int32.MinValue -1)
    0
