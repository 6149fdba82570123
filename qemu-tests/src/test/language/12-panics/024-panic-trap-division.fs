// expect-exit: 101
// expect-output: 024-panic-trap-division.out
// panic: trap
module PanicTrapDivision

let ratio a b = a / b

[<EntryPoint>]
let main _ =
    printfn "%d" (ratio 7 2)
    printfn "%d" (ratio 7 0)
    0
