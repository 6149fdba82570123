// The bootloader dialects the flasher speaks: ST's USART bootloader (AN3155) and GigaDevice's GD32V ISP,
// which follows AN3155 on the wire but boots RISC-V code and erases flash pages more slowly.
package org.fidembed.flasher;

import java.time.Duration;

public enum Dialect {
    /** ST system memory bootloader, USART protocol of AN3155 (STM32F1: 1 KiB pages, erase ≤ 40 ms a page). */
    STM32("STM32 system bootloader (AN3155)", Duration.ofMillis(100), Duration.ofMillis(500)),
    /**
     * GD32VF103 system bootloader: the AN3155 command set on USART0, 1 KiB pages at 0x08000000, no vector
     * table (the first word at the origin is an instruction), page erase and programming slower than ST's.
     */
    GD32V("GD32V system bootloader (AN3155 dialect)", Duration.ofMillis(300), Duration.ofMillis(1000));

    private final String description;
    private final Duration pageEraseTimeout;
    private final Duration blockWriteTimeout;

    Dialect(String description, Duration pageEraseTimeout, Duration blockWriteTimeout) {
        this.description = description;
        this.pageEraseTimeout = pageEraseTimeout;
        this.blockWriteTimeout = blockWriteTimeout;
    }

    public String description() {
        return description;
    }

    /** Worst-case time to erase one page, with margin. */
    public Duration pageEraseTimeout() {
        return pageEraseTimeout;
    }

    /** Worst-case time to program a 256-byte block, with margin. */
    public Duration blockWriteTimeout() {
        return blockWriteTimeout;
    }
}
