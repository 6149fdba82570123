// expect-exit: 0
// expect-output: 006-incomplete-match-warning.out
// expect-warning: 12:5: incomplete match; for example 'Blue' is not covered
module IncompleteMatchWarning

type Color =
    | Red
    | Green
    | Blue

let name c =
    match c with
    | Red -> "red"
    | Green -> "green"

[<EntryPoint>]
let main _ =
    printfn "%s %s" (name Red) (name Green)
    0
