// printf's %.Nf and %.Ne of float and float32 under QEMU against a reference computed here with
// BigDecimal on the exact binary value: generated exact ties (odd multiples of 2^-(N+1) for %f, integers
// ending in 5 for %e), their neighbours one ulp away, runs of nines that carry, and random values. A tie
// goes to the even digit, as .NET Core 3.0 and later format with a precision (F# 6 runs on .NET 6 or later).
package org.fidembed.qemutests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class PrintfRoundingTest {
    /** The rule for an exact tie; .NET's formatting (Number.Dragon4: "round towards the even digit"). */
    static final RoundingMode TIES = RoundingMode.HALF_EVEN;
    static final int[] FIXED = {0, 1, 2, 3, 4, 6, 9};
    static final int[] EXPONENT = {0, 1, 2, 3, 5, 8};

    /** %.pf of the exact value of x (x finite, and not rounding to a negative zero). */
    static String fixed(double x, int p) {
        return new BigDecimal(x).setScale(p, TIES).toPlainString();
    }

    /** %.pe as .NET writes it: d.ddd, 'e', the sign, at least three exponent digits. */
    static String exponent(double x, int p) {
        BigDecimal a = new BigDecimal(x).abs();
        String sign = x < 0 ? "-" : "";
        if (a.signum() == 0) return sign + BigDecimal.ZERO.setScale(p).toPlainString() + "e+000";
        BigDecimal r = a.round(new MathContext(p + 1, TIES));
        int e = r.precision() - r.scale() - 1;
        String m = r.movePointLeft(e).setScale(p, RoundingMode.UNNECESSARY).toPlainString();
        return sign + m + "e" + (e < 0 ? "-" : "+") + String.format("%03d", Math.abs(e));
    }

    /** Whether x is exactly halfway at precision p of %f: the digits after the p-th are a 5 alone. */
    static boolean fixedTie(double x, int p) {
        BigDecimal rest = new BigDecimal(x).abs().movePointRight(p);
        return rest.subtract(new BigDecimal(rest.toBigInteger())).compareTo(new BigDecimal("0.5")) == 0;
    }

    static List<Double> values(boolean single, Random rnd) {
        Set<Double> out = new LinkedHashSet<>();
        for (int p = 0; p <= 9; p++) {
            for (int n = 0; n < (single ? 3 : 6); n++) {
                long odd = 2L * rnd.nextInt(single ? 1 << 8 : 1 << 20) + 1;
                double tie = odd / Math.pow(2, p + 1) + rnd.nextInt(single ? 64 : 1000);
                out.add(tie);
                if (n % 2 == 0) out.add(-tie);
                if (n == 1) { out.add(single ? (double) Math.nextUp((float) tie) : Math.nextUp(tie)); out.add(single ? (double) Math.nextDown((float) tie) : Math.nextDown(tie)); }
            }
        }
        for (int n = 0; n < (single ? 8 : 16); n++) {
            long m = (rnd.nextInt(single ? 1000 : 1_000_000) * 10L + 5) * (long) Math.pow(10, rnd.nextInt(single ? 2 : 6));
            out.add((double) m);
        }
        for (double c : new double[]{9.5, 99.5, 999999.5, 0.5, 1.5, 2.5, 9.75, 0.125, 0.375, 7.25, 123456789.125, 0.0625, 2.675, 1.005}) out.add(c);
        for (int n = 0; n < (single ? 10 : 24); n++) out.add(Math.scalb(1 + rnd.nextDouble(), rnd.nextInt(60) - 20));
        Set<Double> list = new LinkedHashSet<>();
        for (double v : out) {
            double w = single ? (double) (float) v : v;
            // a negative value that rounds to zero prints "-0"; F# does too, but that is not what this tests
            if (w > 0 || w <= -1) list.add(w);
        }
        return new ArrayList<>(list);
    }

    static String literal(double x, boolean single) {
        String s = new BigDecimal(x).toPlainString();
        if (!s.contains(".")) s += ".0";
        return single ? s + "f" : s;
    }

    static String program(List<Double> doubles, List<Double> singles) {
        StringBuilder sb = new StringBuilder("module PrintfRounding\n\n");
        for (boolean single : new boolean[]{false, true}) {
            sb.append("let ").append(single ? "singles" : "doubles").append(" =\n    [|\n");
            for (double x : single ? singles : doubles) sb.append("        ").append(literal(x, single)).append(";\n");
            sb.append("    |]\n\n");
        }
        StringBuilder f = new StringBuilder(), e = new StringBuilder(), args = new StringBuilder();
        for (int p : FIXED) { f.append(f.length() == 0 ? "" : " ").append("%.").append(p).append('f'); args.append(" x"); }
        StringBuilder eargs = new StringBuilder();
        for (int p : EXPONENT) { e.append(e.length() == 0 ? "" : " ").append("%.").append(p).append('e'); eargs.append(" x"); }
        sb.append("[<EntryPoint>]\nlet main _ =\n");
        for (String arr : List.of("doubles", "singles")) {
            sb.append("    for x in ").append(arr).append(" do\n");
            sb.append("        printfn \"").append(f).append("\"").append(args).append('\n');
            sb.append("        printfn \"").append(e).append("\"").append(eargs).append('\n');
        }
        return sb.append("    0\n").toString();
    }

    static List<String> expected(List<Double> values) {
        List<String> out = new ArrayList<>();
        for (double x : values) {
            List<String> f = new ArrayList<>(), e = new ArrayList<>();
            for (int p : FIXED) f.add(fixed(x, p));
            for (int p : EXPONENT) e.add(exponent(x, p));
            out.add(String.join(" ", f));
            out.add(String.join(" ", e));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lm3s6965evb", "microbit", "riscv32-virt", "netduinoplus2"})
    void roundsTheExactValueWithTiesToEven(String board) throws IOException {
        Random rnd = new Random(20261207);
        List<Double> doubles = values(false, rnd), singles = values(true, rnd);
        int ties = 0;
        for (List<Double> l : List.of(doubles, singles)) for (double x : l) for (int p : FIXED) if (fixedTie(x, p)) ties++;
        assertTrue(ties >= 100, "the generated values hold only " + ties + " ties of %f");
        Path work = Files.createTempDirectory("printf-round-" + board + "-");
        try {
            Path src = work.resolve("PrintfRounding.fs");
            Files.writeString(src, program(doubles, singles));
            Firmware.Outcome o = Firmware.buildAndRun(src, board, work.resolve("out"), 120, null);
            assertEquals(0, o.buildExit(), () -> o.buildErrors());
            List<String> want = new ArrayList<>(expected(doubles));
            want.addAll(expected(singles));
            List<String> got = o.text().lines().toList();
            assertEquals(0, o.exitCode(), "exit code; reproduce: " + o.command());
            assertEquals(want.size(), got.size(), "lines printed");
            List<Double> all = new ArrayList<>(doubles);
            all.addAll(singles);
            for (int i = 0; i < want.size(); i++) {
                int line = i;
                assertEquals(want.get(i), got.get(i), () -> "value " + new BigDecimal(all.get(line / 2)).toPlainString() + " on " + board);
            }
        } finally {
            SuiteCase.deleteTree(work);
        }
    }
}
