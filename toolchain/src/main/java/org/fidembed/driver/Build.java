// `fid-embed build`: a project and a board profile become ELF, BIN and HEX images with a memory report.
// Only orchestration: load the project and the board, compile, link (Linker), write the images, and
// report every region's use from the linked ELF (MemoryReport) with the allocator's view (MemoryMap).
package org.fidembed.driver;

import org.fidembed.alloc.Allocation;
import org.fidembed.alloc.Reports;
import org.fidembed.board.PanicStrategy;
import org.fidembed.board.ProfileException;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.diag.Diagnostic;
import org.fidembed.diag.Style;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.Images;
import org.fidembed.llvm.LlvmSession;
import org.fidembed.lower.TargetInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

public final class Build {
    private Build() { }

    /** What to build and how; made with {@link #of(Path)} and the builder's setters. */
    public record Request(Path src, String board, Path outDir, String opt, boolean verboseReport, boolean keepIr,
                          boolean paintStack, boolean quiet, boolean measureStack, Style style, boolean debugInfo, PanicStrategy panic) {
        public static Builder of(Path src) { return new Builder(src); }

        public Request withBoard(String b) { return new Request(src, b, outDir, opt, verboseReport, keepIr, paintStack, quiet, measureStack, style, debugInfo, panic); }
    }

    /** Builds a Request: every switch off, the project's board, build/BOARD, Oz, plain text. */
    public static final class Builder {
        private final Path src;
        private String board;
        private Path outDir;
        private String opt;
        private boolean verboseReport, keepIr, paintStack, quiet, measureStack;
        private Style style = Style.PLAIN;
        private boolean debugInfo = true;
        private PanicStrategy panic;

        private Builder(Path src) { this.src = src; }

        public Builder board(String b) { board = b; return this; }
        public Builder outDir(Path d) { outDir = d; return this; }
        public Builder opt(String o) { opt = o; return this; }
        /** Also list every object, section and frame (build --report). */
        public Builder verboseReport(boolean on) { verboseReport = on; return this; }
        /** Also write NAME.ll and NAME.opt.ll. */
        public Builder keepIr(boolean on) { keepIr = on; return this; }
        /** Paint the stack at start-up (run, test). */
        public Builder paintStack(boolean on) { paintStack = on; return this; }
        /** No memory report on standard output. */
        public Builder quiet(boolean on) { quiet = on; return this; }
        /** Paint the stack and report its high-water mark at exit (run --measure-stack). */
        public Builder measureStack(boolean on) { measureStack = on; return this; }
        public Builder style(Style s) { style = s; return this; }
        /** DWARF in the ELF (on by default; the images are the same either way). */
        public Builder debugInfo(boolean on) { debugInfo = on; return this; }
        /** Another panic strategy than the board's and the project's (null: theirs). */
        public Builder panic(PanicStrategy p) { panic = p; return this; }

        public Request build() { return new Request(src, board, outDir, opt, verboseReport, keepIr, paintStack, quiet, measureStack, style, debugInfo, panic); }
    }

    /** exitCode 0 on success (then elf, bin, hex are written), 1 for errors in the program, 2 for a bad command line. */
    public record Result(int exitCode, Target target, Path elf, Path bin, Path hex, Allocation allocation, String report,
                         Map<String, Long> phaseMillis) {
        static Result fail(int code) { return new Result(code, null, null, null, null, null, null, Map.of()); }
    }

    /** A problem with the command line (unknown board, missing file): exit 2 with one line. */
    public static final class UsageError extends RuntimeException {
        public UsageError(String m) { super(m); }
    }

    /** A board by name or profile file; a broken profile is a usage error naming file, key and line. */
    public static Target loadTarget(String board) {
        try {
            return TargetCheck.check(Profiles.load(board));
        } catch (ProfileException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** A board with the project's own layer over it (fid.toml's [capabilities]), if it has one. */
    public static Target loadTarget(String board, Project project) {
        if (project.profileLayer().isEmpty()) return loadTarget(board);
        try {
            return TargetCheck.check(Profiles.load(board, project.profileLayer().get()));
        } catch (ProfileException e) {
            throw new UsageError(e.getMessage());
        }
    }

    public static Result build(Request r, PrintStream out, PrintStream err) {
        Map<String, Long> times = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Project project;
        try {
            project = Project.load(r.src());
        } catch (Project.ProjectException e) {
            throw new UsageError(e.getMessage());
        }
        String boardName = r.board() != null ? r.board() : project.defaultBoard();
        if (boardName == null) throw new UsageError("no board given: use --board B (fid-embed boards lists them) or set board in fid.toml");
        Target loaded = loadTarget(boardName, project);
        // the strategy: the request's, else the project's (fid.toml), else the board's or its memory profile's
        PanicStrategy panic = r.panic() != null ? r.panic() : project.panic();
        Target target = panic != null ? loaded.withPanic(panic) : loaded;
        TargetInfo info = TargetAdapter.info(target);
        LlvmSession.Options llvm = TargetAdapter.llvm(target, r.opt() == null ? "Oz" : r.opt());

        Compiler.Output co = Compiler.compile(project.sources(), info, Compiler.Options.of(llvm).withPaintStack(r.paintStack()).withKeepIr(r.keepIr())
                        .withMeasureStack(r.measureStack()).withDebugInfo(r.debugInfo()),
                name -> target.interruptNumber(name).isPresent());
        times.putAll(co.phaseMillis());
        for (Diagnostic d : co.diagnostics().sorted()) {
            if (d.isError() || !d.loc().fileName().startsWith("Fid.")) err.print(d.render(r.style()));
        }
        if (co.object() == null) return Result.fail(1);

        Path outDir = r.outDir() != null ? r.outDir() : Path.of("build", target.name());
        try {
            return linkAndReport(r, project, target, info, llvm, co, outDir, times, t0, out, err);
        } catch (IOException e) {
            err.println("fid-embed: cannot write to " + outDir + ": " + e.getMessage());
            return Result.fail(1);
        } catch (ImageFormatException e) {
            throw new IllegalStateException("the linked image is not readable: " + e.getMessage(), e);
        }
    }

    private static Result linkAndReport(Request r, Project project, Target target, TargetInfo info, LlvmSession.Options llvm,
                                        Compiler.Output co, Path outDir, Map<String, Long> times, long t0, PrintStream out,
                                        PrintStream err) throws IOException, ImageFormatException {
        Files.createDirectories(outDir);
        String name = project.name();
        Path obj = outDir.resolve(name + ".o");
        Files.write(obj, co.object());
        if (r.keepIr() && co.ir() != null) {
            Files.writeString(outDir.resolve(name + ".ll"), co.ir());
            Files.writeString(outDir.resolve(name + ".opt.ll"), co.optimizedIr());
        }
        long tl = System.nanoTime();
        Compiler.RuntimeLibrary rt = Compiler.runtimeLibrary(info, llvm);
        times.put("runtime", ms(tl));

        long tk = System.nanoTime();
        Map<String, Integer> frames = new LinkedHashMap<>(rt.frameSizes());
        frames.putAll(co.frameSizes());
        Linker.Result linked = Linker.link(new Linker.Input(target, obj, rt.object(), frames, co.optimizedIr(), co.recursionDepth(),
                co.interruptHandlers(), co.functionLocs(), co.dataLocs(), co.ramfunc(), project.linkerScript(), outDir, name));
        times.put("link", ms(tk));
        if (linked instanceof Linker.Failed f) {
            if (f.allocation() != null) reportAllocatorErrors(f.allocation(), r.style(), err);
            else err.print(f.message());
            return Result.fail(1);
        }
        Linker.Linked l = (Linker.Linked) linked;

        long ti = System.nanoTime();
        ElfFile ef = ElfFile.parse(l.elf().toString(), Files.readAllBytes(l.elf()));
        FirmwareImage image = ef.image();
        Path bin = outDir.resolve(name + ".bin");
        Path hex = outDir.resolve(name + ".hex");
        Images.writeBin(image, bin);
        Images.writeHex(image, hex);
        Allocation alloc = MemoryMap.allocate(target, StackBound.keep(l.model(), new HashSet<>(l.linkMap().symbols())), l.linkMap(), co.dataLocs());
        String report = MemoryReport.of(target, ef).render(alloc.stack(), java.util.Optional.of(target.memory().panic()));
        times.put("image", ms(ti));
        if (alloc.hasErrors()) {
            reportAllocatorErrors(alloc, r.style(), err);
            return Result.fail(1);
        }
        if (!r.quiet()) {
            out.print(report);
            if (r.verboseReport()) out.print("\n" + Reports.details(alloc));
        }
        times.put("total", ms(t0));
        return new Result(0, target, l.elf(), bin, hex, alloc, report, times);
    }

    private static long ms(long start) { return (System.nanoTime() - start) / 1_000_000; }

    /** The allocator's errors like the compiler's: FILE:LINE:COL, the source line and a caret, the hint; then the report. */
    private static void reportAllocatorErrors(Allocation a, Style style, PrintStream err) {
        for (Diagnostic d : a.diagnostics()) {
            err.print(d.render(style));
            if (d.report() != null) err.print(d.report().endsWith("\n") ? d.report() : d.report() + "\n");
        }
    }
}
