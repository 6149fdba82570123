// expect-exit: 101
// expect-output: 012-incomplete-function.out
// expect-warning: 7:5: incomplete match; for example '2' is not covered
module IncompleteFunction

let digit =
    function
    | 0 -> "zero"
    | 1 -> "one"

[<EntryPoint>]
let main _ =
    printfn "%s" (digit 1)
    printfn "%s" (digit 2)
    0
