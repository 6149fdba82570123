// Where a board's flash is and how it is paged, from its profile: the code region (where the boot image
// sits: vector table or first instruction) and the flash method's page size (the erase unit).
package org.fidembed.flasher;

import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Target;

public record FlashGeometry(MemoryRegion flash, int pageSize) {
    public FlashGeometry {
        if (pageSize <= 0 || (pageSize & 0xFF) != 0 || flash.length() % pageSize != 0) {
            throw new IllegalArgumentException("page size " + pageSize + " must be a multiple of 256 that divides the flash size");
        }
    }

    /** The code region in pages of the board's flash method (a board without one is not flashable). */
    public static FlashGeometry of(Target t) {
        return new FlashGeometry(t.codeRegion(), t.flash().orElseThrow(() -> new IllegalArgumentException(
                "board '" + t.name() + "' has no flash method")).pageSize());
    }

    /** Where the CPU finds its boot image: the vector table (Cortex-M) or first instruction (RISC-V). */
    public long bootAddress() { return flash.origin(); }

    public int pageCount() { return (int) (flash.length() / pageSize); }

    public int pageOf(long address) { return (int) ((address - flash.origin()) / pageSize); }

    public long pageAddress(int page) { return flash.origin() + (long) page * pageSize; }
}
