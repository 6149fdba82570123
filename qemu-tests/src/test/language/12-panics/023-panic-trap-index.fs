// expect-exit: 101
// expect-output: 023-panic-trap-index.out
// panic: trap
module PanicTrapIndex

let data = [| 10; 20; 30 |]

let get i = data.[i]

[<EntryPoint>]
let main _ =
    printfn "%d" (get 2)
    printfn "%d" (get -1)
    0
