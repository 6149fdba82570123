// Checks of what the simulated chip holds after a flash, byte for byte: every page the image covers
// holds the image (0xFF in gaps), every other page still holds the previous firmware.
package org.fidembed.flasher;

import org.fidembed.board.Target;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fidembed.image.FirmwareImage;
import org.fidembed.flasher.sim.BootloaderSimulator;

final class SimAssertions {
    private SimAssertions() {}

    static void assertFlashHolds(BootloaderSimulator sim, FirmwareImage image, Target target) {
        byte[] now = sim.flash();
        byte[] before = sim.initialFlash();
        int pageSize = target.flash().orElseThrow().pageSize();
        int covered = 0;
        for (int p = 0; p < now.length / pageSize; p++) {
            long a = target.codeRegion().origin() + (long) p * pageSize;
            byte[] actual = Arrays.copyOfRange(now, p * pageSize, (p + 1) * pageSize);
            if (image.coversAny(a, a + pageSize)) {
                covered++;
                assertArrayEquals(image.slice(a, a + pageSize, 0xFF), actual, "page " + p + " must hold the image");
            } else {
                assertArrayEquals(Arrays.copyOfRange(before, p * pageSize, (p + 1) * pageSize), actual,
                        "page " + p + " is outside the image and must not be erased");
            }
        }
        assertTrue(covered > 0, "the image covers at least one page");
    }

    /** The boot page holds nothing that could start: still erased. */
    static void assertBootPageErased(BootloaderSimulator sim, Target target) {
        byte[] page = sim.flash(target.codeRegion().origin(), target.flash().orElseThrow().pageSize());
        for (int i = 0; i < page.length; i++) {
            if (page[i] != (byte) 0xFF) {
                throw new AssertionError("boot page byte " + i + " is 0x" + Integer.toHexString(page[i] & 0xFF)
                        + ", expected erased (0xFF) after an interrupted flash");
            }
        }
    }
}
