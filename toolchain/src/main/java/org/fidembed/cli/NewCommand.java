// `fid-embed new NAME [--board B]`: a new project folder, in the style of `cargo new`: fid.toml,
// src/App.fs and src/Main.fs, Tests.fs with one [<Test>], a README, a .gitignore, and the .fsproj
// with the extracted prelude that F# editors need. Without --board, a board is chosen from a list
// when on a terminal.
package org.fidembed.cli;

import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.driver.Build;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create the project folder NAME: fid.toml, src/App.fs, src/Main.fs, Tests.fs with one [<Test>], "
                + "a README, a .gitignore, and NAME.fsproj with the prelude's F# sources so that F# editors (Ionide, Rider) "
                + "type-check the firmware as ordinary F#. Without --board, on a terminal, it asks for the board.",
        footer = {"", "Example:", "  fid-embed new blinky --board lm3s6965evb && cd blinky && fid-embed run"})
public final class NewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "the project's folder (created; must not exist) and name")
    Path dir;

    @Option(names = {"-b", "--board"}, paramLabel = "B", description = "the project's board (see 'fid-embed boards'); default: asked on a terminal")
    String board;

    @Override public Integer call() throws IOException {
        String b = board;
        if (b == null) {
            if (System.console() == null) {
                throw new Build.UsageError("give the board with --board B (not on a terminal, so it cannot be asked); boards: " + String.join(", ", Profiles.list()));
            }
            b = askBoard(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), Main.out);
        }
        create(dir, b, Main.out);
        return 0;
    }

    /** Lists the boards and reads a number or a name; a usage error after three wrong answers or at end of input. */
    static String askBoard(BufferedReader in, PrintStream out) throws IOException {
        List<String> names = Profiles.list();
        out.println("Boards (QEMU boards run with 'fid-embed run'; the others are flashed):");
        for (int i = 0; i < names.size(); i++) {
            Target t = Profiles.load(names.get(i));
            out.printf("  %d) %-14s %s%n", i + 1, t.name(), t.qemu().isPresent() ? "QEMU" : "serial, " + t.cpuSummary());
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            out.print("Board [1-" + names.size() + " or a name]: ");
            out.flush();
            String line = in.readLine();
            if (line == null) break;
            line = line.strip();
            if (names.contains(line)) return line;
            try {
                int n = Integer.parseInt(line);
                if (n >= 1 && n <= names.size()) return names.get(n - 1);
            } catch (NumberFormatException ignored) {
                // not a number: say so below
            }
            out.println("'" + line + "' is not one of the boards above");
        }
        throw new Build.UsageError("no board chosen; give it with --board B");
    }

    /** Creates the project; a usage error if NAME is not a plain name or the folder exists. */
    static void create(Path dir, String board, PrintStream out) throws IOException {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new Build.UsageError("'" + name + "' is not a project name: use letters, digits, '-' and '_', starting with a letter");
        }
        if (Files.exists(dir)) throw new Build.UsageError(dir + " already exists; pick another NAME or remove it");
        Target target = Build.loadTarget(board);
        Path src = Files.createDirectories(dir.resolve("src"));
        String boardRef = board.endsWith(".toml") || board.contains("/") ? dir.toAbsolutePath().normalize().relativize(Path.of(board).toAbsolutePath().normalize()).toString() : board;
        Files.writeString(dir.resolve("fid.toml"), Templates.fidToml(name, boardRef));
        Files.writeString(src.resolve("App.fs"), Templates.app(name));
        Files.writeString(src.resolve("Main.fs"), Templates.main(name));
        Files.writeString(dir.resolve("Tests.fs"), Templates.tests());
        Files.writeString(dir.resolve(".gitignore"), Templates.gitignore());
        Files.writeString(dir.resolve("README.md"), Templates.readme(name, target));
        Path fsproj = EditorProject.write(dir, target);
        out.println("Created " + dir + " for board " + target.name() + " (" + target.cpuSummary() + "):");
        for (String f : List.of("fid.toml", "src/App.fs", "src/Main.fs", "Tests.fs", "README.md", ".gitignore", fsproj.getFileName().toString(), EditorProject.DIR + "/")) {
            out.println("  " + f);
        }
        String cd = "cd " + dir;
        out.println(target.qemu().isPresent()
                ? "Next: " + cd + " && fid-embed run     (then: fid-embed test)"
                : "Next: " + cd + " && fid-embed build   (then: fid-embed flash --port PORT)");
    }
}
