// expect-error: 6:14: a precision is only allowed with %f and %e
module RejectBinaryPrecision

[<EntryPoint>]
let main _ =
    printfn "%.4B" 5
    0
