/// Fixed-point DSP: a 32-tap FIR filter in Q15 over 512 pseudo-random samples, saturated to
/// 16 bits, then a first-order IIR low-pass (alpha = 0.125 in Q15) over the filtered signal.
module Fir

[<Literal>]
let Taps = 32

[<Literal>]
let Samples = 512

let coeffs : int16[] = Array.zeroCreate Taps
let input : int16[] = Array.zeroCreate Samples
let output : int16[] = Array.zeroCreate Samples

let saturate (v: int) = if v > 32767 then 32767 elif v < -32768 then -32768 else v

let fill () =
    for i in 0 .. Taps - 1 do
        coeffs.[i] <- int16 ((i + 1) * (Taps - i) * 5)
    let mutable s = 2024u
    for i in 0 .. Samples - 1 do
        s <- s * 1664525u + 1013904223u
        input.[i] <- int16 (s >>> 16)

let fir () =
    for n in 0 .. Samples - 1 do
        let mutable acc = 0
        let first = if n < Taps - 1 then n else Taps - 1
        for k in 0 .. first do
            acc <- acc + int coeffs.[k] * int input.[n - k]
        output.[n] <- int16 (saturate ((acc + 0x4000) >>> 15))

let lowPass () =
    let mutable y = 0
    for n in 0 .. Samples - 1 do
        y <- y + (((int output.[n] - y) * 4096) >>> 15)
        output.[n] <- int16 (saturate y)

let run () =
    fill ()
    fir ()
    lowPass ()
    let mutable h = 0u
    for v in output do
        h <- ((h <<< 5) ||| (h >>> 27)) ^^^ uint32 (uint16 v)
    h

[<EntryPoint>]
let main _ =
    Bench.mark ()
    let h = run ()
    Bench.mark ()
    printfn "%08x" h
    0
