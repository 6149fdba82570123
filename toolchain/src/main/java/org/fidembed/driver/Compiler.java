// The compiler as a library: sources and a target in, an object file (with the facts the stack
// bound needs) or diagnostics out. source -> tokens -> AST -> typed AST -> LLVM IR -> object.
package org.fidembed.driver;

import org.fidembed.ast.Ast;
import org.fidembed.diag.CompileAbort;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.SourceFile;
import org.fidembed.llvm.LlvmSession;
import org.fidembed.lower.Lowering;
import org.fidembed.lower.LoweringResult;
import org.fidembed.lower.TargetInfo;
import org.fidembed.lower.startup.Startup;
import org.fidembed.parse.Parser;
import org.fidembed.syntax.Lexer;
import org.fidembed.typeck.Program;
import org.fidembed.typeck.TypeChecker;
import org.fidembed.rules.LanguageRules;
import org.fidembed.rules.SpecialisedRules;
import org.fidembed.types.Symbols.GlobalVal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

public final class Compiler {
    private Compiler() { }

    /** What compiling produced. object is null when there were errors (see diagnostics). */
    public record Output(byte[] object, String ir, String optimizedIr, Map<String, Integer> frameSizes,
                        Map<String, String> interruptHandlers, Map<String, Long> recursionDepth, Diagnostics diagnostics,
                        Map<String, Long> phaseMillis, Map<String, org.fidembed.diag.Loc> functionLocs,
                        Map<String, org.fidembed.diag.Loc> dataLocs, boolean ramfunc) { }

    /**
     * measureStack: paint the stack and report its high-water mark at exit (implies paintStack);
     * debugInfo: DWARF for debuggers (lines, functions, variables), which never changes the code.
     */
    public record Options(LlvmSession.Options llvm, boolean paintStack, boolean keepIr, boolean measureStack, boolean debugInfo) {
        /** Code generation by llvm, with debug information, and every other switch off. */
        public static Options of(LlvmSession.Options llvm) { return new Options(llvm, false, false, false, true); }

        /** Whether the stack is painted (for a high-water mark read by a debugger). */
        public Options withPaintStack(boolean on) { return new Options(llvm, on, keepIr, measureStack, debugInfo); }

        /** Whether Output keeps the IR before optimisation. */
        public Options withKeepIr(boolean on) { return new Options(llvm, paintStack, on, measureStack, debugInfo); }

        /** Whether the exit reports the stack's high-water mark. */
        public Options withMeasureStack(boolean on) { return new Options(llvm, paintStack, keepIr, on, debugInfo); }

        /** Whether the object carries DWARF (it never changes the code). */
        public Options withDebugInfo(boolean on) { return new Options(llvm, paintStack, keepIr, measureStack, on); }
    }

    /** Stack of the compiling thread: the phases recurse on the tree, whose depth the parser bounds. */
    private static final long COMPILER_STACK = 512L << 20;

    public static Output compile(List<Project.Source> sources, TargetInfo target, Options options, Predicate<String> interruptValid) {
        Output[] out = new Output[1];
        RuntimeException[] failure = new RuntimeException[1];
        Error[] error = new Error[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = compileHere(sources, target, options, interruptValid);
            } catch (RuntimeException e) {
                failure[0] = e;
            } catch (StackOverflowError e) {
                error[0] = e;
            }
        }, "fid-embed-compiler", COMPILER_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure[0] != null) throw failure[0];
        if (error[0] != null) {
            Diagnostics d = new Diagnostics();
            d.add(org.fidembed.diag.Diagnostic.error(new org.fidembed.diag.Loc(null, 0, 0), "the program is nested too deeply for the compiler; split deep expressions with let bindings"));
            return new Output(null, null, null, Map.of(), Map.of(), Map.of(), d, Map.of(), Map.of(), Map.of(), false);
        }
        return out[0];
    }

    private static Output compileHere(List<Project.Source> sources, TargetInfo target, Options options, Predicate<String> interruptValid) {
        Lowering[] lowering = {null};
        try {
            return compileWith(sources, target, options, interruptValid, lowering);
        } catch (CompileAbort e) {
            throw e;
        } catch (LlvmSession.LlvmException e) {
            throw new org.fidembed.diag.InternalCompilerError(null, e);
        } catch (RuntimeException e) {
            throw new org.fidembed.diag.InternalCompilerError(lowering[0] == null ? null : lowering[0].currentLocation(), e);
        }
    }

    private static Output compileWith(List<Project.Source> sources, TargetInfo target, Options options, Predicate<String> interruptValid, Lowering[] lowering) {
        Diagnostics d = new Diagnostics();
        Map<String, Long> times = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try {
            List<Ast.FileAst> files = new ArrayList<>();
            List<Boolean> prelude = new ArrayList<>();
            List<SourceFile> programFiles = new ArrayList<>();
            java.util.Set<String> words = new java.util.HashSet<>();
            for (Project.Source s : sources) {
                SourceFile sf = Lexer.decode(s.displayName(), s.bytes(), false, d);
                if (sf.text().length() > 10_000_000) {
                    d.error(new org.fidembed.diag.Loc(sf, 1, 1), "this file is larger than 10 MB; split it into several files");
                    throw new CompileAbort();
                }
                programFiles.add(sf);
                words.addAll(Prelude.words(sf.text()));
            }
            for (SourceFile f : Prelude.files(target, words)) {
                files.add(Parser.parse(f, d));
                prelude.add(true);
            }
            if (d.hasErrors()) throw new IllegalStateException("the prelude does not parse: " + d.sorted().get(0).render());
            for (SourceFile sf : programFiles) {
                files.add(Parser.parse(sf, d));
                prelude.add(false);
            }
            if (d.hasErrors()) throw new CompileAbort();
            times.put("parse", ms(t0));
            long t1 = System.nanoTime();
            Program prog = new TypeChecker(d, target.boardName(), interruptValid).check(files, prelude);
            if (d.hasErrors()) throw new CompileAbort();
            LanguageRules.Result rules = LanguageRules.check(prog, d);
            if (d.hasErrors()) throw new CompileAbort();
            times.put("check", ms(t1));
            long t2 = System.nanoTime();
            Lowering lw = new Lowering(prog, target, options.debugInfo());
            lowering[0] = lw;
            LoweringResult lowered = lw.program(options.measureStack());
            SpecialisedRules.judge(lowered.findings(), target.boardName(), d);
            if (d.hasErrors()) throw new CompileAbort();
            String ir = lowered.ir() + Startup.generate(target, lowered, options.paintStack() || options.measureStack());
            times.put("lower", ms(t2));
            long t3 = System.nanoTime();
            LlvmSession.Result r = LlvmSession.compile(ir, options.llvm(), true);
            times.put("llvm", ms(t3));
            Map<String, Long> depths = new LinkedHashMap<>();
            for (Map.Entry<GlobalVal, Long> e : rules.recursionDepth().entrySet()) depths.put(e.getKey().qualifiedName, e.getValue());
            Map<String, Long> depthsByFunction = new LinkedHashMap<>(depths);
            return new Output(r.object(), options.keepIr() ? ir : null, r.optimizedIr(), r.frameSizes(), lowered.interruptHandlers(), depthsByFunction, d, times,
                    lowered.functionLocs(), lowered.dataLocs(), lowered.usesRamfunc());
        } catch (CompileAbort e) {
            return new Output(null, null, null, Map.of(), Map.of(), Map.of(), d, times, Map.of(), Map.of(), false);
        }
    }

    private static long ms(long start) { return (System.nanoTime() - start) / 1_000_000; }

    /** The run-time library: its object file and the frame size of each of its functions. */
    public record RuntimeLibrary(java.nio.file.Path object, Map<String, Integer> frameSizes) { }

    /**
     * The run-time library object for a target (memcpy, division helpers, soft float), compiled
     * once and kept in the user's cache, keyed by the prelude's text and the code generation options.
     */
    public static synchronized RuntimeLibrary runtimeLibrary(TargetInfo target, LlvmSession.Options llvm) {
        List<SourceFile> prelude = Prelude.runtimeLibraryFiles();
        StringBuilder key = new StringBuilder(LlvmSession.cacheKey(llvm));
        for (SourceFile f : prelude) key.append('\0').append(f.name()).append('\0').append(f.text());
        key.append(Startup.runtimeAsm(target));
        if (Lowering.uncheckedIndex()) key.append("\0unchecked-index"); // never shared with real builds
        String hash = sha256(key.toString()).substring(0, 16);
        java.nio.file.Path dir = cacheDir();
        java.nio.file.Path obj = dir.resolve("runtime-" + hash + ".o");
        java.nio.file.Path frames = dir.resolve("runtime-" + hash + ".frames");
        if (java.nio.file.Files.exists(obj) && java.nio.file.Files.exists(frames)) return new RuntimeLibrary(obj, readFrames(frames));
        Diagnostics d = new Diagnostics();
        List<Ast.FileAst> files = new ArrayList<>();
        List<Boolean> isPrelude = new ArrayList<>();
        for (SourceFile f : prelude) { files.add(Parser.parse(f, d)); isPrelude.add(true); }
        Program prog = new TypeChecker(d, target.boardName(), n -> true).check(files, isPrelude);
        if (d.hasErrors()) throw new IllegalStateException("the prelude does not compile: " + d.sorted().get(0).render());
        Lowering.RuntimeLibrary lib = new Lowering(prog, target).runtimeLibrary();
        SpecialisedRules.judge(lib.findings(), target.boardName(), d);
        String ir = lib.ir() + Startup.runtimeAsm(target);
        if (d.hasErrors()) throw new IllegalStateException("the prelude does not compile: " + d.sorted().get(0).render());
        LlvmSession.Result r = LlvmSession.compile(ir, llvm, false);
        try {
            java.nio.file.Files.createDirectories(dir);
            StringBuilder fr = new StringBuilder();
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(r.frameSizes()).entrySet()) fr.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            writeAtomically(dir, frames, fr.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            writeAtomically(dir, obj, r.object());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the run-time library to " + dir + ": " + e.getMessage(), e);
        }
        return new RuntimeLibrary(obj, r.frameSizes());
    }

    private static void writeAtomically(java.nio.file.Path dir, java.nio.file.Path to, byte[] bytes) throws java.io.IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile(dir, "runtime-", ".tmp");
        java.nio.file.Files.write(tmp, bytes);
        java.nio.file.Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Integer> readFrames(java.nio.file.Path p) {
        Map<String, Integer> out = new LinkedHashMap<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(p)) {
                int eq = line.lastIndexOf('=');
                if (eq > 0) out.put(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1).trim()));
            }
        } catch (java.io.IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + p + ": " + e.getMessage(), e);
        }
        return out;
    }

    static java.nio.file.Path cacheDir() {
        String x = System.getenv("FID_EMBED_CACHE");
        if (x != null && !x.isEmpty()) return java.nio.file.Path.of(x);
        String xdg = System.getenv("XDG_CACHE_HOME");
        java.nio.file.Path base = xdg != null && !xdg.isEmpty() ? java.nio.file.Path.of(xdg) : java.nio.file.Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("fid-embed");
    }

    static String sha256(String s) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : h) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
