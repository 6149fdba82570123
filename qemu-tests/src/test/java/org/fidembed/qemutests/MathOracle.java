// The reference side of MathSweepTest: what each Fid.Math function must return (Java's StrictMath,
// which is fdlibm, with .NET's special cases of pow; FSharp.Core's pown, written here as FSharp.Core
// writes it), and the error of a result against it in ulps.
package org.fidembed.qemutests;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

final class MathOracle {
    private MathOracle() { }

    /** An error that no ulp bound accepts: a NaN, infinity or zero sign where the reference has another. */
    static final double SPECIAL = Double.POSITIVE_INFINITY;

    static final Map<String, DoubleUnaryOperator> UNARY = Map.ofEntries(
            Map.entry("sin", StrictMath::sin), Map.entry("cos", StrictMath::cos), Map.entry("tan", StrictMath::tan),
            Map.entry("asin", StrictMath::asin), Map.entry("acos", StrictMath::acos), Map.entry("atan", StrictMath::atan),
            Map.entry("sinh", StrictMath::sinh), Map.entry("cosh", StrictMath::cosh), Map.entry("tanh", StrictMath::tanh),
            Map.entry("exp", StrictMath::exp), Map.entry("log", StrictMath::log), Map.entry("log10", StrictMath::log10));

    static final Map<String, DoubleBinaryOperator> BINARY = Map.of("atan2", StrictMath::atan2, "pow", MathOracle::dotnetPow);

    /** Math.Pow of .NET (IEEE 754-2008): 1 ** y and (-1) ** ±infinity are 1, where Java says NaN. */
    static double dotnetPow(double x, double y) {
        if (x == 1.0 || y == 0.0 || (Double.isInfinite(y) && Math.abs(x) == 1.0)) return 1.0;
        return StrictMath.pow(x, y);
    }

    /** Distance in ulps between a float result and the float reference (both finite and equal sign of zero). */
    static double ulps(double r, double ref) {
        if (Double.isNaN(r) || Double.isNaN(ref)) return Double.isNaN(r) && Double.isNaN(ref) ? 0 : SPECIAL;
        if (r == ref) return Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(ref) ? 0 : SPECIAL;
        if (Double.isInfinite(r) || Double.isInfinite(ref)) return SPECIAL;
        return Math.abs((double) ordered(r) - (double) ordered(ref));
    }

    private static long ordered(double d) {
        long b = Double.doubleToRawLongBits(d);
        return b < 0 ? Long.MIN_VALUE - b : b;
    }

    /**
     * The error of a float32 result against the exact value, approximated by the float reference
     * (within 1 ulp of float, 2^-29 ulp of float32), in ulps of float32 at the reference: fractional,
     * so no rounding of the reference enters (0.5 is a correctly rounded result).
     */
    static double ulps32(float r, double ref) {
        if (Float.isNaN(r) || Double.isNaN(ref)) return Float.isNaN(r) && Double.isNaN(ref) ? 0 : SPECIAL;
        float rounded = (float) ref;
        if (r == rounded && Float.floatToRawIntBits(r) != Float.floatToRawIntBits(rounded)) return SPECIAL;
        if (Float.isInfinite(r)) return Float.isInfinite(rounded) && r == rounded ? 0 : SPECIAL;
        if (Double.isInfinite(ref)) return SPECIAL;
        int e = Math.max(Math.getExponent(ref), Float.MIN_EXPONENT);
        return Math.abs(r - ref) / Math.scalb(1.0, e - 23);
    }

    // FSharp.Core's pown: ComputePowerGenericInlined (2, 3 and 4 directly, else the square of the
    // power of n/2, times x for odd n), and 1 / x^n for n < 0; for int and int64, 2^n as a shift.

    private static <T> T power(T one, BinaryOperator<T> mul, T x, int n) {
        switch (n) {
            case 0: return one;
            case 1: return x;
            case 2: return mul.apply(x, x);
            case 3: return mul.apply(mul.apply(x, x), x);
            case 4: { T v = mul.apply(x, x); return mul.apply(v, v); }
            default: {
                T v = power(one, mul, x, n / 2);
                v = mul.apply(v, v);
                return n % 2 == 0 ? v : mul.apply(v, x);
            }
        }
    }

    static double pownDouble(double x, int n) {
        double v = power(1.0, (a, b) -> a * b, x, n);
        return n >= 0 ? v : 1.0 / v;
    }

    static float pownFloat(float x, int n) {
        float v = power(1.0f, (a, b) -> a * b, x, n);
        return n >= 0 ? v : 1.0f / v;
    }

    static int pownInt(int x, int n) {
        if (x == 2 && n >= 0 && n < 31) return 1 << n;
        int v = power(1, (a, b) -> a * b, x, n);
        return n >= 0 ? v : 1 / v;
    }

    static long pownLong(long x, int n) {
        if (x == 2L && n >= 0 && n < 63) return 1L << n;
        long v = power(1L, (a, b) -> a * b, x, n);
        return n >= 0 ? v : 1L / v;
    }
}
