// expect-error: 7:14: the value or constructor 'Even' is not defined
module RejectActivePatternCaseAsValue

let (|Even|Odd|) n = if n % 2 = 0 then Even else Odd

// outside its definition a case name is a pattern, not a value
let parity = Even

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
