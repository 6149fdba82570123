/// Integer matrix multiply: two 16x16 matrices of pseudo-random values in -2048..2047, their
/// product twice (C = A*B scaled down, then A*C), and a checksum over the result.
module Matmul

[<Literal>]
let N = 16

let a : int[] = Array.zeroCreate (N * N)
let b : int[] = Array.zeroCreate (N * N)
let c : int[] = Array.zeroCreate (N * N)
let d : int[] = Array.zeroCreate (N * N)

let fill () =
    let mutable s = 12345u
    for i in 0 .. N * N - 1 do
        s <- s * 1664525u + 1013904223u
        a.[i] <- int (s >>> 20) - 2048
        s <- s * 1664525u + 1013904223u
        b.[i] <- int (s >>> 20) - 2048

/// result = x * y, row-major N x N, each sum shifted right by shift.
let multiply (x: int[]) (y: int[]) (result: int[]) (shift: int) =
    for i in 0 .. N - 1 do
        for j in 0 .. N - 1 do
            let mutable sum = 0
            for k in 0 .. N - 1 do
                sum <- sum + x.[i * N + k] * y.[k * N + j]
            result.[i * N + j] <- sum >>> shift

let run () =
    fill ()
    multiply a b c 12
    multiply a c d 8
    let mutable h = 0u
    for v in d do
        h <- (h * 31u) + uint32 v
    h

[<EntryPoint>]
let main _ =
    Bench.mark ()
    let h = run ()
    Bench.mark ()
    printfn "%08x" h
    0
