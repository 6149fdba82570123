// expect-exit: 0
// expect-output: 005-bounded-recursion.out
module BoundedRecursion

// non-tail recursion is accepted when a parameter bounds its depth (docs/language.md §15.4)
let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

let rec power (b: int64) e = if e <= 0 then 1L else b * power b (e - 1)

let rec bits n = if n <= 0 then 0 else 1 + bits (n / 2)

let rec countUp i = if i >= 10 then 0 else 1 + countUp (i + 1)

let rec sumTo (n: byte) = if n < 1uy then 0 else int n + sumTo (n - 1uy)

[<EntryPoint>]
let main _ =
    printfn "%d %d" (fib 20) (fib 1)
    printfn "%d" (power 3L 20)
    printfn "%d" (bits 1000)
    printfn "%d" (countUp 0)
    for i in 0 .. 3 do
        printf "%d " (fib i)
    printfn ""
    printfn "%d" (sumTo 200uy)
    0
