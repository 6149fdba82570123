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

let private printLine (x: float) (r: float) = printfn "%016x %016x" (floatBits x) (floatBits r)
let private printLine2 (x: float) (y: float) (r: float) = printfn "%016x %016x %016x" (floatBits x) (floatBits y) (floatBits r)

/// The i-th generated input: a bit pattern, a uniform value in [lo, hi], or a value of either sign
/// with a binary exponent in [eLo, eHi]; for float32 (single), rounded to float32.
let private input (single: bool) (i: int) (lo: float) (hi: float) (eLo: int) (eHi: int) : float =
    let r = next ()
    let x =
        match i % 3 with
        | 0 -> if single then float (float32OfBits (uint32 (r >>> 32))) else floatOfBits r
        | 1 -> lo + (hi - lo) * (float (r >>> 11) * 1.1102230246251565e-16)
        | _ ->
            let e = eLo + int (r >>> 53) % (eHi - eLo + 1)
            floatOfBits ((r &&& 0x800FFFFFFFFFFFFFUL) ||| (uint64 (e + 1023) <<< 52))
    if single then float (float32 x) else x

// The float32 functions run through these as float -> float: their float32 inputs and results
// widened exactly, so one line format serves both (the Java side knows a float32 name by its f).

let private sweep (name: string) (single: bool) (f: float -> float) (lo: float) (hi: float) (eLo: int) (eHi: int) =
    printfn "@%s" name
    for s in specials do
        let x = if single then float (float32 s) else s
        printLine x (f x)
        printLine (-x) (f (-x))
    for i in 1 .. Count do
        let x = input single i lo hi eLo eHi
        printLine x (f x)

/// atan2 y x and pow x y: every pair of specials (and specials with exponents), then generated pairs.
let private sweep2 (name: string) (single: bool) (f: float -> float -> float) (second: float[]) (lo: float) (hi: float)
                   (eLo: int) (eHi: int) =
    printfn "@%s" name
    for a in specials do
        for b in second do
            for sg in 0 .. 3 do
                let x = if sg &&& 1 = 0 then a else -a
                let y = if sg &&& 2 = 0 then b else -b
                let x = if single then float (float32 x) else x
                let y = if single then float (float32 y) else y
                printLine2 x y (f x y)
    for i in 1 .. Count do
        let x = input single i lo hi eLo eHi
        let y = input single (i + 1) (lo - hi) hi (eLo / 4) (eHi / 4)
        printLine2 x y (f x y)

/// pown on float, float32, int and int64, with exponents from -40 to 40 and the extremes.
let private sweepPown () =
    printfn "@pown"
    for i in 1 .. Count do
        let x = input false i -3.0 3.0 -40 40
        let n = if i % 50 = 0 then -2147483648 elif i % 50 = 1 then 2147483647 else int (next () >>> 58) - 32
        printfn "%016x %016x %016x" (floatBits x) (uint32 n) (floatBits (Fid.Math.pown x n))
    printfn "@pownf"
    for i in 1 .. Count do
        let x = float32 (input true i -3.0 3.0 -20 20)
        let n = int (next () >>> 59) - 16
        printfn "%016x %016x %016x" (floatBits (float x)) (uint32 n) (floatBits (float (Fid.Math.pownf x n)))
    printfn "@pownInt32"
    for i in 1 .. Count do
        let x = int (next () >>> 61) - 4
        let n = int (next () >>> 58) - 16
        // a negative exponent divides 1 by x^-n, which must not wrap to 0: x odd then
        let x = if n < 0 then x ||| 1 else x
        printfn "%016x %016x %016x" (uint32 x) (uint32 n) (uint32 (Fid.Math.pownInt32 x n))
    printfn "@pownInt64"
    for i in 1 .. Count do
        let x = int64 (next () >>> 60) - 8L
        let n = int (next () >>> 58) - 8
        let x = if n < 0 then x ||| 1L else x
        printfn "%016x %016x %016x" x (uint32 n) (Fid.Math.pownInt64 x n)

[<EntryPoint>]
let main _ =
    sweep "sin" false Fid.Math.sin -10.0 10.0 -30 60
    sweep "cos" false Fid.Math.cos -10.0 10.0 -30 60
    sweep "tan" false Fid.Math.tan -10.0 10.0 -30 60
    sweep "asin" false Fid.Math.asin -1.0 1.0 -60 0
    sweep "acos" false Fid.Math.acos -1.0 1.0 -60 0
    sweep "atan" false Fid.Math.atan -10.0 10.0 -60 70
    sweep "sinh" false Fid.Math.sinh -30.0 30.0 -60 10
    sweep "cosh" false Fid.Math.cosh -30.0 30.0 -60 10
    sweep "tanh" false Fid.Math.tanh -30.0 30.0 -60 10
    sweep "exp" false Fid.Math.exp -745.0 710.0 -60 10
    sweep "log" false Fid.Math.log 0.0 100.0 -1022 1023
    sweep "log10" false Fid.Math.log10 0.0 100.0 -1022 1023
    sweep2 "atan2" false Fid.Math.atan2 specials -10.0 10.0 -60 60
    sweep2 "pow" false Fid.Math.pow exponents 0.0 4.0 -40 40
    sweep "sinf" true (fun x -> float (Fid.Math.sinf (float32 x))) -10.0 10.0 -30 60
    sweep "cosf" true (fun x -> float (Fid.Math.cosf (float32 x))) -10.0 10.0 -30 60
    sweep "tanf" true (fun x -> float (Fid.Math.tanf (float32 x))) -10.0 10.0 -30 60
    sweep "asinf" true (fun x -> float (Fid.Math.asinf (float32 x))) -1.0 1.0 -60 0
    sweep "acosf" true (fun x -> float (Fid.Math.acosf (float32 x))) -1.0 1.0 -60 0
    sweep "atanf" true (fun x -> float (Fid.Math.atanf (float32 x))) -10.0 10.0 -60 70
    sweep "sinhf" true (fun x -> float (Fid.Math.sinhf (float32 x))) -30.0 30.0 -60 7
    sweep "coshf" true (fun x -> float (Fid.Math.coshf (float32 x))) -30.0 30.0 -60 7
    sweep "tanhf" true (fun x -> float (Fid.Math.tanhf (float32 x))) -30.0 30.0 -60 7
    sweep "expf" true (fun x -> float (Fid.Math.expf (float32 x))) -104.0 89.0 -60 7
    sweep "logf" true (fun x -> float (Fid.Math.logf (float32 x))) 0.0 100.0 -126 127
    sweep "log10f" true (fun x -> float (Fid.Math.log10f (float32 x))) 0.0 100.0 -126 127
    sweep2 "atan2f" true (fun x y -> float (Fid.Math.atan2f (float32 x) (float32 y))) specials -10.0 10.0 -60 60
    sweep2 "powf" true (fun x y -> float (Fid.Math.powf (float32 x) (float32 y))) exponents 0.0 4.0 -20 20
    sweepPown ()
    printfn "@end"
    0
