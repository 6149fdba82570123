// expect-exit: 101
// expect-output: 025-panic-message-explicit.out
// panic: message
module PanicMessageExplicit

let data = [| 1; 2; 3 |]

let sumTo n =
    let mutable s = 0
    for i in 0 .. n do
        s <- s + data.[i]
    s

[<EntryPoint>]
let main _ =
    printfn "%d" (sumTo 2)
    printfn "%d" (sumTo 3)
    0
