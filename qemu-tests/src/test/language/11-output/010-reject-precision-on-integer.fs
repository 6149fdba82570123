// expect-error: 6:14: a precision is only allowed with %f and %e
module RejectPrecisionOnInteger

[<EntryPoint>]
let main _ =
    printfn "%.2d" 7
    0
