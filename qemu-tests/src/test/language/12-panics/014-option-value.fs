// expect-exit: 101
// expect-output: 014-option-value.out
module OptionValue

let lookup key = if key = 1 then Some "one" else None

[<EntryPoint>]
let main _ =
    printfn "%s" (lookup 1).Value
    let missing = lookup 2
    printfn "%s" missing.Value
    0
