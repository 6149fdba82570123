// The operations of FunctionBuilder's instructions: binary arithmetic, integer and float
// comparison predicates, and conversions, each with its IR spelling.
package org.fidembed.lower.ir;

public final class IrOp {
    private IrOp() { }

    public enum Bin {
        ADD, SUB, MUL, SDIV, UDIV, SREM, UREM, AND, OR, XOR, SHL, ASHR, LSHR, FADD, FSUB, FMUL, FDIV, FREM;

        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public enum ICmp {
        EQ, NE, SLT, SLE, SGT, SGE, ULT, ULE, UGT, UGE;

        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public enum FCmp {
        OEQ, UNE, OLT, OLE, OGT, OGE;

        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public enum Cast {
        TRUNC, ZEXT, SEXT, FPEXT, FPTRUNC, SITOFP, UITOFP, BITCAST, PTRTOINT, INTTOPTR;

        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
