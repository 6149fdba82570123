/// Checksums over static buffers: CRC-32 (table-driven, the table computed once at start-up),
/// CRC-16/CCITT (bitwise), Adler-32, Fletcher-16 and the 8-bit two's-complement sum of Intel HEX.
module Checksums

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): one table entry per byte value.
let crcTable : uint32[] =
    Array.init 256 (fun n ->
        let mutable c = uint32 n
        for _ in 1 .. 8 do
            c <- if c &&& 1u <> 0u then 0xEDB88320u ^^^ (c >>> 1) else c >>> 1
        c)

let crc32 (data: byte[]) (length: int) =
    let mutable crc = 0xFFFFFFFFu
    for i in 0 .. length - 1 do
        crc <- crcTable.[int ((crc ^^^ uint32 data.[i]) &&& 0xFFu)] ^^^ (crc >>> 8)
    crc ^^^ 0xFFFFFFFFu

/// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, bit by bit.
let crc16 (data: byte[]) (length: int) =
    let mutable crc = 0xFFFFus
    for i in 0 .. length - 1 do
        crc <- crc ^^^ (uint16 data.[i] <<< 8)
        for _ in 1 .. 8 do
            crc <- if crc &&& 0x8000us <> 0us then (crc <<< 1) ^^^ 0x1021us else crc <<< 1
    crc

let adler32 (data: byte[]) (length: int) =
    let mutable a = 1u
    let mutable b = 0u
    for i in 0 .. length - 1 do
        a <- (a + uint32 data.[i]) % 65521u
        b <- (b + a) % 65521u
    (b <<< 16) ||| a

let fletcher16 (data: byte[]) (length: int) =
    let mutable a = 0
    let mutable b = 0
    for i in 0 .. length - 1 do
        a <- (a + int data.[i]) % 255
        b <- (b + a) % 255
    uint16 ((b <<< 8) ||| a)

/// The byte that makes all bytes sum to zero (mod 256), as in an Intel HEX record.
let hexChecksum (data: byte[]) (length: int) =
    let mutable sum = 0uy
    for i in 0 .. length - 1 do
        sum <- sum + data.[i]
    0uy - sum

/// The standard check input, the ASCII text "123456789": never written, so it stays in flash.
let check = [| 0x31uy; 0x32uy; 0x33uy; 0x34uy; 0x35uy; 0x36uy; 0x37uy; 0x38uy; 0x39uy |]

/// A 1 KiB block in RAM, filled at start-up from a 16-bit Galois LFSR (taps 0xB400).
let block : byte[] = Array.zeroCreate 1024

let fill (seed: uint16) =
    let mutable lfsr = seed
    for i in 0 .. block.Length - 1 do
        let bit = lfsr &&& 1us
        lfsr <- lfsr >>> 1
        if bit <> 0us then lfsr <- lfsr ^^^ 0xB400us
        block.[i] <- byte lfsr

let report (name: string) (data: byte[]) (length: int) =
    printfn "%-6s %4d B  crc32 %08x  crc16 %04x  adler32 %08x  fletcher16 %04x  hex %02x"
        name length (crc32 data length) (crc16 data length) (adler32 data length) (fletcher16 data length) (hexChecksum data length)

[<EntryPoint>]
let main _ =
    report "check" check check.Length
    fill 0xACE1us
    report "block" block block.Length
    report "half" block (block.Length / 2)
    let before = crc32 block block.Length
    block.[700] <- block.[700] ^^^ 0x10uy
    let after = crc32 block block.Length
    printfn "one flipped bit: crc32 %08x -> %08x, detected %b" before after (before <> after)
    // a CRC appended to its data (little-endian) gives the fixed residue 0x2144DF1C
    let framed = Array.zeroCreate 13
    Array.blit check 0 framed 0 9
    let c = crc32 check 9
    for k in 0 .. 3 do
        framed.[9 + k] <- byte (c >>> (8 * k))
    printfn "residue %08x" (crc32 framed framed.Length)
    0
