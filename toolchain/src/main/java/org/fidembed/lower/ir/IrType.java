// The types of LLVM IR that lowering uses, with their size and alignment under the 32-bit embedded
// ABIs (AAPCS and RISC-V ilp32 agree on these). toString() is the type's IR spelling.
package org.fidembed.lower.ir;

import java.util.List;

public sealed interface IrType {
    Int I1 = new Int(1);
    Int I8 = new Int(8);
    Int I16 = new Int(16);
    Int I32 = new Int(32);
    Int I64 = new Int(64);
    Ptr PTR = new Ptr();
    Float FLOAT = new Float();
    Double DOUBLE = new Double();
    Void VOID = new Void();
    /** The empty struct: F#'s unit. */
    Struct UNIT = new Struct(List.of());

    /** Size in bytes. */
    int size();

    /** Alignment in bytes. */
    int align();

    static Struct struct(IrType... fields) { return new Struct(List.of(fields)); }

    static Int intOfBytes(int bytes) { return new Int(bytes * 8); }

    record Int(int bits) implements IrType {
        public int size() { return bits <= 8 ? 1 : bits / 8; }
        public int align() { return size(); }
        @Override public String toString() { return "i" + bits; }
    }

    record Ptr() implements IrType {
        public int size() { return 4; }
        public int align() { return 4; }
        @Override public String toString() { return "ptr"; }
    }

    record Float() implements IrType {
        public int size() { return 4; }
        public int align() { return 4; }
        @Override public String toString() { return "float"; }
    }

    record Double() implements IrType {
        public int size() { return 8; }
        public int align() { return 8; }
        @Override public String toString() { return "double"; }
    }

    record Void() implements IrType {
        public int size() { throw new IllegalStateException("void has no size"); }
        public int align() { throw new IllegalStateException("void has no alignment"); }
        @Override public String toString() { return "void"; }
    }

    /** A literal struct type: fields laid out in order, each at its alignment. */
    record Struct(List<IrType> fields) implements IrType {
        public Struct { fields = List.copyOf(fields); }

        public IrType field(int i) { return fields.get(i); }

        /** The byte offset of field i. */
        public int offset(int i) {
            int off = 0;
            for (int k = 0; k <= i; k++) {
                int a = fields.get(k).align();
                off = (off + a - 1) / a * a;
                if (k < i) off += fields.get(k).size();
            }
            return off;
        }

        public int size() {
            int off = 0, al = 1;
            for (IrType f : fields) {
                int a = f.align();
                off = (off + a - 1) / a * a + f.size();
                al = Math.max(al, a);
            }
            return (off + al - 1) / al * al;
        }

        public int align() {
            int al = 1;
            for (IrType f : fields) al = Math.max(al, f.align());
            return al;
        }

        @Override public String toString() {
            if (fields.isEmpty()) return "{}";
            StringBuilder sb = new StringBuilder("{ ");
            for (int i = 0; i < fields.size(); i++) sb.append(i > 0 ? ", " : "").append(fields.get(i));
            return sb.append(" }").toString();
        }
    }

    record Array(long count, IrType elem) implements IrType {
        public int size() { return Math.toIntExact(count * elem.size()); }
        public int align() { return elem.align(); }
        @Override public String toString() { return "[" + count + " x " + elem + "]"; }
    }

    /** A function type (for declarations). */
    record Function(IrType result, List<IrType> params) implements IrType {
        public Function { params = List.copyOf(params); }
        public int size() { throw new IllegalStateException("a function type has no size"); }
        public int align() { throw new IllegalStateException("a function type has no alignment"); }
        @Override public String toString() {
            StringBuilder sb = new StringBuilder().append(result).append(" (");
            for (int i = 0; i < params.size(); i++) sb.append(i > 0 ? ", " : "").append(params.get(i));
            return sb.append(')').toString();
        }
    }
}
