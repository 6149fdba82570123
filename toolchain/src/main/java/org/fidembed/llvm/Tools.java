// The executables bundled with org.bytedeco:llvm (lld, llvm-objcopy, llvm-size, llvm-objdump):
// extracted once into JavaCPP's cache, made executable, and given the libLLVM.so.20.1 link they
// need to start.
package org.fidembed.llvm;

import org.bytedeco.javacpp.Loader;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

public final class Tools {
    private Tools() { }

    /** The path of a bundled tool ("lld", "llvm-objcopy", ...), ready to run. */
    public static synchronized Path tool(String name) {
        try {
            File f = Loader.cacheResource(org.bytedeco.llvm.program.llvm.class, "/org/bytedeco/llvm/" + Loader.getPlatform() + "/" + name);
            if (!f.canExecute() && !f.setExecutable(true)) throw new IOException("cannot make " + f + " executable");
            Path dir = f.toPath().getParent();
            Path lib = dir.resolve("libLLVM.so");
            Path link = dir.resolve("libLLVM.so.20.1");
            if (!Files.exists(link)) {
                if (!Files.exists(lib)) {
                    Loader.cacheResource(org.bytedeco.llvm.program.llvm.class, "/org/bytedeco/llvm/" + Loader.getPlatform() + "/libLLVM.so");
                }
                try {
                    Files.createSymbolicLink(link, lib.getFileName());
                } catch (java.nio.file.FileAlreadyExistsException ignored) {
                    // another process made it
                }
            }
            return f.toPath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the bundled " + name + ": " + e.getMessage(), e);
        }
    }

    /** The output of a finished tool run. */
    public record Run(int exitCode, String output) { }

    public static Run run(List<String> command, long timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "timed out after " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }

    /** Links objects with the bundled lld using a linker script. */
    public static Run link(List<Path> objects, Path script, Path output, Path map) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool("lld").toString());
        cmd.add("-flavor");
        cmd.add("gnu");
        cmd.add("-T");
        cmd.add(script.toString());
        cmd.add("--gc-sections");
        cmd.add("-z");
        cmd.add("max-page-size=4096");
        cmd.add("--no-undefined");
        cmd.add("--build-id=none");
        // debug information of what --gc-sections dropped points at -1, not 0 (where the vector table is):
        // debuggers and the line-table reader then skip it instead of taking it for code or data at 0
        for (String s : List.of(".debug_info", ".debug_line", ".debug_aranges")) {
            cmd.add("-z");
            cmd.add("dead-reloc-in-nonalloc=" + s + "=0xffffffff");
        }
        if (map != null) { cmd.add("-Map"); cmd.add(map.toString()); }
        cmd.add("-o");
        cmd.add(output.toString());
        for (Path o : objects) cmd.add(o.toString());
        return run(cmd, 120);
    }
}
