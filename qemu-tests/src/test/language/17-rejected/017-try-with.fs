// expect-error: 5:5: exceptions are not supported; use Result
module TryWith

let safeDiv a b =
    try
        a / b
    with _ -> 0

[<EntryPoint>]
let main _ =
    printfn "%d" (safeDiv 1 0)
    0
