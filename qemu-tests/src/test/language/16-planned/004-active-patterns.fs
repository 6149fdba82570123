// expect-exit: 0
// expect-output: 004-active-patterns.out
// known-difference: active patterns are "active patterns are not supported yet"
module ActivePatterns

let (|Even|Odd|) n = if n % 2 = 0 then Even else Odd

let (|Small|_|) n = if n < 10 then Some n else None

let parity n =
    match n with
    | Even -> "even"
    | Odd -> "odd"

[<EntryPoint>]
let main _ =
    printfn "%s %s" (parity 4) (parity 7)
    match 3 with
    | Small _ -> printfn "small"
    | _ -> printfn "large"
    0
