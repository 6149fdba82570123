// The LLVM executables bundled in org.bytedeco:llvm (llvm-mc, lld, llvm-objcopy), unpacked through JavaCPP's
// cache so tests can assemble and link real ELFs and compare our BIN/HEX with llvm-objcopy's.
package org.fidembed.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

public final class LlvmTools {
    private static final String DIR = "/org/bytedeco/llvm/linux-x86_64/";

    private LlvmTools() {}

    public static boolean available() {
        return "linux-x86_64".equals(Loader.getPlatform());
    }

    /** The path of a bundled tool, executable, with libLLVM beside it under the name it links against. */
    public static synchronized Path tool(String name) throws IOException {
        File lib = Loader.cacheResource(org.bytedeco.llvm.program.llvm.class, DIR + "libLLVM.so");
        File exe = Loader.cacheResource(org.bytedeco.llvm.program.llvm.class, DIR + name);
        if (!exe.canExecute() && !exe.setExecutable(true)) {
            throw new IOException("cannot make " + exe + " executable");
        }
        Path link = lib.toPath().resolveSibling("libLLVM.so.20.1");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createSymbolicLink(link, Path.of("libLLVM.so"));
            } catch (java.nio.file.FileAlreadyExistsException ignored) {
                // another test made it
            }
        }
        return exe.toPath();
    }

    /** Runs a tool, failing with its output when it exits non-zero. */
    public static String run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool(tool).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(tool + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(tool + " " + String.join(" ", args) + " failed: " + out);
        }
        return out.toString();
    }

    /** Assembles and links: source (GNU as syntax) for triple, placed by a linker script. */
    public static Path buildElf(Path dir, String name, String triple, String cpu, String asm, String linkerScript)
            throws IOException, InterruptedException {
        Path s = dir.resolve(name + ".s");
        Path o = dir.resolve(name + ".o");
        Path ld = dir.resolve(name + ".ld");
        Path elf = dir.resolve(name + ".elf");
        Files.writeString(s, asm);
        Files.writeString(ld, linkerScript);
        List<String> mc = new ArrayList<>(List.of("-triple", triple, "-filetype=obj", s.toString(), "-o", o.toString()));
        if (cpu != null) {
            mc.add("-mcpu=" + cpu);
        }
        run("llvm-mc", mc.toArray(String[]::new));
        run("lld", "-flavor", "gnu", "-T", ld.toString(), o.toString(), "-o", elf.toString(), "-z", "max-page-size=4096");
        return elf;
    }
}
