// expect-exit: 0
// expect-output: 029-the-alternatives.out
module TheAlternatives

// a growing collection: a fixed array and a count
let items: int[] = Array.zeroCreate 8

let mutable count = 0

let push x =
    if count < items.Length then
        items.[count] <- x
        count <- count + 1
        true
    else false

// an exception: a Result
let safeDiv a b = if b = 0 then Error "division by zero" else Ok (a / b)

// a class with state: a record and module functions
type Counter = { mutable Current: int }

let next (c: Counter) =
    c.Current <- c.Current + 1
    c.Current

// a recursive union: an array of nodes indexed by int
type Node = { Value: int; Left: int; Right: int }

let tree = [| { Value = 5; Left = 1; Right = 2 }; { Value = 3; Left = -1; Right = -1 }; { Value = 8; Left = -1; Right = -1 } |]

let rec sumTree i depth =
    if i < 0 || depth > 8 then 0
    else tree.[i].Value + sumTree tree.[i].Left (depth + 1) + sumTree tree.[i].Right (depth + 1)

[<EntryPoint>]
let main _ =
    for i in 1 .. 10 do
        push (i * i) |> ignore
    printfn "%d %d" count items.[7]
    for b in [| 2; 0 |] do
        match safeDiv 10 b with
        | Ok q -> printfn "ok %d" q
        | Error e -> printfn "error: %s" e
    let c = { Current = 0 }
    next c |> ignore
    printfn "%d" (next c)
    // a string built from parts: print the parts
    printfn "%s-%d" "id" 42
    printfn "%d" (sumTree 0 0)
    0
