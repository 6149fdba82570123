// expect-exit: 101
// expect-output: 023-span-slice-out-of-range.out
module SpanSliceOutOfRange

open System

let window (data: int[]) (start: int) = Span<int>(data, start, 3)

[<EntryPoint>]
let main _ =
    let data = [| 1; 2; 3; 4; 5 |]
    printfn "%d" (window data 2).[2]
    printfn "%d" (window data 3).[0]
    0
