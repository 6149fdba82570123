// Linking, the step between compiled objects and an ELF: prove the stack bound from the objects, reserve
// the stack the memory profile asks for (MemoryProfile.stackReserve, the one formula), write the linker
// script (or check the project's own), run lld with a map, and, when the image does not fit, link again
// into roomy regions so that the overflow error can name the objects that do not fit.
package org.fidembed.driver;

import org.fidembed.alloc.Allocation;
import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Target;
import org.fidembed.diag.Loc;
import org.fidembed.linker.Layout;
import org.fidembed.linker.LinkerScriptException;
import org.fidembed.linker.LinkerScripts;
import org.fidembed.llvm.ObjectFile;
import org.fidembed.llvm.Tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

public final class Linker {
    private Linker() { }

    /** What linking needs: the objects (program first, run-time library second) and what the compiler knows of them. */
    public record Input(Target target, Path program, Path runtime, Map<String, Integer> frames, String optimizedIr,
                        Map<String, Long> recursionDepth, Map<String, String> interruptHandlers, Map<String, Loc> functionLocs,
                        Map<String, Loc> dataLocs, boolean ramfunc, Path userScript, Path outDir, String name) { }

    /** The outcome: linked, or failed with the allocator's errors (or the linker's own messages). */
    public sealed interface Result permits Linked, Failed { }

    /** The ELF and its map, the stack model the bound was proven on, and the reserve that was linked. */
    public record Linked(Path elf, Path map, LinkMap linkMap, StackBound.Model model, long stackReserve) implements Result { }

    /** Nothing linked: the allocator's diagnostics when it could explain why, else lld's messages. */
    public record Failed(Allocation allocation, String message) implements Result { }

    public static Result link(Input in) throws IOException {
        Target t = in.target();
        List<ObjectFile> objects = List.of(new ObjectFile(Files.readAllBytes(in.program())), new ObjectFile(Files.readAllBytes(in.runtime())));
        StackBound.Model model = StackBound.model(t, objects, in.frames(), in.optimizedIr(), in.recursionDepth(), in.interruptHandlers(),
                in.functionLocs());
        Allocation bound = MemoryMap.stackBound(t, model);
        if (bound.stack().isEmpty()) return new Failed(bound, null);
        long reserve = bound.stack().get().reserve();
        String script;
        try {
            script = in.userScript() != null ? LinkerScripts.readUserScript(in.userScript())
                    : LinkerScripts.generate(t, Layout.of(reserve).withRamfunc(in.ramfunc()));
        } catch (LinkerScriptException e) {
            String m = e.getMessage(), at = in.userScript() + ": ";
            return new Failed(null, m.startsWith(at) ? at + "error: " + m.substring(at.length()) + "\n" : "fid-embed: error: " + m + "\n");
        }
        Path ld = in.outDir().resolve(in.name() + ".ld");
        Files.writeString(ld, script);
        Path elf = in.outDir().resolve(in.name() + ".elf");
        Path map = in.outDir().resolve(in.name() + ".map");
        Tools.Run run = Tools.link(List.of(in.program(), in.runtime(), stackObject(t, in.outDir())), ld, elf, map);
        if (run.exitCode() == 0) {
            LinkMap linked = LinkMap.read(map);
            checkStartup(linked, in.optimizedIr());
            return new Linked(elf, map, linked, model, reserve);
        }
        Allocation measured = measureOverflow(in, model, reserve);
        return measured != null && measured.hasErrors() ? new Failed(measured, null) : new Failed(null, linkerMessage(run.output()));
    }

    /**
     * The start-up code copies .data and zeroes .bss only when the program has such variables (Startup):
     * an image whose start-up left out a loop must have nothing in that section, or its variables would
     * start with garbage. A failure here is the compiler's fault.
     */
    static void checkStartup(LinkMap linked, String optimizedIr) {
        for (String[] s : new String[][]{{".data", "@__data_load"}, {".bss", "@__bss_start"}}) {
            LinkMap.OutSection out = linked.outputs().get(s[0]);
            if (out != null && out.size() > 0 && optimizedIr != null && !optimizedIr.contains(s[1]))
                throw new IllegalStateException("the start-up code does not initialise " + s[0] + ", but the image has " + out.size() + " B in it");
        }
    }

    /**
     * Links into regions 64 times the board's and gives the allocator the linker's account of that image
     * against the real regions: the overflow error then names the objects that do not fit.
     */
    private static Allocation measureOverflow(Input in, StackBound.Model model, long reserve) {
        Target t = in.target();
        Path ld = in.outDir().resolve(in.name() + ".measure.ld");
        Path elf = in.outDir().resolve(in.name() + ".measure.elf");
        Path map = in.outDir().resolve(in.name() + ".measure.map");
        try {
            List<MemoryRegion> big = new ArrayList<>();
            for (MemoryRegion m : t.regions())
                big.add(new MemoryRegion(m.name(), m.origin(), Math.min(Math.min(m.length() * 64, 0x40000000L), 0x1_0000_0000L - m.origin()), m.attrs(), m.kind()));
            MemoryRegion code = big.stream().filter(m -> m.name().equals(t.codeRegion().name())).findFirst().orElseThrow();
            MemoryRegion data = big.stream().filter(m -> m.name().equals(t.dataRegion().name())).findFirst().orElseThrow();
            Files.writeString(ld, LinkerScripts.generate(t.withRegions(big, code, data), Layout.of(reserve).withRamfunc(in.ramfunc())));
            if (Tools.link(List.of(in.program(), in.runtime(), stackObject(t, in.outDir())), ld, elf, map).exitCode() != 0) return null;
            LinkMap linked = LinkMap.read(map);
            return MemoryMap.allocate(t, StackBound.keep(model, new HashSet<>(linked.symbols())), linked, in.dataLocs());
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            for (Path p : List.of(ld, elf, map)) {
                try { Files.deleteIfExists(p); } catch (IOException ignored) { }
            }
        }
    }

    /** The object holding the empty writable NOBITS .stack input section (LinkerScripts.STACK_SECTION_ASM). */
    static Path stackObject(Target t, Path outDir) throws IOException {
        Path asm = outDir.resolve("stack.s");
        Path obj = outDir.resolve("stack.o");
        Files.writeString(asm, LinkerScripts.STACK_SECTION_ASM);
        Tools.Run run = Tools.run(List.of(Tools.tool("llvm-mc").toString(), "-triple=" + t.llvmTriple(), "-filetype=obj", asm.toString(),
                "-o", obj.toString()), 60);
        Files.deleteIfExists(asm);
        if (run.exitCode() != 0) throw new IOException("cannot assemble the stack section: " + run.output());
        return obj;
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
