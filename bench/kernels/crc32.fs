/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the 256-entry table is built, then four
/// 1 KiB buffers of pseudo-random bytes are checksummed, byte by byte through the table.
module Crc32

[<Literal>]
let Len = 1024

let data : byte[] = Array.zeroCreate Len
let table : uint32[] = Array.zeroCreate 256

let makeTable () =
    for n in 0 .. 255 do
        let mutable c = uint32 n
        for _ in 0 .. 7 do
            c <- if c &&& 1u <> 0u then 0xEDB88320u ^^^ (c >>> 1) else c >>> 1
        table.[n] <- c

/// Fills the buffer from a linear congruential generator (the top byte of each state).
let fill (seed: uint32) =
    let mutable s = seed
    for i in 0 .. Len - 1 do
        s <- s * 1664525u + 1013904223u
        data.[i] <- byte (s >>> 24)

let crc (buf: byte[]) =
    let mutable c = 0xFFFFFFFFu
    for b in buf do
        c <- table.[int ((c ^^^ uint32 b) &&& 0xFFu)] ^^^ (c >>> 8)
    ~~~c

let run () =
    makeTable ()
    let mutable acc = 0u
    for round in 1 .. 4 do
        fill (uint32 round)
        acc <- ((acc <<< 1) ||| (acc >>> 31)) ^^^ crc data
    acc

[<EntryPoint>]
let main _ =
    Bench.mark ()
    let c = run ()
    Bench.mark ()
    printfn "%08x" c
    0
