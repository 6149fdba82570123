// expect-exit: 0
// expect-output: 007-unused-rule-warning.out
// expect-warning: 10:7: this rule will never be matched
module UnusedRuleWarning

let sign n =
    match n with
    | _ when n < 0 -> -1
    | _ -> 1
    | 0 -> 0

[<EntryPoint>]
let main _ =
    printfn "%d %d" (sign -4) (sign 4)
    0
