// expect-exit: 0
// expect-output: 007-discarded-value-warning.out
// expect-warning: 10:5: the result of this expression has type 'int' and is implicitly ignored
module DiscardedValueWarning

let answer () = 42

[<EntryPoint>]
let main _ =
    answer ()
    printfn "still runs"
    0
