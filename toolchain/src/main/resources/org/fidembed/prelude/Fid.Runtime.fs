/// The run-time support of fid-embed programs, written in the subset itself: UART output of text and
/// numbers in printf's formats, and panics. It is compiled with each program, so that only what the
/// program uses is linked. Flags of a format: 1 = '-', 2 = '0', 4 = '+', 8 = ' ', 16 = upper case.
module Fid.Runtime

open Fid.Intrinsics

let putByte (b: byte) = Fid.Uart.write b

let private spaces (n: int) =
    for _ in 1 .. n do
        putByte 32uy

let private zeros (n: int) =
    for _ in 1 .. n do
        putByte 48uy

/// One UTF-16 code unit as UTF-8 (a lone surrogate prints as U+FFFD).
let putChar (c: char) =
    let v = int c
    if v < 0x80 then putByte (byte v)
    elif v < 0x800 then
        putByte (byte (0xC0 ||| (v >>> 6)))
        putByte (byte (0x80 ||| (v &&& 0x3F)))
    elif v >= 0xD800 && v <= 0xDFFF then
        putByte 0xEFuy
        putByte 0xBFuy
        putByte 0xBDuy
    else
        putByte (byte (0xE0 ||| (v >>> 12)))
        putByte (byte (0x80 ||| ((v >>> 6) &&& 0x3F)))
        putByte (byte (0x80 ||| (v &&& 0x3F)))

/// UTF-16 to UTF-8 (unchecked access: panic messages come through here, so no check may panic).
let private putWide (s: string) =
    let mutable i = 0
    while i < s.Length do
        let c = int (stringChar s i)
        let next = if i + 1 < s.Length then int (stringChar s (i + 1)) else 0
        if c >= 0xD800 && c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF then
            let cp = 0x10000 + ((c - 0xD800) <<< 10) + (next - 0xDC00)
            putByte (byte (0xF0 ||| (cp >>> 18)))
            putByte (byte (0x80 ||| ((cp >>> 12) &&& 0x3F)))
            putByte (byte (0x80 ||| ((cp >>> 6) &&& 0x3F)))
            putByte (byte (0x80 ||| (cp &&& 0x3F)))
            i <- i + 2
        else
            putChar (stringChar s i)
            i <- i + 1

let putString (s: string) =
    if stringIsWide s then putWide s
    else
        for i in 0 .. s.Length - 1 do
            putByte (stringByte s i)

let fmtString (s: string) (width: int) (flags: int) =
    let padding = width - s.Length
    if flags &&& 1 = 0 then spaces padding
    putString s
    if flags &&& 1 <> 0 then spaces padding

let fmtChar (c: char) (width: int) (flags: int) =
    if flags &&& 1 = 0 then spaces (width - 1)
    putChar c
    if flags &&& 1 <> 0 then spaces (width - 1)

let fmtBool (b: bool) (width: int) (flags: int) = fmtString (if b then "true" else "false") width flags

let private signByte (neg: bool) (flags: int) =
    if neg then 45uy elif flags &&& 4 <> 0 then 43uy elif flags &&& 8 <> 0 then 32uy else 0uy

/// The digits of a number, most significant last, and the sign, padded to width.
let private emitDigits (digits: byte[]) (n: int) (sign: byte) (width: int) (flags: int) =
    let len = n + (if sign <> 0uy then 1 else 0)
    let padding = width - len
    if flags &&& 3 = 0 then spaces padding
    if sign <> 0uy then putByte sign
    if flags &&& 1 = 0 && flags &&& 2 <> 0 then zeros padding
    for i in n - 1 .. -1 .. 0 do
        putByte digits.[i]
    if flags &&& 1 <> 0 then spaces padding

let private digitChar (d: uint32) (flags: int) =
    if d < 10u then byte (48u + d) elif flags &&& 16 <> 0 then byte (55u + d) else byte (87u + d)

/// An unsigned 32-bit magnitude in radix 8, 10 or 16 with a sign, width and flags.
let fmtU32 (magnitude: uint32) (neg: bool) (radix: uint32) (width: int) (flags: int) =
    let digits : byte[] = Array.zeroCreate 32
    let mutable n = 0
    let mutable v = magnitude
    if v = 0u then
        digits.[0] <- 48uy
        n <- 1
    while v <> 0u do
        digits.[n] <- digitChar (v % radix) flags
        n <- n + 1
        v <- v / radix
    emitDigits digits n (signByte neg flags) width flags

/// The same for 64-bit magnitudes.
let fmtU64 (magnitude: uint64) (neg: bool) (radix: uint64) (width: int) (flags: int) =
    let digits : byte[] = Array.zeroCreate 64
    let mutable n = 0
    let mutable v = magnitude
    if v = 0UL then
        digits.[0] <- 48uy
        n <- 1
    while v <> 0UL do
        digits.[n] <- digitChar (uint32 (v % radix)) flags
        n <- n + 1
        v <- v / radix
    emitDigits digits n (signByte neg flags) width flags

/// A decimal int without arrays or bounds checks: the panic messages use it, so that a failed check
/// inside the formatting code cannot recurse into itself.
let putInt (v: int) =
    let m = if v < 0 then 0u - uint32 v else uint32 v
    if v < 0 then putByte 45uy
    let mutable p = 1u
    while m / p >= 10u do
        p <- p * 10u
    while p > 0u do
        putByte (byte (48u + (m / p) % 10u))
        p <- p / 10u

let panicStart () = putString "panic: "

let panicEnd (location: string) : unit =
    putString " at "
    putString location
    putByte 10uy
    exit 101

let panicIndex (index: int) (length: int) (location: string) : unit =
    panicStart ()
    putString "index "
    putInt index
    putString " out of bounds for length "
    putInt length
    panicEnd location

let panicMessage (message: string) (location: string) : unit =
    panicStart ()
    putString message
    panicEnd location

let stringEquals (a: string) (b: string) =
    if a.Length <> b.Length then false
    else
        let mutable same = true
        let mutable i = 0
        while same && i < a.Length do
            if a.[i] <> b.[i] then same <- false
            i <- i + 1
        same

/// Ordinal comparison, as F#'s compare on strings: -1, 0 or 1.
let stringCompare (a: string) (b: string) =
    let n = if a.Length < b.Length then a.Length else b.Length
    let mutable result = 0
    let mutable i = 0
    while result = 0 && i < n do
        let x = int a.[i]
        let y = int b.[i]
        if x < y then result <- -1
        elif x > y then result <- 1
        i <- i + 1
    if result <> 0 then result
    elif a.Length < b.Length then -1
    elif a.Length > b.Length then 1
    else 0

/// Eight hexadecimal digits, without arrays or checks (for the fault messages).
let putHex32 (v: uint32) =
    let mutable shift = 28
    while shift >= 0 do
        let d = (v >>> shift) &&& 0xFu
        putByte (if d < 10u then byte (48u + d) else byte (87u + d))
        shift <- shift - 4

/// A processor fault (HardFault on Cortex-M, an exception trap on RISC-V): cause register and pc.
let panicFault (cause: uint32) (pc: uint32) : unit =
    panicStart ()
    putString "fault (cause 0x"
    putHex32 cause
    putString ") at pc 0x"
    putHex32 pc
    putByte 10uy
    exit 101

/// An interrupt or exception that has no handler.
let panicUnhandled (number: uint32) : unit =
    panicStart ()
    putString "unhandled interrupt 0x"
    putHex32 number
    putString " at pc 0x00000000"
    putByte 10uy
    exit 101
