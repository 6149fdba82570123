// One folder of examples/ and what its test expects, from the [example] table of its fid.toml (the
// driver ignores that table):
//
//   [example]
//   shows = "one line for the gallery table"       # default: the first sentence of README.md
//   boards = ["lm3s6965evb", "bluepill"]          # default: every QEMU board of cli.md
//   build-fails-on = ["bluepill"]                 # the build must exit 1 and print expected.err's lines
//   exit = 3                                      # the firmware's exit code (default 0)
//   stdin = "script.txt"                          # sent to the UART after the first line of output
//   timeout = 30                                  # seconds for each QEMU run (default 30)
//
// On a QEMU board the UART output must equal expected.out (or expected.BOARD.out), where the word
// BOARD stands for the board's name. On a board without QEMU that is not in build-fails-on the build
// must succeed. expected.err lists lines that must appear, in order, in the failing build's
// messages; {n} stands for a number.
package org.fidembed.qemutests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

record Example(String name, Path dir, String shows, List<String> boards, Set<String> buildFailsOn, int exit, Path stdin,
               double timeout) {

    static final double DEFAULT_TIMEOUT = 30;

    /** The folders of examples/ that hold a fid.toml, by name. */
    static List<Example> all() {
        Path root = Firmware.repo().resolve("examples");
        try (Stream<Path> s = Files.list(root)) {
            List<Example> out = new ArrayList<>();
            for (Path d : s.filter(p -> Files.isRegularFile(p.resolve("fid.toml"))).sorted().toList()) out.add(load(d));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Example named(String name) {
        return load(Firmware.repo().resolve("examples").resolve(name));
    }

    static Example load(Path dir) {
        try {
            JsonNode toml = new TomlMapper().readTree(dir.resolve("fid.toml").toFile());
            JsonNode ex = toml.path("example");
            String name = dir.getFileName().toString();
            List<String> boards = strings(ex.get("boards"));
            if (boards.isEmpty()) boards = Firmware.qemuBoards();
            Set<String> fails = new LinkedHashSet<>(strings(ex.get("build-fails-on")));
            for (String b : fails) {
                if (!boards.contains(b)) throw new IllegalArgumentException(name + ": build-fails-on names " + b + ", which is not in boards");
            }
            String shows = ex.hasNonNull("shows") ? ex.get("shows").asText() : firstSentence(dir.resolve("README.md"));
            Path stdin = ex.hasNonNull("stdin") ? dir.resolve(ex.get("stdin").asText()) : null;
            return new Example(name, dir, shows, List.copyOf(boards), fails, ex.path("exit").asInt(0), stdin,
                    ex.path("timeout").asDouble(DEFAULT_TIMEOUT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("fid.toml"), e);
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) for (JsonNode s : n) out.add(s.asText());
        return out;
    }

    /** The first sentence of the README's first paragraph after its title. */
    static String firstSentence(Path readme) throws IOException {
        if (!Files.isRegularFile(readme)) return "";
        StringBuilder para = new StringBuilder();
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("#")) continue;
            if (line.isBlank()) { if (para.length() > 0) break; else continue; }
            para.append(para.length() > 0 ? " " : "").append(line.strip());
        }
        String p = para.toString();
        int dot = p.indexOf(". ");
        return dot < 0 ? p : p.substring(0, dot + 1);
    }

    static String fmt(double d) { return d == Math.floor(d) ? Long.toString((long) d) : Double.toString(d); }

    boolean buildFails(String board) { return buildFailsOn.contains(board); }

    /** What the UART must show on a board. */
    String expectedOutput(String board) throws IOException {
        Path own = dir.resolve("expected." + board + ".out");
        Path f = Files.isRegularFile(own) ? own : dir.resolve("expected.out");
        return Files.readString(f).replace("BOARD", board);
    }

    /** The lines a failing build must print, in order. */
    List<String> expectedErrors() throws IOException {
        return Files.readAllLines(dir.resolve("expected.err")).stream().filter(l -> !l.isBlank()).toList();
    }

    byte[] input() throws IOException {
        return stdin == null ? new byte[0] : Files.readAllBytes(stdin);
    }

    /** The command line that does what the test does. */
    String command(String board) {
        Path rel = Firmware.repo().relativize(dir);
        if (buildFails(board) || !Firmware.qemuBoards().contains(board)) return "./fid-embed build --board " + board + " " + rel;
        String cmd = "./fid-embed run --board " + board + " --timeout " + fmt(timeout) + " " + rel;
        return stdin == null ? cmd : cmd + " < " + Firmware.repo().relativize(stdin);
    }
}
