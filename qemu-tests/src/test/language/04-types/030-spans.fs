// expect-exit: 0
// expect-output: 030-spans.out
module Spans

open System

let sum (s: ReadOnlySpan<int>) =
    let mutable t = 0
    for x in s do
        t <- t + x
    t

let fill (s: Span<int>) (start: int) =
    for i in 0 .. s.Length - 1 do
        s.[i] <- start + i

let largest (s: Span<int>) =
    let mutable m = s.[0]
    for i in 1 .. s.Length - 1 do
        if s.[i] > m then m <- s.[i]
    m

[<EntryPoint>]
let main _ =
    let data = Array.zeroCreate<int> 8
    fill (Span<int>(data, 2, 4)) 10
    for x in data do
        printf "%d " x
    printfn ""
    let all = Span<int>(data)
    let middle = all.Slice(3, 3)
    middle.[0] <- 99
    printfn "%d %d %d %d" all.Length middle.Length middle.[0] data.[3]
    let tail = all.Slice(5)
    printfn "%d %d" tail.Length tail.[0]
    printfn "%d %d" (sum (ReadOnlySpan<int>(data))) (sum (ReadOnlySpan<int>(data, 1, 2)))
    printfn "%d" (largest (Span<int>(data, 0, 5)))
    let bytes = [| 1uy; 2uy; 3uy |]
    let bs = Span<byte>(bytes).Slice(1)
    bs.[1] <- bs.[0] + bs.[1]
    printfn "%d %d %d" bytes.[0] bytes.[1] bytes.[2]
    let empty = Span<int>(data, 8, 0)
    printfn "%d %b %b" empty.Length empty.IsEmpty all.IsEmpty
    0
