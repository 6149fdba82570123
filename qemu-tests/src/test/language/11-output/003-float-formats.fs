// expect-exit: 0
// expect-output: 003-float-formats.out
module FloatFormats

[<EntryPoint>]
let main _ =
    printfn "%f %F %f" 3.14159 1.5 -0.001
    printfn "%.2f %.0f %.1f %.1f" 3.14159 2.7 7.26 -7.24
    printfn "%.0f %.3f" 0.4 1.0005
    printfn "%e %E" 0.000123 0.000123
    printfn "%.2e %.0e %e" 12345.0 9.5 0.0
    printfn "[%10.3f] [%-10.2f] [%010.3f] [%+.1f] [% .1f]" 3.14159 3.14159 -3.14159 2.0 2.0
    printfn "%f %e" 1e300 1e-300
    printfn "%.3f %.10f" 0.1f 0.1f
    printfn "%f %.2f" 16777217.0f 1e10f
    printfn "%f %f %f" nan infinity -infinity
    printfn "[%8.2f] [%-8.1e]" -1.005 1.5
    printfn "%.15f" 0.1
    printfn "%.2f" 123456789.126
    0
