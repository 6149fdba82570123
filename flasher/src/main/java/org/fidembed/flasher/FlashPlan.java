// Turns an image and a target into the work of a flash, after checking it: the image fits the flash region
// and its boot image is sane; the pages to erase (boot page first) and the 256-byte blocks to program.
package org.fidembed.flasher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.fidembed.board.Arch;
import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Target;
import org.fidembed.image.Chunk;
import org.fidembed.image.FirmwareImage;

public record FlashPlan(List<Integer> erasePages, int bootPage, Map<Integer, List<Block>> blocksByPage, long imageBytes) {

    public static final int BLOCK = 256;

    /** One Write Memory: a 4-byte multiple of bytes at a 256-aligned address (trailing gap trimmed). */
    public record Block(long address, byte[] data, boolean needsWrite) {
        public Block {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public int length() {
            return data.length;
        }
    }

    public FlashPlan {
        erasePages = List.copyOf(erasePages);
        Map<Integer, List<Block>> copy = new LinkedHashMap<>();
        blocksByPage.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        blocksByPage = java.util.Collections.unmodifiableMap(copy);
    }

    /** Pages in programming order: every other page ascending, then the boot page. */
    public List<Integer> programOrder() {
        List<Integer> out = new ArrayList<>(new TreeSet<>(blocksByPage.keySet()));
        if (out.remove((Integer) bootPage)) {
            out.add(bootPage);
        }
        return out;
    }

    /**
     * The blocks of a page in programming order; in the boot page, the block holding the vector table
     * (or first instruction) comes last, so a cut-off write never leaves a valid entry over a partial image.
     */
    public List<Block> blocksInOrder(int page, long bootAddress) {
        List<Block> blocks = new ArrayList<>(blocksByPage.getOrDefault(page, List.of()));
        if (page == bootPage) {
            Optional<Block> first = blocks.stream()
                    .filter(b -> bootAddress >= b.address() && bootAddress < b.address() + BLOCK).findFirst();
            first.ifPresent(b -> {
                blocks.remove(b);
                blocks.add(b);
            });
        }
        return blocks;
    }

    public long bytesToWrite(boolean includeBootPage) {
        long n = 0;
        for (var e : blocksByPage.entrySet()) {
            if (!includeBootPage && e.getKey() == bootPage) {
                continue;
            }
            for (Block b : e.getValue()) {
                n += b.needsWrite() ? b.length() : 0;
            }
        }
        return n;
    }

    public long bytesToVerify() {
        long n = 0;
        for (List<Block> l : blocksByPage.values()) {
            for (Block b : l) {
                n += b.length();
            }
        }
        return n;
    }

    /** Checks the image against the target and plans the pages; with force, a bad boot image becomes a warning. */
    public static FlashPlan make(FirmwareImage image, Target target, boolean force, List<String> warnings)
            throws FlashException {
        check(image, target, force, " (--force flashes it anyway)", warnings);
        FlashGeometry geo = FlashGeometry.of(target);
        Map<Integer, List<Block>> byPage = new LinkedHashMap<>();
        TreeSet<Integer> pages = new TreeSet<>();
        for (long w = image.lowAddress() & ~(long) (BLOCK - 1); w < image.highAddress(); w += BLOCK) {
            if (!image.coversAny(w, w + BLOCK)) {
                continue;
            }
            int last = -1;
            for (int i = BLOCK - 1; i >= 0; i--) {
                if (image.covers(w + i)) {
                    last = i;
                    break;
                }
            }
            int len = (last + 1 + 3) & ~3;
            byte[] data = image.slice(w, w + len, 0xFF);
            boolean needsWrite = false;
            for (byte b : data) {
                if (b != (byte) 0xFF) {
                    needsWrite = true;
                    break;
                }
            }
            int page = geo.pageOf(w);
            pages.add(page);
            byPage.computeIfAbsent(page, k -> new ArrayList<>()).add(new Block(w, data, needsWrite));
        }
        int bootPage = geo.pageOf(geo.bootAddress());
        List<Integer> erase = new ArrayList<>();
        if (pages.remove(bootPage)) {
            erase.add(bootPage);
        }
        erase.addAll(pages);
        return new FlashPlan(erase, bootPage, byPage, image.dataBytes());
    }

    /**
     * The checks alone (for a bundle as well): the image fits the code region and its boot image is sane.
     * forceHint says how to override a bad boot image ("" where nothing can).
     */
    public static void check(FirmwareImage image, Target target, boolean force, String forceHint, List<String> warnings)
            throws FlashException {
        if (image.isEmpty()) {
            throw new FlashException(FailureKind.BAD_IMAGE, "the image holds no loadable data");
        }
        MemoryRegion flash = target.codeRegion();
        for (Chunk c : image.chunks()) {
            if (c.end() <= flash.origin() || c.address() >= flash.end()) {
                throw new FlashException(FailureKind.BAD_IMAGE, String.format(
                        "the image has %d bytes at 0x%08X, outside %s's flash %s (a RAM section linked without AT > FLASH?)",
                        c.length(), c.address(), target.name(), describe(flash)));
            }
        }
        if (image.lowAddress() < flash.origin()) {
            throw new FlashException(FailureKind.BAD_IMAGE, String.format(
                    "the image starts at 0x%08X, below the flash origin 0x%08X of %s", image.lowAddress(), flash.origin(),
                    target.name()));
        }
        if (image.highAddress() > flash.end()) {
            throw new FlashException(FailureKind.IMAGE_TOO_LARGE, String.format(
                    "the image does not fit: it ends at 0x%08X but %s's flash ends at 0x%08X (%d KiB); %d bytes too many",
                    image.highAddress(), target.name(), flash.end(), flash.length() / 1024, image.highAddress() - flash.end()));
        }
        try {
            checkBootImage(image, target);
        } catch (FlashException e) {
            if (!force) {
                throw new FlashException(e.kind(), e.getMessage() + forceHint);
            }
            warnings.add(e.getMessage() + "; flashing anyway (--force)");
        }
    }

    static void checkBootImage(FirmwareImage image, Target target) throws FlashException {
        long boot = target.codeRegion().origin();
        for (long a = boot; a < boot + 8; a++) {
            if (!image.covers(a)) {
                throw new FlashException(FailureKind.BAD_IMAGE, String.format(
                        "the image has no %s at 0x%08X (it starts at 0x%08X)",
                        target.arch() == Arch.CORTEX_M ? "vector table" : "entry code", boot, image.lowAddress()));
            }
        }
        long w0 = le32(image, boot);
        long w1 = le32(image, boot + 4);
        MemoryRegion ram = target.dataRegion();
        switch (target.arch()) {
            case CORTEX_M -> {
                boolean spOk = w0 != 0 && w0 != 0xFFFF_FFFFL && (w0 & 3) == 0 && w0 > ram.origin() && w0 <= ram.end();
                if (!spOk) {
                    throw new FlashException(FailureKind.BAD_IMAGE, String.format(
                            "the vector table is not sane: initial stack pointer 0x%08X is not a word-aligned address at the top of RAM%s",
                            w0, " " + describe(ram)));
                }
                long pc = w1 & ~1L;
                if ((w1 & 1) == 0 || !target.codeRegion().contains(pc) || !image.covers(pc)) {
                    throw new FlashException(FailureKind.BAD_IMAGE, String.format(
                            "the vector table is not sane: reset vector 0x%08X is not a Thumb address (odd) inside the image's code",
                            w1));
                }
            }
            case RISCV32 -> {
                if (!plausibleRiscvEntry(w0)) {
                    throw new FlashException(FailureKind.BAD_IMAGE, String.format(
                            "the entry code is not sane: the word 0x%08X at 0x%08X is not a RISC-V instruction a reset could start with",
                            w0, boot));
                }
            }
        }
    }

    static boolean plausibleRiscvEntry(long w) {
        if (w == 0 || w == 0xFFFF_FFFFL) {
            return false;
        }
        if ((w & 3) != 3) {
            // compressed: quadrant 1 and 2 hold what a reset can start with (c.j, c.li, c.lui, c.jr, c.mv);
            // quadrant 0 is loads/stores through registers nothing has set up yet (and 0x0000 is illegal)
            return (w & 3) != 0;
        }
        int opcode = (int) (w & 0x7F);
        return switch (opcode) {
            case 0x6F, 0x67, 0x37, 0x17, 0x13, 0x73, 0x03, 0x23, 0x33, 0x63, 0x0F -> true;
            default -> false;
        };
    }

    static String describe(MemoryRegion r) {
        return String.format("0x%08X..0x%08X (%d KiB)", r.origin(), r.end(), r.length() / 1024);
    }

    private static long le32(FirmwareImage image, long a) {
        return image.byteAt(a) | (long) image.byteAt(a + 1) << 8 | (long) image.byteAt(a + 2) << 16
                | (long) image.byteAt(a + 3) << 24;
    }
}
