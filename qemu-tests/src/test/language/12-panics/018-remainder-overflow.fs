// expect-exit: 101
// expect-output: 018-remainder-overflow.out
module RemainderOverflow

let rem (a: int16) (b: int16) = a % b

[<EntryPoint>]
let main _ =
    printfn "%d" (rem -32768s 7s)
    printfn "%d" (rem System.Int16.MinValue -1s)
    0
