// expect-exit: 0
// expect-output: 001-placement.out
module Placement

// constant and never written: in flash
let table = [| 1; 1; 2; 3; 5; 8 |]

// written at run time, with constant initial contents: in RAM, initialised from flash
let counters = [| 10; 20; 30 |]

// starts at zero: in RAM, cleared at start-up
let buffer: int[] = Array.zeroCreate 16

// computed at start-up
let squares = Array.init 8 (fun i -> i * i)

type Stats = { mutable Count: int; mutable Total: int }

let stats = { Count = 0; Total = 0 }

let record x =
    stats.Count <- stats.Count + 1
    stats.Total <- stats.Total + x

[<EntryPoint>]
let main _ =
    counters.[1] <- counters.[1] + 1
    for i in 0 .. buffer.Length - 1 do
        buffer.[i] <- table.[i % table.Length]
    for x in squares do
        record x
    printfn "%d %d %d" table.[5] counters.[1] (Array.sum buffer)
    printfn "%d %d" stats.Count stats.Total
    0
