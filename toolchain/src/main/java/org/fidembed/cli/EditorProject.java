// What lets an F# editor (Ionide, Rider) type-check a fid-embed project as ordinary F#: the prelude's
// F# sources for the project's board, extracted into .fid/editor/, and an .fsproj that compiles them
// and then the project's files in the order fid-embed does (sources, tests, the file with main last).
package org.fidembed.cli;

import org.fidembed.board.Target;
import org.fidembed.diag.SourceFile;
import org.fidembed.driver.Build;
import org.fidembed.driver.Prelude;
import org.fidembed.driver.Project;
import org.fidembed.driver.TargetAdapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class EditorProject {
    private EditorProject() { }

    /** Where the prelude's sources go, inside the project folder. */
    static final String DIR = ".fid/editor";

    /** The project's files in the editor's compilation order, relative to the project folder. */
    static List<String> compileOrder(Path dir) {
        Project p = Project.load(dir);
        List<String> out = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (TestSuite.Source s : TestSuite.sources(List.of(dir))) {
            out.add(relative(dir, s.path()));
            seen.add(s.path().toAbsolutePath().normalize());
        }
        for (Project.Source s : p.sources()) {
            if (!seen.contains(s.path().toAbsolutePath().normalize())) out.add(relative(dir, s.path()));
        }
        return out;
    }

    /** Writes .fid/editor/*.fs for the board and NAME.fsproj; returns the .fsproj's path. */
    static Path write(Path dir, Target target) throws IOException {
        Project p = Project.load(dir);
        Path editor = Files.createDirectories(dir.resolve(DIR));
        List<String> items = new ArrayList<>();
        java.util.Set<String> words = new java.util.HashSet<>();
        for (Project.Source s : p.sources()) words.addAll(Prelude.words(new String(s.bytes(), java.nio.charset.StandardCharsets.UTF_8)));
        for (SourceFile f : Prelude.editorFiles(TargetAdapter.info(target), words)) {
            Files.writeString(editor.resolve(f.name()), f.text());
            items.add(DIR + "/" + f.name());
        }
        items.addAll(compileOrder(dir));
        Path fsproj = dir.resolve(p.name() + ".fsproj");
        Files.writeString(fsproj, fsproj(target.name(), items));
        return fsproj;
    }

    static String fsproj(String board, List<String> items) {
        StringBuilder sb = new StringBuilder();
        sb.append("<Project Sdk=\"Microsoft.NET.Sdk\">\n")
          .append("  <!-- For F# editors (Ionide, Rider): the firmware itself is built by fid-embed from fid.toml.\n")
          .append("       Written by fid-embed for board ").append(board).append("; run `fid-embed editor` again after changing\n")
          .append("       fid.toml, the board or fid-embed. -->\n")
          .append("  <PropertyGroup>\n")
          .append("    <OutputType>Exe</OutputType>\n")
          .append("    <TargetFramework>net8.0</TargetFramework>\n")
          .append("  </PropertyGroup>\n")
          .append("  <ItemGroup>\n");
        for (String i : items) sb.append("    <Compile Include=\"").append(xml(i)).append("\" />\n");
        sb.append("  </ItemGroup>\n</Project>\n");
        return sb.toString();
    }

    /** The board a command means: the one given, else the project's, else a usage error. */
    static Target board(Path dir, String given) {
        String name = given != null ? given : Project.load(dir).defaultBoard();
        if (name == null) throw new Build.UsageError("no board: give --board B or set board = \"B\" in " + dir.resolve("fid.toml") + " (fid-embed boards lists them)");
        return Build.loadTarget(name);
    }

    private static String relative(Path dir, Path file) {
        return dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
