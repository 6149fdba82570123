/// Hash table with open addressing: 700 pseudo-random keys go into 1024 slots (murmur3's
/// finalizer as the hash, linear probing), then 700 present and 700 absent keys are looked up.
/// The checksum counts the probes and the hits.
module Hash

[<Literal>]
let Slots = 1024

[<Literal>]
let Keys = 700

/// 0 marks an empty slot (keys are odd).
let slots : uint32[] = Array.zeroCreate Slots

let hash (k: uint32) =
    let mutable h = k
    h <- h ^^^ (h >>> 16)
    h <- h * 0x85EBCA6Bu
    h <- h ^^^ (h >>> 13)
    h <- h * 0xC2B2AE35u
    h ^^^ (h >>> 16)

/// Inserts k (if absent); returns the number of occupied slots passed.
let insert (k: uint32) =
    let mutable i = int (hash k &&& uint32 (Slots - 1))
    let mutable probes = 0
    while slots.[i] <> 0u && slots.[i] <> k do
        i <- (i + 1) &&& (Slots - 1)
        probes <- probes + 1
    slots.[i] <- k
    probes

/// The slot of k, or -1; probes counts the slots looked at.
let find (k: uint32) (probes: int[]) =
    let mutable i = int (hash k &&& uint32 (Slots - 1))
    let mutable result = -2
    while result = -2 do
        probes.[0] <- probes.[0] + 1
        let s = slots.[i]
        if s = k then result <- i
        elif s = 0u then result <- -1
        else i <- (i + 1) &&& (Slots - 1)
    result

let run () =
    for i in 0 .. Slots - 1 do
        slots.[i] <- 0u
    let mutable s = 99u
    let mutable collisions = 0
    for _ in 1 .. Keys do
        s <- s * 1664525u + 1013904223u
        collisions <- collisions + insert (s ||| 1u)
    let probes = [| 0 |]
    let mutable hits = 0
    let mutable where = 0
    s <- 99u
    for _ in 1 .. Keys do
        s <- s * 1664525u + 1013904223u
        let at = find (s ||| 1u) probes
        if at >= 0 then
            hits <- hits + 1
            where <- where + at
    for _ in 1 .. Keys do
        s <- s * 1664525u + 1013904223u
        if find (s &&& 0xFFFFFFFEu) probes >= 0 then hits <- hits + 1
    (uint32 collisions <<< 20) ^^^ (uint32 probes.[0] <<< 8) ^^^ uint32 hits ^^^ (uint32 where * 2654435761u)

[<EntryPoint>]
let main _ =
    Bench.mark ()
    let h = run ()
    Bench.mark ()
    printfn "%08x" h
    0
