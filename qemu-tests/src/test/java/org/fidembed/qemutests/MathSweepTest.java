// The prelude's elementary functions (Fid.Math) under QEMU against Java's StrictMath: the firmware of
// test resource math/MathSweep.fs prints each call's inputs and result as bits; each line is checked
// here (MathOracle) and the maximum error per function is written to target/mathsweep/BOARD.txt.
// Bounds: 2 ulps for float, 1 ulp for float32, exact special values, pown bit for bit as FSharp.Core.
// mvn verify sweeps 1,000 generated inputs per function (plus the special values); the full sweep:
//   mvn -B -o -pl qemu-tests -am test -Dtest=MathSweepTest -Dsurefire.failIfNoSpecifiedTests=false \
//       -Dmathsweep.count=100000 [-Dmathsweep.boards=lm3s6965evb,riscv32-virt,netduinoplus2,mps2-an500]
package org.fidembed.qemutests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MathSweepTest {
    static final int COUNT = Integer.getInteger("mathsweep.count", 1000);
    static final Path SOURCE = Firmware.repo().resolve("qemu-tests/src/test/resources/math/MathSweep.fs");

    static List<String> boards() {
        return List.of(System.getProperty("mathsweep.boards", "lm3s6965evb,riscv32-virt,netduinoplus2,mps2-an500").split(","));
    }

    /** The largest error of one function and the call that made it. */
    static final class Worst {
        int calls;
        double ulps = -1;
        String line = "";

        void add(double e, String l) {
            calls++;
            if (e > ulps) {
                ulps = e;
                line = l;
            }
        }
    }

    @ParameterizedTest(name = "Fid.Math on {0}")
    @MethodSource("boards")
    void everyFunctionIsWithinItsBoundOfStrictMath(String board) throws IOException {
        Path work = Files.createTempDirectory("mathsweep-" + board + "-");
        try {
            Path src = work.resolve("MathSweep.fs");
            Files.writeString(src, Files.readString(SOURCE).replace("let Count = 300", "let Count = " + COUNT));
            // some 32 * COUNT calls, about 10,000 a second under QEMU on an idle machine: ten times that allowed
            Firmware.Outcome o = Firmware.buildAndRun(src, board, work.resolve("out"), 60 + COUNT / 30.0, null);
            assertEquals(0, o.buildExit(), o.buildErrors());
            assertEquals(0, o.exitCode(), () -> (o.timedOut() ? "timed out" : "exit code") + " on " + board + ": " + tail(o.text()));
            Map<String, Worst> worst = check(o.text());
            String report = report(board, worst);
            Path out = Path.of("target", "mathsweep");
            Files.createDirectories(out);
            Files.writeString(out.resolve(board + ".txt"), report);
            System.out.print(report);
            assertTrue(worst.containsKey("end"), "the output stops early on " + board + ": " + tail(o.text()));
            List<String> over = new ArrayList<>();
            for (var e : worst.entrySet()) {
                double bound = e.getKey().startsWith("pown") ? 0 : e.getKey().endsWith("f") ? 1.0 : 2.0;
                if (e.getValue().ulps > bound) over.add(e.getKey() + " " + e.getValue().ulps + " ulp at " + e.getValue().line);
            }
            assertTrue(over.isEmpty(), () -> "over the bound on " + board + ":\n" + String.join("\n", over));
        } finally {
            SuiteCase.deleteTree(work);
        }
    }

    /** Every line under every "@name", checked against the reference. */
    static Map<String, Worst> check(String text) {
        Map<String, Worst> worst = new LinkedHashMap<>();
        Worst current = null;
        String name = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("@")) {
                name = line.substring(1);
                current = worst.computeIfAbsent(name, k -> new Worst());
                continue;
            }
            if (current == null) continue;
            String[] f = line.trim().split(" ");
            long[] b = new long[f.length];
            for (int i = 0; i < f.length; i++) b[i] = Long.parseUnsignedLong(f[i], 16);
            current.add(error(name, b), line);
        }
        return worst;
    }

    /**
     * The error of one call: ulps for float, fractional float32 ulps for float32 (whose inputs and
     * results come widened to float), 0 or SPECIAL for pown.
     */
    static double error(String name, long[] b) {
        switch (name) {
            case "pown": return exact(MathOracle.pownDouble(d(b[0]), (int) b[1]), d(b[2]));
            case "pownf": return exact(MathOracle.pownFloat((float) d(b[0]), (int) b[1]), d(b[2]));
            case "pownInt32": return MathOracle.pownInt((int) b[0], (int) b[1]) == (int) b[2] ? 0 : MathOracle.SPECIAL;
            case "pownInt64": return MathOracle.pownLong(b[0], (int) b[1]) == b[2] ? 0 : MathOracle.SPECIAL;
            default: break;
        }
        boolean single = name.endsWith("f");
        String fn = single ? name.substring(0, name.length() - 1) : name;
        double ref = b.length == 3 ? MathOracle.BINARY.get(fn).applyAsDouble(d(b[0]), d(b[1])) : MathOracle.UNARY.get(fn).applyAsDouble(d(b[0]));
        double r = d(b[b.length - 1]);
        return single ? MathOracle.ulps32((float) r, ref) : MathOracle.ulps(r, ref);
    }

    private static double exact(double r, double got) {
        return Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(got) || (Double.isNaN(r) && Double.isNaN(got)) ? 0 : MathOracle.SPECIAL;
    }

    private static double d(long bits) { return Double.longBitsToDouble(bits); }

    static String report(String board, Map<String, Worst> worst) {
        StringBuilder sb = new StringBuilder("Fid.Math on " + board + ": largest error per function (inputs, result as bits)\n");
        for (var e : worst.entrySet()) {
            if (e.getKey().equals("end")) continue;
            sb.append(String.format("  %-10s %7d calls  max %.4f ulp  %s%n", e.getKey(), e.getValue().calls, e.getValue().ulps, e.getValue().line));
        }
        return sb.toString();
    }

    private static String tail(String s) {
        return s.length() > 400 ? s.substring(s.length() - 400) : s;
    }
}
