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

/// x / radix for a radix of 2, 8, 10 or 16: constant divisors only, so no division check.
let inline private divRadix (x: uint32) (radix: uint32) =
    if radix = 16u then x >>> 4 elif radix = 8u then x >>> 3 elif radix = 2u then x >>> 1 else x / 10u

let inline private divRadix64 (x: uint64) (radix: uint64) =
    if radix = 16UL then x >>> 4 elif radix = 8UL then x >>> 3 elif radix = 2UL then x >>> 1 else x / 10UL

let inline private digitChar (d: uint32) (radix: uint32) (flags: int) =
    if radix <> 16u || d < 10u then byte (48u + d) elif flags &&& 16 <> 0 then byte (55u + d) else byte (87u + d)

/// The padding, sign and zeros in front of n digits.
let private padFront (n: int) (sign: byte) (width: int) (flags: int) =
    let padding = width - n - (if sign <> 0uy then 1 else 0)
    if flags &&& 3 = 0 then spaces padding
    if sign <> 0uy then putByte sign
    if flags &&& 1 = 0 && flags &&& 2 <> 0 then zeros padding

/// An unsigned 32-bit magnitude in radix 2, 8, 10 or 16 with a sign, width and flags. No digit buffer:
/// the place value of the leading digit is found first, then the digits are divided out from the
/// top (by that place value, which the loop keeps nonzero, and by constants).
let inline private fmtRadix32 (magnitude: uint32) (neg: bool) (radix: uint32) (width: int) (flags: int) =
    let mutable place = 1u
    let mutable n = 1
    let top = divRadix magnitude radix
    while place <= top do
        place <- place * radix
        n <- n + 1
    let sign = signByte neg flags
    padFront n sign width flags
    while place <> 0u do
        let d = magnitude / place
        putByte (digitChar (d - divRadix d radix * radix) radix flags)
        place <- divRadix place radix
    if flags &&& 1 <> 0 then spaces (width - n - (if sign <> 0uy then 1 else 0))

/// The same for 64-bit magnitudes.
let inline private fmtRadix64 (magnitude: uint64) (neg: bool) (radix: uint64) (width: int) (flags: int) =
    let mutable place = 1UL
    let mutable n = 1
    let top = divRadix64 magnitude radix
    while place <= top do
        place <- place * radix
        n <- n + 1
    let sign = signByte neg flags
    padFront n sign width flags
    while place <> 0UL do
        let d = magnitude / place
        putByte (digitChar (uint32 (d - divRadix64 d radix * radix)) (uint32 radix) flags)
        place <- divRadix64 place radix
    if flags &&& 1 <> 0 then spaces (width - n - (if sign <> 0uy then 1 else 0))

// One function per radix and width, so that a program links only the conversions its formats use.
let fmtDec32 (magnitude: uint32) (neg: bool) (width: int) (flags: int) = fmtRadix32 magnitude neg 10u width flags
let fmtHex32 (magnitude: uint32) (width: int) (flags: int) = fmtRadix32 magnitude false 16u width flags
let fmtOct32 (magnitude: uint32) (width: int) (flags: int) = fmtRadix32 magnitude false 8u width flags
let fmtBin32 (magnitude: uint32) (width: int) (flags: int) = fmtRadix32 magnitude false 2u width flags
let fmtDec64 (magnitude: uint64) (neg: bool) (width: int) (flags: int) = fmtRadix64 magnitude neg 10UL width flags
let fmtHex64 (magnitude: uint64) (width: int) (flags: int) = fmtRadix64 magnitude false 16UL width flags
let fmtOct64 (magnitude: uint64) (width: int) (flags: int) = fmtRadix64 magnitude false 8UL width flags
let fmtBin64 (magnitude: uint64) (width: int) (flags: int) = fmtRadix64 magnitude false 2UL width flags

/// A decimal int without arrays and without any check that could panic (divisions by the constant
/// 10, and by a place value the loop keeps nonzero): the panic messages and the exit path use it,
/// so that it can never recurse.
let putInt (v: int) =
    let m = if v < 0 then 0u - uint32 v else uint32 v
    if v < 0 then putByte 45uy
    let mutable place = 1u
    let top = m / 10u
    while place <= top do
        place <- place * 10u
    // the digits from the top: each one is what is left divided by its place value, then taken off
    let mutable rest = m
    while place <> 0u do
        let d = rest / place
        putByte (byte (48u + d))
        rest <- rest - d * place
        place <- place / 10u

let panicStart () = putString "panic: "

let panicEnd (location: string) : unit =
    putString " at "
    putString location
    putByte 10uy
    exit 101

/// Its text starts with "panic: " of its own: a program whose only panics are index checks links no panicStart.
let panicIndex (index: int) (length: int) (location: string) : unit =
    putString "panic: index "
    putInt index
    putString " out of bounds for length "
    putInt length
    panicEnd location

let panicMessage (message: string) (location: string) : unit =
    panicStart ()
    putString message
    panicEnd location

/// A panic under the location strategy: "panic at FILE:LINE:COL", from the compiler's table of sites.
let panicAt (file: string) (line: int) (col: int) : unit =
    putString "panic at "
    putString file
    putByte 58uy
    putInt line
    putByte 58uy
    putInt col
    putByte 10uy
    exit 101

let stringEquals (a: string) (b: string) =
    if a.Length <> b.Length then false
    else
        let mutable same = true
        let mutable i = 0
        while same && i < a.Length do
            if a.[i] <> b.[i] then same <- false
            i <- i + 1
        same

/// Whether the length characters of a from start are those of b (start and length in range).
let private matchesAt (a: string) (start: int) (b: string) =
    let mutable same = true
    let mutable i = 0
    while same && i < b.Length do
        if a.[start + i] <> b.[i] then same <- false
        i <- i + 1
    same

/// s.StartsWith p and s.EndsWith p, comparing characters (ordinal).
let stringStartsWith (s: string) (p: string) = p.Length <= s.Length && matchesAt s 0 p
let stringEndsWith (s: string) (p: string) = p.Length <= s.Length && matchesAt s (s.Length - p.Length) p
let stringStartsWithChar (s: string) (c: char) = s.Length > 0 && s.[0] = c
let stringEndsWithChar (s: string) (c: char) = s.Length > 0 && s.[s.Length - 1] = c

/// s.IndexOf p: where p first occurs in s (0 for ""), or -1; s.Contains p is IndexOf >= 0.
let stringIndexOf (s: string) (p: string) =
    let mutable found = -1
    let mutable i = 0
    while found < 0 && i + p.Length <= s.Length do
        if matchesAt s i p then found <- i
        i <- i + 1
    found

/// s.IndexOf c: where the character c first occurs in s, or -1.
let stringIndexOfChar (s: string) (c: char) =
    let mutable found = -1
    let mutable i = 0
    while found < 0 && i < s.Length do
        if s.[i] = c then found <- i
        i <- i + 1
    found

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

/// Writes the stack's high-water mark after a 0x01 byte at exit, when the build measures the stack;
/// the host strips that line from the UART output.
let reportStackHighWater () =
    putByte 1uy
    putString "stack-high-water "
    putInt (stackHighWater ())
    putByte 10uy

/// Eight hexadecimal digits, without arrays or checks (for the fault messages).
let putHex32 (v: uint32) =
    let mutable rest = v
    for _ in 1 .. 8 do
        let d = rest >>> 28
        putByte (if d < 10u then byte (48u + d) else byte (87u + d))
        rest <- rest <<< 4

/// A processor fault (HardFault on Cortex-M, an exception trap on RISC-V), kind 0: its cause register
/// and pc. A stack overflow, kind 1 (start-up code caught the fault and moved to a fresh stack): the
/// overflowed stack pointer, and the pc where known (RISC-V; on Cortex-M it was not stacked: 0). An
/// interrupt or exception that has no handler, kind 2: its number (pc 0). One function for the three,
/// as every image links it.
/// Its texts start with "panic: " of their own: an image whose only panic is a fault links no panicStart.
let panicFault (kind: uint32) (value: uint32) (pc: uint32) : unit =
    putString (if kind = 0u then "panic: fault (cause 0x" elif kind = 1u then "panic: stack overflow (sp 0x" else "panic: unhandled interrupt 0x")
    putHex32 value
    if kind <> 2u then putByte 41uy
    putString " at pc 0x"
    putHex32 pc
    putByte 10uy
    exit 101

/// The name of bit n of the Cortex-M CFSR (MMFSR, BFSR, UFSR; STKOF is ARMv8-M's), "" for a reserved bit.
let private faultBitName (n: int) : string =
    match n with
    | 0 -> "IACCVIOL" | 1 -> "DACCVIOL" | 3 -> "MUNSTKERR" | 4 -> "MSTKERR" | 5 -> "MLSPERR" | 7 -> "MMARVALID"
    | 8 -> "IBUSERR" | 9 -> "PRECISERR" | 10 -> "IMPRECISERR" | 11 -> "UNSTKERR" | 12 -> "STKERR" | 13 -> "LSPERR"
    | 15 -> "BFARVALID" | 16 -> "UNDEFINSTR" | 17 -> "INVSTATE" | 18 -> "INVPC" | 19 -> "NOCP" | 20 -> "STKOF"
    | 24 -> "UNALIGNED" | 25 -> "DIVBYZERO"
    | _ -> ""

/// panicFault for the cores whose profile says fault-names: a fault (kind 0) also names the set bits of
/// its cause, the CFSR: "fault (cause 0x00010000 UNDEFINSTR) at pc 0x...". The other kinds are panicFault's.
let panicFaultNamed (kind: uint32) (value: uint32) (pc: uint32) : unit =
    if kind <> 0u then panicFault kind value pc
    else
        panicStart ()
        putString "fault (cause 0x"
        putHex32 value
        let mutable n = 0
        while n < 32 do
            if (value >>> n) &&& 1u <> 0u then
                let name = faultBitName n
                if name.Length > 0 then
                    putByte 32uy
                    putString name
            n <- n + 1
        putString ") at pc 0x"
        putHex32 pc
        putByte 10uy
        exit 101

// ------------------------------------------------------------------------------------------ floats

// The digits of a finite double, exactly, most significant first. The value m * 2^e is held in a
// stack array of 16-bit limbs: its integer part in base 10000 (little-endian, from limb 0; at most
// 78 limbs, and at most 4 when there is a fraction) and its fraction f / 2^k in binary, as a number
// F of nf limbs standing for F / 2^(16 nf), from limb 4 (at most 68 limbs). Integer digits are read
// by position; fraction digits one at a time by multiplying F by 10 (the carry out of the top limb
// is the digit). The state lives in a small array st:
//   st.[0] integer digits (at least 1: a zero integer part is the digit 0), st.[1] position of the
//   next digit, st.[2] lowest fraction limb, st.[3] top fraction limb (below st.[2]: no fraction),
//   st.[4] highest nonzero fraction limb.

let private decSetup (limbs: uint16[]) (st: int[]) (m: uint64) (e: int) =
    for i in 0 .. limbs.Length - 1 do
        limbs.[i] <- 0us
    // the integer part, bit by bit from the top: limbs <- 2 * limbs + bit
    let ip = if e >= 0 then m elif e <= -64 then 0UL else m >>> (0 - e)
    let mutable n = 1
    for b in 63 .. -1 .. 0 do
        let mutable carry = uint32 ((ip >>> b) &&& 1UL)
        for i in 0 .. n - 1 do
            let t = uint32 limbs.[i] * 2u + carry
            if t >= 10000u then
                limbs.[i] <- uint16 (t - 10000u)
                carry <- 1u
            else
                limbs.[i] <- uint16 t
                carry <- 0u
        if carry <> 0u then
            limbs.[n] <- uint16 carry
            n <- n + 1
    // times 2^e, 13 bits at a time (9999 * 8192 + carry stays within 32 bits)
    let mutable k = e
    while k > 0 do
        let c = if k > 13 then 13 else k
        let mutable carry = 0u
        for i in 0 .. n - 1 do
            let t = (uint32 limbs.[i] <<< c) + carry
            limbs.[i] <- uint16 (t % 10000u)
            carry <- t / 10000u
        if carry <> 0u then
            limbs.[n] <- uint16 carry
            n <- n + 1
        k <- k - c
    let top = uint32 limbs.[n - 1]
    st.[0] <- 4 * (n - 1) + (if top >= 1000u then 4 elif top >= 100u then 3 elif top >= 10u then 2 else 1)
    st.[1] <- 0
    st.[2] <- 4
    st.[3] <- 3
    st.[4] <- 3
    if e < 0 then
        // F = f * 2^sh with sh = 16 nf - k; f has at most 53 bits, so it fills at most 5 limbs
        let k = 0 - e
        let f = if k >= 64 then m else m &&& ((1UL <<< k) - 1UL)
        let nf = (k + 15) >>> 4
        let sh = 16 * nf - k
        for i in 0 .. 4 do
            if i < nf then
                let j = 16 * i - sh
                let v = if j < 0 then f <<< (0 - j) elif j >= 64 then 0UL else f >>> j
                limbs.[4 + i] <- uint16 (v &&& 0xFFFFUL)
                if v &&& 0xFFFFUL <> 0UL then st.[4] <- 4 + i
        st.[3] <- 3 + nf

/// The next digit.
let private decNext (limbs: uint16[]) (st: int[]) : int =
    let pos = st.[1]
    st.[1] <- pos + 1
    if pos < st.[0] then
        let p = st.[0] - 1 - pos
        let v = uint32 limbs.[p >>> 2]
        let q =
            match p &&& 3 with
            | 0 -> v
            | 1 -> v / 10u
            | 2 -> v / 100u
            | _ -> v / 1000u
        int (q % 10u)
    else
        let top = st.[3]
        let mutable carry = 0u
        let mutable i = st.[2]
        while i <= top && (i <= st.[4] || carry <> 0u) do
            let t = uint32 limbs.[i] * 10u + carry
            limbs.[i] <- uint16 (t &&& 0xFFFFu)
            carry <- t >>> 16
            if i > st.[4] then st.[4] <- i
            i <- i + 1
        if i > top then int carry else 0

/// How the digits after those read compare with half a unit of the last one: -1, 0 or 1.
let private decRest (limbs: uint16[]) (st: int[]) : int =
    let lo = st.[2]
    let top = st.[3]
    let mutable fracNonzero = false
    for i in lo .. top do
        if limbs.[i] <> 0us then fracNonzero <- true
    if st.[1] < st.[0] then
        let d = decNext limbs st
        let mutable rest = fracNonzero
        while st.[1] < st.[0] do
            if decNext limbs st <> 0 then rest <- true
        if d > 5 then 1 elif d < 5 then -1 elif rest then 1 else 0
    elif not fracNonzero then -1
    else
        let t = limbs.[top]
        if t > 0x8000us then 1
        elif t < 0x8000us then -1
        else
            let mutable lower = false
            for i in lo .. top - 1 do
                if limbs.[i] <> 0us then lower <- true
            if lower then 1 else 0

/// A float in %f (exponent = false) or %e format, rounded from its exact value, ties to even.
/// The precision is capped at 99, as F#'s printf does. Signs and padding follow FSharp.Core: the
/// '+' or ' ' goes before every number that is >= 0.0, -0.0 included (which prints "+-0.000000"),
/// and '0' pads such a number in front of the whole text.
let fmtFloat (x: float) (precision: int) (width: int) (flags: int) (exponent: bool) : unit =
    let bits = floatBits x
    let neg = bits >>> 63 <> 0UL
    let ef = int ((bits >>> 52) &&& 0x7FFUL)
    let frac = bits &&& 0xFFFFFFFFFFFFFUL
    if ef = 0x7FF then
        fmtString (if frac <> 0UL then "NaN" elif neg then "-Infinity" else "Infinity") width (flags &&& 1)
    else
        let p = if precision < 0 then 0 elif precision > 99 then 99 else precision
        let m = if ef = 0 then frac else frac ||| 0x10000000000000UL
        let e = (if ef = 0 then 1 else ef) - 1075
        let limbs : uint16[] = Array.zeroCreate 80
        let st : int[] = Array.zeroCreate 5
        // pass 1: where the printed digits start (for %e, at the first nonzero one) and how they round
        decSetup limbs st m e
        let intDigits = st.[0]
        let mutable start = 0
        let mutable first = -1
        if exponent && m <> 0UL then
            let mutable d = decNext limbs st
            while d = 0 do
                d <- decNext limbs st
            start <- st.[1] - 1
            first <- d
        let count = if exponent then p + 1 else intDigits + p
        let mutable lastNon9 = -1
        let mutable last = 0
        for i in 0 .. count - 1 do
            let d = if i = 0 && first >= 0 then first else decNext limbs st
            if d <> 9 then lastNon9 <- i
            last <- d
        let c = decRest limbs st
        let up = c > 0 || (c = 0 && last &&& 1 <> 0)
        // rounding up a run of nines carries into a new leading 1
        let carryAll = up && lastNon9 < 0
        let digits = if carryAll && not exponent then count + 1 else count
        let point = if exponent then 1 else digits - p
        let exp10 = intDigits - 1 - start + (if carryAll then 1 else 0)
        let len = digits + (if p > 0 then 1 else 0) + (if exponent then 5 else 0)
        // padding, as FSharp.Core pads numbers
        let positive = not neg || m = 0UL
        let prefix = if not positive then 0uy elif flags &&& 4 <> 0 then 43uy elif flags &&& 8 <> 0 then 32uy else 0uy
        let padding = width - len - (if neg then 1 else 0) - (if prefix <> 0uy then 1 else 0)
        let left = flags &&& 1 <> 0
        let zeroPad = not left && flags &&& 2 <> 0
        if not left && not zeroPad then spaces padding
        if prefix <> 0uy then putByte prefix
        if zeroPad && positive then zeros padding
        if neg then putByte 45uy
        if zeroPad && not positive then zeros padding
        // pass 2: the digits again, rounded
        decSetup limbs st m e
        for _ in 1 .. start do
            decNext limbs st |> ignore
        for i in 0 .. digits - 1 do
            if i = point then putByte 46uy
            let d =
                if carryAll then (if i = 0 then 1 else 0)
                else
                    let s = decNext limbs st
                    if not up || i < lastNon9 then s elif i = lastNon9 then s + 1 else 0
            putByte (byte (48 + d))
        if exponent then
            putByte (if flags &&& 16 <> 0 then 69uy else 101uy)
            putByte (if exp10 < 0 then 45uy else 43uy)
            let a = if exp10 < 0 then 0 - exp10 else exp10
            putByte (byte (48 + a / 100))
            putByte (byte (48 + a / 10 % 10))
            putByte (byte (48 + a % 10))
        if left then spaces padding
