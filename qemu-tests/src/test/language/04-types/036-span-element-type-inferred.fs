// expect-exit: 0
// expect-output: 036-span-element-type-inferred.out
module SpanElementTypeInferred

open System

let total (s: ReadOnlySpan<int>) =
    let mutable acc = 0
    for i in 0 .. s.Length - 1 do
        acc <- acc + s.[i]
    acc

let fill (s: Span<byte>) (v: byte) =
    for i in 0 .. s.Length - 1 do
        s.[i] <- v

[<EntryPoint>]
let main _ =
    let data = [| 1; 2; 3; 4; 5 |]
    let bytes = Array.zeroCreate<byte> 4
    fill (Span bytes) 7uy
    fill (Span(bytes, 1, 2)) 9uy
    printfn "%d %d" (total (ReadOnlySpan data)) (total (ReadOnlySpan(data, 3, 2)))
    printfn "%d %d %d %d" bytes.[0] bytes.[1] bytes.[2] bytes.[3]
    0
