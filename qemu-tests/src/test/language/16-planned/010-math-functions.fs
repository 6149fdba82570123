// expect-exit: 0
// expect-output: 010-math-functions.out
// known-difference: sin, cos, exp, log and ( ** ) are not available yet
module MathFunctions

[<EntryPoint>]
let main _ =
    printfn "%.3f %.3f %.3f %.3f" (sin 0.0) (cos 0.0) (exp 0.0) (2.0 ** 3.0)
    0
