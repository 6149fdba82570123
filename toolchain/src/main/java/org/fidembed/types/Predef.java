// The types and names every program starts with: option, voption, Result, the primitive type
// names, built-in functions with their type schemes, and the names the subset rejects with the
// message of language.md §17.
package org.fidembed.types;

import org.fidembed.diag.Loc;
import org.fidembed.types.Type.PrimKind;
import org.fidembed.types.Type.Trait;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

public final class Predef {
    public final TypeDefn option, voption, result;
    /** Choice<'T1,'T2> to Choice<'T1,...,'T7>, what a multi-case active pattern returns: choices.get(n - 2) has n cases. */
    public final List<TypeDefn> choices = new java.util.ArrayList<>();
    public static final int MAX_CHOICES = 7;
    /** The stack-only types: byref, inref, outref<'T> (pointers) and Span, ReadOnlySpan<'T> (pointer and length). */
    public final TypeDefn byref, inref, outref, span, readOnlySpan;
    public final Map<String, Type> primNames = new HashMap<>();

    public Predef() {
        option = union("Option", "option", List.of("T"), new String[]{"None"}, new String[]{"Some"}, true);
        voption = union("ValueOption", "voption", List.of("T"), new String[]{"ValueNone"}, new String[]{"ValueSome"}, true);
        voption.struct = true;
        result = new TypeDefn(TypeDefn.Kind.UNION, "Result", "Result", List.of("T", "TError"), Loc.NONE);
        result.cases.add(new TypeDefn.Case("Ok", List.of(new TypeDefn.Field("ResultValue", new Type.Param(0, "T"), false, Loc.NONE)), Loc.NONE, 0));
        result.cases.add(new TypeDefn.Case("Error", List.of(new TypeDefn.Field("ErrorValue", new Type.Param(1, "TError"), false, Loc.NONE)), Loc.NONE, 1));
        result.struct = true;
        for (int n = 2; n <= MAX_CHOICES; n++) choices.add(choice(n));

        byref = stackOnly(TypeDefn.Kind.BYREF, "byref");
        inref = stackOnly(TypeDefn.Kind.BYREF, "inref");
        outref = stackOnly(TypeDefn.Kind.BYREF, "outref");
        span = stackOnly(TypeDefn.Kind.SPAN, "Span");
        readOnlySpan = stackOnly(TypeDefn.Kind.SPAN, "ReadOnlySpan");

        for (PrimKind k : PrimKind.values()) primNames.put(k.fsName, Type.prim(k));
        primNames.put("int32", Type.INT);
        primNames.put("int8", Type.SBYTE);
        primNames.put("uint8", Type.BYTE);
        primNames.put("double", Type.FLOAT);
        primNames.put("single", Type.FLOAT32);
        primNames.put("Int32", Type.INT);
        primNames.put("UInt32", Type.UINT32);
        primNames.put("Int64", Type.INT64);
        primNames.put("UInt64", Type.UINT64);
        primNames.put("Int16", Type.INT16);
        primNames.put("UInt16", Type.UINT16);
        primNames.put("Byte", Type.BYTE);
        primNames.put("SByte", Type.SBYTE);
        primNames.put("Double", Type.FLOAT);
        primNames.put("Single", Type.FLOAT32);
        primNames.put("Boolean", Type.BOOL);
        primNames.put("Char", Type.CHAR);
        primNames.put("String", Type.STRING);
        primNames.put("IntPtr", Type.NATIVEINT);
        primNames.put("UIntPtr", Type.UNATIVEINT);
    }

    private static TypeDefn stackOnly(TypeDefn.Kind kind, String name) {
        TypeDefn d = new TypeDefn(kind, name, name, List.of("T"), Loc.NONE);
        d.struct = true;
        return d;
    }

    /** Span or ReadOnlySpan: the stack-only types built from an array like an object, Span<int>(arr) or Span arr. */
    public static boolean isSpanName(String name) { return name.equals("Span") || name.equals("ReadOnlySpan"); }

    /** The stack-only type of this name (byref, inref, outref, Span, ReadOnlySpan), or null. */
    public TypeDefn stackOnlyByName(String name) {
        return switch (name) {
            case "byref" -> byref;
            case "inref" -> inref;
            case "outref" -> outref;
            case "Span" -> span;
            case "ReadOnlySpan" -> readOnlySpan;
            default -> null;
        };
    }

    /** Whether t is a byref, inref or outref. */
    public static boolean isByref(Type t) { return Type.prune(t) instanceof Type.Named n && n.def().kind == TypeDefn.Kind.BYREF; }

    /** Whether t is a Span or ReadOnlySpan. */
    public static boolean isSpan(Type t) { return Type.prune(t) instanceof Type.Named n && n.def().kind == TypeDefn.Kind.SPAN; }

    /** Whether t is one of the stack-only types. */
    public static boolean isStackOnly(Type t) { return Type.prune(t) instanceof Type.Named n && n.def().isStackOnly(); }

    /** Whether t holds a stack-only type inside a type that may live elsewhere (an array, a tuple, an option...). */
    public static boolean nestsStackOnly(Type t) {
        t = Type.prune(t);
        if (t instanceof Type.Array a) return isStackOnly(a.elem()) || nestsStackOnly(a.elem());
        if (t instanceof Type.Tuple tu) { for (Type e : tu.elems()) if (isStackOnly(e) || nestsStackOnly(e)) return true; return false; }
        if (t instanceof Type.Named n) { for (Type e : n.args()) if ((!n.def().isStackOnly() && isStackOnly(e)) || nestsStackOnly(e)) return true; return false; }
        if (t instanceof Type.Fun f) return nestsStackOnly(f.arg()) || nestsStackOnly(f.result());
        return false;
    }

    private TypeDefn union(String name, String display, List<String> tps, String[] nullary, String[] unary, boolean postfix) {
        TypeDefn d = new TypeDefn(TypeDefn.Kind.UNION, name, name, tps, Loc.NONE, postfix, display);
        int idx = 0;
        for (String n : nullary) d.cases.add(new TypeDefn.Case(n, List.of(), Loc.NONE, idx++));
        for (String n : unary) d.cases.add(new TypeDefn.Case(n, List.of(new TypeDefn.Field("Value", new Type.Param(0, "T"), false, Loc.NONE)), Loc.NONE, idx++));
        return d;
    }

    /** Choice<'T1,...,'Tn>: case ChoicekOfn holds a 'Tk; a stack value like every union of the language. */
    private static TypeDefn choice(int n) {
        List<String> tps = new java.util.ArrayList<>();
        for (int k = 1; k <= n; k++) tps.add("T" + k);
        TypeDefn d = new TypeDefn(TypeDefn.Kind.UNION, "Choice", "Choice`" + n, tps, Loc.NONE);
        for (int k = 0; k < n; k++) {
            TypeDefn.Field f = new TypeDefn.Field("Item", new Type.Param(k, "T" + (k + 1)), false, Loc.NONE);
            d.cases.add(new TypeDefn.Case("Choice" + (k + 1) + "Of" + n, List.of(f), Loc.NONE, k));
        }
        d.struct = true;
        return d;
    }

    /** Choice with n type arguments, or null when there is none. */
    public TypeDefn choice(String name, int arity) {
        return name.equals("Choice") && arity >= 2 && arity <= MAX_CHOICES ? choices.get(arity - 2) : null;
    }

    /** Type names with a type argument: int option, Result<int, E>. */
    public TypeDefn genericByName(String name) {
        return switch (name) {
            case "option", "Option" -> option;
            case "voption", "ValueOption" -> voption;
            case "Result" -> result;
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------------------ builtins

    /** Builtin values visible without qualification, by F# name. */
    public static final Map<String, Builtin> GLOBAL_BUILTINS = new HashMap<>();
    /** Builtins reached through a module path: "Array.zeroCreate", "Mmio.read32", ... */
    public static final Map<String, Builtin> QUALIFIED_BUILTINS = new HashMap<>();
    /** Operator symbols implemented by the compiler. */
    public static final Map<String, Builtin> OPERATORS = new HashMap<>();

    static {
        for (Builtin b : List.of(Builtin.COMPARE, Builtin.HASH, Builtin.ABS, Builtin.SQRT, Builtin.FLOOR, Builtin.CEIL,
                Builtin.TRUNCATE, Builtin.ROUND, Builtin.NAN, Builtin.INFINITY, Builtin.NANF, Builtin.INFINITYF,
                Builtin.TO_SBYTE, Builtin.TO_BYTE, Builtin.TO_INT16, Builtin.TO_UINT16, Builtin.TO_INT32, Builtin.TO_UINT32,
                Builtin.TO_INT64, Builtin.TO_UINT64, Builtin.TO_NATIVEINT, Builtin.TO_UNATIVEINT, Builtin.TO_CHAR,
                Builtin.TO_FLOAT32, Builtin.TO_FLOAT, Builtin.TO_ENUM, Builtin.PRINTF, Builtin.PRINTFN, Builtin.EPRINTF,
                Builtin.EPRINTFN, Builtin.FAILWITHF, Builtin.FAILWITH, Builtin.INVALID_ARG, Builtin.ASSERT, Builtin.NOT,
                Builtin.SIN, Builtin.COS, Builtin.TAN, Builtin.ASIN, Builtin.ACOS, Builtin.ATAN, Builtin.SINH, Builtin.COSH,
                Builtin.TANH, Builtin.EXP, Builtin.LOG, Builtin.LOG10, Builtin.ATAN2, Builtin.POWN)) {
            GLOBAL_BUILTINS.put(b.fsName, b);
        }
        GLOBAL_BUILTINS.put("int32", Builtin.TO_INT32);
        GLOBAL_BUILTINS.put("double", Builtin.TO_FLOAT);
        GLOBAL_BUILTINS.put("single", Builtin.TO_FLOAT32);
        GLOBAL_BUILTINS.put("int8", Builtin.TO_SBYTE);
        GLOBAL_BUILTINS.put("uint8", Builtin.TO_BYTE);
        for (Builtin b : Builtin.values()) if (b.fsName.contains(".")) QUALIFIED_BUILTINS.put(b.fsName, b);
        for (Builtin b : List.of(Builtin.ADD, Builtin.SUB, Builtin.MUL, Builtin.DIV, Builtin.MOD, Builtin.BAND, Builtin.BOR,
                Builtin.BXOR, Builtin.BNOT, Builtin.SHL, Builtin.SHR, Builtin.EQ, Builtin.NE, Builtin.LT, Builtin.LE,
                Builtin.GT, Builtin.GE, Builtin.AND, Builtin.OR)) {
            OPERATORS.put(b.fsName, b);
        }
        OPERATORS.put("~-", Builtin.NEG);
        OPERATORS.put("**", Builtin.POW);
    }

    /** Names the subset rejects, with the message language.md §17 gives (checked before "not defined"). */
    public static String rejectedName(List<String> path) {
        String first = path.get(0);
        String joined = String.join(".", path);
        switch (first) {
            case "List": case "list": return "lists allocate on a heap; use a fixed-size array";
            case "Seq": case "seq": return "sequences allocate on a heap; use a for loop or the Array module";
            case "Map": case "Set": case "Dictionary": case "ResizeArray": case "HashSet": case "HashIdentity":
                return "growing collections need a heap; use a fixed-size array";
            case "sprintf": case "string": case "kprintf": case "ksprintf": case "fprintf": case "fprintfn": case "bprintf": case "String":
            case "sprintfn":
                return "building strings needs a heap; print the parts with printf";
            case "box": case "unbox": case "obj": return "boxing and casts need a heap and run-time types; use a union";
            case "raise": case "reraise": case "failwithf_": case "Failure": case "exn":
                return "exceptions are not supported; use Result";
            case "async": case "task": case "Async": case "MailboxProcessor": case "Task":
                return "asynchronous code needs a heap and a scheduler; use interrupt handlers and a main loop";
            case "typeof": case "typedefof": case "sizeof": case "nameof":
                return "%A formats by reflection; use a specific format such as %d";
            case "ref": case "incr": case "decr": return "reference cells and lazy values are heap objects; use let mutable";
            case "decimal": case "bigint": return "decimal and bigint are not supported; use an integer type or fixed point";
            case "Console": return "'" + joined + "' is not available in fid-embed; print with printf";
            case "Int32": case "Int64": case "Int16": case "UInt32": case "UInt64": case "UInt16": case "Byte": case "SByte":
            case "Double": case "Single": case "Boolean":
                if (path.size() > 1 && (path.get(1).equals("Parse") || path.get(1).equals("TryParse")))
                    return "'" + joined + "' is not available in fid-embed: parsing text is not supported";
                return path.size() > 1 ? "'" + joined + "' is not available in fid-embed" : null;
            case "System":
                if (path.size() > 1) {
                    switch (path.get(1)) {
                        case "Threading": return "asynchronous code needs a heap and a scheduler; use interrupt handlers and a main loop";
                        case "Collections": return "growing collections need a heap; use a fixed-size array";
                        case "String": case "Text": return "building strings needs a heap; print the parts with printf";
                        case "Console": return "'" + joined + "' is not available in fid-embed; print with printf";
                        default: break;
                    }
                }
                return path.size() > 1 ? "'" + joined + "' is not available in fid-embed" : null;
            default: return DOTNET_TYPES.contains(first) ? "'" + joined + "' is not available in fid-embed" : null;
        }
    }

    /** .NET types of System a program may name: what fid-embed does not provide is "not available", not "not defined". */
    private static final java.util.Set<String> DOTNET_TYPES = java.util.Set.of(
            "Char", "DateTime", "DateTimeOffset", "TimeSpan", "Random", "BitConverter", "Environment", "Convert", "Guid",
            "Buffer", "Object", "Exception", "Nullable", "Tuple", "ValueTuple", "Memory", "ReadOnlyMemory", "GC", "Activator",
            "Func", "Action", "Delegate", "Enum", "Attribute", "Uri", "Version", "Decimal", "BigInteger", "Half", "Int128",
            "UInt128", "Stopwatch", "Debug", "Trace", "File", "Path", "Directory", "Encoding", "StringBuilder", "Regex",
            "Interlocked", "Volatile", "Thread", "Monitor", "Array", "Text", "IO", "Linq", "Reflection", "Diagnostics");

    /**
     * The static members of System.Math (float) and System.MathF (float32) that fid-embed provides, by
     * name; Max and Min are the prelude's max and min (null here, resolved by the checker).
     */
    public static final Map<String, Builtin> MATH_MEMBERS = new HashMap<>();
    public static final Map<String, Builtin> MATHF_MEMBERS = new HashMap<>();

    static {
        for (Builtin b : Builtin.values()) {
            if (!b.isMath()) continue;
            String n = b == Builtin.POW ? "Pow" : Character.toUpperCase(b.fsName.charAt(0)) + b.fsName.substring(1);
            MATH_MEMBERS.put(n, b);
            MATHF_MEMBERS.put(n, b);
        }
        for (Map<String, Builtin> m : List.of(MATH_MEMBERS, MATHF_MEMBERS)) {
            m.put("Sqrt", Builtin.SQRT);
            m.put("Floor", Builtin.FLOOR);
            m.put("Ceiling", Builtin.CEIL);
            m.put("Truncate", Builtin.TRUNCATE);
            m.put("Round", Builtin.ROUND);
            m.put("Abs", Builtin.ABS);
            m.put("Max", null);
            m.put("Min", null);
        }
        MATH_MEMBERS.put("PI", Builtin.MATH_PI);
        MATH_MEMBERS.put("E", Builtin.MATH_E);
        MATHF_MEMBERS.put("PI", Builtin.MATHF_PI);
        MATHF_MEMBERS.put("E", Builtin.MATHF_E);
    }

    /**
     * The error for a function of a library module (Array, Option, ...) that fid-embed leaves out, with
     * what to use instead where there is something: an Array function whose result's length depends on
     * the elements cannot have a place in a stack frame.
     */
    public static String unavailableInLibrary(String module, String name) {
        String what = "'" + module + "." + name + "' is not available in fid-embed";
        if (!module.equals("Array")) return what;
        return switch (name) {
            case "filter", "where", "choose", "partition", "distinct", "distinctBy", "except", "takeWhile", "skipWhile" ->
                    what + ": the length of its result depends on the elements; fill an array of fixed size and keep a count (a for loop, or Array.fold)";
            case "collect", "concat", "unfold" ->
                    what + ": the length of its result is known only at run time; copy into an array of fixed size with Array.blit and keep a count";
            case "windowed", "chunkBySize", "splitInto", "transpose", "insertManyAt", "removeManyAt" ->
                    what + ": the lengths of its result are known only at run time; use Array.sub with constant bounds, or indices into the array";
            case "groupBy", "countBy" -> what + ": growing collections need a heap; count into an array of fixed size indexed by the key";
            case "ofList", "toList" -> what + ": lists allocate on a heap; use a fixed-size array";
            case "ofSeq", "toSeq" -> what + ": sequences allocate on a heap; use a for loop or the Array module";
            case "empty" -> what + "; use [||]";
            case "Parallel" -> what + ": parallel code needs threads and a heap; use the sequential Array functions";
            default -> what;
        };
    }

    /** Min/max constants: System.Int32.MaxValue and friends. */
    public static Object limit(PrimKind k, boolean max) {
        return switch (k) {
            case SBYTE -> max ? 127L : -128L;
            case BYTE -> max ? 255L : 0L;
            case INT16 -> max ? 32767L : -32768L;
            case UINT16 -> max ? 65535L : 0L;
            case INT32, NATIVEINT -> max ? (long) Integer.MAX_VALUE : (long) Integer.MIN_VALUE;
            case UINT32, UNATIVEINT -> max ? 0xFFFFFFFFL : 0L;
            case INT64 -> max ? Long.MAX_VALUE : Long.MIN_VALUE;
            case UINT64 -> max ? -1L : 0L;
            case CHAR -> max ? 0xFFFFL : 0L;
            case FLOAT -> max ? Double.MAX_VALUE : -Double.MAX_VALUE;
            case FLOAT32 -> max ? (double) Float.MAX_VALUE : (double) -Float.MAX_VALUE;
            default -> null;
        };
    }

    /** Whether t satisfies a trait; unknown (variable) types are checked later. */
    /**
     * Whether a type has what a member constraint asks for: Zero and One on the numeric types, Length
     * on arrays and strings, or a member the record or union defines (as static, or not).
     */
    public static boolean hasMember(Type t, String name, boolean isStatic, boolean property) {
        t = Type.prune(t);
        if (t instanceof Type.Prim p && p.kind().isNumeric() && isStatic && property && (name.equals("Zero") || name.equals("One"))) return true;
        if ((t instanceof Type.Array || Type.isPrim(t, PrimKind.STRING)) && !isStatic && property && name.equals("Length")) return true;
        if (!(t instanceof Type.Named n)) return false;
        TypeDefn.Member m = n.def().members.get(name);
        return m != null && m.isStatic() == isStatic;
    }

    public static boolean satisfies(Type t, Trait tr) {
        t = Type.prune(t);
        if (t instanceof Type.Var) return true;
        if (t instanceof Type.Prim p) {
            PrimKind k = p.kind();
            return switch (tr) {
                case ADD -> k.isNumeric() || k == PrimKind.STRING || k == PrimKind.CHAR;
                case ARITH -> k.isNumeric();
                case NEG -> k.isSigned();
                case INTEGRAL -> k.isInteger();
                case EQUALITY, COMPARISON -> k != PrimKind.UNIT || true;
                case FLOATING, PRINT_FLOAT -> k.isFloat();
                case CONVERTIBLE -> k.isNumeric() || k == PrimKind.CHAR;
                case PRINT_INT -> k.isInteger();
                case RANGE -> k.isInteger() || k == PrimKind.CHAR;
            };
        }
        if (t instanceof Type.Named n && n.def().kind == TypeDefn.Kind.ENUM) {
            return switch (tr) {
                case EQUALITY, COMPARISON, CONVERTIBLE -> true;
                case INTEGRAL, RANGE -> true;
                default -> false;
            };
        }
        if (t instanceof Type.Fun || isStackOnly(t)) return false;
        if (t instanceof Type.Named n && !n.def().members.isEmpty()) {
            // the operators a record or union defines (static member (+)) serve inline functions
            var ms = n.def().members;
            switch (tr) {
                case ADD: return ms.containsKey("op_Addition");
                case ARITH: return ms.containsKey("op_Subtraction") || ms.containsKey("op_Multiply") || ms.containsKey("op_Division") || ms.containsKey("op_Modulus");
                case NEG: return ms.containsKey("op_UnaryNegation");
                default: break;
            }
        }
        return tr == Trait.EQUALITY || tr == Trait.COMPARISON;
    }

    /** The type a trait variable takes when nothing else decides it (F#'s defaulting). */
    public static Type defaultFor(EnumSet<Trait> traits) {
        if (traits.contains(Trait.FLOATING) || traits.contains(Trait.PRINT_FLOAT)) return Type.FLOAT;
        for (Trait t : traits) {
            if (t != Trait.EQUALITY && t != Trait.COMPARISON) return Type.INT;
        }
        return null;
    }

    static List<Type> freshList(int n, IntFunction<Type> f) {
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(f.apply(i));
        return out;
    }
}
