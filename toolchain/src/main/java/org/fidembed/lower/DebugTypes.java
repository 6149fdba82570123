// The debugger's view of F# types, as DWARF type nodes that follow the data layout of LType:
// integers of each width, bool, char, floats, records and tuples as structures, unions as a tag
// enumeration and a union of case structures, arrays, spans and strings as (data, length), byrefs as
// pointers, units erased.
package org.fidembed.lower;

import org.fidembed.lower.ir.DebugInfo;
import org.fidembed.lower.ir.IrType;
import org.fidembed.types.Type;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.TypeDefn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class DebugTypes {
    private final DebugInfo d;
    private final Map<String, Integer> made = new HashMap<>();

    DebugTypes(DebugInfo d) { this.d = d; }

    /** The type node of a concrete type, or -1 for a type with no bits (unit). */
    int of(Type t) {
        t = Type.resolve(t);
        IrType ir = LType.of(t);
        if (ir instanceof IrType.Struct s && s.fields().isEmpty()) return -1;
        String key = key(t);
        Integer known = made.get(key);
        if (known != null) return known;
        int node = make(t, ir, key);
        made.put(key, node);
        return node;
    }

    private int make(Type t, IrType ir, String key) {
        if (t instanceof Type.Prim p) return prim(p.kind());
        if (t instanceof Type.Array a) return dataAndLength(key, of(a.elem()));
        if (t instanceof Type.Fun) return structure(key, (IrType.Struct) ir, List.of("code", "env"), List.of(voidPtr(), voidPtr()));
        if (t instanceof Type.Tuple tu) {
            List<String> names = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 0; i < tu.elems().size(); i++) { names.add("Item" + (i + 1)); types.add(of(tu.elems().get(i))); }
            return structure(Type.show(t), (IrType.Struct) ir, names, types);
        }
        Type.Named n = (Type.Named) t;
        TypeDefn def = n.def();
        return switch (def.kind) {
            case ENUM -> enumeration(def.name, of(def.enumUnderlying), LType.of(def.enumUnderlying).size(), def.enumValues);
            case RECORD -> def.isReference() ? pointer(record(n, key + "@")) : record(n, key);
            case UNION -> union(n, (IrType.Struct) ir, key);
            case MEASURE -> basic("unit", 8, "DW_ATE_unsigned");
            // byref, inref, outref<'T>: a pointer to the 'T; Span, ReadOnlySpan<'T>: laid out as an array
            case BYREF -> pointer(of(n.args().get(0)));
            case SPAN -> dataAndLength(key, of(n.args().get(0)));
        };
    }

    private static String key(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Named n) {
            StringBuilder sb = new StringBuilder(n.def().qualifiedName).append('<');
            for (Type a : n.args()) sb.append(key(a)).append(',');
            return sb.append('>').toString();
        }
        return Type.show(t);
    }

    private int prim(PrimKind k) {
        return switch (k) {
            case UNIT -> basic("unit", 8, "DW_ATE_unsigned");
            case BOOL -> basic("bool", 8, "DW_ATE_boolean");
            case CHAR -> basic("char", 16, "DW_ATE_UTF");
            case SBYTE -> basic("sbyte", 8, "DW_ATE_signed");
            case BYTE -> basic("byte", 8, "DW_ATE_unsigned");
            case INT16 -> basic("int16", 16, "DW_ATE_signed");
            case UINT16 -> basic("uint16", 16, "DW_ATE_unsigned");
            case INT32 -> basic("int", 32, "DW_ATE_signed");
            case UINT32 -> basic("uint32", 32, "DW_ATE_unsigned");
            case NATIVEINT -> basic("nativeint", 32, "DW_ATE_signed");
            case UNATIVEINT -> basic("unativeint", 32, "DW_ATE_unsigned");
            case INT64 -> basic("int64", 64, "DW_ATE_signed");
            case UINT64 -> basic("uint64", 64, "DW_ATE_unsigned");
            case FLOAT32 -> basic("float32", 32, "DW_ATE_float");
            case FLOAT -> basic("float", 64, "DW_ATE_float");
            case STRING -> dataAndLength("string", basic("byte", 8, "DW_ATE_unsigned_char"));
        };
    }

    /** An array of n elements in place (static storage of known length); -1 for elements with no bits. */
    int fixedArray(Type elem, int n) {
        int e = of(elem);
        if (e < 0) return -1;
        IrType et = LType.of(Type.resolve(elem));
        return d.node("!DICompositeType(tag: DW_TAG_array_type, baseType: " + DebugInfo.ref(e) + ", size: " + (long) n * et.size() * 8
                + ", elements: !{!DISubrange(count: " + n + ")})");
    }

    private int basic(String name, int bits, String encoding) {
        return d.node("!DIBasicType(name: " + DebugInfo.str(name) + ", size: " + bits + ", encoding: " + encoding + ")");
    }

    private int pointer(int base) {
        return d.node("!DIDerivedType(tag: DW_TAG_pointer_type, baseType: " + DebugInfo.ref(base) + ", size: 32)");
    }

    private int voidPtr() { return d.node("!DIDerivedType(tag: DW_TAG_pointer_type, baseType: null, size: 32)"); }

    /** An array or a string: a pointer to the elements and their number. */
    private int dataAndLength(String name, int elem) {
        return structure(name, LType.ARR, List.of("data", "length"), List.of(elem < 0 ? voidPtr() : pointer(elem), prim(PrimKind.INT32)));
    }

    private int record(Type.Named n, String key) {
        Integer known = made.get(key);
        if (known != null) return known;
        int node = d.reserve();
        made.put(key, node); // a reference record may point at itself
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (TypeDefn.Field f : n.def().fields) { names.add(f.name()); types.add(of(Type.substParams(f.type(), n.args()))); }
        d.define(node, structureText(n.def().name, LType.recordStruct(n), names, types));
        return node;
    }

    /** A union: its tag (an enumeration of the case names) and, when a case has fields, a union of the cases' fields. */
    private int union(Type.Named n, IrType.Struct layout, String key) {
        TypeDefn def = n.def();
        IrType tagType = layout.field(0);
        List<TypeDefn.EnumValue> tags = new ArrayList<>();
        for (TypeDefn.Case c : def.cases) tags.add(new TypeDefn.EnumValue(c.name(), (long) c.index(), c.loc()));
        int tag = enumeration(def.name + ".Tag", basic("tag", tagType.size() * 8, "DW_ATE_unsigned"), tagType.size(), tags);
        IrType payload = layout.field(1);
        if (payload.size() == 0) return structure(Type.show(n), layout, List.of("Tag"), List.of(tag));
        StringBuilder cases = new StringBuilder();
        for (TypeDefn.Case c : def.cases) {
            IrType.Struct cs = LType.caseStruct(n, c.index());
            if (c.fields().isEmpty()) continue;
            List<String> names = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (TypeDefn.Field f : c.fields()) { names.add(f.name()); types.add(of(Type.substParams(f.type(), n.args()))); }
            int caseType = structure(def.name + "." + c.name(), cs, names, types);
            cases.append(cases.length() > 0 ? ", " : "").append(DebugInfo.ref(member(c.name(), caseType, 0, cs.size())));
        }
        int u = d.node("!DICompositeType(tag: DW_TAG_union_type, name: " + DebugInfo.str(def.name + ".Cases") + ", size: "
                + payload.size() * 8 + ", elements: !{" + cases + "})");
        return structure(Type.show(n), layout, List.of("Tag", "Case"), List.of(tag, u));
    }

    private int enumeration(String name, int base, int bytes, List<TypeDefn.EnumValue> values) {
        StringBuilder el = new StringBuilder();
        for (TypeDefn.EnumValue v : values) {
            long x = v.value() instanceof Number num ? num.longValue() : v.value() instanceof Character c ? c : 0;
            el.append(el.length() > 0 ? ", " : "").append("!DIEnumerator(name: ").append(DebugInfo.str(v.name())).append(", value: ").append(x).append(')');
        }
        return d.node("!DICompositeType(tag: DW_TAG_enumeration_type, name: " + DebugInfo.str(name) + ", baseType: " + DebugInfo.ref(base)
                + ", size: " + bytes * 8 + ", elements: !{" + el + "})");
    }

    private int structure(String name, IrType.Struct layout, List<String> names, List<Integer> types) {
        return d.node(structureText(name, layout, names, types));
    }

    /** A structure of the given layout; fields whose type has no bits (-1) are left out. */
    private String structureText(String name, IrType.Struct layout, List<String> names, List<Integer> types) {
        StringBuilder el = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (types.get(i) < 0) continue;
            int m = member(names.get(i), types.get(i), layout.offset(i), layout.field(i).size());
            el.append(el.length() > 0 ? ", " : "").append(DebugInfo.ref(m));
        }
        return "!DICompositeType(tag: DW_TAG_structure_type, name: " + DebugInfo.str(name) + ", size: " + layout.size() * 8
                + ", align: " + layout.align() * 8 + ", elements: !{" + el + "})";
    }

    private int member(String name, int type, int offset, int size) {
        return d.node("!DIDerivedType(tag: DW_TAG_member, name: " + DebugInfo.str(name) + ", baseType: " + DebugInfo.ref(type)
                + ", size: " + size * 8 + ", offset: " + offset * 8 + ")");
    }
}
