// expect-error: 8:5: this span points into the stack frame of 'readings' (at 'samples')
module RejectReturnedSpanOfFrameArray

open System

let readings () =
    let samples = [| 10; 20; 30 |]
    Span<int>(samples, 1, 2)

[<EntryPoint>]
let main _ =
    let s = readings ()
    printfn "%d" s.[0]
    0
