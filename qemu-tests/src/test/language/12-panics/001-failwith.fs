// expect-exit: 101
// expect-output: 001-failwith.out
module Failwith

let check level =
    if level > 3 then failwith "level too high"
    level

[<EntryPoint>]
let main _ =
    printfn "%d" (check 2)
    printfn "%d" (check 5)
    0
