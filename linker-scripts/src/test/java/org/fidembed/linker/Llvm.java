// The bundled LLVM executables (lld, llvm-mc) for the tests, taken from the org.bytedeco:llvm jar through
// JavaCPP's cache, with the libLLVM.so.20.1 link that lld needs to start (the jar ships only libLLVM.so).
package org.fidembed.linker;

import org.bytedeco.javacpp.Loader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

final class Llvm {
    private static final String DIR = "/org/bytedeco/llvm/" + Loader.getPlatform() + "/";
    private static Path lld;
    private static Path mc;

    private Llvm() { }

    record Result(int exitCode, String output) { }

    static synchronized Path lld() throws IOException {
        if (lld == null) lld = tool("lld");
        return lld;
    }

    static synchronized Path mc() throws IOException {
        if (mc == null) mc = tool("llvm-mc");
        return mc;
    }

    private static Path tool(String name) throws IOException {
        File f = Loader.cacheResource(org.bytedeco.llvm.program.llvm.class, DIR + name);
        if (f == null) throw new IOException("no " + name + " in the bytedeco llvm jar");
        if (!f.canExecute() && !f.setExecutable(true)) throw new IOException("cannot make " + f + " executable");
        Path dir = f.toPath().getParent();
        Path lib = dir.resolve("libLLVM.so");
        Path versioned = dir.resolve("libLLVM.so.20.1");
        if (!Files.exists(lib) && !Files.exists(versioned))
            Loader.cacheResource(org.bytedeco.llvm.program.llvm.class, DIR + "libLLVM.so");
        link(versioned, "libLLVM.so");
        return f.toPath();
    }

    private static void link(Path link, String target) throws IOException {
        if (Files.exists(link)) return;
        try {
            Files.createSymbolicLink(link, Path.of(target));
        } catch (FileAlreadyExistsException e) {
            // another test JVM made it meanwhile
        }
    }

    static Result run(List<String> cmd, Path workDir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout: " + cmd);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Assembles {@code source} for the target described by triple, cpu and features. */
    static Path assemble(Path dir, String name, String source, String triple, String cpu, String features) throws IOException, InterruptedException {
        Path s = dir.resolve(name + ".s");
        Path o = dir.resolve(name + ".o");
        Files.writeString(s, source);
        List<String> cmd = new ArrayList<>(List.of(mc().toString(), "-triple=" + triple, "-mcpu=" + cpu, "-filetype=obj", "-g"));
        if (!features.isEmpty()) cmd.add("-mattr=" + features);
        cmd.addAll(List.of(s.toString(), "-o", o.toString()));
        Result r = run(cmd, dir);
        if (r.exitCode() != 0) throw new AssertionError("llvm-mc failed:\n" + r.output() + "\n" + source);
        return o;
    }

    /** Links objects with a script; orphans and warnings are errors. */
    static Result link(Path dir, Path script, Path out, Path... objects) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(lld().toString(), "-flavor", "gnu", "-T", script.toString(),
                "--orphan-handling=error", "--fatal-warnings", "-z", "max-page-size=4096", "-o", out.toString()));
        for (Path o : objects) cmd.add(o.toString());
        return run(cmd, dir);
    }
}
