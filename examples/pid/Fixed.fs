/// Q16.16 fixed point in an int: 16 integer bits and 16 fraction bits, products in int64.
module Fixed

[<Literal>]
let FracBits = 16

let one = 1 <<< FracBits

let ofInt (n: int) = n <<< FracBits

/// n / d as a fixed-point number, e.g. ofRatio 1 4 = 0.25.
let ofRatio (n: int) (d: int) = int ((int64 n <<< FracBits) / int64 d)

let mul (a: int) (b: int) = int ((int64 a * int64 b) >>> FracBits)

let clamp (lo: int) (hi: int) (x: int) = if x < lo then lo elif x > hi then hi else x

/// Prints x with two decimals, rounded to nearest, right-aligned in width characters: " -1.25".
let print (width: int) (x: int) =
    let sign = if x < 0 then "-" else ""
    let hundredths = int ((int64 (abs x) * 100L + int64 (one / 2)) >>> FracBits)
    let whole = hundredths / 100
    let mutable digits = 1
    let mutable rest = whole
    while rest >= 10 do
        rest <- rest / 10
        digits <- digits + 1
    for _ in sign.Length + digits + 3 .. width - 1 do
        printf " "
    printf "%s%d.%02d" sign whole (hundredths % 100)
