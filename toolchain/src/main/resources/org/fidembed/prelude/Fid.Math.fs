/// The elementary functions behind sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh, exp, log,
/// log10, ( ** ), pown and System.Math, for float and float32, in F# with no libm: float is the
/// algorithms of fdlibm 5.3 (what Java's StrictMath computes; error below 1 ulp, exact argument
/// reduction for every size of sin/cos/tan argument), float32 is FSharp.Core's definition (the float
/// function of the widened argument, rounded once to float32), pown is FSharp.Core's squaring.
///
/// Special values are .NET's: NaN in, NaN out; signed zeros kept; overflow to infinity, underflow to
/// zero through the subnormals; 1 ** y = 1 and (±1) ** ±infinity = 1 (IEEE 754-2008, where fdlibm and
/// Java say NaN). fdlibm's notice: Copyright (C) 1993-2004 by Sun Microsystems, Inc. All rights
/// reserved. Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify,
/// and distribute this software is freely granted, provided that this notice is preserved.
///
/// Names: the float function has the F# name (sin, atan2 y x, pow x y, pown x n), its float32
/// sibling the same name with an f (sinf, atan2f, powf, pownf), as in C; pown on an integer type is
/// pown followed by the type (pownInt32, pownUInt8, ...). Nothing here is opened by default.
module Fid.Math

open Fid.Intrinsics

// ------------------------------------------------------------------------------------------ words

// fdlibm reads and writes the high and low 32 bits of a double
let inline private hiWord (x: float) = int (floatBits x >>> 32)
let inline private loWord (x: float) = uint32 (floatBits x)
let inline private ofWords (hi: int) (lo: uint32) = floatOfBits ((uint64 (uint32 hi) <<< 32) ||| uint64 lo)
let inline private withHi (x: float) (hi: int) = ofWords hi (loWord x)
let inline private clearLo (x: float) = floatOfBits (floatBits x &&& 0xFFFFFFFF00000000UL)

[<Literal>]
let private Two24 = 16777216.0
[<Literal>]
let private TwoM24 = 5.9604644775390625e-08
[<Literal>]
let private Two54 = 18014398509481984.0
[<Literal>]
let private TwoM1000 = 9.332636185032189e-302
[<Literal>]
let private Pi = 3.141592653589793
[<Literal>]
let private PiO2Hi = 1.57079632679489655800e+00
[<Literal>]
let private PiO2Lo = 6.12323399573676603587e-17
[<Literal>]
let private PiO4Hi = 7.85398163397448278999e-01
[<Literal>]
let private Ln2Hi = 6.93147180369123816490e-01
[<Literal>]
let private Ln2Lo = 1.90821492927058770002e-10
[<Literal>]
let private InvLn2 = 1.44269504088896338700e+00
[<Literal>]
let private OThreshold = 7.09782712893383973096e+02

/// x * 2^n rounded once, as C's scalbn: the scaling towards the subnormals stops 53 binades above
/// them, so that only the last product rounds.
let private scalbn (x: float) (n: int) : float =
    let mutable y = x
    let mutable k = n
    if k > 1023 then
        y <- y * 8.98846567431158e307
        k <- k - 1023
        if k > 1023 then
            y <- y * 8.98846567431158e307
            k <- k - 1023
            if k > 1023 then k <- 1023
    elif k < -1022 then
        y <- y * 2.0041683600089728e-292
        k <- k + 969
        if k < -1022 then
            y <- y * 2.0041683600089728e-292
            k <- k + 969
            if k < -1022 then k <- -1022
    y * floatOfBits (uint64 (1023 + k) <<< 52)

// ------------------------------------------------------------------------------------------ sin cos tan

/// sin on [-pi/4, pi/4] of x + y (y the tail of x; iy = 0 when y is 0).
let private kernelSin (x: float) (y: float) (iy: int) : float =
    if hiWord x &&& 0x7fffffff < 0x3e400000 then x
    else
        let z = x * x
        let v = z * x
        let r = 8.33333333332248946124e-03 + z * (-1.98412698298579493134e-04 + z * (2.75573137070700676789e-06
                + z * (-2.50507602534068634195e-08 + z * 1.58969099521155010221e-10)))
        if iy = 0 then x + v * (-1.66666666666666324348e-01 + z * r)
        else x - ((z * (0.5 * y - v * r) - y) - v * -1.66666666666666324348e-01)

/// cos on [-pi/4, pi/4] of x + y.
let private kernelCos (x: float) (y: float) : float =
    let ix = hiWord x &&& 0x7fffffff
    if ix < 0x3e400000 then 1.0
    else
        let z = x * x
        let r = z * (4.16666666666666019037e-02 + z * (-1.38888888888741095749e-03 + z * (2.48015872894767294178e-05
                + z * (-2.75573143513906633035e-07 + z * (2.08757232129817482790e-09 + z * -1.13596475577881948265e-11)))))
        if ix < 0x3fd33333 then 1.0 - (0.5 * z - (z * r - x * y))
        else
            let qx = if ix > 0x3fe90000 then 0.28125 else ofWords (ix - 0x00200000) 0u
            let hz = 0.5 * z - qx
            let a = 1.0 - qx
            a - (hz - (z * r - x * y))

let private tanCoefficients =
    [| 3.33333333333334091986e-01; 1.33333333333201242699e-01; 5.39682539762260521377e-02
       2.18694882948595424599e-02; 8.86323982359930005737e-03; 3.59207910759131235356e-03
       1.45620945432529025516e-03; 5.88041240820264096874e-04; 2.46463134818469906812e-04
       7.81794442939557092300e-05; 7.14072491382608190305e-05; -1.85586374855275456654e-05
       2.59073051863633712884e-05 |]

/// -1 / (x + r) to nearly full precision: a and t are -1/w and its high half.
let private negInverse (x: float) (r: float) (w: float) : float =
    let z = clearLo w
    let v = r - (z - x)
    let a = -1.0 / w
    let t = clearLo a
    let s = 1.0 + t * z
    t + a * (s + t * v)

/// tan (iy = 1) or -1/tan (iy = -1) on [-pi/4, pi/4] of x + y.
let private kernelTan (x0: float) (y0: float) (iy: int) : float =
    let hx = hiWord x0
    let ix = hx &&& 0x7fffffff
    if ix < 0x3e300000 then
        if (ix ||| int (loWord x0) ||| (iy + 1)) = 0 then 1.0 / abs x0
        elif iy = 1 then x0
        else negInverse x0 y0 (x0 + y0)
    else
        let tc = tanCoefficients
        let mutable x = x0
        let mutable y = y0
        if ix >= 0x3FE59428 then
            if hx < 0 then
                x <- -x
                y <- -y
            x <- (PiO4Hi - x) + (3.06161699786838301793e-17 - y)
            y <- 0.0
        let z = x * x
        let w = z * z
        let r0 = tc.[1] + w * (tc.[3] + w * (tc.[5] + w * (tc.[7] + w * (tc.[9] + w * tc.[11]))))
        let v = z * (tc.[2] + w * (tc.[4] + w * (tc.[6] + w * (tc.[8] + w * (tc.[10] + w * tc.[12])))))
        let s = z * x
        let r = y + z * (s * (r0 + v) + y) + tc.[0] * s
        let w = x + r
        if ix >= 0x3FE59428 then
            let v = float iy
            float (1 - ((hx >>> 30) &&& 2)) * (v - 2.0 * (x - (w * w / (w + v) - r)))
        elif iy = 1 then w
        else negInverse x r w

/// 2/pi in 24-bit chunks, 396 hexadecimal digits.
let private twoOverPi =
    [| 0xA2F983; 0x6E4E44; 0x1529FC; 0x2757D1; 0xF534DD; 0xC0DB62; 0x95993C; 0x439041; 0xFE5163; 0xABDEBB; 0xC561B7
       0x246E3A; 0x424DD2; 0xE00649; 0x2EEA09; 0xD1921C; 0xFE1DEB; 0x1CB129; 0xA73EE8; 0x8235F5; 0x2EBB44; 0x84E99C
       0x7026B4; 0x5F7E41; 0x3991D6; 0x398353; 0x39F49C; 0x845F8B; 0xBDF928; 0x3B1FF8; 0x97FFDE; 0x05980F; 0xEF2F11
       0x8B5A0A; 0x6D1F6D; 0x367ECF; 0x27CB09; 0xB74F46; 0x3F669E; 0x5FEA2D; 0x7527BA; 0xC7EBE5; 0xF17B3D; 0x0739F7
       0x8A5292; 0xEA6BFB; 0x5FB11F; 0x8D5D08; 0x560330; 0x46FC7B; 0x6BABF0; 0xCFBC20; 0x9AF436; 0x1DA9E3; 0x91615E
       0xE61B08; 0x659985; 0x5F14A0; 0x68408D; 0xFFD880; 0x4D7327; 0x310606; 0x1556CA; 0x73A8C9; 0x60E27B; 0xC08C6B |]

/// pi/2 in 24-bit chunks.
let private piO2Chunks =
    [| 1.57079625129699707031e+00; 7.54978941586159635335e-08; 5.39030252995776476554e-15; 3.28200341580791294123e-22
       1.27065575308067607349e-29; 1.22933308981111328932e-36; 2.73370053816464559624e-44; 2.16741683877804819444e-51 |]

/// The high words of n*pi/2 for n = 1..32: near them the medium reduction needs more bits of pi.
let private nPiO2Hi =
    [| 0x3FF921FB; 0x400921FB; 0x4012D97C; 0x401921FB; 0x401F6A7A; 0x4022D97C; 0x4025FDBB; 0x402921FB
       0x402C463A; 0x402F6A7A; 0x4031475C; 0x4032D97C; 0x40346B9C; 0x4035FDBB; 0x40378FDB; 0x403921FB
       0x403AB41B; 0x403C463A; 0x403DD85A; 0x403F6A7A; 0x40407E4C; 0x4041475C; 0x4042106C; 0x4042D97C
       0x4043A28C; 0x40446B9C; 0x404534AC; 0x4045FDBB; 0x4046C6CB; 0x40478FDB; 0x404858EB; 0x404921FB |]

/// q[i] = sum of x[j] * f[jx + i - j], the 24-bit chunks of x times those of 2/pi.
let private chunkProduct (x: float[]) (jx: int) (f: float[]) (i: int) : float =
    let mutable fw = 0.0
    for j in 0 .. jx do
        fw <- fw + x.[j] * f.[jx + i - j]
    fw

/// iq[] = the 24-bit chunks of q[0..jz] (reversed), and z = q's integer part and fraction.
let private distill (q: float[]) (iq: int[]) (jz: int) : float =
    let mutable z = q.[jz]
    let mutable i = 0
    for j in jz .. -1 .. 1 do
        let fw = float (int (TwoM24 * z))
        iq.[i] <- int (z - Two24 * fw)
        z <- q.[j - 1] + fw
        i <- i + 1
    z

/// 1 - q when q >= 1/2, in place on iq[]; the carry out of the lowest nonzero chunk.
let private complementChunks (iq: int[]) (jz: int) (q0: int) : int =
    let mutable carry = 0
    for i in 0 .. jz - 1 do
        let j = iq.[i]
        if carry = 0 then
            if j <> 0 then
                carry <- 1
                iq.[i] <- 0x1000000 - j
        else iq.[i] <- 0xffffff - j
    if q0 = 1 then iq.[jz - 1] <- iq.[jz - 1] &&& 0x7fffff
    elif q0 = 2 then iq.[jz - 1] <- iq.[jz - 1] &&& 0x3fffff
    carry

/// y0 + y1 = the fraction of x * 2/pi times pi/2, and the integer part mod 8, for x in 24-bit chunks
/// x[0..nx-1] scaled by 2^e0 (fdlibm's __kernel_rem_pio2, 53-bit precision): Payne-Hanek reduction.
let private kernelRemPio2 (x: float[]) (e0: int) (nx: int) : struct (int * float * float) =
    let jk = 4
    let iq: int[] = Array.zeroCreate 20
    let f: float[] = Array.zeroCreate 20
    let fq: float[] = Array.zeroCreate 20
    let q: float[] = Array.zeroCreate 20
    let jx = nx - 1
    let jv = max 0 ((e0 - 3) / 24)
    let mutable q0 = e0 - 24 * (jv + 1)
    for i in 0 .. jx + jk do
        let j = jv - jx + i
        f.[i] <- if j < 0 then 0.0 else float twoOverPi.[j]
    for i in 0 .. jk do
        q.[i] <- chunkProduct x jx f i
    let mutable jz = jk
    let mutable z = 0.0
    let mutable n = 0
    let mutable ih = 0
    let mutable again = true
    while again do
        again <- false
        z <- scalbn (distill q iq jz) q0
        z <- z - 8.0 * floor (z * 0.125)
        n <- int z
        z <- z - float n
        ih <- 0
        if q0 > 0 then
            let i = iq.[jz - 1] >>> (24 - q0)
            n <- n + i
            iq.[jz - 1] <- iq.[jz - 1] - (i <<< (24 - q0))
            ih <- iq.[jz - 1] >>> (23 - q0)
        elif q0 = 0 then ih <- iq.[jz - 1] >>> 23
        elif z >= 0.5 then ih <- 2
        if ih > 0 then
            n <- n + 1
            let carry = complementChunks iq jz q0
            if ih = 2 then
                z <- 1.0 - z
                if carry <> 0 then z <- z - scalbn 1.0 q0
        if z = 0.0 then
            // the fraction cancelled: take more chunks of 2/pi
            let mutable j = 0
            for i in jz - 1 .. -1 .. jk do
                j <- j ||| iq.[i]
            if j = 0 then
                let mutable k = 1
                while iq.[jk - k] = 0 do
                    k <- k + 1
                for i in jz + 1 .. jz + k do
                    f.[jx + i] <- float twoOverPi.[jv + i]
                    q.[i] <- chunkProduct x jx f i
                jz <- jz + k
                again <- true
    if z = 0.0 then
        jz <- jz - 1
        q0 <- q0 - 24
        while iq.[jz] = 0 do
            jz <- jz - 1
            q0 <- q0 - 24
    else
        z <- scalbn z (-q0)
        if z >= Two24 then
            let fw = float (int (TwoM24 * z))
            iq.[jz] <- int (z - Two24 * fw)
            jz <- jz + 1
            q0 <- q0 + 24
            iq.[jz] <- int fw
        else iq.[jz] <- int z
    let mutable fw = scalbn 1.0 q0
    for i in jz .. -1 .. 0 do
        q.[i] <- fw * float iq.[i]
        fw <- fw * TwoM24
    for i in jz .. -1 .. 0 do
        let mutable s = 0.0
        let mutable k = 0
        while k <= jk && k <= jz - i do
            s <- s + piO2Chunks.[k] * q.[i + k]
            k <- k + 1
        fq.[jz - i] <- s
    let mutable s = 0.0
    for i in jz .. -1 .. 0 do
        s <- s + fq.[i]
    let y0 = if ih = 0 then s else -s
    s <- fq.[0] - s
    for i in 1 .. jz do
        s <- s + fq.[i]
    struct (n &&& 7, y0, (if ih = 0 then s else -s))

[<Literal>]
let private PiO2P1 = 1.57079632673412561417e+00
[<Literal>]
let private PiO2P1T = 6.07710050650619224932e-11
[<Literal>]
let private PiO2P2 = 6.07710050630396597660e-11
[<Literal>]
let private PiO2P2T = 2.02226624879595063154e-21
[<Literal>]
let private PiO2P3 = 2.02226624871116645580e-21
[<Literal>]
let private PiO2P3T = 8.47842766036889956997e-32

/// x - n*pi/2 for |x| up to 2^19*pi/2, with pi/2 in up to three parts of 33 bits.
let private remPio2Medium (x: float) (hx: int) (ix: int) : struct (int * float * float) =
    let t = abs x
    let n = int (t * 6.36619772367581382433e-01 + 0.5)
    let fn = float n
    let mutable r = t - fn * PiO2P1
    let mutable w = fn * PiO2P1T
    let mutable y0 = r - w
    if n >= 32 || ix = nPiO2Hi.[n - 1] then
        let j = ix >>> 20
        if j - ((hiWord y0 >>> 20) &&& 0x7ff) > 16 then
            let t = r
            w <- fn * PiO2P2
            r <- t - w
            w <- fn * PiO2P2T - ((t - r) - w)
            y0 <- r - w
            if j - ((hiWord y0 >>> 20) &&& 0x7ff) > 49 then
                let t = r
                w <- fn * PiO2P3
                r <- t - w
                w <- fn * PiO2P3T - ((t - r) - w)
                y0 <- r - w
    let y1 = (r - y0) - w
    if hx < 0 then struct (-n, -y0, -y1) else struct (n, y0, y1)

/// x - n*pi/2 for larger finite x: its 24-bit chunks through the Payne-Hanek kernel.
let private remPio2Large (x: float) (hx: int) (ix: int) : struct (int * float * float) =
    let e0 = (ix >>> 20) - 1046
    let mutable z = ofWords (ix - (e0 <<< 20)) (loWord x)
    let tx: float[] = Array.zeroCreate 3
    for i in 0 .. 1 do
        tx.[i] <- float (int z)
        z <- (z - tx.[i]) * Two24
    tx.[2] <- z
    let mutable nx = 3
    while tx.[nx - 1] = 0.0 do
        nx <- nx - 1
    let struct (n, y0, y1) = kernelRemPio2 tx e0 nx
    if hx < 0 then struct (-n, -y0, -y1) else struct (n, y0, y1)

/// n and y0 + y1 = x - n*pi/2 with |y0 + y1| <= pi/4, for finite x (fdlibm's __ieee754_rem_pio2).
let private remPio2 (x: float) : struct (int * float * float) =
    let hx = hiWord x
    let ix = hx &&& 0x7fffffff
    if ix < 0x4002d97c then
        // |x| < 3pi/4: n is 1 or -1
        let sg = if hx > 0 then 1.0 else -1.0
        let z = x - sg * PiO2P1
        if ix <> 0x3ff921fb then
            let y0 = z - sg * PiO2P1T
            struct (int sg, y0, (z - y0) - sg * PiO2P1T)
        else
            let z = z - sg * PiO2P2
            let y0 = z - sg * PiO2P2T
            struct (int sg, y0, (z - y0) - sg * PiO2P2T)
    elif ix <= 0x413921fb then remPio2Medium x hx ix
    else remPio2Large x hx ix

/// sin (the float function behind sin and Math.Sin).
let sin (x: float) : float =
    let ix = hiWord x &&& 0x7fffffff
    if ix <= 0x3fe921fb then kernelSin x 0.0 0
    elif ix >= 0x7ff00000 then x - x
    else
        let struct (n, y0, y1) = remPio2 x
        match n &&& 3 with
        | 0 -> kernelSin y0 y1 1
        | 1 -> kernelCos y0 y1
        | 2 -> -(kernelSin y0 y1 1)
        | _ -> -(kernelCos y0 y1)

/// cos (cos, Math.Cos).
let cos (x: float) : float =
    let ix = hiWord x &&& 0x7fffffff
    if ix <= 0x3fe921fb then kernelCos x 0.0
    elif ix >= 0x7ff00000 then x - x
    else
        let struct (n, y0, y1) = remPio2 x
        match n &&& 3 with
        | 0 -> kernelCos y0 y1
        | 1 -> -(kernelSin y0 y1 1)
        | 2 -> -(kernelCos y0 y1)
        | _ -> kernelSin y0 y1 1

/// tan (tan, Math.Tan).
let tan (x: float) : float =
    let ix = hiWord x &&& 0x7fffffff
    if ix <= 0x3fe921fb then kernelTan x 0.0 1
    elif ix >= 0x7ff00000 then x - x
    else
        let struct (n, y0, y1) = remPio2 x
        kernelTan y0 y1 (1 - ((n &&& 1) <<< 1))

// ------------------------------------------------------------------------------------------ asin acos atan

/// The rational approximation R(t) of (asin(sqrt t) - sqrt t) / sqrt t^3 shared by asin and acos.
let private asinRatio (t: float) : float =
    let p = t * (1.66666666666666657415e-01 + t * (-3.25565818622400915405e-01 + t * (2.01212532134862925881e-01
            + t * (-4.00555345006794114027e-02 + t * (7.91534994289814532176e-04 + t * 3.47933107596021167570e-05)))))
    let q = 1.0 + t * (-2.40339491173441421878e+00 + t * (2.02094576023350569471e+00
            + t * (-6.88283971605453293030e-01 + t * 7.70381505559019352791e-02)))
    p / q

/// asin (asin, Math.Asin).
let asin (x: float) : float =
    let hx = hiWord x
    let ix = hx &&& 0x7fffffff
    if ix >= 0x3ff00000 then
        if ((ix - 0x3ff00000) ||| int (loWord x)) = 0 then x * PiO2Hi + x * PiO2Lo
        else (x - x) / (x - x)
    elif ix < 0x3fe00000 then
        if ix < 0x3e400000 then x
        else x + x * asinRatio (x * x)
    else
        let t = (1.0 - abs x) * 0.5
        let r = asinRatio t
        let s = sqrt t
        let v =
            if ix >= 0x3FEF3333 then PiO2Hi - (2.0 * (s + s * r) - PiO2Lo)
            else
                let w = clearLo s
                let c = (t - w * w) / (s + w)
                let p = 2.0 * s * r - (PiO2Lo - 2.0 * c)
                let q = PiO4Hi - 2.0 * w
                PiO4Hi - (p - q)
        if hx > 0 then v else -v

/// acos (acos, Math.Acos).
let acos (x: float) : float =
    let hx = hiWord x
    let ix = hx &&& 0x7fffffff
    if ix >= 0x3ff00000 then
        if ((ix - 0x3ff00000) ||| int (loWord x)) = 0 then (if hx > 0 then 0.0 else Pi + 2.0 * PiO2Lo)
        else (x - x) / (x - x)
    elif ix < 0x3fe00000 then
        if ix <= 0x3c600000 then PiO2Hi + PiO2Lo
        else PiO2Hi - (x - (PiO2Lo - x * asinRatio (x * x)))
    elif hx < 0 then
        let z = (1.0 + x) * 0.5
        let s = sqrt z
        let w = asinRatio z * s - PiO2Lo
        Pi - 2.0 * (s + w)
    else
        let z = (1.0 - x) * 0.5
        let s = sqrt z
        let df = clearLo s
        let c = (z - df * df) / (s + df)
        let w = asinRatio z * s + c
        2.0 * (df + w)

let private atanHi = [| 4.63647609000806093515e-01; 7.85398163397448278999e-01; 9.82793723247329054082e-01; PiO2Hi |]
let private atanLo = [| 2.26987774529616870924e-17; 3.06161699786838301793e-17; 1.39033110312309984516e-17; PiO2Lo |]

/// atan (atan, Math.Atan).
let atan (x: float) : float =
    let hx = hiWord x
    let ix = hx &&& 0x7fffffff
    if ix >= 0x44100000 then
        if ix > 0x7ff00000 || (ix = 0x7ff00000 && loWord x <> 0u) then x + x
        elif hx > 0 then atanHi.[3] + atanLo.[3]
        else -atanHi.[3] - atanLo.[3]
    elif ix < 0x3e200000 then x
    else
        let mutable id = -1
        let mutable t = x
        if ix >= 0x3fdc0000 then
            t <- abs x
            if ix < 0x3fe60000 then
                id <- 0
                t <- (2.0 * t - 1.0) / (2.0 + t)
            elif ix < 0x3ff30000 then
                id <- 1
                t <- (t - 1.0) / (t + 1.0)
            elif ix < 0x40038000 then
                id <- 2
                t <- (t - 1.5) / (1.0 + 1.5 * t)
            else
                id <- 3
                t <- -1.0 / t
        let z = t * t
        let w = z * z
        let s1 = z * (3.33333333333329318027e-01 + w * (1.42857142725034663711e-01 + w * (9.09088713343650656196e-02
                 + w * (6.66107313738753120669e-02 + w * (4.97687799461593236017e-02 + w * 1.62858201153657823623e-02)))))
        let s2 = w * (-1.99999999998764832476e-01 + w * (-1.11111104054623557880e-01 + w * (-7.69187620504482999495e-02
                 + w * (-5.83357013379057348645e-02 + w * -3.65315727442169155270e-02))))
        if id < 0 then t - t * (s1 + s2)
        else
            let z = atanHi.[id] - ((t * (s1 + s2) - atanLo.[id]) - t)
            if hx < 0 then -z else z

/// atan2 y x, the angle of the point (x, y) (atan2, Math.Atan2).
let atan2 (y: float) (x: float) : float =
    let hx = hiWord x
    let ix = hx &&& 0x7fffffff
    let lx = int (loWord x)
    let hy = hiWord y
    let iy = hy &&& 0x7fffffff
    let ly = int (loWord y)
    // 2 * sign(x) + sign(y)
    let m = ((hy >>> 31) &&& 1) ||| ((hx >>> 30) &&& 2)
    if x <> x || y <> y then x + y
    elif ((hx - 0x3ff00000) ||| lx) = 0 then atan y
    elif (iy ||| ly) = 0 then (if m < 2 then y elif m = 2 then Pi else -Pi)
    elif (ix ||| lx) = 0 then (if hy < 0 then -PiO2Hi else PiO2Hi)
    elif ix = 0x7ff00000 then
        if iy = 0x7ff00000 then
            let a = if m < 2 then PiO4Hi else 3.0 * PiO4Hi
            if m &&& 1 = 0 then a else -a
        elif m = 0 then 0.0
        elif m = 1 then -0.0
        elif m = 2 then Pi
        else -Pi
    elif iy = 0x7ff00000 then (if hy < 0 then -PiO2Hi else PiO2Hi)
    else
        let k = (iy - ix) >>> 20
        let z =
            if k > 60 then PiO2Hi + 0.5 * 1.2246467991473531772E-16
            elif hx < 0 && k < -60 then 0.0
            else atan (abs (y / x))
        match m with
        | 0 -> z
        | 1 -> -z
        | 2 -> Pi - (z - 1.2246467991473531772E-16)
        | _ -> (z - 1.2246467991473531772E-16) - Pi

// ------------------------------------------------------------------------------------------ exp log

/// exp (exp, Math.Exp).
let exp (x0: float) : float =
    let hx0 = hiWord x0
    let xsb = (hx0 >>> 31) &&& 1
    let hx = hx0 &&& 0x7fffffff
    if hx >= 0x7ff00000 then
        if ((hx &&& 0xfffff) ||| int (loWord x0)) <> 0 then x0 + x0
        elif xsb = 0 then x0
        else 0.0
    elif hx >= 0x40862E42 && x0 > OThreshold then infinity
    elif hx >= 0x40862E42 && x0 < -7.45133219101941108420e+02 then 0.0
    elif hx <= 0x3fd62e42 && hx < 0x3e300000 then 1.0 + x0
    else
        let mutable k = 0
        let mutable hi = 0.0
        let mutable lo = 0.0
        let mutable x = x0
        if hx > 0x3fd62e42 then
            let sg = if xsb = 0 then 1.0 else -1.0
            if hx < 0x3FF0A2B2 then
                hi <- x - sg * Ln2Hi
                lo <- sg * Ln2Lo
                k <- 1 - xsb - xsb
            else
                k <- int (InvLn2 * x + 0.5 * sg)
                let t = float k
                hi <- x - t * Ln2Hi
                lo <- t * Ln2Lo
            x <- hi - lo
        let t = x * x
        let c = x - t * (1.66666666666666019037e-01 + t * (-2.77777777770155933842e-03 + t * (6.61375632143793436117e-05
                + t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))))
        if k = 0 then 1.0 - ((x * c) / (c - 2.0) - x)
        else
            let y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi)
            if k >= -1021 then withHi y (hiWord y + (k <<< 20))
            else withHi y (hiWord y + ((k + 1000) <<< 20)) * TwoM1000

/// log and log10 of zero (-infinity), of negative numbers (NaN), of infinity and NaN (themselves).
let private logSpecial (x: float) (hx: int) : float =
    if ((hx &&& 0x7fffffff) ||| int (loWord x)) = 0 then -infinity
    elif hx < 0 then (x - x) / 0.0
    else x + x

let inline private isLogSpecial (x: float) (hx: int) = hx < 0 || hx >= 0x7ff00000 || (hx ||| int (loWord x)) = 0

/// A positive finite x scaled out of the subnormals by 2^54, and its binary exponent.
let private logScale (x: float) : struct (float * int) =
    let s = if hiWord x < 0x00100000 then x * Two54 else x
    struct (s, (hiWord s >>> 20) - 1023 - (if hiWord x < 0x00100000 then 54 else 0))

/// log (log, Math.Log).
let log (x0: float) : float =
    if isLogSpecial x0 (hiWord x0) then logSpecial x0 (hiWord x0)
    else
        let struct (xs, e) = logScale x0
        // x or x/2 in [sqrt(2)/2, sqrt(2)), and k its exponent
        let hx = hiWord xs &&& 0x000fffff
        let i = (hx + 0x95f64) &&& 0x100000
        let k = e + (i >>> 20)
        let f = withHi xs (hx ||| (i ^^^ 0x3ff00000)) - 1.0
        let dk = float k
        if (0x000fffff &&& (2 + hx)) < 3 then
            if f = 0.0 then (if k = 0 then 0.0 else dk * Ln2Hi + dk * Ln2Lo)
            else
                let r = f * f * (0.5 - 0.33333333333333333 * f)
                if k = 0 then f - r else dk * Ln2Hi - ((r - dk * Ln2Lo) - f)
        else
            let s = f / (2.0 + f)
            let z = s * s
            let w = z * z
            let t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01))
            let t2 = z * (6.666666666666735130e-01 + w * (2.857142874366239149e-01 + w * (1.818357216161805012e-01
                     + w * 1.479819860511658591e-01)))
            let r = t2 + t1
            if ((hx - 0x6147a) ||| (0x6b851 - hx)) > 0 then
                let hfsq = 0.5 * f * f
                if k = 0 then f - (hfsq - s * (hfsq + r))
                else dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f)
            elif k = 0 then f - s * (f - r)
            else dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f)

/// log10 (log10, Math.Log10).
let log10 (x0: float) : float =
    if isLogSpecial x0 (hiWord x0) then logSpecial x0 (hiWord x0)
    else
        let struct (x, k) = logScale x0
        let i = int ((uint32 k &&& 0x80000000u) >>> 31)
        let hx = (hiWord x &&& 0x000fffff) ||| ((0x3ff - i) <<< 20)
        let y = float (k + i)
        let z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-01 * log (withHi x hx)
        z + y * 3.01029995663611771306e-01

/// exp x - 1, accurate near 0 (fdlibm's expm1, for sinh, cosh and tanh).
let private expm1 (x0: float) : float =
    let hx0 = hiWord x0
    let xsb = hx0 &&& 0x80000000
    let hx = hx0 &&& 0x7fffffff
    if hx >= 0x7ff00000 then
        if ((hx &&& 0xfffff) ||| int (loWord x0)) <> 0 then x0 + x0
        elif xsb = 0 then x0
        else -1.0
    elif hx >= 0x40862E42 && x0 > OThreshold then infinity
    elif hx >= 0x4043687A && xsb <> 0 then -1.0
    elif hx <= 0x3fd62e42 && hx < 0x3c900000 then x0
    else
        let mutable k = 0
        let mutable c = 0.0
        let mutable x = x0
        if hx > 0x3fd62e42 then
            let mutable hi = 0.0
            let mutable lo = 0.0
            if hx < 0x3FF0A2B2 then
                if xsb = 0 then
                    hi <- x - Ln2Hi
                    lo <- Ln2Lo
                    k <- 1
                else
                    hi <- x + Ln2Hi
                    lo <- -Ln2Lo
                    k <- -1
            else
                k <- int (InvLn2 * x + (if xsb = 0 then 0.5 else -0.5))
                let t = float k
                hi <- x - t * Ln2Hi
                lo <- t * Ln2Lo
            x <- hi - lo
            c <- (hi - x) - lo
        let hfx = 0.5 * x
        let hxs = x * hfx
        let r1 = 1.0 + hxs * (-3.33333333333331316428e-02 + hxs * (1.58730158725481460165e-03 + hxs * (-7.93650757867487942473e-05
                 + hxs * (4.00821782732936239552e-06 + hxs * -2.01099218183624371326e-07))))
        let t = 3.0 - r1 * hfx
        let e = hxs * ((r1 - t) / (6.0 - x * t))
        if k = 0 then x - (x * e - hxs)
        else
            let e = (x * (e - c) - c) - hxs
            if k = -1 then 0.5 * (x - e) - 0.5
            elif k = 1 then (if x < -0.25 then -2.0 * (e - (x + 0.5)) else 1.0 + 2.0 * (x - e))
            elif k <= -2 || k > 56 then
                let y = 1.0 - (e - x)
                withHi y (hiWord y + (k <<< 20)) - 1.0
            elif k < 20 then
                let y = ofWords (0x3ff00000 - (0x200000 >>> k)) 0u - (e - x)
                withHi y (hiWord y + (k <<< 20))
            else
                let y = x - (e + ofWords ((0x3ff - k) <<< 20) 0u) + 1.0
                withHi y (hiWord y + (k <<< 20))

// ------------------------------------------------------------------------------------------ sinh cosh tanh

/// |x| between log(maxdouble) and the overflow threshold of sinh and cosh.
let private belowHyperbolicOverflow (x: float) (ix: int) =
    ix < 0x408633CE || (ix = 0x408633CE && loWord x <= 0x8fb9f87du)

/// sinh (sinh, Math.Sinh).
let sinh (x: float) : float =
    let jx = hiWord x
    let ix = jx &&& 0x7fffffff
    let h = if jx < 0 then -0.5 else 0.5
    if ix >= 0x7ff00000 then x + x
    elif ix < 0x40360000 then
        if ix < 0x3e300000 then x
        else
            let t = expm1 (abs x)
            if ix < 0x3ff00000 then h * (2.0 * t - t * t / (t + 1.0))
            else h * (t + t / (t + 1.0))
    elif ix < 0x40862E42 then h * exp (abs x)
    elif belowHyperbolicOverflow x ix then
        let w = exp (0.5 * abs x)
        let t = h * w
        t * w
    else x * 1.0e307

/// cosh (cosh, Math.Cosh).
let cosh (x: float) : float =
    let ix = hiWord x &&& 0x7fffffff
    if ix >= 0x7ff00000 then x * x
    elif ix < 0x3fd62e43 then
        let t = expm1 (abs x)
        let w = 1.0 + t
        if ix < 0x3c800000 then w else 1.0 + (t * t) / (w + w)
    elif ix < 0x40360000 then
        let t = exp (abs x)
        0.5 * t + 0.5 / t
    elif ix < 0x40862E42 then 0.5 * exp (abs x)
    elif belowHyperbolicOverflow x ix then
        let w = exp (0.5 * abs x)
        let t = 0.5 * w
        t * w
    else infinity

/// tanh (tanh, Math.Tanh).
let tanh (x: float) : float =
    let jx = hiWord x
    let ix = jx &&& 0x7fffffff
    if ix >= 0x7ff00000 then (if jx >= 0 then 1.0 / x + 1.0 else 1.0 / x - 1.0)
    else
        let z =
            if ix >= 0x40360000 then 1.0
            elif ix < 0x3c800000 then x * (1.0 + x)
            elif ix >= 0x3ff00000 then 1.0 - 2.0 / (expm1 (2.0 * abs x) + 2.0)
            else
                let t = expm1 (-2.0 * abs x)
                -t / (t + 2.0)
        if ix < 0x3c800000 || jx >= 0 then z else -z

// ------------------------------------------------------------------------------------------ pow

/// log2 |x| = t1 + t2 in extra precision, t1 with 32 low zero bits, for |x| finite, nonzero, not 1
/// (fdlibm's pow, first step); iy is the high word of |y|.
let private powLog2 (xa: float) (iy: int) : struct (float * float) =
    let mutable ix = hiWord xa
    if iy > 0x41e00000 then
        // |y| > 2^31, and x is within 2^-20 of 1 (the caller checked): log x by its series
        let t = xa - 1.0
        let w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25))
        let u = 1.44269502162933349609e+00 * t
        let v = t * 1.92596299112661746887e-08 - w * InvLn2
        let t1 = clearLo (u + v)
        struct (t1, v - (t1 - u))
    else
        let mutable x = xa
        let mutable n = 0
        if ix < 0x00100000 then
            x <- x * 9007199254740992.0
            n <- -53
            ix <- hiWord x
        n <- n + (ix >>> 20) - 0x3ff
        let j = ix &&& 0x000fffff
        ix <- j ||| 0x3ff00000
        let mutable k = 0
        if j <= 0x3988E then k <- 0
        elif j < 0xBB67A then k <- 1
        else
            n <- n + 1
            ix <- ix - 0x00100000
        x <- withHi x ix
        // ss = s_h + s_l = (x - bp) / (x + bp), bp = 1 or 1.5
        let bp = 1.0 + 0.5 * float k
        let u = x - bp
        let v = 1.0 / (x + bp)
        let ss = u * v
        let sH = clearLo ss
        let tH0 = ofWords (((ix >>> 1) ||| 0x20000000) + 0x00080000 + (k <<< 18)) 0u
        let tL0 = x - (tH0 - bp)
        let sL = v * ((u - sH * tH0) - sH * tL0)
        let s2 = ss * ss
        let r = s2 * s2 * (5.99999999999994648725e-01 + s2 * (4.28571428578550184252e-01 + s2 * (3.33333329818377432918e-01
                + s2 * (2.72728123808534006489e-01 + s2 * (2.30660745775561754067e-01 + s2 * 2.06975017800338417784e-01)))))
                + sL * (sH + ss)
        let s2 = sH * sH
        let tH = clearLo (3.0 + s2 + r)
        let tL = r - ((tH - 3.0) - s2)
        let u = sH * tH
        let v = sL * tH + tL * ss
        let pH = clearLo (u + v)
        let pL = v - (pH - u)
        let zH = 9.61796700954437255859e-01 * pH
        let zL = -7.02846165095275826516e-09 * pH + pL * 9.61796693925975554329e-01 + 1.35003920212974897128e-08 * float k
        let t = float n
        let dpH = 5.84962487220764160156e-01 * float k
        let t1 = clearLo (((zH + zL) + dpH) + t)
        struct (t1, zL - (((t1 - t) - dpH) - zH))

/// s * 2^(pH + pL), |pH + pL| below 1076, in extra precision (fdlibm's pow, last step).
let private powExp2 (pH0: float) (pL: float) (s: float) : float =
    let mutable pH = pH0
    let z0 = pL + pH
    let j = hiWord z0
    let i = j &&& 0x7fffffff
    let mutable k = (i >>> 20) - 0x3ff
    let mutable n = 0
    if i > 0x3fe00000 then
        n <- j + (0x00100000 >>> (k + 1))
        k <- ((n &&& 0x7fffffff) >>> 20) - 0x3ff
        let t = ofWords (n &&& ~~~(0x000fffff >>> k)) 0u
        n <- ((n &&& 0x000fffff) ||| 0x00100000) >>> (20 - k)
        if j < 0 then n <- -n
        pH <- pH - t
    let t = clearLo (pL + pH)
    let u = t * 6.93147182464599609375e-01
    let v = (pL - (t - pH)) * 6.93147180559945286227e-01 + t * -1.90465429995776804525e-09
    let z = u + v
    let w = v - (z - u)
    let t = z * z
    let t1 = z - t * (1.66666666666666019037e-01 + t * (-2.77777777770155933842e-03 + t * (6.61375632143793436117e-05
             + t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))))
    let r = (z * t1) / (t1 - 2.0) - (w + z * w)
    let z = 1.0 - (r - z)
    let j = hiWord z + (n <<< 20)
    if (j >>> 20) <= 0 then s * scalbn z n else s * withHi z j

/// x ** y for x not NaN and not 1, y finite and not 0, ±1, 2 or 1/2 (or 1/2 with x = -infinity).
let private powGeneral (x: float) (y: float) : float =
    let hx = hiWord x
    let ix = hx &&& 0x7fffffff
    let xa = abs x
    let ya = abs y
    // yInt, for negative x: 0 y is not an integer, 1 an odd integer, 2 an even integer
    let yInt =
        if hx >= 0 then 0
        elif ya >= 9007199254740992.0 then 2
        elif ya >= 1.0 && float (int64 ya) = ya then 2 - int (int64 ya &&& 1L)
        else 0
    if xa = 0.0 || xa = infinity || xa = 1.0 then
        let z = if y < 0.0 then 1.0 / xa else xa
        if hx < 0 && ix = 0x3ff00000 && yInt = 0 then (z - z) / (z - z)
        elif hx < 0 && yInt = 1 then -z
        else z
    elif hx < 0 && yInt = 0 then (x - x) / (x - x)
    else
        let s = if hx < 0 && yInt = 1 then -1.0 else 1.0
        let iy = hiWord ya
        if iy > 0x41e00000 && ix < 0x3fefffff then (if y < 0.0 then s * infinity else s * 0.0)
        elif iy > 0x41e00000 && ix > 0x3ff00000 then (if y > 0.0 then s * infinity else s * 0.0)
        else
            let struct (t1, t2) = powLog2 xa iy
            // (y1 + y2) * (t1 + t2), y1 the high half of y
            let y1 = clearLo y
            let pL = (y - y1) * t1 + y * t2
            let pH = y1 * t1
            let z = pL + pH
            let j = hiWord z
            let i = int (loWord z)
            if j >= 0x40900000 && (((j - 0x40900000) ||| i) <> 0 || pL + 8.0085662595372944372e-17 > z - pH) then
                s * infinity
            elif j < 0x40900000 && (j &&& 0x7fffffff) >= 0x4090cc00 && (((j - 0xc090cc00) ||| i) <> 0 || pL <= z - pH) then
                s * 0.0
            else powExp2 pH pL s

/// x ** y (( ** ) and Math.Pow on float).
let pow (x: float) (y: float) : float =
    let ya = abs y
    if y = 0.0 || x = 1.0 then 1.0
    elif x <> x || y <> y then x + y
    elif y = 2.0 then x * x
    elif y = 0.5 && x >= -1.7976931348623157e308 then sqrt (x + 0.0)
    elif ya = 1.0 then (if y = 1.0 then x else 1.0 / x)
    elif ya = infinity then
        let xa = abs x
        if xa = 1.0 then 1.0
        elif xa > 1.0 then (if y >= 0.0 then y else 0.0)
        else (if y < 0.0 then -y else 0.0)
    else powGeneral x y

// ------------------------------------------------------------------------------------------ pown

/// x^m by squaring with the products in FSharp.Core's order (pown's ComputePowerGenericInlined:
/// 2, 3 and 4 directly, otherwise the square of x^(m/2), times x when m is odd).
let inline private powBySquaring one x (m: uint32) =
    if m = 0u then one
    elif m = 1u then x
    else
        let mutable s = 0
        while m >>> s > 4u do
            s <- s + 1
        let b = m >>> s
        let x2 = x * x
        let mutable v = if b = 2u then x2 elif b = 3u then x2 * x else x2 * x2
        while s > 0 do
            s <- s - 1
            v <- v * v
            if (m >>> s) &&& 1u = 1u then v <- v * x
        v

let inline private magnitude (n: int) = if n < 0 then 0u - uint32 n else uint32 n

/// pown on float: x^n, and 1 / x^-n for negative n.
let pown (x: float) (n: int) : float =
    let v = powBySquaring 1.0 x (magnitude n)
    if n >= 0 then v else 1.0 / v

/// pown on float32.
let pownf (x: float32) (n: int) : float32 =
    let v = powBySquaring 1.0f x (magnitude n)
    if n >= 0 then v else 1.0f / v

// pown on the integer types: wrapping products, and 1 / x^-n (integer division) for negative n
let pownInt8 (x: sbyte) (n: int) : sbyte = let v = powBySquaring 1y x (magnitude n) in if n >= 0 then v else 1y / v
let pownUInt8 (x: byte) (n: int) : byte = let v = powBySquaring 1uy x (magnitude n) in if n >= 0 then v else 1uy / v
let pownInt16 (x: int16) (n: int) : int16 = let v = powBySquaring 1s x (magnitude n) in if n >= 0 then v else 1s / v
let pownUInt16 (x: uint16) (n: int) : uint16 = let v = powBySquaring 1us x (magnitude n) in if n >= 0 then v else 1us / v
let pownInt32 (x: int) (n: int) : int = let v = powBySquaring 1 x (magnitude n) in if n >= 0 then v else 1 / v
let pownUInt32 (x: uint32) (n: int) : uint32 = let v = powBySquaring 1u x (magnitude n) in if n >= 0 then v else 1u / v
let pownInt64 (x: int64) (n: int) : int64 = let v = powBySquaring 1L x (magnitude n) in if n >= 0 then v else 1L / v
let pownUInt64 (x: uint64) (n: int) : uint64 = let v = powBySquaring 1UL x (magnitude n) in if n >= 0 then v else 1UL / v
let pownNativeInt (x: nativeint) (n: int) : nativeint = let v = powBySquaring 1n x (magnitude n) in if n >= 0 then v else 1n / v
let pownUNativeInt (x: unativeint) (n: int) : unativeint =
    let v = powBySquaring 1un x (magnitude n)
    if n >= 0 then v else 1un / v

// ------------------------------------------------------------------------------------------ float32

// FSharp.Core computes these through the float functions: the widened argument is exact and the
// float result is within 1 ulp of float, so one rounding gives float32's result within 0.5 ulp + 2^-29.
let sinf (x: float32) : float32 = float32 (sin (float x))
let cosf (x: float32) : float32 = float32 (cos (float x))
let tanf (x: float32) : float32 = float32 (tan (float x))
let asinf (x: float32) : float32 = float32 (asin (float x))
let acosf (x: float32) : float32 = float32 (acos (float x))
let atanf (x: float32) : float32 = float32 (atan (float x))
let atan2f (y: float32) (x: float32) : float32 = float32 (atan2 (float y) (float x))
let sinhf (x: float32) : float32 = float32 (sinh (float x))
let coshf (x: float32) : float32 = float32 (cosh (float x))
let tanhf (x: float32) : float32 = float32 (tanh (float x))
let expf (x: float32) : float32 = float32 (exp (float x))
let logf (x: float32) : float32 = float32 (log (float x))
let log10f (x: float32) : float32 = float32 (log10 (float x))
let powf (x: float32) (y: float32) : float32 = float32 (pow (float x) (float y))
