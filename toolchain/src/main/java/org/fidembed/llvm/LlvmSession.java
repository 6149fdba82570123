// The in-process LLVM back end (org.bytedeco:llvm): parses the IR text, verifies it, runs the
// optimisation pipeline for the target, and emits an object file; also collects the frame size of
// every function from LLVM's prologue/epilogue remarks, for the stack bound.
package org.fidembed.llvm;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bytedeco.llvm.global.LLVM.*;

public final class LlvmSession {
    private static boolean initialised = false;
    /** Kept reachable for as long as LLVM may call it (a collected callback would crash the JVM). */
    private static DiagnosticHandler handler;
    private static final Pattern STACK = Pattern.compile("(\\d+) stack bytes in function '?([^']+?)'?$");
    private static Map<String, Integer> frameSizes = new LinkedHashMap<>();

    /** What to compile for. */
    /** vectorize: run LLVM's loop and SLP vectorisers (a core with vector registers: MVE). */
    public record Options(String triple, String cpu, String features, String abi, boolean hardFloat, String optLevel, boolean vectorize) {
        /** Code for a core with its defaults: no extra features, the default ABI, soft float, Oz, no vectorising. */
        public static Options forCpu(String triple, String cpu) { return new Options(triple, cpu, "", "", false, "Oz", false); }

        /** With the core's features ("+fp-armv8d16sp,..."), ABI ("ilp32f") and whether floats are passed in FPU registers. */
        public Options withFloat(String features, String abi, boolean hardFloat) {
            return new Options(triple, cpu, features, abi, hardFloat, optLevel, vectorize);
        }

        /** At another optimisation level ("O0", "O2", "Oz"...). */
        public Options withOptLevel(String level) { return new Options(triple, cpu, features, abi, hardFloat, level, vectorize); }

        /** Whether loops are vectorised (cores with SIMD). */
        public Options withVectorize(boolean on) { return new Options(triple, cpu, features, abi, hardFloat, optLevel, on); }
    }

    /** The object file and the frame size of each function. */
    public record Result(byte[] object, Map<String, Integer> frameSizes, String optimizedIr) { }

    public static final class LlvmException extends RuntimeException {
        public LlvmException(String m) { super(m); }
    }

    private static final class DiagnosticHandler extends LLVMDiagnosticHandler {
        @Override public void call(LLVMDiagnosticInfoRef info, Pointer ctx) {
            BytePointer d = LLVMGetDiagInfoDescription(info);
            String s = d.getString();
            LLVMDisposeMessage(d);
            Matcher m = STACK.matcher(s.trim());
            if (m.find()) frameSizes.put(m.group(2), Integer.parseInt(m.group(1)));
        }
    }

    private static synchronized void init() {
        if (initialised) return;
        LLVMInitializeARMTargetInfo();
        LLVMInitializeARMTarget();
        LLVMInitializeARMTargetMC();
        LLVMInitializeARMAsmPrinter();
        LLVMInitializeARMAsmParser();
        LLVMInitializeRISCVTargetInfo();
        LLVMInitializeRISCVTarget();
        LLVMInitializeRISCVTargetMC();
        LLVMInitializeRISCVAsmPrinter();
        LLVMInitializeRISCVAsmParser();
        String[] args = {"fid-embed", "-pass-remarks-analysis=prologepilog"};
        PointerPointer<BytePointer> argv = new PointerPointer<>(args);
        LLVMParseCommandLineOptions(args.length, argv, (BytePointer) null);
        handler = new DiagnosticHandler();
        initialised = true;
    }

    /**
     * Marks every function nounwind: nothing unwinds (a panic stops the program), so no function needs
     * an unwind table entry; without the attribute LLVM writes .eh_frame (RISC-V) for every function.
     */
    private static void noUnwind(LLVMContextRef ctx, LLVMModuleRef mod) {
        int nounwind = LLVMGetEnumAttributeKindForName("nounwind", 8);
        for (LLVMValueRef f = LLVMGetFirstFunction(mod); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
            LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, nounwind, 0));
        }
    }

    /**
     * The target features: the profile's, plus linker relaxation on RISC-V (the bundled lld relaxes
     * auipc+jalr calls to jal / c.jal, as GNU ld does for GCC's code).
     */
    static String features(Options o) {
        String f = o.features() == null ? "" : o.features();
        if (o.triple().startsWith("riscv") && !f.contains("relax")) f = f.isEmpty() ? "+relax" : f + ",+relax";
        return f;
    }

    /**
     * What determines the code of a cached object besides its source: the options, the effective
     * features and the revision of this back end's function attributes (bump it when they change).
     */
    public static String cacheKey(Options o) { return o + "|" + features(o) + "|attributes 2"; }

    /** Marks every function optsize (and minsize for Oz), as clang does for -Os/-Oz: the passes read these. */
    private static void sizeAttributes(LLVMContextRef ctx, LLVMModuleRef mod, boolean min) {
        int optsize = LLVMGetEnumAttributeKindForName("optsize", 7);
        int minsize = LLVMGetEnumAttributeKindForName("minsize", 7);
        for (LLVMValueRef f = LLVMGetFirstFunction(mod); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
            if (LLVMIsDeclaration(f) != 0) continue;
            LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, optsize, 0));
            if (min) LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(ctx, minsize, 0));
        }
    }

    /**
     * Gives every global without an explicit section one of its own, named by what the optimiser
     * left of it: .rodata.NAME (constant), .bss.NAME (zero) or .data.NAME. The linker can then drop
     * unused ones and order the rest (by alignment, then name) as the static allocator predicts.
     */
    private static void dataSections(LLVMModuleRef mod) {
        for (LLVMValueRef g = LLVMGetFirstGlobal(mod); g != null && !g.isNull(); g = LLVMGetNextGlobal(g)) {
            if (LLVMIsDeclaration(g) != 0) continue;
            BytePointer sec = LLVMGetSection(g);
            if (sec != null && !sec.isNull() && !sec.getString().isEmpty()) continue;
            String name = LLVMGetValueName(g).getString();
            if (name.startsWith("llvm.")) continue;
            LLVMValueRef init = LLVMGetInitializer(g);
            String kind;
            if (LLVMIsGlobalConstant(g) != 0) kind = ".rodata.";
            else if (init != null && !init.isNull() && LLVMIsNull(init) != 0) kind = ".bss.";
            else kind = ".data.";
            LLVMSetSection(g, kind + name.replaceAll("[^A-Za-z0-9_.$<>,]", "_"));
        }
    }

    /** The optimisation pipeline of the level, with the vectorisers where the capabilities give vector registers. */
    private static void runPasses(LLVMModuleRef mod, LLVMTargetMachineRef tm, Options o) {
        String pipeline = switch (o.optLevel()) {
            case "O0" -> "default<O0>";
            case "O1" -> "default<O1>";
            case "O2" -> "default<O2>";
            case "Os" -> "default<Os>";
            default -> "default<Oz>";
        };
        LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
        // the loop and SLP vectorisers where the profile's capabilities give vector registers (MVE);
        // elsewhere LLVM's defaults, which find no vector registers to use
        if (o.vectorize()) {
            LLVMPassBuilderOptionsSetLoopVectorization(pbo, 1);
            LLVMPassBuilderOptionsSetSLPVectorization(pbo, 1);
        }
        LLVMErrorRef e = LLVMRunPasses(mod, pipeline, tm, pbo);
        if (e != null && !e.isNull()) {
            BytePointer m = LLVMGetErrorMessage(e);
            throw new LlvmException("LLVM passes failed: " + m.getString());
        }
        LLVMDisposePassBuilderOptions(pbo);
    }

    /** Compiles one module of IR text to an object file. */
    /**
     * The reset handler copies .data and zeroes .bss in functions of their own (Startup): when no variable
     * of the optimised module is left in .data (or .bss), the call and the function go, and so do the loop's
     * bytes. Runs after dataSections, which names each variable's section.
     */
    private static void dropStartupLoops(LLVMModuleRef mod) {
        boolean data = false, bss = false;
        for (LLVMValueRef g = LLVMGetFirstGlobal(mod); g != null && !g.isNull(); g = LLVMGetNextGlobal(g)) {
            if (LLVMIsDeclaration(g) != 0) continue;
            BytePointer sec = LLVMGetSection(g);
            String s = sec == null || sec.isNull() ? "" : sec.getString();
            if (s.startsWith(".data") || s.startsWith(".sdata")) data = true;
            if (s.startsWith(".bss") || s.startsWith(".sbss")) bss = true;
        }
        // the names Startup.COPY_DATA and Startup.ZERO_BSS (this phase comes after lowering and does not read it)
        if (!data) dropCalls(mod, "fid.copy.data");
        if (!bss) dropCalls(mod, "fid.zero.bss");
    }

    /** Erases every call of a function without arguments or result, then the function. */
    private static void dropCalls(LLVMModuleRef mod, String name) {
        LLVMValueRef f = LLVMGetNamedFunction(mod, name);
        if (f == null || f.isNull()) return;
        for (LLVMUseRef u = LLVMGetFirstUse(f); u != null && !u.isNull(); u = LLVMGetFirstUse(f)) {
            LLVMValueRef user = LLVMGetUser(u);
            if (LLVMIsACallInst(user) == null || LLVMIsACallInst(user).isNull()) return; // not a plain call: keep it
            LLVMInstructionEraseFromParent(user);
        }
        LLVMDeleteFunction(f);
    }

    public static synchronized Result compile(String ir, Options o, boolean keepIr) {
        init();
        frameSizes = new LinkedHashMap<>();
        LLVMContextRef ctx = LLVMContextCreate();
        LLVMContextSetDiagnosticHandler(ctx, handler, null);
        try {
            byte[] bytes = ir.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            BytePointer data = new BytePointer(bytes.length);
            data.put(bytes);
            LLVMMemoryBufferRef buf = LLVMCreateMemoryBufferWithMemoryRangeCopy(data, bytes.length, new BytePointer("fid-embed"));
            LLVMModuleRef mod = new LLVMModuleRef();
            BytePointer err = new BytePointer();
            if (LLVMParseIRInContext(ctx, buf, mod, err) != 0) {
                String msg = err.getString();
                LLVMDisposeMessage(err);
                throw new LlvmException("LLVM rejected the generated IR: " + msg);
            }
            if (LLVMVerifyModule(mod, LLVMReturnStatusAction, err) != 0) {
                String msg = err.getString();
                LLVMDisposeMessage(err);
                throw new LlvmException("the generated IR does not verify: " + msg);
            }
            noUnwind(ctx, mod);
            if (o.optLevel().equals("Oz") || o.optLevel().equals("Os")) sizeAttributes(ctx, mod, o.optLevel().equals("Oz"));
            LLVMTargetRef t = new LLVMTargetRef();
            if (LLVMGetTargetFromTriple(new BytePointer(o.triple()), t, err) != 0) throw new LlvmException("unknown target " + o.triple() + ": " + err.getString());
            LLVMTargetMachineOptionsRef tmo = LLVMCreateTargetMachineOptions();
            LLVMTargetMachineOptionsSetCPU(tmo, o.cpu());
            LLVMTargetMachineOptionsSetFeatures(tmo, features(o));
            if (o.abi() != null && !o.abi().isEmpty()) LLVMTargetMachineOptionsSetABI(tmo, o.abi());
            LLVMTargetMachineOptionsSetRelocMode(tmo, LLVMRelocStatic);
            LLVMTargetMachineOptionsSetCodeModel(tmo, LLVMCodeModelSmall);
            int cg = switch (o.optLevel()) { case "O0" -> LLVMCodeGenLevelNone; case "O1" -> LLVMCodeGenLevelLess; case "O2" -> LLVMCodeGenLevelDefault; default -> LLVMCodeGenLevelDefault; };
            LLVMTargetMachineOptionsSetCodeGenOptLevel(tmo, cg);
            LLVMTargetMachineRef tm = LLVMCreateTargetMachineWithOptions(t, o.triple(), tmo);
            LLVMSetTarget(mod, o.triple());
            LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
            LLVMSetModuleDataLayout(mod, td);
            runPasses(mod, tm, o);
            dataSections(mod);
            dropStartupLoops(mod);
            String optimized = null;
            if (keepIr) {
                BytePointer s = LLVMPrintModuleToString(mod);
                optimized = s.getString();
                LLVMDisposeMessage(s);
            }
            LLVMMemoryBufferRef out = new LLVMMemoryBufferRef();
            if (LLVMTargetMachineEmitToMemoryBuffer(tm, mod, LLVMObjectFile, err, out) != 0) {
                throw new LlvmException("LLVM code generation failed: " + err.getString());
            }
            BytePointer start = LLVMGetBufferStart(out);
            long size = LLVMGetBufferSize(out);
            byte[] obj = new byte[(int) size];
            start.get(obj);
            LLVMDisposeMemoryBuffer(out);
            LLVMDisposeModule(mod);
            LLVMDisposeTargetMachine(tm);
            LLVMDisposeTargetMachineOptions(tmo);
            return new Result(obj, Map.copyOf(frameSizes), optimized);
        } finally {
            LLVMContextDispose(ctx);
        }
    }
}
