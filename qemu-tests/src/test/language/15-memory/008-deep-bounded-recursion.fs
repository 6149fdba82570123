// expect-exit: 0
// expect-output: 008-deep-bounded-recursion.out
module DeepBoundedRecursion

// depth 200 is proven from the argument's known range; the measured stack stays within the bound
let rec depthSum (n: int) =
    if n <= 0 then 0
    else
        let local = [| n; n * 2 |]
        local.[0] + depthSum (n - 1)

// a byte parameter has a known range whatever the caller passes
let rec halve (b: byte) = if b < 1uy then 0 else 1 + halve (b / 2uy)

[<EntryPoint>]
let main _ =
    printfn "%d" (depthSum 200)
    printfn "%d %d" (halve 255uy) (halve 1uy)
    0
