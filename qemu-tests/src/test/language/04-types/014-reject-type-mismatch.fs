// expect-error: 8:25: this expression was expected to have type 'int' but here has type 'string'
module RejectTypeMismatch

let twice (n: int) = 2 * n

[<EntryPoint>]
let main _ =
    printfn "%d" (twice "21")
    0
