// expect-exit: 0
// expect-output: 022-active-patterns-on-functions.out
module ActivePatternsOnFunctions

// an active pattern may test any value, a function (or closure) too
let (|Applied|) (x: int) (f: int -> int) = f x

let (|Grows|_|) (f: int -> int) = if f 1 > 1 then Some(f 10) else None

let describe (f: int -> int) =
    match f with
    | Grows big -> printfn "grows to %d" big
    | Applied 5 r -> printfn "applied %d" r

[<EntryPoint>]
let main _ =
    describe (fun x -> x * 3)
    describe (fun x -> x - 1)
    let k = 7
    describe (fun x -> x + k)
    0
