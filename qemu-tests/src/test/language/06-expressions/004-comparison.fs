// expect-exit: 0
// expect-output: 004-comparison.out
module Comparison

type Level =
    | Low
    | High of int

let sign n = compare n 0

[<EntryPoint>]
let main _ =
    printfn "%b %b %b %b %b %b" (1 = 1) (1 <> 1) (1 < 2) (2 <= 2) (3 > 4) (4 >= 5)
    printfn "%d %d %d" (compare 1 2) (compare 2 2) (compare 3 2)
    printfn "%d %d %d" (compare 'a' 'b') (compare 2.5 1.0) (compare 10uy 200uy)
    printfn "%d %d %d" (sign -7) (sign 0) (sign 9)
    printfn "%b %b" (compare (1, "b") (1, "a") > 0) (Low < High 0)
    printfn "%b %b" (High 2 > High 1) (Some 3 > None)
    // && and || evaluate their right side only when needed
    let mutable calls = 0
    let check b =
        calls <- calls + 1
        b
    let r1 = check false && check true
    let r2 = check true || check false
    printfn "%b %b %d" r1 r2 calls
    printfn "%b %b" (not true) (not (1 > 2))
    printfn "%d %d %.1f %c" (min 3 -1) (max 3 -1) (max 0.5 1.5) (min 'q' 'c')
    printfn "%b" (compare -1 System.Int32.MaxValue < 0)
    printfn "%b %b" (nan < 1.0) (nan > 1.0)
    0
