// The profile files that ship inside this module's jar (or classes directory): listing them by layer kind
// and reading one. Adding a board is adding a file under boards/; no index needs updating.
package org.fidembed.board;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

final class Shipped {
    static final String ROOT = "org/fidembed/board/profiles/";

    /** The layer kinds, each a folder of TOML files. */
    enum Kind {
        CORE("core", "cores"), CHIP("chip", "chips"), BOARD("board", "boards"), MEMORY("memory", "memory");

        final String prefix;
        final String folder;

        Kind(String prefix, String folder) {
            this.prefix = prefix;
            this.folder = folder;
        }

        static Optional<Kind> ofPrefix(String p) {
            for (Kind k : values()) if (k.prefix.equals(p)) return Optional.of(k);
            return Optional.empty();
        }

        String label(String name) { return folder + "/" + name + ".toml"; }
    }

    private Shipped() { }

    static Optional<String> read(Kind kind, String name) {
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) return Optional.empty();
        try (InputStream in = Shipped.class.getClassLoader().getResourceAsStream(ROOT + kind.label(name))) {
            if (in == null) return Optional.empty();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProfileException(kind.label(name), null, "cannot read the shipped profile: " + e.getMessage());
        }
    }

    /** The names (file names without .toml) of one kind, sorted. */
    static List<String> list(Kind kind) {
        String prefix = ROOT + kind.folder + "/";
        TreeSet<String> names = new TreeSet<>();
        try {
            // Where this class was loaded from: a classes directory or a jar (which may lack directory entries).
            CodeSource cs = Shipped.class.getProtectionDomain().getCodeSource();
            Path location = cs == null ? null : Path.of(cs.getLocation().toURI());
            if (location != null && Files.isDirectory(location)) {
                Path dir = location.resolve(prefix);
                if (Files.isDirectory(dir))
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(p -> p.getFileName().toString()).forEach(f -> addName(names, f));
                    }
            } else if (location != null && Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        String n = e.getName();
                        if (n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0) addName(names, n.substring(prefix.length()));
                    }
                }
            } else {
                throw new IOException("cannot tell where " + Shipped.class.getName() + " was loaded from");
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("internal error: cannot list the shipped " + kind.folder + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(names);
    }

    private static void addName(TreeSet<String> names, String file) {
        if (file.endsWith(".toml")) names.add(file.substring(0, file.length() - ".toml".length()));
    }
}
