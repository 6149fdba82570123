// expect-exit: 101
// expect-output: 011-incomplete-match.out
// expect-warning: 12:5: incomplete match; for example 'South' is not covered
module IncompleteMatch

type Dir =
    | North
    | East
    | South

let turn d =
    match d with
    | North -> East
    | East -> South

[<EntryPoint>]
let main _ =
    printfn "%b" (turn North = East)
    printfn "%b" (turn South = North)
    0
