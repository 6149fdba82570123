// expect-exit: 0
// expect-output: 004-tuples.out
module Tuples

let divRem a b = (a / b, a % b)

let swap (a, b) = (b, a)

let addPairs (a, b) (c, d) = (a + c, b + d)

[<EntryPoint>]
let main _ =
    let q, r = divRem 17 5
    printfn "%d %d" q r
    let (x, y) = swap (1, "one")
    printfn "%s %d" x y
    let triple = (1, 'b', 2.5)
    let (i, c, f) = triple
    printfn "%d %c %.1f" i c f
    printfn "%d %d" (fst (addPairs (1, 2) (3, 4))) (snd (addPairs (1, 2) (3, 4)))
    // structural equality and comparison, field by field
    printfn "%b %b" ((1, 2) = (1, 2)) ((1, 2) < (1, 3))
    printfn "%d %d" (compare (2, "a") (1, "z")) (compare (1, "a") (1, "b"))
    let s = struct (3, 4)
    let struct (p, t) = s
    printfn "%d" (p * t)
    let nested = ((1, 2), (3, (4, 5)))
    let ((a, _), (_, (_, e))) = nested
    printfn "%d %d" a e
    0
