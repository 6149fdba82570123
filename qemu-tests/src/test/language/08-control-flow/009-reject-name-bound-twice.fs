// expect-error: 6:11: the name 'a' is bound twice in this pattern
module RejectNameBoundTwice

let same p =
    match p with
    | (a, a) -> true

[<EntryPoint>]
let main _ =
    printfn "%b" (same (1, 1))
    0
