// Lets CLI tests use the byte-for-byte flash check that lives beside the flasher tests.
// The check itself: covered pages hold the image, every other page the previous firmware.
package org.fidembed.flasher.cli;

import java.util.Arrays;
import org.fidembed.image.FirmwareImage;
import org.fidembed.flasher.sim.SimBoard;
import org.fidembed.flasher.testing.TestTargets;

final class SimAssertionsBridge {
    private SimAssertionsBridge() {}

    static void assertHolds(SimBoard b, FirmwareImage img) {
        byte[] now = b.sim().flash();
        byte[] before = b.sim().initialFlash();
        int page = TestTargets.bluepill().flash().orElseThrow().pageSize();
        for (int p = 0; p < now.length / page; p++) {
            long a = 0x0800_0000L + (long) p * page;
            byte[] want = img.coversAny(a, a + page) ? img.slice(a, a + page, 0xFF) : Arrays.copyOfRange(before, p * page, (p + 1) * page);
            if (!Arrays.equals(want, Arrays.copyOfRange(now, p * page, (p + 1) * page))) {
                throw new AssertionError("page " + p + " differs");
            }
        }
    }
}
