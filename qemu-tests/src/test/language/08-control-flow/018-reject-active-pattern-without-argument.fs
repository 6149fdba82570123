// expect-error: 9:7: this expression was expected to have type 'unit' but here has type 'int'
module RejectActivePatternWithoutArgument

let (|Positive|_|) n = if n > 0 then Some n else None

[<EntryPoint>]
let main _ =
    match 3 with
    | Positive -> printfn "positive"
    | _ -> printfn "not positive"
    0
