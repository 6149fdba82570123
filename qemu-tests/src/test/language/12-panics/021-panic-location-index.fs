// expect-exit: 101
// expect-output: 021-panic-location-index.out
// panic: location
module PanicLocationIndex

let data = [| 10; 20; 30 |]

let get i = data.[i]

[<EntryPoint>]
let main _ =
    printfn "%d" (get 2)
    printfn "%d" (get 3)
    0
