// Board facts for the tests, as the CLI would fill them from the bluepill and longan-nano profiles.
// Manual boot entry: pseudo-terminals have no modem lines to drive.
package org.fidembed.flasher.testing;

import java.util.Optional;
import org.fidembed.flasher.BootEntry;
import org.fidembed.flasher.CoreKind;
import org.fidembed.flasher.Dialect;
import org.fidembed.flasher.FlashTarget;
import org.fidembed.flasher.MemoryRegion;

public final class TestTargets {
    private TestTargets() {}

    public static FlashTarget bluepill() {
        return new FlashTarget("bluepill", "STM32F103C8", Dialect.STM32, CoreKind.CORTEX_M, 0x410,
                new MemoryRegion(0x0800_0000L, 64 * 1024), 1024, Optional.of(new MemoryRegion(0x2000_0000L, 20 * 1024)),
                BootEntry.manual(), 115200);
    }

    public static FlashTarget longanNano() {
        return new FlashTarget("longan-nano", "GD32VF103CB", Dialect.GD32V, CoreKind.RISCV, 0x410,
                new MemoryRegion(0x0800_0000L, 128 * 1024), 1024, Optional.of(new MemoryRegion(0x2000_0000L, 32 * 1024)),
                BootEntry.manual(), 115200);
    }
}
