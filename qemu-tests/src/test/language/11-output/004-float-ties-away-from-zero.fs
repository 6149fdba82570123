// expect-exit: 0
// expect-output: 004-float-ties-away-from-zero.out
// known-difference: %f rounds an exact tie to even ('%.1f' of 7.25 prints 7.2, '%.0f' of 2.5 prints 2) where .NET rounds away from zero (7.3, 3)
module FloatTiesAwayFromZero

[<EntryPoint>]
let main _ =
    // these values are exact in binary, so each is a true tie
    printfn "%.1f %.1f %.0f %.0f %.0f" 7.25 -7.25 2.5 0.5 1.5
    printfn "%.2f %.1f" 123456789.125 0.25f
    printfn "%.1e %.0e" 1.25 2.5
    0
