// expect-exit: 7
// expect-output: 008-exit-function.out
module ExitFunction

let check (readings: int[]) =
    for r in readings do
        if r < 0 then
            printfn "negative reading %d" r
            exit 7
    printfn "all readings fine"

[<EntryPoint>]
let main _ =
    check [| 3; 4 |]
    check [| 5; -2; 9 |]
    printfn "not reached"
    0
