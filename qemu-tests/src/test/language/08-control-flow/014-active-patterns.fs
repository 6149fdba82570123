// expect-exit: 0
// expect-output: 014-active-patterns.out
module ActivePatterns

let (|Even|Odd|) n = if n % 2 = 0 then Even else Odd

let (|Small|_|) n = if n < 10 then Some n else None

let (|Pos|Neg|Zero|) n = if n > 0 then Pos n elif n < 0 then Neg(-n) else Zero

let (|Celsius|) (f: float) = (f - 32.0) / 1.8

let parity n =
    match n with
    | Even -> "even"
    | Odd -> "odd"

let magnitude n =
    match n with
    | Pos p -> p
    | Neg m -> m * 10
    | Zero -> 0

[<EntryPoint>]
let main _ =
    printfn "%s %s" (parity 4) (parity 7)
    match 3 with
    | Small _ -> printfn "small"
    | _ -> printfn "large"
    match 30 with
    | Small n -> printfn "small %d" n
    | _ -> printfn "large"
    printfn "%d %d %d" (magnitude 5) (magnitude -3) (magnitude 0)
    match 212.0 with
    | Celsius c -> printfn "%.1f" c
    // the function of an active pattern is an ordinary function too
    match (|Even|Odd|) 3 with
    | Choice1Of2 () -> printfn "even"
    | Choice2Of2 () -> printfn "odd"
    0
