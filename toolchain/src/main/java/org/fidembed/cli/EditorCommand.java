// `fid-embed editor [DIR] [--board B]`: (re)writes what F# editors need to type-check a project as
// ordinary F#: the prelude's sources for its board in .fid/editor/ and NAME.fsproj listing them and the
// project's files in fid-embed's compilation order. `fid-embed new` does the same for a new project.
package org.fidembed.cli;

import org.fidembed.driver.Build;
import org.fidembed.driver.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "editor", mixinStandardHelpOptions = true,
        description = "Write NAME.fsproj and the prelude's F# sources (.fid/editor/) for a project, so that F# editors "
                + "(Ionide, Rider) type-check it as ordinary F#, with completion and tooltips. Run it again after changing "
                + "fid.toml, the board or fid-embed.")
public final class EditorCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the project folder, with fid.toml (default: the current folder)")
    Path dir = Path.of(".");

    @Option(names = {"-b", "--board"}, paramLabel = "B", description = "the board whose prelude to write (default: the project's board)")
    String board;

    @Override public Integer call() throws IOException {
        if (!Files.isRegularFile(dir.resolve("fid.toml"))) {
            throw new Build.UsageError(dir + " is not a project folder (it has no fid.toml); 'fid-embed new NAME' makes one");
        }
        try {
            Path fsproj = EditorProject.write(dir, EditorProject.board(dir, board));
            Main.out.println("wrote " + fsproj + " and " + dir.resolve(EditorProject.DIR) + "/");
        } catch (Project.ProjectException e) {
            throw new Build.UsageError(e.getMessage());
        }
        return 0;
    }
}
