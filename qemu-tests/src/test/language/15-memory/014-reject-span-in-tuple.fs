// expect-error: 7:6: this value has the type 'Span<int> * int': a byref or a span may live only on the stack
module RejectSpanInTuple

open System

let withLength (s: Span<int>) =
    (s, s.Length)

[<EntryPoint>]
let main _ =
    let data = [| 1; 2; 3 |]
    let _, n = withLength (Span<int>(data))
    printfn "%d" n
    0
