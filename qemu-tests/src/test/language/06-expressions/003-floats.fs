// expect-exit: 0
// expect-output: 003-floats.out
module Floats

[<EntryPoint>]
let main _ =
    let a = 0.1
    let b = 0.2
    printfn "%.17f" (a + b)
    printfn "%.3f %.3f %.3f" (a * 3.0) (10.0 / 4.0) (1.0 - 0.75)
    // each float32 operation rounds to binary32
    let x = 16777216.0f
    printfn "%.1f %.1f" (x + 1.0f) (float x + 1.0)
    printfn "%.9f" (0.1f + 0.2f)
    printfn "%.2f %.2f" (sqrt 2.0) (sqrt 9.0f)
    printfn "%.1f %.1f %.1f %.1f" (floor -2.5) (ceil -2.5) (truncate -2.5) (round -2.5)
    printfn "%.1f %.1f %.1f" (round 0.5) (round 1.5) (round 2.5)
    printfn "%.1f %.1f" (floor 2.7f) (ceil 2.2f)
    printfn "%.1f %.1f" (-7.0 % 3.0) (7.5f % 2.0f)
    printfn "%.2f %.2f" (abs -1.25) (max 1.5 -3.0)
    printfn "%b %b" (1.0 / 3.0 = 0.1 / 0.3) (-0.0 = 0.0)
    0
