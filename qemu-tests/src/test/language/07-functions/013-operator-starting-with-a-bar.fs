// expect-exit: 0
// expect-output: 013-operator-starting-with-a-bar.out
module OperatorStartingWithABar

let (|>>) x f = f (f x)

let (||.) a b = a || b

[<EntryPoint>]
let main _ =
    printfn "%d %b" (3 |>> (fun x -> x * x)) (false ||. true)
    0
