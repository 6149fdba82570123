// expect-error: 8:7: only active patterns returning exactly one result may accept arguments
module RejectMultiCaseActivePatternArguments

let (|Even|Odd|) n = if n % 2 = 0 then Even else Odd

let test n =
    match n with
    | Even 2 x -> x
    | _ -> false

[<EntryPoint>]
let main _ =
    printfn "%b" (test 4)
    0
