// expect-exit: 0
// expect-output: 103-float-ties-to-even.out
module FloatTiesToEven

// %f and %e with a precision round the exact binary value; an exact tie goes to the even digit, as
// .NET Core 3.0 and later format floats (F#'s printf calls ToString("F1") and friends): 7.25 is exactly
// between 7.2 and 7.3 and prints 7.2, while 2.675 is a little below 2.675 and prints 2.67
[<EntryPoint>]
let main _ =
    printfn "%.1f %.1f %.0f %.0f %.0f %.0f" 7.25 -7.25 2.5 1.5 3.5 9.5
    printfn "%.2f %.2f %.2f %.3f %.2f" 0.125 0.375 123456789.125 1.0625 -0.125
    printfn "%.1f %.0f %.2f" 0.25f 2.5f 1.375f
    printfn "%.2f %.2f %.1f" 2.675 1.005 0.35
    printfn "%.1e %.0e %.0e %.2e %.1e %.0e" 1.25 2.5 3.5 1.125 125.0 9.5
    printfn "%.1e %.3e" 0.375 -2.0625f
    0
