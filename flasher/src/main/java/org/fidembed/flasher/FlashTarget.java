// Everything the flasher needs to know about a board, as plain values: chip ID, flash and RAM regions,
// page size, bootloader dialect, boot-entry wiring and default baud. The CLI fills it from a board profile.
package org.fidembed.flasher;

import java.util.Optional;

public record FlashTarget(
        String board,
        String chip,
        Dialect dialect,
        CoreKind core,
        int chipId,
        MemoryRegion flash,
        int pageSize,
        Optional<MemoryRegion> ram,
        BootEntry bootEntry,
        int defaultBaud) {

    public FlashTarget {
        if (pageSize <= 0 || (pageSize & 0xFF) != 0 || flash.size() % pageSize != 0) {
            throw new IllegalArgumentException("page size " + pageSize + " must be a multiple of 256 that divides the flash size");
        }
        if (chipId < 0 || chipId > 0xFFFF) {
            throw new IllegalArgumentException("chip ID 0x" + Integer.toHexString(chipId) + " is not a 16-bit value");
        }
    }

    /** Where the CPU finds its boot image: the vector table (Cortex-M) or first instruction (RISC-V). */
    public long bootAddress() {
        return flash.origin();
    }

    public int pageCount() {
        return (int) (flash.size() / pageSize);
    }

    public int pageOf(long address) {
        return (int) ((address - flash.origin()) / pageSize);
    }

    public long pageAddress(int page) {
        return flash.origin() + (long) page * pageSize;
    }

    public FlashTarget withBootEntry(BootEntry entry) {
        return new FlashTarget(board, chip, dialect, core, chipId, flash, pageSize, ram, entry, defaultBaud);
    }
}
