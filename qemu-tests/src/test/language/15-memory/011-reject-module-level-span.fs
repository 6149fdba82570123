// expect-error: 9:5: 'window' has the type 'Span<int>', which may live only on the stack
module RejectModuleLevelSpan

open System

let buffer = [| 1; 2; 3; 4 |]

// a span is a view for the code that runs now, not a value to keep
let window = Span<int>(buffer, 1, 2)

[<EntryPoint>]
let main _ =
    printfn "%d" buffer.[0]
    0
