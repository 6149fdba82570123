// expect-exit: 0
// expect-output: 002-option-valueoption-result.out
module OptionValueOptionResult

let half n = if n % 2 = 0 then Some (n / 2) else None

let vhalf n = if n % 2 = 0 then ValueSome (n / 2) else ValueNone

let checkPositive n : Result<int, string> = if n > 0 then Ok n else Error "not positive"

let show r =
    match r with
    | Ok v -> printf "Ok %d; " v
    | Error (e: string) -> printf "Error %s; " e

[<EntryPoint>]
let main _ =
    printfn "%d %d" (Option.defaultValue -1 (Option.map (fun x -> x * 10) (half 8))) (Option.defaultValue -1 (Option.map (fun x -> x * 10) (half 7)))
    printfn "%b %b" (Option.isSome (Option.bind half (half 8))) (Option.isNone (Option.bind half (half 6)))
    printfn "%d %d" (Option.get (half 4)) (Option.defaultWith (fun () -> 99) (half 3))
    Option.iter (fun x -> printfn "iter %d" x) (half 10)
    Option.iter (fun x -> printfn "never %d" x) (half 11)
    printfn "%d %d" (ValueOption.defaultValue 0 (ValueOption.map (fun x -> x + 1) (vhalf 20))) (ValueOption.get (vhalf 2))
    printfn "%b %b" (ValueOption.isSome (ValueOption.bind vhalf (vhalf 12))) (ValueOption.isNone (vhalf 1))
    printfn "%d" (ValueOption.defaultWith (fun () -> 5) ValueNone)
    ValueOption.iter (fun x -> printfn "viter %d" x) (vhalf 4)
    show (Result.map (fun x -> x * 2) (checkPositive 4))
    show (Result.map (fun x -> x * 2) (checkPositive -4))
    show (Result.bind checkPositive (Ok -1))
    show (Result.mapError (fun (e: string) -> "bad") (checkPositive 0))
    printfn ""
    0
