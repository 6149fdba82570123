// The host programs that commands start (QEMU for `run` and `test`, a debugger later): found on PATH and,
// when missing, installed the way ./run-tests installs them (apt-get as root, through sudo otherwise, one
// `apt-get update` first). Where that is impossible, or FID_EMBED_NO_INSTALL is set, the exact command.
package org.fidembed.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class HostTools {
    private HostTools() { }

    /** Set (to anything) in the environment, fid-embed never installs a program itself. */
    public static final String NO_INSTALL = "FID_EMBED_NO_INSTALL";

    /** A program is missing and was not installed; the message says what to type. */
    public static final class Missing extends RuntimeException {
        public Missing(String m) { super(m); }
    }

    /** The Debian package that holds a program. */
    public static String debianPackage(String executable) {
        return switch (executable) {
            case "qemu-system-riscv32", "qemu-system-riscv64" -> "qemu-system-misc";
            default -> executable;
        };
    }

    /** What a user types to install a package: with sudo unless already root. */
    public static String manualCommand(String pkg, boolean root) {
        String sudo = root ? "" : "sudo ";
        return sudo + "apt-get update && " + sudo + "apt-get install -y " + pkg;
    }

    /** How this process can install packages: directly as root, through sudo, or not at all (empty). */
    static Optional<List<String>> installPrefix(boolean root, boolean aptOnPath, boolean sudoOnPath) {
        if (!aptOnPath) return Optional.empty();
        if (root) return Optional.of(List.of());
        if (sudoOnPath) return Optional.of(List.of("sudo"));
        return Optional.empty();
    }

    /** The commands that install a package, in order: one update, then the install. */
    static List<List<String>> installCommands(List<String> prefix, String pkg) {
        List<String> update = new ArrayList<>(prefix);
        update.addAll(List.of("apt-get", "update", "-qq"));
        List<String> install = new ArrayList<>(prefix);
        install.addAll(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", pkg));
        return List.of(update, install);
    }

    /** The program's path on PATH; if it is missing, installs it (progress on err) or throws Missing. */
    public static Path require(String executable, PrintStream err) {
        Map<String, String> env = System.getenv();
        Optional<Path> found = onPath(executable, env.get("PATH"));
        if (found.isPresent()) return found.get();
        boolean root = isRoot();
        String pkg = debianPackage(executable);
        String manual = manualCommand(pkg, root);
        if (env.containsKey(NO_INSTALL)) {
            throw new Missing(executable + " is not installed (and " + NO_INSTALL + " is set); install it with: " + manual);
        }
        boolean apt = onPath("apt-get", env.get("PATH")).isPresent();
        Optional<List<String>> prefix = installPrefix(root, apt, onPath("sudo", env.get("PATH")).isPresent());
        if (prefix.isEmpty()) {
            String why = apt ? "not root and no sudo" : "no apt-get on this system";
            throw new Missing(executable + " is not installed and fid-embed cannot install it here (" + why + "); install it with: " + manual);
        }
        err.println("fid-embed: " + executable + " is not installed; installing the package " + pkg + " with apt-get"
                + " (set " + NO_INSTALL + "=1 to do it yourself)");
        List<List<String>> cmds = installCommands(prefix.get(), pkg);
        int update = exec(cmds.get(0), err);
        if (update != 0) err.println("fid-embed: 'apt-get update' exited with " + update + "; trying the install anyway");
        int install = exec(cmds.get(1), err);
        if (install != 0) {
            throw new Missing("installing " + pkg + " failed (" + String.join(" ", cmds.get(1)) + " exited with " + install + "); install it with: " + manual);
        }
        return onPath(executable, System.getenv("PATH")).orElseThrow(() ->
                new Missing(pkg + " was installed but " + executable + " is still not on PATH; check PATH or install it with: " + manual));
    }

    /** The first executable file of that name in the folders of a PATH value. */
    public static Optional<Path> onPath(String executable, String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, executable);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Runs one command with this terminal's input (sudo may ask for a password); its output goes to err. */
    private static int exec(List<String> cmd, PrintStream err) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process p = pb.start();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(err);
            }
            err.flush();
            return p.waitFor();
        } catch (IOException e) {
            err.println("fid-embed: cannot run " + cmd.get(0) + ": " + e.getMessage());
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
