// expect-exit: 101
// expect-output: 022-panic-location-failwith.out
// panic: location
module PanicLocationFailwith

let check level =
    if level > 3 then failwithf "level %d too high" level
    level

[<EntryPoint>]
let main _ =
    printfn "%d" (check 2)
    printfn "%d" (check 5)
    0
