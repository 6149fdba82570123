// expect-exit: 101
// expect-output: 105-panic-reduce-empty.out
module PanicReduceEmpty

let readings: int[] = [||]

[<EntryPoint>]
let main _ =
    printfn "%d" (Array.reduce (+) [| 1; 2 |])
    printfn "%d" (Array.reduce (+) readings)
    0
