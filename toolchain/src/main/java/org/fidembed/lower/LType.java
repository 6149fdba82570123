// How each monomorphic type is represented in IR (the data layout): unions are a tag followed by a
// payload area the size of the largest case, arrays and strings are (pointer, length) pairs,
// function values are (code, environment) pairs. Also: the types of an instance made concrete.
package org.fidembed.lower;

import org.fidembed.lower.ir.IrType;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.TypeDefn;

import java.util.ArrayList;
import java.util.List;

final class LType {
    private LType() { }

    static final IrType.Struct STR = IrType.struct(IrType.PTR, IrType.I32);
    static final IrType.Struct ARR = STR;
    static final IrType.Struct FN = IrType.struct(IrType.PTR, IrType.PTR);
    static final IrType.Struct UNIT = IrType.UNIT;

    /** The IR type of a concrete type (no variables left). */
    static IrType of(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Prim p) return prim(p.kind());
        if (t instanceof Type.Var) return UNIT;
        if (t instanceof Type.Fun) return FN;
        if (t instanceof Type.Array) return ARR;
        if (t instanceof Type.Tuple tu) {
            List<IrType> parts = new ArrayList<>();
            for (Type e : tu.elems()) parts.add(of(e));
            return new IrType.Struct(parts);
        }
        if (t instanceof Type.Named n) {
            TypeDefn d = n.def();
            switch (d.kind) {
                case ENUM: return of(d.enumUnderlying);
                case RECORD: return d.isReference() ? IrType.PTR : recordStruct(n);
                case UNION: return unionType(n);
                case BYREF: return IrType.PTR;
                case SPAN: return ARR;
                default: break;
            }
        }
        throw new IllegalStateException("no IR type for " + Type.show(t));
    }

    static IrType prim(PrimKind k) {
        return switch (k) {
            case UNIT -> UNIT;
            case BOOL -> IrType.I1;
            case CHAR, INT16, UINT16 -> IrType.I16;
            case SBYTE, BYTE -> IrType.I8;
            case INT32, UINT32, NATIVEINT, UNATIVEINT -> IrType.I32;
            case INT64, UINT64 -> IrType.I64;
            case FLOAT32 -> IrType.FLOAT;
            case FLOAT -> IrType.DOUBLE;
            case STRING -> STR;
        };
    }

    /** The IR types of a record's fields, in declaration order. */
    static List<IrType> fieldTypes(Type.Named n) {
        List<IrType> out = new ArrayList<>();
        for (TypeDefn.Field f : n.def().fields) out.add(of(Type.substParams(f.type(), n.args())));
        return out;
    }

    /** The struct of a record's fields (a value record, or the object a reference record points to). */
    static IrType.Struct recordStruct(Type.Named n) { return new IrType.Struct(fieldTypes(n)); }

    /**
     * The struct type of one union case's payload. A bool field is an i8 here (0 or 1), stored and
     * loaded through {@link #caseField}: the payload is read back as words of the union type, and
     * LLVM's SROA cannot turn an i1 store read back as a wider integer into registers (a DU with
     * a bool field stayed on the stack: Parse's state machine).
     */
    static IrType.Struct caseStruct(Type.Named n, int caseIndex) {
        List<IrType> out = new ArrayList<>();
        for (TypeDefn.Field f : n.def().cases.get(caseIndex).fields()) out.add(caseField(of(Type.substParams(f.type(), n.args()))));
        return new IrType.Struct(out);
    }

    /** The memory type of a union case field of value type t. */
    static IrType caseField(IrType t) { return t.equals(IrType.I1) ? IrType.I8 : t; }

    static IrType tagType(TypeDefn d) {
        int n = d.cases.size();
        return n <= 256 ? IrType.I8 : n <= 65536 ? IrType.I16 : IrType.I32;
    }

    static IrType.Struct unionType(Type.Named n) {
        int maxSize = 0, maxAlign = 1;
        for (int c = 0; c < n.def().cases.size(); c++) {
            IrType.Struct cs = caseStruct(n, c);
            maxSize = Math.max(maxSize, cs.size());
            maxAlign = Math.max(maxAlign, cs.align());
        }
        IrType unit = switch (maxAlign) { case 1 -> IrType.I8; case 2 -> IrType.I16; case 4 -> IrType.I32; default -> IrType.I64; };
        int count = (maxSize + maxAlign - 1) / maxAlign;
        return IrType.struct(tagType(n.def()), new IrType.Array(count, unit));
    }

    static int intBits(IrType t) { return ((IrType.Int) t).bits(); }

    // ------------------------------------------------------------------------------------------ types of an instance

    /** A type of the instance being compiled made concrete by its substitution. */
    static Type conc(Type t, Env env) { return Type.resolve(Type.substVars(t, env.subst())); }

    /** The IR type of a type of the instance being compiled. */
    static IrType of(Type t, Env env) { return of(conc(t, env)); }

    static boolean isFun(Type t) { return Type.prune(t) instanceof Type.Fun; }

    /** The primitive kind of a type (an enum's underlying one), or null. */
    static PrimKind primOf(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Prim p) return p.kind();
        if (t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.ENUM) return primOf(n.def().enumUnderlying);
        return null;
    }

    static boolean isFloat(Type t) {
        PrimKind k = primOf(t);
        return k == PrimKind.FLOAT || k == PrimKind.FLOAT32;
    }

    /** The flattened parameter types of a concrete function type; result[0] receives its result. */
    static List<Type> funParams(Type t, Type[] result) {
        List<Type> ps = new ArrayList<>();
        t = Type.prune(t);
        while (t instanceof Type.Fun f) { ps.add(Type.prune(f.arg())); t = Type.prune(f.result()); }
        result[0] = t;
        return ps;
    }
}
