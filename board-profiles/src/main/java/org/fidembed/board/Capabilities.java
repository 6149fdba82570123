// What a core can do, as composed data ([capabilities] of a core profile, overridable key by key by a
// chip, a board or a project): FPU precision, DSP, the M-profile vector extension, atomics, the ARMv8-M
// stack limit register and fault names. Code generation follows it: it becomes LLVM features and passes.
package org.fidembed.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * @param fpu         the floating point unit: none, single precision (float32 in hardware, double in
 *                    software) or double precision (F#'s float too)
 * @param dsp         the DSP extension (ARMv7E-M and later: saturating and SIMD-within-a-register ops)
 * @param mve         the M-profile vector extension (Helium, ARMv8.1-M): none, integer, or integer and float
 * @param atomics     exclusive or atomic instructions (LDREX/STREX, the RISC-V A extension)
 * @param stackLimit  ARMv8-M: the MSPLIM register; start-up sets it to the stack's bottom, so an overflow is a
 *                    precise UsageFault (STKOF) before the push that would cross it
 * @param faultNames  the crash report names the set bits of the fault status register (CFSR)
 */
public record Capabilities(Fpu fpu, boolean dsp, Mve mve, boolean atomics, boolean stackLimit, boolean faultNames) {

    public enum Fpu {
        NONE("none"), SINGLE("single"), DOUBLE("double");

        private final String id;

        Fpu(String id) { this.id = id; }

        public String id() { return id; }
    }

    public enum Mve {
        NONE("none"), INTEGER("integer"), FLOAT("float");

        private final String id;

        Mve(String id) { this.id = id; }

        public String id() { return id; }
    }

    public Capabilities {
        Objects.requireNonNull(fpu, "fpu");
        Objects.requireNonNull(mve, "mve");
        if (mve == Mve.FLOAT && fpu == Fpu.NONE) throw new IllegalArgumentException("MVE with float needs an FPU");
    }

    /** Whether LLVM's loop and SLP vectorisers run: only with vector registers to fill. */
    public boolean vectorize() { return mve != Mve.NONE; }

    /** The LLVM target features these capabilities stand for, added after the core's own list. */
    public List<String> llvmFeatures(Arch arch) {
        List<String> f = new ArrayList<>();
        switch (arch) {
            case CORTEX_M -> {
                f.add(switch (fpu) { case NONE -> "-fpregs"; case SINGLE -> "-fp64"; case DOUBLE -> "+fp64"; });
                f.add(dsp ? "+dsp" : "-dsp");
                switch (mve) {
                    case NONE -> f.add("-mve");
                    case INTEGER -> { f.add("+mve"); f.add("-mve.fp"); }
                    case FLOAT -> f.add("+mve.fp");
                }
            }
            case RISCV32 -> f.add(atomics ? "+a" : "-a");
        }
        return f;
    }

    /** One line for humans: {@code FPU double, DSP, MVE float, atomics, MSPLIM}. */
    public String summary() {
        List<String> s = new ArrayList<>();
        s.add(fpu == Fpu.NONE ? "no FPU" : "FPU " + fpu.id());
        if (dsp) s.add("DSP");
        if (mve != Mve.NONE) s.add("MVE " + mve.id());
        s.add(atomics ? "atomics" : "no atomics");
        if (stackLimit) s.add("MSPLIM");
        return String.join(", ", s);
    }
}
