/// Heapsort of 600 pseudo-random ints, then a check that the result is ordered and a checksum
/// that depends on every element's position.
module Heapsort

[<Literal>]
let Len = 600

let values : int[] = Array.zeroCreate Len

let fill () =
    let mutable s = 7u
    for i in 0 .. Len - 1 do
        s <- s * 1664525u + 1013904223u
        values.[i] <- int (s >>> 8) - 0x800000

/// Moves a.[root] down until both children are smaller (a max-heap over a.[0 .. last]).
let siftDown (a: int[]) (start: int) (last: int) =
    let mutable root = start
    let mutable go = true
    while go do
        let child = 2 * root + 1
        if child > last then go <- false
        else
            let mutable top = root
            if a.[top] < a.[child] then top <- child
            if child + 1 <= last && a.[top] < a.[child + 1] then top <- child + 1
            if top = root then go <- false
            else
                let t = a.[root]
                a.[root] <- a.[top]
                a.[top] <- t
                root <- top

let heapsort (a: int[]) =
    let n = a.Length
    for start in (n - 2) / 2 .. -1 .. 0 do
        siftDown a start (n - 1)
    for last in n - 1 .. -1 .. 1 do
        let t = a.[0]
        a.[0] <- a.[last]
        a.[last] <- t
        siftDown a 0 (last - 1)

let run () =
    fill ()
    heapsort values
    let mutable h = 0u
    let mutable ordered = 1u
    for i in 0 .. Len - 1 do
        if i > 0 && values.[i - 1] > values.[i] then ordered <- 0u
        h <- (h ^^^ uint32 values.[i]) * 16777619u
    h + ordered

[<EntryPoint>]
let main _ =
    Bench.mark ()
    let h = run ()
    Bench.mark ()
    printfn "%08x" h
    0
