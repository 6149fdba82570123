// What `SRC` names: one .fs file, a project folder with fid.toml (name, sources in compilation
// order, default board, linker-script override, [capabilities] over the board's, panic strategy), or a
// folder whose .fs files compile in name order.
// fid.toml is checked: unknown keys (with a did-you-mean), syntax errors at LINE:COL, a plain `name`.
package org.fidembed.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.fidembed.board.ProfileLayer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public record Project(String name, Path root, List<Source> sources, String defaultBoard, Path linkerScript,
                      boolean singleFile, java.util.Optional<ProfileLayer> profileLayer, org.fidembed.board.PanicStrategy panic) {

    public Project(String name, Path root, List<Source> sources, String defaultBoard, Path linkerScript, boolean singleFile) {
        this(name, root, sources, defaultBoard, linkerScript, singleFile, java.util.Optional.empty(), null);
    }

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

    /** The keys of fid.toml: what the driver reads, plus `tests` (fid-embed test) and the matrix's `[example]` table. */
    static final List<String> KEYS = List.of("name", "sources", "board", "linker-script", "panic", "tests", "example", "capabilities");

    private static Project fromToml(Path dir, Path toml) throws IOException {
        String text = Files.readString(toml);
        JsonNode n;
        try {
            n = new TomlMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            String where = loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() + ":" + Math.max(1, loc.getColumnNr()) : "";
            throw new ProjectException(toml + where + ": invalid TOML: " + msg);
        }
        if (n == null || !n.isObject()) n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        List<String> lines = text.lines().toList();
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k))
                throw new ProjectException(at(toml, lines, k) + "unknown key '" + k + "'" + org.fidembed.diag.Suggest.didYouMean(k, KEYS)
                        + "; fid.toml knows " + String.join(", ", KEYS));
        }
        String name = n.has("name") ? text(n, "name", toml, lines) : dir.toAbsolutePath().normalize().getFileName().toString();
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") || name.equals("..") || name.length() > 100)
            throw new ProjectException(at(toml, lines, "name") + "name '" + name + "' must be a plain file name (letters, digits, '_', '-', '.'; "
                    + "no '/' or '..'): the images are written as OUT/NAME.elf");
        JsonNode srcs = n.get("sources");
        if (srcs == null || !srcs.isArray() || srcs.isEmpty())
            throw new ProjectException(at(toml, lines, "sources") + "key 'sources' must list the .fs files in compilation order");
        List<Source> sources = new ArrayList<>();
        for (JsonNode s : srcs) {
            if (!s.isTextual()) throw new ProjectException(at(toml, lines, "sources") + "key 'sources' lists file names (strings), found " + s);
            Path p = dir.resolve(s.asText());
            if (!Files.isRegularFile(p)) throw new ProjectException(at(toml, lines, "sources") + "source '" + s.asText() + "' does not exist");
            sources.add(new Source(dir.relativize(p).toString().replace('\\', '/'), p, Files.readAllBytes(p)));
        }
        String board = n.hasNonNull("board") ? text(n, "board", toml, lines) : null;
        Path script = n.hasNonNull("linker-script") ? dir.resolve(text(n, "linker-script", toml, lines)) : null;
        if (script != null && !Files.isRegularFile(script))
            throw new ProjectException(at(toml, lines, "linker-script") + "linker-script '" + n.get("linker-script").asText() + "' does not exist");
        // [capabilities] over the board's, as one more profile layer (checked with the board's, naming fid.toml)
        java.util.Optional<ProfileLayer> layer = java.util.Optional.empty();
        if (n.has("capabilities")) {
            if (!n.get("capabilities").isObject())
                throw new ProjectException(at(toml, lines, "capabilities") + "key 'capabilities' must be a table: [capabilities] fpu, dsp, mve, atomics");
            com.fasterxml.jackson.databind.node.ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            root.set("capabilities", n.get("capabilities"));
            layer = java.util.Optional.of(new ProfileLayer(toml.toString(), root));
        }
        org.fidembed.board.PanicStrategy panic = null;
        if (n.hasNonNull("panic")) {
            String p = text(n, "panic", toml, lines);
            panic = org.fidembed.board.PanicStrategy.byId(p).orElseThrow(() -> new ProjectException(at(toml, lines, "panic")
                    + "key 'panic' must be " + org.fidembed.board.PanicStrategy.choices() + ", found \"" + p + "\""));
        }
        return new Project(name, dir, sources, board, script, false, layer, panic);
    }

    private static String text(JsonNode n, String key, Path toml, List<String> lines) {
        JsonNode v = n.get(key);
        if (!v.isTextual()) throw new ProjectException(at(toml, lines, key) + "key '" + key + "' must be a string, found " + v);
        return v.asText();
    }

    /** "fid.toml:LINE: " for a key (FILE: when the line is not found). */
    private static String at(Path toml, List<String> lines, String key) {
        var line = org.fidembed.diag.TomlKeys.line(lines, key);
        return toml + (line.isPresent() ? ":" + line.getAsInt() : "") + ": ";
    }
}
