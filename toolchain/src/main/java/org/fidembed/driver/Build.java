// `fid-embed build`: a project and a board profile become ELF, BIN and HEX images with a memory
// report. Compile, prove the stack bound, generate the linker script with that stack at the bottom
// of RAM, link with lld, write the images, and report every region's use.
package org.fidembed.driver;

import org.fidembed.alloc.AllocatorInput;
import org.fidembed.alloc.Allocation;
import org.fidembed.alloc.CodeSize;
import org.fidembed.alloc.Region;
import org.fidembed.alloc.Reports;
import org.fidembed.alloc.Section;
import org.fidembed.alloc.SectionBases;
import org.fidembed.alloc.StaticAllocator;
import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.diag.Diagnostic;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.Images;
import org.fidembed.linker.Layout;
import org.fidembed.linker.LinkerScripts;
import org.fidembed.llvm.LlvmSession;
import org.fidembed.llvm.ObjectFile;
import org.fidembed.llvm.Tools;
import org.fidembed.lower.TargetInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Build {
    private Build() { }

    public record Request(Path src, String board, Path outDir, String opt, boolean verboseReport, boolean keepIr,
                          boolean paintStack, boolean quiet, boolean measureStack) {
        public Request(Path src, String board, Path outDir, String opt, boolean verboseReport, boolean keepIr, boolean paintStack, boolean quiet) {
            this(src, board, outDir, opt, verboseReport, keepIr, paintStack, quiet, false);
        }
        public Request withBoard(String b) { return new Request(src, b, outDir, opt, verboseReport, keepIr, paintStack, quiet, measureStack); }
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

    public static Target loadTarget(String board) {
        try {
            return Profiles.load(board);
        } catch (org.fidembed.board.ProfileException e) {
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
        Target target = loadTarget(boardName);
        TargetInfo info = TargetAdapter.info(target);
        String opt = r.opt() == null ? "Oz" : r.opt();
        LlvmSession.Options llvm = TargetAdapter.llvm(target, opt);

        Compiler.Output co = Compiler.compile(project.sources(), info, new Compiler.Options(llvm, r.paintStack(), r.keepIr(), r.measureStack()),
                name -> target.interruptNumber(name).isPresent());
        times.putAll(co.phaseMillis());
        for (org.fidembed.diag.Diagnostic d : co.diagnostics().sorted()) {
            if (d.isError() || !d.loc().fileName().startsWith("Fid.")) err.print(d.render());
        }
        if (co.object() == null) return Result.fail(1);

        Path outDir = r.outDir() != null ? r.outDir() : Path.of("build", target.name());
        try {
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

            // the stack bound, from the objects' frames and calls
            long ts = System.nanoTime();
            List<ObjectFile> objects = List.of(new ObjectFile(co.object()), new ObjectFile(Files.readAllBytes(rt.object())));
            Map<String, Integer> frames = new LinkedHashMap<>(rt.frameSizes());
            frames.putAll(co.frameSizes());
            StackBound.Model model = StackBound.model(target, objects, frames, co.optimizedIr(), co.recursionDepth(), co.interruptHandlers(), co.functionLocs());
            Allocation bound = stackBound(target, model);
            if (bound.stack().isEmpty()) {
                reportAllocatorErrors(bound, project.sources(), err);
                return Result.fail(1);
            }
            long stackBytes = Math.max(bound.stack().get().reserve(), target.memory().minStack());
            stackBytes = (stackBytes + target.stackAlign() - 1) / target.stackAlign() * target.stackAlign();
            times.put("stack", ms(ts));

            // link with the stack at the bottom of RAM
            long tk = System.nanoTime();
            String script;
            try {
                script = project.linkerScript() != null ? LinkerScripts.readUserScript(project.linkerScript())
                        : LinkerScripts.generate(target, Layout.of(stackBytes).withRamfunc(co.ramfunc()));
            } catch (org.fidembed.linker.LinkerScriptException e) {
                String m = e.getMessage(), at = project.linkerScript() + ": ";
                err.println(m.startsWith(at) ? at + "error: " + m.substring(at.length()) : "fid-embed: error: " + m);
                return Result.fail(1);
            }
            Path ld = outDir.resolve(name + ".ld");
            Files.writeString(ld, script);
            Path elf = outDir.resolve(name + ".elf");
            Tools.Run link = Tools.link(List.of(obj, rt.object()), ld, elf, outDir.resolve(name + ".map"));
            times.put("link", ms(tk));
            if (link.exitCode() != 0) {
                // too big: link again into roomy regions to measure what does not fit, then report it
                Allocation measured = measureOverflow(target, model, obj, rt.object(), stackBytes, outDir, name, co.dataLocs());
                if (measured != null && measured.hasErrors()) {
                    reportAllocatorErrors(measured, project.sources(), err);
                } else {
                    err.print(linkerMessage(link.output()));
                }
                return Result.fail(1);
            }

            // images and the report
            long ti = System.nanoTime();
            byte[] elfBytes = Files.readAllBytes(elf);
            ElfFile ef = ElfFile.parse(elf.toString(), elfBytes);
            FirmwareImage image = ef.image();
            Path bin = outDir.resolve(name + ".bin");
            Path hex = outDir.resolve(name + ".hex");
            Images.writeBin(image, bin);
            Images.writeHex(image, hex);
            LinkMap map = LinkMap.read(outDir.resolve(name + ".map"));
            Allocation alloc = allocate(target, StackBound.keep(model, new java.util.HashSet<>(map.symbols())), map, co.dataLocs());
            String report = Reports.memory(alloc);
            times.put("image", ms(ti));
            if (alloc.hasErrors()) {
                reportAllocatorErrors(alloc, project.sources(), err);
                return Result.fail(1);
            }
            if (!r.quiet()) {
                out.print(report.endsWith("\n") ? report : report + "\n");
                if (r.verboseReport()) out.print(Reports.verbose(alloc));
            }
            times.put("total", ms(t0));
            return new Result(0, target, elf, bin, hex, alloc, report, times);
        } catch (IOException e) {
            err.println("fid-embed: cannot write to " + outDir + ": " + e.getMessage());
            return Result.fail(1);
        } catch (org.fidembed.image.ImageFormatException e) {
            throw new IllegalStateException("the linked image is not readable: " + e.getMessage(), e);
        }
    }

    private static long ms(long start) { return (System.nanoTime() - start) / 1_000_000; }

    /**
     * The allocator's view of the linked image: the code size, and every static object (each data
     * input section the linker kept: module-level values, objects made at start-up, strings) with
     * its size, alignment and source location; section bases from the link map.
     */
    static Allocation allocate(Target t, StackBound.Model model, LinkMap map, Map<String, org.fidembed.diag.Loc> locs) {
        List<Region> regions = regions(t);
        String flash = t.codeRegion().name(), ram = t.dataRegion().name();
        List<Section> sections = new ArrayList<>(Section.standard(flash, ram));
        long code = 0;
        List<org.fidembed.alloc.GlobalObject> objects = new ArrayList<>();
        Map<String, Long> bases = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (LinkMap.OutSection o : map.outputs().values()) {
            String kind = kindOf(o.name());
            if (kind == null) continue;
            if (kind.equals(Section.TEXT)) { code += o.size(); bases.merge(Section.TEXT, o.vma(), Math::min); }
            else bases.merge(kind, o.vma(), Math::min);
        }
        for (LinkMap.InSection in : map.inputs()) {
            String kind = kindOf(in.output());
            if (kind == null || kind.equals(Section.TEXT) || in.size() == 0) continue;
            String sym = in.name().replaceFirst("^\\.(rodata|data|bss|sdata|sbss|srodata)\\.", "");
            if (sym.equals(in.name())) sym = in.name() + "@" + Path.of(in.file()).getFileName();
            int n = seen.merge(sym, 1, Integer::sum);
            if (n > 1) sym = sym + "#" + n;
            org.fidembed.diag.Loc l = locs.get(sym.replaceFirst("^\\.", ""));
            org.fidembed.diag.Loc at = l == null ? org.fidembed.diag.Loc.NONE : l;
            long align = Long.highestOneBit(Math.max(1, in.align()));
            org.fidembed.alloc.GlobalObject.Mutability mut = kind.equals(Section.RODATA)
                    ? org.fidembed.alloc.GlobalObject.Mutability.NEVER_WRITTEN : org.fidembed.alloc.GlobalObject.Mutability.WRITTEN;
            org.fidembed.alloc.GlobalObject.Initializer init = kind.equals(Section.BSS)
                    ? org.fidembed.alloc.GlobalObject.Initializer.ZERO : org.fidembed.alloc.GlobalObject.Initializer.CONSTANT;
            objects.add(new org.fidembed.alloc.GlobalObject(sym, in.size(), align, mut, init, java.util.Optional.empty(), at));
        }
        List<CodeSize> codeSizes = List.of(new CodeSize(Section.TEXT, code, 4));
        return StaticAllocator.allocate(new AllocatorInput(regions, sections, codeSizes, objects, model.graph(), model.entries(), model.config(), SectionBases.SEQUENTIAL));
    }

    /** The allocator's section for an output section of the image, or null (stack, debug, metadata). */
    private static String kindOf(String out) {
        if (out.startsWith(".stack") || out.startsWith(".debug") || out.startsWith(".comment") || out.equals(".ARM.attributes")
                || out.equals(".riscv.attributes") || out.startsWith(".note") || out.startsWith(".llvm")
                || out.startsWith(".symtab") || out.startsWith(".strtab") || out.startsWith(".shstrtab")) return null;
        if (out.startsWith(".text") || out.startsWith(".vectors") || out.startsWith(".ARM.ex")) return Section.TEXT;
        if (out.startsWith(".rodata") || out.startsWith(".srodata")) return Section.RODATA;
        if (out.startsWith(".data") || out.startsWith(".sdata") || out.startsWith(".ramfunc")) return Section.DATA;
        if (out.startsWith(".bss") || out.startsWith(".sbss")) return Section.BSS;
        return Section.RODATA;
    }

    private static List<Region> regions(Target t) {
        List<Region> regions = new ArrayList<>();
        for (MemoryRegion m : t.regions()) {
            Region.Kind kind = m.kind() == MemoryRegion.Kind.FLASH ? Region.Kind.FLASH : Region.Kind.RAM;
            regions.add(new Region(m.name(), m.origin(), m.length(), true, m.writable(), m.executable(), kind));
        }
        return regions;
    }

    /** The stack bound alone, before anything is linked: the board's regions with nothing placed in them. */
    static Allocation stackBound(Target t, StackBound.Model model) {
        String flash = t.codeRegion().name(), ram = t.dataRegion().name();
        return StaticAllocator.allocate(new AllocatorInput(regions(t), Section.standard(flash, ram), List.of(), List.of(),
                model.graph(), model.entries(), model.config(), SectionBases.SEQUENTIAL));
    }

    /**
     * Links into regions 64 times the board's and gives the allocator the linker's account of that
     * image against the real regions: the overflow error then names the objects that do not fit.
     */
    private static Allocation measureOverflow(Target t, StackBound.Model model, Path obj, Path rt, long stackBytes, Path outDir, String name,
                                              Map<String, org.fidembed.diag.Loc> locs) {
        Path ld = outDir.resolve(name + ".measure.ld");
        Path elf = outDir.resolve(name + ".measure.elf");
        Path map = outDir.resolve(name + ".measure.map");
        try {
            List<MemoryRegion> big = new ArrayList<>();
            for (MemoryRegion m : t.regions()) big.add(new MemoryRegion(m.name(), m.origin(), Math.min(m.length() * 64, 0x40000000L), m.attrs(), m.kind()));
            MemoryRegion code = big.stream().filter(m -> m.name().equals(t.codeRegion().name())).findFirst().orElseThrow();
            MemoryRegion data = big.stream().filter(m -> m.name().equals(t.dataRegion().name())).findFirst().orElseThrow();
            Target roomy = t.withRegions(big, code, data);
            Files.writeString(ld, LinkerScripts.generate(roomy, Layout.of(stackBytes)));
            Tools.Run link = Tools.link(List.of(obj, rt), ld, elf, map);
            if (link.exitCode() != 0) return null;
            LinkMap linked = LinkMap.read(map);
            return allocate(t, StackBound.keep(model, new java.util.HashSet<>(linked.symbols())), linked, locs);
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            for (Path p : List.of(ld, elf, map)) {
                try { Files.deleteIfExists(p); } catch (IOException ignored) { }
            }
        }
    }

    /** The allocator's errors like the compiler's: FILE:LINE:COL, the source line and a caret, the hint; then the report. */
    private static void reportAllocatorErrors(Allocation a, List<Project.Source> sources, PrintStream err) {
        for (Diagnostic d : a.diagnostics()) {
            err.print(d.render());
            if (d.report() != null) err.print(d.report().endsWith("\n") ? d.report() : d.report() + "\n");
        }
    }

    /** lld's messages without its program path, prefixed like our other errors. */
    static String linkerMessage(String output) {
        StringBuilder sb = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.isBlank()) continue;
            sb.append("fid-embed: link: ").append(line.replaceFirst("^.*?ld\\.lld: |^.*?lld: ", "")).append('\n');
        }
        return sb.toString();
    }
}
