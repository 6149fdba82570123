// expect-error: 6:15: flags '-' and '0' cannot be combined
module RejectMinusAndZero

[<EntryPoint>]
let main _ =
    printfn "[%-05d]" 42
    0
