// expect-exit: 101
// expect-output: 106-panic-map2-lengths.out
module PanicMap2Lengths

let a = [| 1; 2; 3 |]
let b = [| 4; 5 |]

[<EntryPoint>]
let main _ =
    printfn "start"
    let c = Array.map2 (+) a b
    printfn "%d" c.Length
    0
