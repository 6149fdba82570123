// expect-error: 10:7: the two sides of this 'or' pattern bind different variables
module RejectOrPatternNames

type Pair =
    | Left of int
    | Right of int

let value p =
    match p with
    | Left a | Right b -> a

[<EntryPoint>]
let main _ =
    printfn "%d" (value (Left 1))
    0
