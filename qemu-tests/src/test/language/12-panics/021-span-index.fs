// expect-exit: 101
// expect-output: 021-span-index.out
module SpanIndex

open System

[<EntryPoint>]
let main _ =
    let data = [| 1; 2; 3; 4; 5 |]
    let s = Span<int>(data, 1, 3)
    printfn "%d" s.[2]
    let i = s.Length
    printfn "%d" s.[i]
    0
