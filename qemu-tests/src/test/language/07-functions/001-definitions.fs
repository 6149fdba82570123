// expect-exit: 0
// expect-output: 001-definitions.out
module Definitions

let add a b = a + b

let addPair (a, b) = a + b

let (+.) (a: float) (b: float) = a + b + 0.5

let scale k = fun x -> k * x // the same as: let scale k x = k * x

let apply (f: int -> int) x = f x

let describe (n: int) : string = if n % 2 = 0 then "even" else "odd"

[<EntryPoint>]
let main _ =
    printfn "%d %d" (add 2 3) (addPair (2, 3))
    printfn "%.1f" (1.0 +. 2.0)
    printfn "%d %d" (scale 3 7) (apply (scale 4) 5)
    let square = fun x -> x * x
    printfn "%d %d" (square 9) (apply square 3)
    let add10 = add 10 // partial application
    printfn "%d %d" (add10 1) (apply (add 100) 1)
    printfn "%s %s" (describe 4) (describe 7)
    let combine f g x = g (f x)
    printfn "%d" (combine (add 1) square 4)
    0
