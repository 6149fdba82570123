// expect-exit: 0
// expect-output: 012-closure-as-argument-not-stored.out
module ClosureAsArgument

// a parameter of function type may be a closure: called and passed on
let rec applyN n (f: int -> int) x = if n <= 0 then x else applyN (n - 1) f (f x)

let run (f: int -> int) = applyN 3 f 1

[<EntryPoint>]
let main _ =
    let k = 2
    printfn "%d" (run (fun x -> x * k))
    printfn "%d" (run (fun x -> x + k))
    0
