// expect-exit: 0
// expect-output: 002-float-literals.out
module FloatLiterals

[<EntryPoint>]
let main _ =
    printfn "%f %f %f" 1.0 2.5e-3 1e3
    printfn "%f %f %f" 1.5f 1.0e3f 2.5F
    printfn "%.3f %.1f" 0.125 -0.5
    printfn "%e" 12345.678
    printfn "%b %b" (0.1 + 0.2 = 0.3) (0.5 + 0.25 = 0.75)
    0
