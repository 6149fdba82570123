// What the flasher's commands need from the toolchain: board profiles by name or path (a broken profile is
// a ProfileException naming file, key and line), the shipped boards (for `ports` and for naming a look-alike
// chip), building a source folder, and the toolchain version recorded in bundles.
package org.fidembed.flasher.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fidembed.board.FlashMethod;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.board.UsbId;

public interface BoardCatalog {
    /** A profile name or file path; throws ProfileException when it is unknown or broken. */
    default Target load(String board) {
        for (Target t : boards()) {
            if (t.name().equals(board)) {
                return t;
            }
        }
        return Profiles.load(board);
    }

    /** The shipped boards. */
    List<Target> boards();

    /** Compiles SRC (a .fs file or project folder) for the board and returns the ELF; diagnostics already printed. */
    Path buildImage(String board, Path src) throws BuildFailedException;

    /** Recorded in bundles. */
    String toolchainVersion();

    final class BuildFailedException extends Exception {
        public BuildFailedException(String message) {
            super(message);
        }
    }

    /** Which flashable boards (by name) carry each bridge, from their profiles. */
    default Map<UsbId, List<String>> boardsByBridge() {
        Map<UsbId, List<String>> m = new LinkedHashMap<>();
        for (Target t : boards()) {
            for (FlashMethod.UsbBridge b : t.flash().map(FlashMethod::usbIds).orElse(List.of())) {
                m.computeIfAbsent(b.id(), k -> new ArrayList<>()).add(t.name());
            }
        }
        return m;
    }

    /** A catalog of fixed boards that cannot build sources: for tests and for using the flasher on its own. */
    static BoardCatalog of(String toolchainVersion, List<Target> boards) {
        List<Target> fixed = List.copyOf(boards);
        return new BoardCatalog() {
            @Override
            public List<Target> boards() {
                return fixed;
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
