// expect-exit: 0
// expect-output: 003-inline.out
module Inline

let inline square x = x * x

let inline twice f x = f (f x)

let inline clamp lo hi x = if x < lo then lo elif x > hi then hi else x

// an inline function may return a closure: it lives in the caller's frame
let inline adder n = fun x -> x + n

[<EntryPoint>]
let main _ =
    printfn "%d %.2f %d" (square 7) (square 1.5) (square 3L)
    printfn "%d %.1f" (twice square 3) (twice (fun x -> x / 2.0) 10.0)
    printfn "%d %d %.1f" (clamp 0 10 -5) (clamp 0 10 50) (clamp 0.0 1.0 0.5)
    let k = 3
    let add3 = adder k
    printfn "%d" (add3 4)
    0
