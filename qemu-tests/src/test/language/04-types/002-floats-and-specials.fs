// expect-exit: 0
// expect-output: 002-floats-and-specials.out
module FloatsAndSpecials

[<EntryPoint>]
let main _ =
    printfn "%f %f %f" nan infinity -infinity
    printfn "%f %f" nanf infinityf
    printfn "%b %b %b" (nan = nan) (nan <> nan) (infinity > 1e308)
    let third32 = 1.0f / 3.0f
    let third = 1.0 / 3.0
    printfn "%.10f %.10f" third32 third
    printfn "%.1f %.1f" (1.0 / 0.0) (-1.0 / 0.0)
    printfn "%b" (0.0 / 0.0 = 0.0 / 0.0)
    printfn "%.1f %.1f" (7.5 % 2.0) (-7.5 % 2.0)
    printfn "%.9f" (float 0.1f)
    0
