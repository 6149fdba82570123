// expect-exit: 0
// expect-output: 006-pipes-and-composition.out
module PipesAndComposition

let double x = x * 2

let inc x = x + 1

let add3 a b c = a + b + c

[<EntryPoint>]
let main _ =
    printfn "%d %d" (3 |> double |> inc) (double <| inc 3)
    printfn "%d %d" ((1, 2) ||> (+)) ((1, 2, 3) |||> add3)
    let incThenDouble = inc >> double
    let doubleThenInc = inc << double
    printfn "%d %d" (incThenDouble 5) (doubleThenInc 5)
    printfn "%d %s" (id 7) (id "same")
    printfn "%d %c" (fst (1, 'x')) (snd (1, 'x'))
    ignore (double 4)
    printfn "%d %d" (abs -5) (abs 5L)
    let typed = (10 : int) + (2uy |> int)
    printfn "%d" typed
    0
