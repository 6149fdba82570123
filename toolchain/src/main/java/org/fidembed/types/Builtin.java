// Operations the compiler implements itself rather than the prelude: primitive operators,
// conversions, structural comparison, printf, panics, array allocation and hardware intrinsics.
package org.fidembed.types;

public enum Builtin {
    // arithmetic and logic (also used as operator values: (+))
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), NEG("~-"),
    BAND("&&&"), BOR("|||"), BXOR("^^^"), BNOT("~~~"), SHL("<<<"), SHR(">>>"),
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="), AND("&&"), OR("||"), NOT("not"),
    COMPARE("compare"), HASH("hash"), ABS("abs"),
    // floating point
    SQRT("sqrt"), FLOOR("floor"), CEIL("ceil"), TRUNCATE("truncate"), ROUND("round"),
    NAN("nan"), INFINITY("infinity"), NANF("nanf"), INFINITYF("infinityf"),
    // elementary functions: calls of the prelude's Fid.Math, chosen by the argument's type
    SIN("sin"), COS("cos"), TAN("tan"), ASIN("asin"), ACOS("acos"), ATAN("atan"), SINH("sinh"), COSH("cosh"), TANH("tanh"),
    EXP("exp"), LOG("log"), LOG10("log10"), ATAN2("atan2"), POW("**"), POWN("pown"),
    MATH_PI("Math.PI"), MATH_E("Math.E"), MATHF_PI("MathF.PI"), MATHF_E("MathF.E"),
    // conversions
    TO_SBYTE("sbyte"), TO_BYTE("byte"), TO_INT16("int16"), TO_UINT16("uint16"), TO_INT32("int"), TO_UINT32("uint32"),
    TO_INT64("int64"), TO_UINT64("uint64"), TO_NATIVEINT("nativeint"), TO_UNATIVEINT("unativeint"), TO_CHAR("char"),
    TO_FLOAT32("float32"), TO_FLOAT("float"), TO_ENUM("enum"),
    // output and panics
    PRINTF("printf"), PRINTFN("printfn"), EPRINTF("eprintf"), EPRINTFN("eprintfn"), FAILWITHF("failwithf"),
    FAILWITH("failwith"), INVALID_ARG("invalidArg"), ASSERT("assert"),
    // arrays
    ARRAY_ZEROCREATE("Array.zeroCreate"),
    // byrefs, spans and string views (Views): reached through &x, constructors and methods, never by name
    ADDR_OF("&"), DEREF("byref read"), STORE_REF("byref write"), SPAN_OF_ARRAY("Span"), SPAN_SLICE("Slice"),
    STRING_SUBSTRING("Substring"), STRING_SLICE("string slice"), STRING_STARTS_WITH("StartsWith"), STRING_ENDS_WITH("EndsWith"),
    STRING_STARTS_WITH_CHAR("StartsWith"), STRING_ENDS_WITH_CHAR("EndsWith"),
    STRING_CONTAINS("Contains"), STRING_CONTAINS_CHAR("Contains"), STRING_INDEX_OF("IndexOf"), STRING_INDEX_OF_CHAR("IndexOf"),
    // Fid.Hardware
    MMIO_READ8("Mmio.read8"), MMIO_READ16("Mmio.read16"), MMIO_READ32("Mmio.read32"),
    MMIO_WRITE8("Mmio.write8"), MMIO_WRITE16("Mmio.write16"), MMIO_WRITE32("Mmio.write32"),
    CPU_NOP("Cpu.nop"), CPU_WFI("Cpu.wfi"), CPU_DISABLE_IRQ("Cpu.disableInterrupts"), CPU_ENABLE_IRQ("Cpu.enableInterrupts"),
    CPU_CYCLES("Cpu.cycles"),
    // Fid.Intrinsics (for the prelude only)
    EXIT("Intrinsics.exit"), FLOAT_BITS("Intrinsics.floatBits"), FLOAT_OF_BITS("Intrinsics.floatOfBits"),
    FLOAT32_BITS("Intrinsics.float32Bits"), FLOAT32_OF_BITS("Intrinsics.float32OfBits"),
    STRING_IS_WIDE("Intrinsics.stringIsWide"), STRING_BYTE("Intrinsics.stringByte"), STRING_CHAR("Intrinsics.stringChar"),
    UNREACHABLE("Intrinsics.unreachable"), STACK_HIGH_WATER("Intrinsics.stackHighWater"),
    ADDRESS_OF_ARRAY("Intrinsics.addressOfArray"), ZERO("Intrinsics.zero"), OF_INT("Intrinsics.ofInt"),
    LOAD8("Intrinsics.load8"), LOAD16("Intrinsics.load16"), LOAD32("Intrinsics.load32"),
    STORE8("Intrinsics.store8"), STORE16("Intrinsics.store16"), STORE32("Intrinsics.store32"),
    CSR_READ("Intrinsics.csrRead"), CSR_WRITE("Intrinsics.csrWrite"), CSR_SET("Intrinsics.csrSet"), CSR_CLEAR("Intrinsics.csrClear");

    public final String fsName;
    Builtin(String n) { this.fsName = n; }

    /** The elementary functions that Fid.Math implements for float (this name) and float32 (this name + f). */
    public boolean isMath() { return ordinal() >= SIN.ordinal() && ordinal() <= POW.ordinal(); }

    /** The Fid.Math function of an elementary function (pow for **). */
    public String mathName() { return this == POW ? "pow" : fsName; }
}
