// expect-error: 7:5: a ReadOnlySpan is read-only: its elements cannot be changed
module RejectReadOnlySpanWrite

open System

let clear (s: ReadOnlySpan<int>) =
    s.[0] <- 0

[<EntryPoint>]
let main _ =
    let data = [| 1; 2; 3 |]
    clear (ReadOnlySpan<int>(data))
    printfn "%d" data.[0]
    0
