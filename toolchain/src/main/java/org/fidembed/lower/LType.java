// How each monomorphic type is represented in LLVM IR, with its size and alignment under the
// 32-bit embedded ABIs (AAPCS and RISC-V ilp32 agree on these): unions are a tag followed by a
// payload area the size of the largest case, arrays and strings are (pointer, length) pairs,
// function values are (code, environment) pairs.
package org.fidembed.lower;

import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.TypeDefn;

import java.util.ArrayList;
import java.util.List;

public final class LType {
    private LType() { }

    public static final String STR = "{ ptr, i32 }";
    public static final String ARR = "{ ptr, i32 }";
    public static final String FN = "{ ptr, ptr }";
    public static final String UNIT = "{}";

    /** The LLVM type of a concrete type (no variables left). */
    public static String of(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Prim p) return prim(p.kind());
        if (t instanceof Type.Var) return UNIT;
        if (t instanceof Type.Fun) return FN;
        if (t instanceof Type.Array) return ARR;
        if (t instanceof Type.Tuple tu) {
            List<String> parts = new ArrayList<>();
            for (Type e : tu.elems()) parts.add(of(e));
            return struct(parts);
        }
        if (t instanceof Type.Named n) {
            TypeDefn d = n.def();
            switch (d.kind) {
                case ENUM: return of(d.enumUnderlying);
                case RECORD:
                    if (d.isReference()) return "ptr";
                    return struct(fieldTypes(n));
                case UNION: return unionType(n);
                default: break;
            }
        }
        throw new IllegalStateException("no LLVM type for " + Type.show(t));
    }

    public static String prim(PrimKind k) {
        return switch (k) {
            case UNIT -> UNIT;
            case BOOL -> "i1";
            case CHAR, INT16, UINT16 -> "i16";
            case SBYTE, BYTE -> "i8";
            case INT32, UINT32, NATIVEINT, UNATIVEINT -> "i32";
            case INT64, UINT64 -> "i64";
            case FLOAT32 -> "float";
            case FLOAT -> "double";
            case STRING -> STR;
        };
    }

    static String struct(List<String> parts) {
        if (parts.isEmpty()) return "{}";
        return "{ " + String.join(", ", parts) + " }";
    }

    /** The LLVM types of a record's fields, in declaration order. */
    public static List<String> fieldTypes(Type.Named n) {
        List<String> out = new ArrayList<>();
        for (TypeDefn.Field f : n.def().fields) out.add(of(Type.substParams(f.type(), n.args())));
        return out;
    }

    /** The struct type of a record stored in memory (the pointee of a reference record). */
    public static String recordStruct(Type.Named n) { return struct(fieldTypes(n)); }

    /**
     * The struct type of one union case's payload. A bool field is an i8 here (0 or 1), stored and
     * loaded through {@link #caseField}: the payload is read back as words of the union type, and
     * LLVM's SROA cannot turn an i1 store read back as a wider integer into registers (a DU with
     * a bool field stayed on the stack: Parse's state machine).
     */
    public static String caseStruct(Type.Named n, int caseIndex) {
        List<String> out = new ArrayList<>();
        for (TypeDefn.Field f : n.def().cases.get(caseIndex).fields()) out.add(caseField(of(Type.substParams(f.type(), n.args()))));
        return struct(out);
    }

    /** The memory type of a union case field of value type ty. */
    public static String caseField(String ty) { return ty.equals("i1") ? "i8" : ty; }

    public static String tagType(TypeDefn d) {
        int n = d.cases.size();
        return n <= 256 ? "i8" : n <= 65536 ? "i16" : "i32";
    }

    static String unionType(Type.Named n) {
        int maxSize = 0, maxAlign = 1;
        for (int c = 0; c < n.def().cases.size(); c++) {
            String cs = caseStruct(n, c);
            maxSize = Math.max(maxSize, size(cs));
            maxAlign = Math.max(maxAlign, align(cs));
        }
        String unit = switch (maxAlign) { case 1 -> "i8"; case 2 -> "i16"; case 4 -> "i32"; default -> "i64"; };
        int count = (maxSize + maxAlign - 1) / maxAlign;
        return "{ " + tagType(n.def()) + ", [" + count + " x " + unit + "] }";
    }

    // ------------------------------------------------------------------------------------------ layout

    /** Size in bytes of an LLVM type written by this class. */
    public static int size(String ty) {
        ty = ty.trim();
        switch (ty) {
            case "i1", "i8" -> { return 1; }
            case "i16" -> { return 2; }
            case "i32", "float", "ptr" -> { return 4; }
            case "i64", "double" -> { return 8; }
            case "{}" -> { return 0; }
            default -> { }
        }
        if (ty.startsWith("[")) {
            int x = ty.indexOf(" x ");
            int count = Integer.parseInt(ty.substring(1, x).trim());
            String elem = ty.substring(x + 3, ty.length() - 1);
            return count * size(elem);
        }
        if (ty.startsWith("{")) {
            int off = 0, al = 1;
            for (String p : splitStruct(ty)) {
                int a = align(p);
                off = (off + a - 1) / a * a;
                off += size(p);
                al = Math.max(al, a);
            }
            return (off + al - 1) / al * al;
        }
        throw new IllegalArgumentException("size of " + ty);
    }

    public static int align(String ty) {
        ty = ty.trim();
        switch (ty) {
            case "i1", "i8", "{}" -> { return 1; }
            case "i16" -> { return 2; }
            case "i32", "float", "ptr" -> { return 4; }
            case "i64", "double" -> { return 8; }
            default -> { }
        }
        if (ty.startsWith("[")) {
            int x = ty.indexOf(" x ");
            return align(ty.substring(x + 3, ty.length() - 1));
        }
        if (ty.startsWith("{")) {
            int al = 1;
            for (String p : splitStruct(ty)) al = Math.max(al, align(p));
            return al;
        }
        throw new IllegalArgumentException("align of " + ty);
    }

    /** The member types of a literal struct type "{ a, b, { c, d } }". */
    public static List<String> splitStruct(String ty) {
        List<String> out = new ArrayList<>();
        String inner = ty.trim();
        inner = inner.substring(1, inner.length() - 1).trim();
        if (inner.isEmpty()) return out;
        int depth = 0, start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '{' || c == '[' || c == '(') depth++;
            else if (c == '}' || c == ']' || c == ')') depth--;
            else if (c == ',' && depth == 0) { out.add(inner.substring(start, i).trim()); start = i + 1; }
        }
        out.add(inner.substring(start).trim());
        return out;
    }

    public static boolean isInt(String ty) { return ty.startsWith("i") && !ty.equals("i1") || ty.equals("i1"); }
    public static int intBits(String ty) { return Integer.parseInt(ty.substring(1)); }
}
