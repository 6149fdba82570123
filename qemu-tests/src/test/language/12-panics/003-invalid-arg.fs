// expect-exit: 101
// expect-output: 003-invalid-arg.out
module InvalidArg

let setRate (hz: int) =
    if hz <= 0 then invalidArg "hz" "the rate must be positive"
    hz

[<EntryPoint>]
let main _ =
    printfn "%d" (setRate 50)
    printfn "%d" (setRate 0)
    0
