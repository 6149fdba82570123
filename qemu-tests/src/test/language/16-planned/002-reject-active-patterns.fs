// expect-error: 4:6: active patterns are not supported yet
module RejectActivePatterns

let (|Positive|_|) n = if n > 0 then Some n else None

[<EntryPoint>]
let main _ =
    match 3 with
    | Positive n -> printfn "%d" n
    | _ -> printfn "not positive"
    0
