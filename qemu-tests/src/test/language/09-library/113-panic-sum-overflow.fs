// expect-exit: 101
// expect-output: 113-panic-sum-overflow.out
module PanicSumOverflow

// F#'s Array.sum and Array.sumBy add with overflow checks (Checked.(+))
let counts = [| 200uy; 50uy; 5uy |]
let samples = [| 30000s; 2000s; 767s |]

[<EntryPoint>]
let main _ =
    printfn "%d %d" (Array.sum counts) (Array.sum samples)
    printfn "%d" (Array.sumBy (fun x -> -x) samples)
    printfn "%.1f %d" (Array.sum [| 1e308; 1e308 |]) (Array.sum [| System.Int32.MaxValue; -1; 1 |])
    printfn "%d" (Array.sum (Array.append counts [| 1uy |]))
    0
