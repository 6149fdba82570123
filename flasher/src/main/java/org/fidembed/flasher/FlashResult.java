// What Flasher.flash returns: Flashed (with device facts, times and recovery counters) or Failed
// (kind, message for the user, whether the flash was already modified). Exit code 0 or 1 per docs/cli.md.
package org.fidembed.flasher;

import java.util.List;
import org.fidembed.flasher.protocol.BootloaderInfo;

public sealed interface FlashResult permits FlashResult.Flashed, FlashResult.Failed {

    int exitCode();

    FlashStats stats();

    record Flashed(
            String port,
            BootloaderInfo device,
            long imageBytes,
            int pagesErased,
            boolean verified,
            boolean started,
            PhaseTimes times,
            FlashStats stats,
            List<String> warnings) implements FlashResult {
        public Flashed {
            warnings = List.copyOf(warnings);
        }

        @Override
        public int exitCode() {
            return 0;
        }
    }

    record Failed(FailureKind kind, String message, boolean flashModified, FlashStats stats) implements FlashResult {
        @Override
        public int exitCode() {
            return 1;
        }
    }
}
