/// Software IEEE 754 floating point: the helpers LLVM calls on cores without an FPU (every board but
/// the Cortex-M4F, and there too for double), under the ARM RTABI names and the libgcc ones, and the
/// libm functions behind sqrt, floor, ceil, truncate, round and float %.
///
/// Round to nearest, ties to even; subnormals, signed zeros and infinities; every NaN result is the
/// default quiet NaN. The __aeabi_ functions take and return bits (a double as a uint64, a float as
/// a uint32), as the RTABI passes them in core registers under every float ABI; the libgcc and libm
/// names have their C prototypes (real floats), which is the same thing under ilp32 and soft-float
/// AAPCS, and the VFP registers under hard-float AAPCS. One core serves both formats: it works on
/// the bits in a uint64 and takes the format as two numbers, fb (fraction bits: 52 or 23) and ew
/// (exponent bits: 11 or 8). Only integer arithmetic is used here (a float operation would call back
/// into these helpers), and no 64-bit division.
module Fid.SoftFloat

open Fid.Intrinsics

// ------------------------------------------------------------------------------------------ bits

/// x <<< n and x >>> n for any n >= 0 (F# takes shift counts modulo 64).
let private shl (x: uint64) (n: int) = if n >= 64 then 0UL else x <<< n
let private shr (x: uint64) (n: int) = if n >= 64 then 0UL else x >>> n

/// x >>> n, with the bits shifted out ORed into the lowest bit (a sticky bit for rounding).
let private shrSticky (x: uint64) (n: int) =
    if n <= 0 then x
    elif n >= 64 then (if x = 0UL then 0UL else 1UL)
    else (x >>> n) ||| (if x &&& ((1UL <<< n) - 1UL) <> 0UL then 1UL else 0UL)

/// The number of leading zero bits of x (63 for 0).
let private clz (x: uint64) : int =
    let mutable v = x
    let mutable n = 0
    if v >>> 32 = 0UL then
        n <- n + 32
        v <- v <<< 32
    if v >>> 48 = 0UL then
        n <- n + 16
        v <- v <<< 16
    if v >>> 56 = 0UL then
        n <- n + 8
        v <- v <<< 8
    if v >>> 60 = 0UL then
        n <- n + 4
        v <- v <<< 4
    if v >>> 62 = 0UL then
        n <- n + 2
        v <- v <<< 2
    if v >>> 63 = 0UL then n <- n + 1
    n

/// The high and low words of the 128-bit product a * b.
let private mul128 (a: uint64) (b: uint64) : struct (uint64 * uint64) =
    let a0 = a &&& 0xFFFFFFFFUL
    let a1 = a >>> 32
    let b0 = b &&& 0xFFFFFFFFUL
    let b1 = b >>> 32
    let p00 = a0 * b0
    let p01 = a0 * b1
    let p10 = a1 * b0
    let mid = (p00 >>> 32) + (p01 &&& 0xFFFFFFFFUL) + (p10 &&& 0xFFFFFFFFUL)
    struct (a1 * b1 + (p01 >>> 32) + (p10 >>> 32) + (mid >>> 32), (p00 &&& 0xFFFFFFFFUL) ||| (mid <<< 32))

// ------------------------------------------------------------------------------------------ formats

/// The bits of +infinity, of the sign, of the magnitude, of the default NaN, and the exponent bias.
let private infBits (fb: int) (ew: int) = uint64 ((1 <<< ew) - 1) <<< fb
let private signBit (fb: int) (ew: int) = 1UL <<< (fb + ew)
let private absMask (fb: int) (ew: int) = (1UL <<< (fb + ew)) - 1UL
let private nanBits (fb: int) (ew: int) = infBits fb ew ||| (1UL <<< (fb - 1))
let private bias (ew: int) = (1 <<< (ew - 1)) - 1

let private isNeg (x: uint64) (fb: int) (ew: int) = (x >>> (fb + ew)) &&& 1UL <> 0UL
let private expField (x: uint64) (fb: int) (ew: int) = int ((x >>> fb) &&& uint64 ((1 <<< ew) - 1))

/// A finite nonzero value is sig * 2^lsbExp: the significand with its hidden bit, and the exponent
/// of its lowest bit.
let private sigOf (x: uint64) (fb: int) (ew: int) =
    let frac = x &&& ((1UL <<< fb) - 1UL)
    if expField x fb ew = 0 then frac else frac ||| (1UL <<< fb)

let private lsbExp (x: uint64) (fb: int) (ew: int) =
    let f = expField x fb ew
    (if f = 0 then 1 else f) - bias ew - fb

/// The bits of (-1)^neg * m * 2^e, rounded to nearest even. m is exact, except that its lowest bit
/// may be a sticky bit standing for nonzero bits further right (the callers keep at least two
/// more bits than the format has). Overflow gives infinity, underflow a subnormal or zero.
let private pack (neg: bool) (e: int) (m: uint64) (fb: int) (ew: int) : uint64 =
    let sign = if neg then signBit fb ew else 0UL
    if m = 0UL then sign
    else
        let s = clz m
        let mn = m <<< s
        // biased exponent of the leading bit, and how many bits of mn fall below the last kept one
        let be = e - s + 63 + bias ew
        let drop = if be >= 1 then 63 - fb else 63 - fb + (1 - be)
        let d = if drop > 64 then 65 else drop
        let kept = shr mn d
        let up =
            if d = 65 then false
            else
                let half = 1UL <<< (d - 1)
                let rest = mn - shl kept d
                rest > half || (rest = half && kept &&& 1UL <> 0UL)
        let r = if up then kept + 1UL else kept
        // a carry out of the significand moves into the exponent field by itself
        if be >= 1 then
            let bits = (uint64 (be - 1) <<< fb) + r
            if bits >= infBits fb ew then sign ||| infBits fb ew else sign ||| bits
        else sign ||| r

// ------------------------------------------------------------------------------------------ arithmetic

let private add (a: uint64) (b: uint64) (fb: int) (ew: int) : uint64 =
    let inf = infBits fb ew
    let aa = a &&& absMask fb ew
    let ab = b &&& absMask fb ew
    if aa > inf || ab > inf then nanBits fb ew
    elif aa = inf then (if ab = inf && a <> b then nanBits fb ew else a)
    elif ab = inf then b
    elif ab = 0UL then (if aa = 0UL then a &&& b else a)
    elif aa = 0UL then b
    else
        // x is the operand of larger magnitude: its exponent is the larger one
        let struct (x, y) = if aa >= ab then struct (a, b) else struct (b, a)
        let sh = 61 - fb
        let ex = lsbExp x fb ew
        let mx = sigOf x fb ew <<< sh
        let my = shrSticky (sigOf y fb ew <<< sh) (ex - lsbExp y fb ew)
        let m = if isNeg x fb ew = isNeg y fb ew then mx + my else mx - my
        // an exact cancellation gives +0
        if m = 0UL then 0UL else pack (isNeg x fb ew) (ex - sh) m fb ew

let private mul (a: uint64) (b: uint64) (fb: int) (ew: int) : uint64 =
    let inf = infBits fb ew
    let aa = a &&& absMask fb ew
    let ab = b &&& absMask fb ew
    let neg = isNeg a fb ew <> isNeg b fb ew
    let sign = if neg then signBit fb ew else 0UL
    if aa > inf || ab > inf then nanBits fb ew
    elif aa = inf || ab = inf then (if aa = 0UL || ab = 0UL then nanBits fb ew else sign ||| inf)
    elif aa = 0UL || ab = 0UL then sign
    else
        let ma = sigOf a fb ew
        let mb = sigOf b fb ew
        let na = clz ma
        let nb = clz mb
        let struct (hi, lo) = mul128 (ma <<< na) (mb <<< nb)
        let m = hi ||| (if lo <> 0UL then 1UL else 0UL)
        pack neg (lsbExp a fb ew - na + lsbExp b fb ew - nb + 64) m fb ew

let private div (a: uint64) (b: uint64) (fb: int) (ew: int) : uint64 =
    let inf = infBits fb ew
    let aa = a &&& absMask fb ew
    let ab = b &&& absMask fb ew
    let neg = isNeg a fb ew <> isNeg b fb ew
    let sign = if neg then signBit fb ew else 0UL
    if aa > inf || ab > inf then nanBits fb ew
    elif aa = inf then (if ab = inf then nanBits fb ew else sign ||| inf)
    elif ab = inf then sign
    elif ab = 0UL then (if aa = 0UL then nanBits fb ew else sign ||| inf)
    elif aa = 0UL then sign
    else
        // both significands with their top bit at bit 62: x / y is in (1/2, 2)
        let ma = sigOf a fb ew
        let mb = sigOf b fb ew
        let na = clz ma - 1
        let nb = clz mb - 1
        let y = mb <<< nb
        let n = fb + 5
        let mutable r = ma <<< na
        let mutable q = 0UL
        // long division, one quotient bit a step: q = floor(x / y * 2^(n-1)), r < 2y throughout
        for _ in 1 .. n do
            q <- q <<< 1
            if r >= y then
                r <- r - y
                q <- q ||| 1UL
            r <- r <<< 1
        let m = q ||| (if r <> 0UL then 1UL else 0UL)
        pack neg (lsbExp a fb ew - na - (lsbExp b fb ew - nb) - (n - 1)) m fb ew

let private sqrtBits (a: uint64) (fb: int) (ew: int) : uint64 =
    let inf = infBits fb ew
    let aa = a &&& absMask fb ew
    if aa > inf then nanBits fb ew
    elif aa = 0UL then a
    elif isNeg a fb ew then nanBits fb ew
    elif aa = inf then a
    else
        // a = m * 2^e with m in [2^62, 2^64) and e even
        let ma = sigOf a fb ew
        let s = clz ma
        let mutable m = ma <<< s
        let mutable e = lsbExp a fb ew - s
        if e &&& 1 <> 0 then
            m <- m >>> 1
            e <- e + 1
        // q = floor(sqrt(m * 4^k)), n bits, one bit a step (the radicand's pairs: m's, then zeros)
        let n = if fb + 4 > 32 then fb + 4 else 32
        let mutable q = 0UL
        let mutable r = 0UL
        for i in 0 .. n - 1 do
            let pair = if i < 32 then (m >>> (62 - 2 * i)) &&& 3UL else 0UL
            r <- (r <<< 2) ||| pair
            let t = (q <<< 2) ||| 1UL
            if r >= t then
                r <- r - t
                q <- (q <<< 1) ||| 1UL
            else q <- q <<< 1
        pack false ((e >>> 1) - (n - 32)) (q ||| (if r <> 0UL then 1UL else 0UL)) fb ew

/// The remainder of a / b with the sign of a, exact (C's fmod, F#'s %).
let private fmodBits (a: uint64) (b: uint64) (fb: int) (ew: int) : uint64 =
    let inf = infBits fb ew
    let aa = a &&& absMask fb ew
    let ab = b &&& absMask fb ew
    if aa > inf || ab > inf || aa = inf || ab = 0UL then nanBits fb ew
    elif aa < ab then a
    else
        // |a| = x * 2^ex >= |b| = y * 2^ey, both with the top bit at 62, so ex >= ey
        let ma = sigOf a fb ew
        let mb = sigOf b fb ew
        let na = clz ma - 1
        let nb = clz mb - 1
        let y = mb <<< nb
        let ey = lsbExp b fb ew - nb
        let mutable r = ma <<< na
        if r >= y then r <- r - y
        for _ in 1 .. lsbExp a fb ew - na - ey do
            r <- r <<< 1
            if r >= y then r <- r - y
        pack (isNeg a fb ew) ey r fb ew

/// Rounding to an integral value: mode 0 toward zero, 1 down, 2 up, 3 to nearest even.
let private roundBits (a: uint64) (mode: int) (fb: int) (ew: int) : uint64 =
    let aa = a &&& absMask fb ew
    let sign = a - aa
    let neg = sign <> 0UL
    let e = expField a fb ew - bias ew
    if aa > infBits fb ew then nanBits fb ew
    elif e >= fb || aa = 0UL then a
    elif e < 0 then
        // 0 < |a| < 1
        let one = uint64 (bias ew) <<< fb
        let half = uint64 (bias ew - 1) <<< fb
        let toOne =
            match mode with
            | 0 -> false
            | 1 -> neg
            | 2 -> not neg
            | _ -> aa > half
        if toOne then sign ||| one else sign
    else
        let f = fb - e
        let mask = (1UL <<< f) - 1UL
        let frac = a &&& mask
        let t = a - frac
        let half = 1UL <<< (f - 1)
        let up =
            match mode with
            | 0 -> false
            | 1 -> neg && frac <> 0UL
            | 2 -> not neg && frac <> 0UL
            | _ -> frac > half || (frac = half && (a >>> f) &&& 1UL <> 0UL)
        if up then t + (1UL <<< f) else t

/// -1, 0 or 1 as a is less than, equal to or greater than b; 2 when either is NaN.
let private compareBits (a: uint64) (b: uint64) (fb: int) (ew: int) : int =
    let inf = infBits fb ew
    let aa = a &&& absMask fb ew
    let ab = b &&& absMask fb ew
    let na = isNeg a fb ew
    if aa > inf || ab > inf then 2
    elif aa = ab && (na = isNeg b fb ew || aa = 0UL) then 0
    elif na <> isNeg b fb ew then (if na then -1 else 1)
    elif (aa < ab) <> na then -1
    else 1

// ------------------------------------------------------------------------------------------ conversions

/// Truncation toward zero to an integer of the given width and signedness, saturating (NaN gives 0):
/// the result's two's-complement bits.
let private toInt (a: uint64) (signed: bool) (width: int) (fb: int) (ew: int) : uint64 =
    let aa = a &&& absMask fb ew
    let neg = isNeg a fb ew
    let limit =
        if signed then (if neg then 1UL <<< (width - 1) else (1UL <<< (width - 1)) - 1UL)
        elif neg then 0UL
        else shl 1UL width - 1UL
    if aa > infBits fb ew || aa = 0UL then 0UL
    else
        let m = sigOf a fb ew
        let e = lsbExp a fb ew
        let mag =
            if e < 0 then shr m (-e)
            elif 64 - clz m + e > width then limit
            else m <<< e
        let r = if mag > limit then limit else mag
        if neg then 0UL - r else r

/// An integer magnitude as a float, rounded to nearest even.
let private ofInt (neg: bool) (mag: uint64) (fb: int) (ew: int) : uint64 = pack neg 0 mag fb ew

let private ofInt64 (x: int64) (fb: int) (ew: int) = ofInt (x < 0L) (if x < 0L then 0UL - uint64 x else uint64 x) fb ew

/// From one format to the other (exact when widening).
let private convertBits (a: uint64) (fbA: int) (ewA: int) (fb: int) (ew: int) : uint64 =
    let aa = a &&& absMask fbA ewA
    let neg = isNeg a fbA ewA
    if aa > infBits fbA ewA then nanBits fb ew
    elif aa = infBits fbA ewA then (if neg then signBit fb ew else 0UL) ||| infBits fb ew
    elif aa = 0UL then (if neg then signBit fb ew else 0UL)
    else pack neg (lsbExp a fbA ewA) (sigOf a fbA ewA) fb ew

// ------------------------------------------------------------------------------------------ double

/// libgcc's comparison results: NaN (2) becomes the value that makes < and <= (above) or > and >= (below) false.
let private nanAbove (c: int) = if c = 2 then 1 else c
let private nanBelow (c: int) = if c = 2 then -1 else c

let private dadd (a: uint64) (b: uint64) = add a b 52 11
let private dsub (a: uint64) (b: uint64) = add a (b ^^^ 0x8000000000000000UL) 52 11
let private dcmp (a: uint64) (b: uint64) = compareBits a b 52 11

[<Export("__aeabi_dadd")>]
let aeabiDadd (a: uint64) (b: uint64) : uint64 = dadd a b
[<Export("__aeabi_dsub")>]
let aeabiDsub (a: uint64) (b: uint64) : uint64 = dsub a b
[<Export("__aeabi_drsub")>]
let aeabiDrsub (a: uint64) (b: uint64) : uint64 = dsub b a
[<Export("__aeabi_dmul")>]
let aeabiDmul (a: uint64) (b: uint64) : uint64 = mul a b 52 11
[<Export("__aeabi_ddiv")>]
let aeabiDdiv (a: uint64) (b: uint64) : uint64 = div a b 52 11
[<Export("__aeabi_dcmpeq")>]
let aeabiDcmpeq (a: uint64) (b: uint64) : int = if dcmp a b = 0 then 1 else 0
[<Export("__aeabi_dcmplt")>]
let aeabiDcmplt (a: uint64) (b: uint64) : int = if dcmp a b = -1 then 1 else 0
[<Export("__aeabi_dcmple")>]
let aeabiDcmple (a: uint64) (b: uint64) : int = if dcmp a b <= 0 then 1 else 0
[<Export("__aeabi_dcmpge")>]
let aeabiDcmpge (a: uint64) (b: uint64) : int = if dcmp a b = 0 || dcmp a b = 1 then 1 else 0
[<Export("__aeabi_dcmpgt")>]
let aeabiDcmpgt (a: uint64) (b: uint64) : int = if dcmp a b = 1 then 1 else 0
[<Export("__aeabi_dcmpun")>]
let aeabiDcmpun (a: uint64) (b: uint64) : int = if dcmp a b = 2 then 1 else 0
[<Export("__aeabi_d2iz")>]
let aeabiD2iz (a: uint64) : int = int (uint32 (toInt a true 32 52 11))
[<Export("__aeabi_d2uiz")>]
let aeabiD2uiz (a: uint64) : uint32 = uint32 (toInt a false 32 52 11)
[<Export("__aeabi_d2lz")>]
let aeabiD2lz (a: uint64) : int64 = int64 (toInt a true 64 52 11)
[<Export("__aeabi_d2ulz")>]
let aeabiD2ulz (a: uint64) : uint64 = toInt a false 64 52 11
[<Export("__aeabi_i2d")>]
let aeabiI2d (x: int) : uint64 = ofInt64 (int64 x) 52 11
[<Export("__aeabi_ui2d")>]
let aeabiUi2d (x: uint32) : uint64 = ofInt false (uint64 x) 52 11
[<Export("__aeabi_l2d")>]
let aeabiL2d (x: int64) : uint64 = ofInt64 x 52 11
[<Export("__aeabi_ul2d")>]
let aeabiUl2d (x: uint64) : uint64 = ofInt false x 52 11
[<Export("__aeabi_f2d")>]
let aeabiF2d (a: uint32) : uint64 = convertBits (uint64 a) 23 8 52 11
[<Export("__aeabi_d2f")>]
let aeabiD2f (a: uint64) : uint32 = uint32 (convertBits a 52 11 23 8)

// libgcc's names (RISC-V; LLVM also calls these, not the __aeabi_ ones, on the Cortex-M4F) with their
// C prototypes: the same registers as bits under ilp32 and soft-float AAPCS, and the VFP registers a
// hard-float caller uses (where __aeabi_ functions keep the base AAPCS, these follow the C ABI).
let private d (x: float) = floatBits x
let private ofD (bits: uint64) = floatOfBits bits

[<Export("__adddf3")>]
let adddf3 (a: float) (b: float) : float = ofD (dadd (d a) (d b))
[<Export("__subdf3")>]
let subdf3 (a: float) (b: float) : float = ofD (dsub (d a) (d b))
[<Export("__muldf3")>]
let muldf3 (a: float) (b: float) : float = ofD (mul (d a) (d b) 52 11)
[<Export("__divdf3")>]
let divdf3 (a: float) (b: float) : float = ofD (div (d a) (d b) 52 11)
// libgcc's comparisons: a result whose relation to 0 is the comparison's, false for NaN
[<Export("__eqdf2")>]
let eqdf2 (a: float) (b: float) : int = if dcmp (d a) (d b) = 0 then 0 else 1
[<Export("__nedf2")>]
let nedf2 (a: float) (b: float) : int = if dcmp (d a) (d b) = 0 then 0 else 1
[<Export("__ltdf2")>]
let ltdf2 (a: float) (b: float) : int = nanAbove (dcmp (d a) (d b))
[<Export("__ledf2")>]
let ledf2 (a: float) (b: float) : int = nanAbove (dcmp (d a) (d b))
[<Export("__gtdf2")>]
let gtdf2 (a: float) (b: float) : int = nanBelow (dcmp (d a) (d b))
[<Export("__gedf2")>]
let gedf2 (a: float) (b: float) : int = nanBelow (dcmp (d a) (d b))
[<Export("__unorddf2")>]
let unorddf2 (a: float) (b: float) : int = if dcmp (d a) (d b) = 2 then 1 else 0
[<Export("__fixdfsi")>]
let fixdfsi (a: float) : int = int (uint32 (toInt (d a) true 32 52 11))
[<Export("__fixunsdfsi")>]
let fixunsdfsi (a: float) : uint32 = uint32 (toInt (d a) false 32 52 11)
[<Export("__fixdfdi")>]
let fixdfdi (a: float) : int64 = int64 (toInt (d a) true 64 52 11)
[<Export("__fixunsdfdi")>]
let fixunsdfdi (a: float) : uint64 = toInt (d a) false 64 52 11
[<Export("__floatsidf")>]
let floatsidf (x: int) : float = ofD (ofInt64 (int64 x) 52 11)
[<Export("__floatunsidf")>]
let floatunsidf (x: uint32) : float = ofD (ofInt false (uint64 x) 52 11)
[<Export("__floatdidf")>]
let floatdidf (x: int64) : float = ofD (ofInt64 x 52 11)
[<Export("__floatundidf")>]
let floatundidf (x: uint64) : float = ofD (ofInt false x 52 11)
[<Export("__extendsfdf2")>]
let extendsfdf2 (a: float32) : float = ofD (convertBits (uint64 (float32Bits a)) 23 8 52 11)
[<Export("__truncdfsf2")>]
let truncdfsf2 (a: float) : float32 = float32OfBits (uint32 (convertBits (d a) 52 11 23 8))

// ------------------------------------------------------------------------------------------ float

let private fadd (a: uint32) (b: uint32) = uint32 (add (uint64 a) (uint64 b) 23 8)
let private fsub (a: uint32) (b: uint32) = uint32 (add (uint64 a) (uint64 (b ^^^ 0x80000000u)) 23 8)
let private fmul (a: uint32) (b: uint32) = uint32 (mul (uint64 a) (uint64 b) 23 8)
let private fdiv (a: uint32) (b: uint32) = uint32 (div (uint64 a) (uint64 b) 23 8)
let private fcmp (a: uint32) (b: uint32) = compareBits (uint64 a) (uint64 b) 23 8
let private f2i (a: uint32) (signed: bool) (width: int) = toInt (uint64 a) signed width 23 8

[<Export("__aeabi_fadd")>]
let aeabiFadd (a: uint32) (b: uint32) : uint32 = fadd a b
[<Export("__aeabi_fsub")>]
let aeabiFsub (a: uint32) (b: uint32) : uint32 = fsub a b
[<Export("__aeabi_frsub")>]
let aeabiFrsub (a: uint32) (b: uint32) : uint32 = fsub b a
[<Export("__aeabi_fmul")>]
let aeabiFmul (a: uint32) (b: uint32) : uint32 = fmul a b
[<Export("__aeabi_fdiv")>]
let aeabiFdiv (a: uint32) (b: uint32) : uint32 = fdiv a b
[<Export("__aeabi_fcmpeq")>]
let aeabiFcmpeq (a: uint32) (b: uint32) : int = if fcmp a b = 0 then 1 else 0
[<Export("__aeabi_fcmplt")>]
let aeabiFcmplt (a: uint32) (b: uint32) : int = if fcmp a b = -1 then 1 else 0
[<Export("__aeabi_fcmple")>]
let aeabiFcmple (a: uint32) (b: uint32) : int = if fcmp a b <= 0 then 1 else 0
[<Export("__aeabi_fcmpge")>]
let aeabiFcmpge (a: uint32) (b: uint32) : int = if fcmp a b = 0 || fcmp a b = 1 then 1 else 0
[<Export("__aeabi_fcmpgt")>]
let aeabiFcmpgt (a: uint32) (b: uint32) : int = if fcmp a b = 1 then 1 else 0
[<Export("__aeabi_fcmpun")>]
let aeabiFcmpun (a: uint32) (b: uint32) : int = if fcmp a b = 2 then 1 else 0
[<Export("__aeabi_f2iz")>]
let aeabiF2iz (a: uint32) : int = int (uint32 (f2i a true 32))
[<Export("__aeabi_f2uiz")>]
let aeabiF2uiz (a: uint32) : uint32 = uint32 (f2i a false 32)
[<Export("__aeabi_f2lz")>]
let aeabiF2lz (a: uint32) : int64 = int64 (f2i a true 64)
[<Export("__aeabi_f2ulz")>]
let aeabiF2ulz (a: uint32) : uint64 = f2i a false 64
[<Export("__aeabi_i2f")>]
let aeabiI2f (x: int) : uint32 = uint32 (ofInt64 (int64 x) 23 8)
[<Export("__aeabi_ui2f")>]
let aeabiUi2f (x: uint32) : uint32 = uint32 (ofInt false (uint64 x) 23 8)
[<Export("__aeabi_l2f")>]
let aeabiL2f (x: int64) : uint32 = uint32 (ofInt64 x 23 8)
[<Export("__aeabi_ul2f")>]
let aeabiUl2f (x: uint64) : uint32 = uint32 (ofInt false x 23 8)

let private f (x: float32) = float32Bits x
let private ofF (bits: uint32) = float32OfBits bits

[<Export("__addsf3")>]
let addsf3 (a: float32) (b: float32) : float32 = ofF (fadd (f a) (f b))
[<Export("__subsf3")>]
let subsf3 (a: float32) (b: float32) : float32 = ofF (fsub (f a) (f b))
[<Export("__mulsf3")>]
let mulsf3 (a: float32) (b: float32) : float32 = ofF (fmul (f a) (f b))
[<Export("__divsf3")>]
let divsf3 (a: float32) (b: float32) : float32 = ofF (fdiv (f a) (f b))
[<Export("__eqsf2")>]
let eqsf2 (a: float32) (b: float32) : int = if fcmp (f a) (f b) = 0 then 0 else 1
[<Export("__nesf2")>]
let nesf2 (a: float32) (b: float32) : int = if fcmp (f a) (f b) = 0 then 0 else 1
[<Export("__ltsf2")>]
let ltsf2 (a: float32) (b: float32) : int = nanAbove (fcmp (f a) (f b))
[<Export("__lesf2")>]
let lesf2 (a: float32) (b: float32) : int = nanAbove (fcmp (f a) (f b))
[<Export("__gtsf2")>]
let gtsf2 (a: float32) (b: float32) : int = nanBelow (fcmp (f a) (f b))
[<Export("__gesf2")>]
let gesf2 (a: float32) (b: float32) : int = nanBelow (fcmp (f a) (f b))
[<Export("__unordsf2")>]
let unordsf2 (a: float32) (b: float32) : int = if fcmp (f a) (f b) = 2 then 1 else 0
[<Export("__fixsfsi")>]
let fixsfsi (a: float32) : int = int (uint32 (f2i (f a) true 32))
[<Export("__fixunssfsi")>]
let fixunssfsi (a: float32) : uint32 = uint32 (f2i (f a) false 32)
[<Export("__fixsfdi")>]
let fixsfdi (a: float32) : int64 = int64 (f2i (f a) true 64)
[<Export("__fixunssfdi")>]
let fixunssfdi (a: float32) : uint64 = f2i (f a) false 64
[<Export("__floatsisf")>]
let floatsisf (x: int) : float32 = ofF (uint32 (ofInt64 (int64 x) 23 8))
[<Export("__floatunsisf")>]
let floatunsisf (x: uint32) : float32 = ofF (uint32 (ofInt false (uint64 x) 23 8))
[<Export("__floatdisf")>]
let floatdisf (x: int64) : float32 = ofF (uint32 (ofInt64 x 23 8))
[<Export("__floatundisf")>]
let floatundisf (x: uint64) : float32 = ofF (uint32 (ofInt false x 23 8))

// ------------------------------------------------------------------------------------------ libm

// Real floats, as for the libgcc names: on a hard-float core these are called in VFP registers.

[<Export("sqrt")>]
let sqrtDouble (x: float) : float = ofD (sqrtBits (d x) 52 11)
[<Export("floor")>]
let floorDouble (x: float) : float = ofD (roundBits (d x) 1 52 11)
[<Export("ceil")>]
let ceilDouble (x: float) : float = ofD (roundBits (d x) 2 52 11)
[<Export("trunc")>]
let truncDouble (x: float) : float = ofD (roundBits (d x) 0 52 11)
[<Export("roundeven")>]
let roundevenDouble (x: float) : float = ofD (roundBits (d x) 3 52 11)
[<Export("fmod")>]
let fmodDouble (x: float) (y: float) : float = ofD (fmodBits (d x) (d y) 52 11)

let private wf (x: float32) = uint64 (float32Bits x)
let private nf (bits: uint64) = ofF (uint32 bits)

[<Export("sqrtf")>]
let sqrtSingle (x: float32) : float32 = nf (sqrtBits (wf x) 23 8)
[<Export("floorf")>]
let floorSingle (x: float32) : float32 = nf (roundBits (wf x) 1 23 8)
[<Export("ceilf")>]
let ceilSingle (x: float32) : float32 = nf (roundBits (wf x) 2 23 8)
[<Export("truncf")>]
let truncSingle (x: float32) : float32 = nf (roundBits (wf x) 0 23 8)
[<Export("roundevenf")>]
let roundevenSingle (x: float32) : float32 = nf (roundBits (wf x) 3 23 8)
[<Export("fmodf")>]
let fmodSingle (x: float32) (y: float32) : float32 = nf (fmodBits (wf x) (wf y) 23 8)
