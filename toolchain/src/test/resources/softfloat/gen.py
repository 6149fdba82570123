#!/usr/bin/env python3
"""Generates the soft-float test programs (*.fs) and their expected outputs (*.out) in this folder.

The expected outputs are computed independently of fid-embed, with CPython on the host:
- binary64 arithmetic: CPython's float (the host's IEEE 754 hardware, round to nearest even);
  division by zero, fmod and sqrt special cases spelled out by IEEE 754 rules;
- binary32: every result rounded from the exact (or binary64, which is innocuous for + - * / sqrt
  since 53 >= 2*24+2) value with struct.pack('f'), i.e. the host's C float conversion;
  integer -> binary32 rounded exactly with integer arithmetic (no double rounding);
- float -> integer: truncation toward zero, saturation, NaN -> 0 (as .NET 9 and language.md §6);
- printing: decimal.Decimal of the exact binary value, quantized with ROUND_HALF_EVEN (language.md
  §11), laid out with FSharp.Core's printf padding rules (printf.fs: '+'/' ' before every number
  >= 0.0, -0.0 included; '0' pads after the sign of a negative number, in front of anything else).

Run: python3 gen.py   (deterministic: fixed seeds)
"""
import math
import os
import random
import struct
from decimal import Decimal, ROUND_HALF_EVEN, getcontext

getcontext().prec = 2000
HERE = os.path.dirname(os.path.abspath(__file__))
INF = float("inf")
NAN = float("nan")


# ------------------------------------------------------------------------------------------ binary32

def f32(x):
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return math.copysign(INF, x)


def f32_of_int(n):
    if n == 0:
        return 0.0
    s = -1 if n < 0 else 1
    a = abs(n)
    bl = a.bit_length()
    if bl <= 24:
        return float(n)
    sh = bl - 24
    q, r = divmod(a, 1 << sh)
    half = 1 << (sh - 1)
    if r > half or (r == half and q & 1):
        q += 1
    return s * float(q) * 2.0 ** sh


def bits64(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def of_bits64(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def of_bits32(b):
    return struct.unpack("<f", struct.pack("<I", b))[0]


# ------------------------------------------------------------------------------------------ IEEE ops

def div(a, b):
    if b == 0.0:
        if a == 0.0 or math.isnan(a):
            return NAN
        neg = (math.copysign(1, a) < 0) != (math.copysign(1, b) < 0)
        return -INF if neg else INF
    return a / b


def fmod(a, b):
    if math.isnan(a) or math.isnan(b) or math.isinf(a) or b == 0.0:
        return NAN
    return math.fmod(a, b)


def fsqrt(a):
    if math.isnan(a) or (a < 0):
        return NAN
    return math.sqrt(a)


def rnd(fn, x):
    if not math.isfinite(x):
        return x
    r = float(fn(x))
    return math.copysign(0.0, x) if r == 0.0 else r


def floor_(x): return rnd(math.floor, x)
def ceil_(x): return rnd(math.ceil, x)
def trunc_(x): return rnd(math.trunc, x)
def round_(x): return rnd(round, x)          # Python's round is ties-to-even


def to_int(x, bits, signed):
    if math.isnan(x):
        return 0
    lo = -(1 << (bits - 1)) if signed else 0
    hi = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1
    if math.isinf(x):
        return hi if x > 0 else lo
    return min(max(int(x), lo), hi)


# ------------------------------------------------------------------------------------------ printf

def body(x, conv, prec):
    """The text .NET gives for x (finite) in F or E format: exact value, ties to even."""
    d = Decimal(x)
    if conv in "fF":
        q = d.quantize(Decimal(1).scaleb(-prec), rounding=ROUND_HALF_EVEN)
        s = format(q, "f")
        if math.copysign(1, x) < 0 and not s.startswith("-"):
            s = "-" + s
        return s
    neg = math.copysign(1, x) < 0
    a = abs(d)
    if a == 0:
        e = 0
        q = Decimal(0).quantize(Decimal(1).scaleb(-prec))
    else:
        e = a.adjusted()
        q = a.scaleb(-e).quantize(Decimal(1).scaleb(-prec), rounding=ROUND_HALF_EVEN)
        if q >= 10:
            e += 1
            q = a.scaleb(-e).quantize(Decimal(1).scaleb(-prec), rounding=ROUND_HALF_EVEN)
    s = format(q, "f") + ("E" if conv == "E" else "e") + ("-" if e < 0 else "+") + str(abs(e)).rjust(3, "0")
    return ("-" if neg else "") + s


def fmt(spec, x):
    """One %[flags][width][.prec](f|e|E) of F#'s printf for a float x."""
    assert spec[0] == "%"
    i = 1
    flags = ""
    while spec[i] in "-0+ ":
        flags += spec[i]
        i += 1
    w = ""
    while spec[i].isdigit():
        w += spec[i]
        i += 1
    width = int(w) if w else 0
    prec = 6
    if spec[i] == ".":
        i += 1
        p = ""
        while spec[i].isdigit():
            p += spec[i]
            i += 1
        prec = min(int(p) if p else 0, 99)
    conv = spec[i]
    if math.isnan(x):
        s, number = "NaN", False
    elif math.isinf(x):
        s, number = ("Infinity" if x > 0 else "-Infinity"), False
    else:
        s, number = body(x, conv, prec), True
    positive = x >= 0.0
    prefix = "+" if "+" in flags else (" " if " " in flags else "")
    if "-" in flags:
        return (prefix + s if number and positive else s).ljust(width)
    if "0" in flags and number:
        if positive:
            return prefix + s.rjust(width - len(prefix), "0")
        return "-" + s[1:].rjust(width - 1, "0")
    if "0" in flags:
        return s.rjust(width)
    return (prefix + s if number and positive else s).rjust(width)


# ------------------------------------------------------------------------------------------ literals

def lit64(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "infinity" if x > 0 else "-infinity"
    s = repr(x)
    if "e" not in s and "." not in s and "inf" not in s:
        s += ".0"
    return s


def lit32(x):
    if math.isnan(x):
        return "nanf"
    if math.isinf(x):
        return "infinityf" if x > 0 else "-infinityf"
    s = "%.8e" % x
    assert f32(float(s)) == x
    return s + "f"


def array(name, items, ty, per_line=4):
    lines = [f"let {name} : {ty}[] =", "    [|"]
    for i in range(0, len(items), per_line):
        lines.append("        " + "; ".join(items[i:i + per_line]))
    lines.append("    |]")
    return "\n".join(lines) + "\n"


def write(name, module, decls, main_body, expected):
    with open(os.path.join(HERE, name + ".fs"), "w", newline="\n") as f:
        f.write(f"// expect-exit: 0\n// expect-output: {name}.out\n")
        f.write(f"// Generated by gen.py (expected output computed on the host with CPython; see gen.py).\n")
        f.write(f"module {module}\n\n")
        f.write(decls)
        f.write("\n[<EntryPoint>]\nlet main _ =\n")
        f.write(main_body)
        f.write("    0\n")
    with open(os.path.join(HERE, name + ".out"), "w", newline="\n") as f:
        f.write("".join(line + "\n" for line in expected))


# ------------------------------------------------------------------------------------------ values

MAXD = 1.7976931348623157e308
MIN_NORMAL = 2.2250738585072014e-308
MAX_SUB = of_bits64(0x000FFFFFFFFFFFFF)
TINY = 5e-324

SPECIAL64 = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.0, -3.0, 0.1, -0.1, 1 / 3, 0.75, 7.25, 123456.789,
             1e16, 2.0 ** 53, 2.0 ** 53 + 2, 1 + 2.0 ** -52, 1 - 2.0 ** -53, 1e308, -1e308, MAXD,
             MIN_NORMAL, MAX_SUB, TINY, -TINY, 3 * TINY, 1e-320, 3e-300, 2.0 ** -1022 * 1.5,
             INF, -INF, NAN]

MAXF = f32(3.4028234663852886e38)
SPECIAL32 = [f32(v) for v in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.0, -3.0, 0.1, -0.1, 1 / 3, 0.75, 7.25,
                              123456.789, 16777216.0, 16777218.0, 1 + 2.0 ** -23, 1 - 2.0 ** -24, 1e38,
                              -1e38, 2.0 ** -126, 2.0 ** -149, -(2.0 ** -149), 3 * 2.0 ** -149,
                              2.0 ** -126 - 2.0 ** -149, 1e-40, 1.5 * 2.0 ** -126]] + [MAXF, INF, -INF, NAN]


def rand64(r):
    k = r.randrange(7)
    s = -1.0 if r.random() < 0.5 else 1.0
    if k == 0:
        while True:
            b = r.getrandbits(64)
            if (b >> 52) & 0x7FF != 0x7FF:
                return of_bits64(b)
    if k == 1:
        return s * (1 + r.random()) * 2.0 ** r.randint(-40, 40)
    if k == 2:
        return s * float(r.getrandbits(27) | 1) * 2.0 ** r.randint(-60, 40)
    if k == 3:
        return s * of_bits64(r.getrandbits(52))
    if k == 4:
        return s * (2.0 ** r.randint(0, 60)) * (1 + r.randint(-4, 4) * 2.0 ** -52)
    if k == 5:
        e = r.choice([r.randint(1, 60), r.randint(1990, 2046)])
        return s * of_bits64((e << 52) | r.getrandbits(52))
    return s * float(r.randint(0, 1 << 20)) / 16


def near(r, a, single):
    """A value close to a (cancellation, equal magnitudes, ties)."""
    if not math.isfinite(a) or a == 0:
        return a
    if single:
        b = struct.unpack("<I", struct.pack("<f", a))[0]
        b = (b + r.randint(-3, 3)) & 0xFFFFFFFF
        v = of_bits32(b)
    else:
        b = bits64(a)
        b = (b + r.randint(-3, 3)) & 0xFFFFFFFFFFFFFFFF
        v = of_bits64(b)
    if not math.isfinite(v):
        v = a
    return -v if r.random() < 0.5 else v


def rand32(r):
    k = r.randrange(6)
    s = -1.0 if r.random() < 0.5 else 1.0
    if k == 0:
        while True:
            b = r.getrandbits(32)
            if (b >> 23) & 0xFF != 0xFF:
                return of_bits32(b)
    if k == 1:
        return f32(s * (1 + r.random()) * 2.0 ** r.randint(-20, 20))
    if k == 2:
        return s * float(r.getrandbits(12) | 1) * 2.0 ** r.randint(-30, 30)
    if k == 3:
        return s * of_bits32(r.getrandbits(23))
    if k == 4:
        e = r.choice([r.randint(1, 20), r.randint(230, 254)])
        return s * of_bits32((e << 23) | r.getrandbits(23))
    return f32(s * float(r.randint(0, 1 << 20)) / 16)


def pairs(r, gen, n, single):
    xs, ys = [], []
    for _ in range(n):
        a = gen(r)
        b = near(r, a, single) if r.random() < 0.25 else gen(r)
        xs.append(a)
        ys.append(b)
    return xs, ys


def cmpmask(a, b):
    return ((a < b) * 1) + ((a <= b) * 2) + ((a == b) * 4) + ((a > b) * 8) + ((a >= b) * 16) + ((a != b) * 32)


# ------------------------------------------------------------------------------------------ programs

ARITH_MAIN = """    for i in 0 .. xs.Length - 1 do
        let a = xs.[i]
        let b = ys.[i]
        let c = (if a < b then 1 else 0) + (if a <= b then 2 else 0) + (if a = b then 4 else 0) + (if a > b then 8 else 0) + (if a >= b then 16 else 0) + (if a <> b then 32 else 0)
        printfn "%d: {P} {P} {P} {P} {P} {P} %d" i (a + b) (a - b) (a * b) (a / b) (a % b) (sqrt a) c
"""


def gen_arith(name, module, single, seed, nrand):
    r = random.Random(seed)
    sp = SPECIAL32 if single else SPECIAL64
    xs = [a for a in sp for b in sp]
    ys = [b for a in sp for b in sp]
    rx, ry = pairs(r, rand32 if single else rand64, nrand, single)
    xs += rx
    ys += ry
    ty = "float32" if single else "float"
    lit = lit32 if single else lit64
    P = "%.9e" if single else "%.17e"
    rd = f32 if single else (lambda v: v)
    decls = array("xs", [lit(v) for v in xs], ty) + "\n" + array("ys", [lit(v) for v in ys], ty)
    exp = []
    for i, (a, b) in enumerate(zip(xs, ys)):
        vals = [rd(a + b), rd(a - b), rd(a * b), rd(div(a, b)), fmod(a, b), rd(fsqrt(a))]
        exp.append(f"{i}: " + " ".join(fmt(P, v) for v in vals) + f" {cmpmask(a, b)}")
    write(name, module, decls, ARITH_MAIN.replace("{P}", P), exp)


def gen_libm():
    r = random.Random(7)
    ds = SPECIAL64 + [0.5, -0.5, 2.5, -2.5, 3.5, 0.49999999999999994, -0.49999999999999994, 1.5, -1.5,
                      4503599627370495.5, 4503599627370497.0, -4503599627370495.5, 2.0 ** 52 + 0.5,
                      1e15 + 0.5, 0.7, -0.7, 1.3, -1.3, 123.5, 124.5, -0.25, 0.25, 0.0000001, 9.999]
    for _ in range(150):
        k = r.randrange(3)
        if k == 0:
            ds.append(rand64(r))
        elif k == 1:
            ds.append(r.uniform(-100, 100))
        else:
            ds.append(r.randint(-400, 400) / 4)
    ss = SPECIAL32 + [f32(v) for v in [0.5, -0.5, 2.5, -2.5, 3.5, 0.49999997, -0.49999997, 1.5, -1.5,
                                        8388607.5, 8388609.0, -8388607.5, 0.7, -0.7, 123.5, 124.5, -0.25]]
    for _ in range(100):
        k = r.randrange(3)
        if k == 0:
            ss.append(rand32(r))
        elif k == 1:
            ss.append(f32(r.uniform(-100, 100)))
        else:
            ss.append(r.randint(-400, 400) / 4)
    decls = array("ds", [lit64(v) for v in ds], "float") + "\n" + array("ss", [lit32(v) for v in ss], "float32")
    main = """    for i in 0 .. ds.Length - 1 do
        let x = ds.[i]
        printfn "d%d: %.17e %.17e %.17e %.17e %.17e" i (sqrt x) (floor x) (ceil x) (truncate x) (round x)
    for i in 0 .. ss.Length - 1 do
        let x = ss.[i]
        printfn "s%d: %.9e %.9e %.9e %.9e %.9e" i (sqrt x) (floor x) (ceil x) (truncate x) (round x)
"""
    exp = []
    for i, x in enumerate(ds):
        exp.append(f"d{i}: " + " ".join(fmt("%.17e", v) for v in [fsqrt(x), floor_(x), ceil_(x), trunc_(x), round_(x)]))
    for i, x in enumerate(ss):
        exp.append(f"s{i}: " + " ".join(fmt("%.9e", v) for v in [f32(fsqrt(x)), floor_(x), ceil_(x), trunc_(x), round_(x)]))
    write("sf-libm", "SoftFloatLibm", decls, main, exp)


def gen_convert():
    r = random.Random(11)
    edges = [0.0, -0.0, 0.9, -0.9, 1.0, -1.0, 1.5, -1.5, 127.9, 128.0, -128.9, -129.0, 255.9, 256.0,
             32767.5, 32768.0, -32768.9, -32769.0, 65535.9, 65536.0,
             2147483647.0, 2147483647.9, 2147483648.0, -2147483648.0, -2147483648.9, -2147483649.0,
             4294967295.0, 4294967295.5, 4294967296.0, 9007199254740993.0, 2.0 ** 63, -(2.0 ** 63),
             2.0 ** 63 - 1024, 2.0 ** 64, 2.0 ** 64 - 2048, -(2.0 ** 64), 1e300, -1e300, TINY, -TINY,
             0.49999999999999994, 3.99, -3.99, INF, -INF, NAN]
    ds = edges + [rand64(r) for _ in range(60)] + [r.uniform(-3e9, 5e9) for _ in range(40)] + \
        [r.uniform(-2e19, 2e19) for _ in range(40)]
    ss = [f32(v) for v in edges] + [rand32(r) for _ in range(40)] + [f32(r.uniform(-3e9, 5e9)) for _ in range(30)]
    ints = [0, 1, -1, 2, 16777215, 16777216, 16777217, 16777219, -16777217, 2147483647, -2147483648,
            123456789, -987654321] + [r.randint(-2 ** 31, 2 ** 31 - 1) for _ in range(30)]
    uints = [0, 1, 4294967295, 2147483648, 16777217, 33554435] + [r.getrandbits(32) for _ in range(20)]
    longs = [0, 1, -1, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 3, -(2 ** 53 + 1), 2 ** 63 - 1, -(2 ** 63),
             2 ** 54 + 2, 2 ** 54 + 6, 9007199254740993, 4611686018427387903, 16777217, 16777219,
             (2 ** 24 + 1) << 30, ((2 ** 24 + 1) << 30) + 1] + \
        [r.randint(-2 ** 63, 2 ** 63 - 1) >> r.randint(0, 62) for _ in range(40)]
    ulongs = [0, 1, 2 ** 64 - 1, 2 ** 63, 2 ** 64 - 1024, 2 ** 64 - 1025, 2 ** 53 + 1, 2 ** 63 + 2 ** 11] + \
        [r.getrandbits(64) >> r.randint(0, 63) for _ in range(30)]
    decls = (array("ds", [lit64(v) for v in ds], "float") + "\n" + array("ss", [lit32(v) for v in ss], "float32") + "\n" +
             array("ints", [str(v) for v in ints], "int") + "\n" + array("uints", [f"{v}u" for v in uints], "uint32") + "\n" +
             array("longs", [("-9223372036854775808L" if v == -(2 ** 63) else f"{v}L") for v in longs], "int64") + "\n" +
             array("ulongs", [f"{v}UL" for v in ulongs], "uint64"))
    main = """    for i in 0 .. ds.Length - 1 do
        let x = ds.[i]
        printfn "d%d: %d %d %d %d %d %d %d %d %.9e" i (sbyte x) (byte x) (int16 x) (uint16 x) (int x) (uint32 x) (int64 x) (uint64 x) (float32 x)
    for i in 0 .. ss.Length - 1 do
        let x = ss.[i]
        printfn "s%d: %d %d %d %d %d %d %d %d %.17e" i (sbyte x) (byte x) (int16 x) (uint16 x) (int x) (uint32 x) (int64 x) (uint64 x) (float x)
    for i in 0 .. ints.Length - 1 do
        printfn "i%d: %.17e %.9e" i (float ints.[i]) (float32 ints.[i])
    for i in 0 .. uints.Length - 1 do
        printfn "u%d: %.17e %.9e" i (float uints.[i]) (float32 uints.[i])
    for i in 0 .. longs.Length - 1 do
        printfn "l%d: %.17e %.9e" i (float longs.[i]) (float32 longs.[i])
    for i in 0 .. ulongs.Length - 1 do
        printfn "ul%d: %.17e %.9e" i (float ulongs.[i]) (float32 ulongs.[i])
"""
    exp = []

    def ints_of(x):
        return " ".join(str(to_int(x, b, s)) for b, s in [(8, True), (8, False), (16, True), (16, False),
                                                          (32, True), (32, False), (64, True), (64, False)])
    for i, x in enumerate(ds):
        exp.append(f"d{i}: {ints_of(x)} {fmt('%.9e', f32(x))}")
    for i, x in enumerate(ss):
        exp.append(f"s{i}: {ints_of(x)} {fmt('%.17e', x)}")
    for tag, vs in [("i", ints), ("u", uints), ("l", longs), ("ul", ulongs)]:
        for i, n in enumerate(vs):
            exp.append(f"{tag}{i}: {fmt('%.17e', float(n))} {fmt('%.9e', f32_of_int(n))}")
    write("sf-convert", "SoftFloatConvert", decls, main, exp)


PVALUES = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.625, 9.5, 99.5, 999.5, 0.05,
           0.1, 0.2, 0.3, 1 / 3, 2 / 3, -2 / 3, 3.14159265358979, 2.718281828459045, 1e21, 1e22, 1e23,
           9.999999999999999e22, 0.9999999999999999, 9.5e-5, 0.000123, 123456789.125, 1234567.891,
           4503599627370496.5, 9007199254740993.0, 2.0 ** -20, 2.0 ** 70, 1e300, -1e300, MAXD,
           MIN_NORMAL, MAX_SUB, TINY, -TINY, 1e-300, 6.02e23, 0.0625, 1.03125, 5e-5, 0.45, 0.55,
           8.5, 0.015625, 7.8125e-3, 99.999, 9.9999999, 0.99999999999, 1e-5, 1e15, 1e16, 1e17]


def gen_printf():
    r = random.Random(5)
    vals = PVALUES + [rand64(r) for _ in range(10)] + [r.uniform(-1000, 1000) for _ in range(10)] + \
        [float(r.randint(-1000, 1000)) / 2 ** r.randint(1, 12) for _ in range(10)]
    decls = array("vs", [lit64(v) for v in vals], "float")
    decls += "\nlet show (x: float) =\n"
    exp_lines = []
    specs = [f"%.{p}f" for p in range(21)] + [f"%.{p}e" for p in range(21)]
    # one line of %f and one of %e per value, 21 precisions each
    fline = " ".join(specs[:21])
    eline = " ".join(specs[21:])
    decls += f'    printfn "{fline}" ' + " ".join(["x"] * 21) + "\n"
    decls += f'    printfn "{eline}" ' + " ".join(["x"] * 21) + "\n"
    main = "    for i in 0 .. vs.Length - 1 do\n        printfn \"v%d\" i\n        show vs.[i]\n"
    for i, v in enumerate(vals):
        exp_lines.append(f"v{i}")
        exp_lines.append(" ".join(fmt(s, v) for s in specs[:21]))
        exp_lines.append(" ".join(fmt(s, v) for s in specs[21:]))
    write("sf-printf-prec", "SoftFloatPrintfPrec", decls, main, exp_lines)

    # widths, flags, long precisions, non-numbers, float32
    fvals = [0.0, -0.0, 1.0, -1.0, 3.14159, -3.14159, 0.5, 2.5, 1e300, -1e-300, 123456.5, 9.9999, -9.9999,
             TINY, INF, -INF, NAN]
    fspecs = ["%f", "%e", "%E", "%10.3f", "%-10.3f|", "%010.3f", "%+.3f", "% .3f", "%+010.3f", "% 010.2e",
              "%-+12.4e|", "%12E", "%+E", "%015.0f", "%-5.0f|", "%3.1f", "%1.0e", "%.99f", "%.99e", "%.120f",
              "%.0e", "%+.0f", "% 12.5E", "%-20f|", "%020e"]
    decls2 = array("vs", [lit64(v) for v in fvals], "float")
    decls2 += "\n" + array("ws", [lit32(f32(v)) for v in [0.1, 1.1, 3.14159274, 2.71828, 16777217.0, 1e38,
                                                           2.0 ** -149, 0.3, -7.5, 1e-10]], "float32")
    main2 = "    for i in 0 .. vs.Length - 1 do\n        let x = vs.[i]\n"
    exp2 = []
    for s in fspecs:
        main2 += f'        printfn "[{s}]" x\n'
    for v in fvals:
        for s in fspecs:
            exp2.append("[" + fmt(s.rstrip("|"), v) + ("|" if s.endswith("|") else "") + "]")
    wspecs = ["%f", "%.10f", "%e", "%.20e", "%.3f", "%12.4f", "%.60f", "%.8e"]
    main2 += "    for i in 0 .. ws.Length - 1 do\n        let x = ws.[i]\n"
    for s in wspecs:
        main2 += f'        printfn "[{s}]" x\n'
    for v in [0.1, 1.1, 3.14159274, 2.71828, 16777217.0, 1e38, 2.0 ** -149, 0.3, -7.5, 1e-10]:
        for s in wspecs:
            exp2.append("[" + fmt(s, f32(v)) + "]")
    write("sf-printf-flags", "SoftFloatPrintfFlags", decls2, main2, exp2)


if __name__ == "__main__":
    gen_arith("sf-arith64", "SoftFloatArith64", False, 1, 1200)
    gen_arith("sf-arith32", "SoftFloatArith32", True, 2, 1200)
    gen_libm()
    gen_convert()
    gen_printf()
