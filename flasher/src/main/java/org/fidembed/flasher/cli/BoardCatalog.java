// The small interface the toolchain's CLI implements so the flasher needs neither board-profiles nor the
// compiler: board facts by name (or profile path), the list of boards, building a source folder, the version.
package org.fidembed.flasher.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fidembed.flasher.serial.UsbId;

public interface BoardCatalog {
    /** Facts for a profile name or profile file path; empty when unknown (the CLI then exits 2). */
    Optional<BoardFacts> lookup(String board);

    /** Every board with a serial flashing target, for `ports`. */
    List<BoardFacts> boards();

    /** Compiles SRC (a .fs file or project folder) for the board and returns the ELF; diagnostics already printed. */
    Path buildImage(String board, Path src) throws BuildFailedException;

    /** Recorded in bundles. */
    String toolchainVersion();

    final class BuildFailedException extends Exception {
        public BuildFailedException(String message) {
            super(message);
        }
    }

    /** Which boards (by name) carry each bridge. */
    default Map<UsbId, List<String>> boardsByBridge() {
        Map<UsbId, List<String>> m = new HashMap<>();
        for (BoardFacts f : boards()) {
            for (UsbId id : f.usbBridges()) {
                m.computeIfAbsent(id, k -> new ArrayList<>()).add(f.board());
            }
        }
        return m;
    }

    /** A catalog of fixed facts that cannot build sources: for tests and for using the flasher on its own. */
    static BoardCatalog of(String toolchainVersion, List<BoardFacts> facts) {
        return new BoardCatalog() {
            @Override
            public Optional<BoardFacts> lookup(String board) {
                return facts.stream().filter(f -> f.board().equals(board)).findFirst();
            }

            @Override
            public List<BoardFacts> boards() {
                return facts;
            }

            @Override
            public Path buildImage(String board, Path src) throws BuildFailedException {
                throw new BuildFailedException("this fid-embed cannot compile sources (no compiler attached); give an image");
            }

            @Override
            public String toolchainVersion() {
                return toolchainVersion;
            }
        };
    }
}
