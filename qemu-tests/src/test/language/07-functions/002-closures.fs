// expect-exit: 0
// expect-output: 002-closures.out
module Closures

let applyTwice (f: int -> int) x = f (f x)

let forEach (a: int[]) (f: int -> unit) =
    for x in a do
        f x

// a closed function value (it refers to no locals) is an ordinary value
let handlers = [| (fun x -> x + 1); (fun x -> x * 2); abs |]

type Op = { Name: string; Run: int -> int }

let ops = [| { Name = "neg"; Run = fun x -> -x }; { Name = "sq"; Run = fun x -> x * x } |]

[<EntryPoint>]
let main _ =
    let offset = 5
    // closures over locals live in the creator's frame: called and passed on
    printfn "%d" (applyTwice (fun x -> x + offset) 0)
    let mutable sum = 0
    forEach [| 1; 2; 3 |] (fun x -> sum <- sum + x * offset)
    printfn "%d" sum
    let addOffset = fun x -> x + offset
    let compose = fun x -> addOffset (addOffset x)
    printfn "%d" (compose 1)
    for h in handlers do
        printf "%d " (h -7)
    printfn ""
    for op in ops do
        printf "%s=%d " op.Name (op.Run 6)
    printfn ""
    0
