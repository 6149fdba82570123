// Connects the flasher's commands to the toolchain: boards are the composed profiles themselves (a broken
// profile is reported with its file, key and line, as `build` does), and `flash SRC` builds the image with
// the driver first.
package org.fidembed.cli;

import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.driver.Build;
import org.fidembed.flasher.cli.BoardCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

final class CliBoardCatalog implements BoardCatalog {
    private List<Target> shipped;

    @Override public synchronized List<Target> boards() {
        if (shipped == null) shipped = Profiles.all();
        return shipped;
    }

    @Override public Path buildImage(String board, Path src) throws BuildFailedException {
        try {
            Path out = Files.createTempDirectory("fid-embed-flash");
            Build.Result r = Build.build(Build.Request.of(src).board(board).outDir(out).build(), Main.out, Main.err);
            if (r.exitCode() != 0) throw new BuildFailedException("the build of " + src + " for " + board + " failed");
            return r.elf();
        } catch (java.io.IOException e) {
            throw new BuildFailedException("cannot build " + src + ": " + e.getMessage());
        } catch (Build.UsageError e) {
            throw new BuildFailedException(e.getMessage());
        }
    }

    @Override public String toolchainVersion() { return "fid-embed " + Main.VERSION; }
}
