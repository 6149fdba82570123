// expect-exit: 0
// expect-output: 011-math-functions.out
module MathFunctions

[<EntryPoint>]
let main _ =
    printfn "%.3f %.3f %.3f %.3f" (sin 0.0) (cos 0.0) (exp 0.0) (2.0 ** 3.0)
    0
