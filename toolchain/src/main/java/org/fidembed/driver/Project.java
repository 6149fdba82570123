// What `SRC` names: one .fs file, a project folder with fid.toml (name, sources in compilation
// order, default board, linker-script override), or a folder whose .fs files compile in name order.
package org.fidembed.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public record Project(String name, Path root, List<Source> sources, String defaultBoard, Path linkerScript,
                      boolean singleFile) {

    /** A source file: its name in diagnostics and panics, and its bytes. */
    public record Source(String displayName, Path path, byte[] bytes) { }

    /** A problem with the command line's SRC (missing file, bad fid.toml): exit code 2. */
    public static final class ProjectException extends RuntimeException {
        public ProjectException(String m) { super(m); }
    }

    public static Project load(Path src) {
        if (!Files.exists(src)) throw new ProjectException("no such file or folder: " + src + " (give a .fs file or a project folder with fid.toml)");
        try {
            if (Files.isRegularFile(src)) {
                if (!src.toString().endsWith(".fs")) throw new ProjectException(src + " is not an F# source (.fs) file or a project folder");
                String base = src.getFileName().toString();
                String name = base.substring(0, base.length() - 3);
                return new Project(name, src.toAbsolutePath().getParent(), List.of(new Source(base, src, Files.readAllBytes(src))), null, null, true);
            }
            Path toml = src.resolve("fid.toml");
            if (Files.exists(toml)) return fromToml(src, toml);
            List<Path> files;
            try (Stream<Path> s = Files.list(src)) {
                files = s.filter(p -> p.toString().endsWith(".fs")).sorted().toList();
            }
            if (files.isEmpty()) throw new ProjectException(src + " has no fid.toml and no .fs files");
            List<Source> sources = new ArrayList<>();
            for (Path p : files) sources.add(new Source(p.getFileName().toString(), p, Files.readAllBytes(p)));
            return new Project(src.toAbsolutePath().normalize().getFileName().toString(), src, sources, null, null, false);
        } catch (IOException e) {
            throw new ProjectException("cannot read " + src + ": " + e.getMessage());
        }
    }

    private static Project fromToml(Path dir, Path toml) throws IOException {
        JsonNode n;
        try {
            n = new TomlMapper().readTree(toml.toFile());
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new ProjectException(toml + ": " + msg);
        }
        String name = n.path("name").asText(dir.toAbsolutePath().normalize().getFileName().toString());
        JsonNode srcs = n.get("sources");
        if (srcs == null || !srcs.isArray() || srcs.isEmpty()) throw new ProjectException(toml + ": key 'sources' must list the .fs files in compilation order");
        List<Source> sources = new ArrayList<>();
        for (JsonNode s : srcs) {
            Path p = dir.resolve(s.asText());
            if (!Files.isRegularFile(p)) throw new ProjectException(toml + ": source '" + s.asText() + "' does not exist");
            sources.add(new Source(dir.relativize(p).toString().replace('\\', '/'), p, Files.readAllBytes(p)));
        }
        String board = n.hasNonNull("board") ? n.get("board").asText() : null;
        Path script = n.hasNonNull("linker-script") ? dir.resolve(n.get("linker-script").asText()) : null;
        if (script != null && !Files.isRegularFile(script)) throw new ProjectException(toml + ": linker-script '" + n.get("linker-script").asText() + "' does not exist");
        return new Project(name, dir, sources, board, script, false);
    }
}
