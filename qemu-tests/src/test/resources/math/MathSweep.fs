/// Firmware of MathSweepTest: every function of Fid.Math on a table of special values and on Count
/// generated inputs (xorshift64: random bit patterns, uniform values over the useful range, and
/// log-uniform values), one line per call with the inputs and the result as hexadecimal bits, under
/// a line "@name" per function. The test replaces Count; the Java side recomputes every line.
module MathSweep

open Fid.Intrinsics

[<Literal>]
let Count = 300

let mutable private state = 0x9E3779B97F4A7C15UL

let private next () =
    let mutable s = state
    s <- s ^^^ (s <<< 13)
    s <- s ^^^ (s >>> 7)
    s <- s ^^^ (s <<< 17)
    state <- s
    s

/// Special values and the thresholds of the algorithms' branches; each is also used negated.
let private specials =
    [| 0.0; 1.0; 0.5; 2.0; 3.0; 10.0; infinity; nan; 5e-324; 2.2250738585072009e-308; 2.2250738585072014e-308
       1.7976931348623157e308; 1e-300; 1e300; 0.7853981633974483; 1.5707963267948966; 3.141592653589793
       2.356194490192345; 4.71238898038469; 6.283185307179586; 1e22; 5.319372648326541e255; 1e6; 1647099.3291652855
       22.0; 709.782712893384; 709.7827128933841; 710.4758600739439; 745.1332191019411; 745.1332191019412; 0.34657359027997264
       1.0397207708399179; 3.725290298461914e-09; 5.551115123125783e-17; 0.975; 0.4375; 0.6875; 1.1875; 2.4375
       7.378697629483821e19; 38.816242111356935; 0.3; 0.78125; 1.0000001; 0.9999999; 88.72283935546875; 103.97208
       3.4028234663852886e38; 1.401298464324817e-45; 1.1754943508222875e-38 |]

/// Exponents y for pow and pown's special table: integers odd and even, halves, huge, infinite.
let private exponents =
    [| 0.0; 0.5; 1.0; 2.0; 3.0; 1.0 / 3.0; 1024.0; 1074.0; 1075.0; 2147483649.0; 9007199254740992.0
       9007199254740994.0; 1e300; infinity; nan; 0.25; 7.0; 30.5 |]

let private printLine (xs: uint64) (r: uint64) = printfn "%016x %016x" xs r
let private printLine2 (x: uint64) (y: uint64) (r: uint64) = printfn "%016x %016x %016x" x y r

/// The i-th generated input: a bit pattern, a uniform value in [lo, hi], or a value of either sign
/// with a binary exponent in [eLo, eHi].
let private input (i: int) (lo: float) (hi: float) (eLo: int) (eHi: int) : float =
    let r = next ()
    match i % 3 with
    | 0 -> floatOfBits r
    | 1 -> lo + (hi - lo) * (float (r >>> 11) * 1.1102230246251565e-16)
    | _ ->
        let e = eLo + int (r >>> 53) % (eHi - eLo + 1)
        floatOfBits ((r &&& 0x800FFFFFFFFFFFFFUL) ||| (uint64 (e + 1023) <<< 52))

let private input32 (i: int) (lo: float) (hi: float) (eLo: int) (eHi: int) : float32 =
    if i % 3 = 0 then float32OfBits (uint32 (next () >>> 32)) else float32 (input i lo hi eLo eHi)

let private sweep (name: string) (f: float -> float) (lo: float) (hi: float) (eLo: int) (eHi: int) =
    printfn "@%s" name
    for s in specials do
        printLine (floatBits s) (floatBits (f s))
        printLine (floatBits (-s)) (floatBits (f (-s)))
    for i in 1 .. Count do
        let x = input i lo hi eLo eHi
        printLine (floatBits x) (floatBits (f x))

let private sweep32 (name: string) (f: float32 -> float32) (lo: float) (hi: float) (eLo: int) (eHi: int) =
    printfn "@%s" name
    for s in specials do
        let x = float32 s
        printLine (uint64 (float32Bits x)) (uint64 (float32Bits (f x)))
        printLine (uint64 (float32Bits (-x))) (uint64 (float32Bits (f (-x))))
    for i in 1 .. Count do
        let x = input32 i lo hi eLo eHi
        printLine (uint64 (float32Bits x)) (uint64 (float32Bits (f x)))

/// atan2 y x and pow x y: every pair of specials (and specials with exponents), then generated pairs.
let private sweep2 (name: string) (f: float -> float -> float) (second: float[]) (lo: float) (hi: float) (eLo: int) (eHi: int) =
    printfn "@%s" name
    for a in specials do
        for b in second do
            for sg in 0 .. 3 do
                let x = if sg &&& 1 = 0 then a else -a
                let y = if sg &&& 2 = 0 then b else -b
                printLine2 (floatBits x) (floatBits y) (floatBits (f x y))
    for i in 1 .. Count do
        let x = input i lo hi eLo eHi
        let y = input (i + 1) (lo - hi) hi (eLo / 4) (eHi / 4)
        printLine2 (floatBits x) (floatBits y) (floatBits (f x y))

let private sweep2f (name: string) (f: float32 -> float32 -> float32) (second: float[]) (lo: float) (hi: float) (eLo: int) (eHi: int) =
    printfn "@%s" name
    for a in specials do
        for b in second do
            for sg in 0 .. 3 do
                let x = float32 (if sg &&& 1 = 0 then a else -a)
                let y = float32 (if sg &&& 2 = 0 then b else -b)
                printLine2 (uint64 (float32Bits x)) (uint64 (float32Bits y)) (uint64 (float32Bits (f x y)))
    for i in 1 .. Count do
        let x = input32 i lo hi eLo eHi
        let y = input32 (i + 1) (lo - hi) hi (eLo / 4) (eHi / 4)
        printLine2 (uint64 (float32Bits x)) (uint64 (float32Bits y)) (uint64 (float32Bits (f x y)))

/// pown on float, float32, int and int64, with exponents from -40 to 40 and the extremes.
let private sweepPown () =
    printfn "@pown"
    for i in 1 .. Count do
        let x = input i -3.0 3.0 -40 40
        let n = if i % 50 = 0 then -2147483648 elif i % 50 = 1 then 2147483647 else int (next () >>> 58) - 32
        printLine2 (floatBits x) (uint64 (uint32 n)) (floatBits (Fid.Math.pown x n))
    printfn "@pownf"
    for i in 1 .. Count do
        let x = input32 i -3.0 3.0 -20 20
        let n = int (next () >>> 59) - 16
        printLine2 (uint64 (float32Bits x)) (uint64 (uint32 n)) (uint64 (float32Bits (Fid.Math.pownf x n)))
    printfn "@pownInt32"
    for i in 1 .. Count do
        let x = int (next () >>> 61) - 4
        let n = int (next () >>> 58) - 16
        // a negative exponent divides 1 by x^-n, which must not wrap to 0: x odd then
        let x = if n < 0 then x ||| 1 else x
        printLine2 (uint64 (uint32 x)) (uint64 (uint32 n)) (uint64 (uint32 (Fid.Math.pownInt32 x n)))
    printfn "@pownInt64"
    for i in 1 .. Count do
        let x = int64 (next () >>> 60) - 8L
        let n = int (next () >>> 58) - 8
        let x = if n < 0 then x ||| 1L else x
        printLine2 (uint64 x) (uint64 (uint32 n)) (uint64 (Fid.Math.pownInt64 x n))

[<EntryPoint>]
let main _ =
    sweep "sin" Fid.Math.sin -10.0 10.0 -30 60
    sweep "cos" Fid.Math.cos -10.0 10.0 -30 60
    sweep "tan" Fid.Math.tan -10.0 10.0 -30 60
    sweep "asin" Fid.Math.asin -1.0 1.0 -60 0
    sweep "acos" Fid.Math.acos -1.0 1.0 -60 0
    sweep "atan" Fid.Math.atan -10.0 10.0 -60 70
    sweep "sinh" Fid.Math.sinh -30.0 30.0 -60 10
    sweep "cosh" Fid.Math.cosh -30.0 30.0 -60 10
    sweep "tanh" Fid.Math.tanh -30.0 30.0 -60 10
    sweep "exp" Fid.Math.exp -745.0 710.0 -60 10
    sweep "log" Fid.Math.log 0.0 100.0 -1022 1023
    sweep "log10" Fid.Math.log10 0.0 100.0 -1022 1023
    sweep2 "atan2" Fid.Math.atan2 specials -10.0 10.0 -60 60
    sweep2 "pow" Fid.Math.pow exponents 0.0 4.0 -40 40
    sweep32 "sinf" Fid.Math.sinf -10.0 10.0 -30 60
    sweep32 "cosf" Fid.Math.cosf -10.0 10.0 -30 60
    sweep32 "tanf" Fid.Math.tanf -10.0 10.0 -30 60
    sweep32 "asinf" Fid.Math.asinf -1.0 1.0 -60 0
    sweep32 "acosf" Fid.Math.acosf -1.0 1.0 -60 0
    sweep32 "atanf" Fid.Math.atanf -10.0 10.0 -60 70
    sweep32 "sinhf" Fid.Math.sinhf -30.0 30.0 -60 7
    sweep32 "coshf" Fid.Math.coshf -30.0 30.0 -60 7
    sweep32 "tanhf" Fid.Math.tanhf -30.0 30.0 -60 7
    sweep32 "expf" Fid.Math.expf -104.0 89.0 -60 7
    sweep32 "logf" Fid.Math.logf 0.0 100.0 -126 127
    sweep32 "log10f" Fid.Math.log10f 0.0 100.0 -126 127
    sweep2f "atan2f" Fid.Math.atan2f specials -10.0 10.0 -60 60
    sweep2f "powf" Fid.Math.powf exponents 0.0 4.0 -20 20
    sweepPown ()
    printfn "@end"
    0
