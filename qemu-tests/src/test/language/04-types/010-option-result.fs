// expect-exit: 0
// expect-output: 010-option-result.out
module OptionResult

let tryDivide a b = if b = 0 then None else Some (a / b)

let tryHalf n = if n % 2 = 0 then ValueSome (n / 2) else ValueNone

let parseDigit (c: char) : Result<int, string> =
    if c >= '0' && c <= '9' then Ok (int c - int '0') else Error "not a digit"

let show o =
    match o with
    | Some v -> printf "Some %d " v
    | None -> printf "None "

[<EntryPoint>]
let main _ =
    show (tryDivide 10 2)
    show (tryDivide 1 0)
    printfn ""
    let o = tryDivide 9 3
    printfn "%b %b %d" o.IsSome o.IsNone o.Value
    match tryHalf 8, tryHalf 7 with
    | ValueSome a, ValueNone -> printfn "half %d, odd" a
    | _ -> printfn "unexpected"
    for c in [| '7'; 'x' |] do
        match parseDigit c with
        | Ok d -> printfn "digit %d" d
        | Error e -> printfn "error: %s" e
    printfn "%b %b" (Some 1 = Some 1) (None < Some 0)
    printfn "%b" (Ok 1 = (Ok 1: Result<int, string>))
    0
