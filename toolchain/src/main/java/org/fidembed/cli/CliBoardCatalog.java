// Connects the flasher's commands to the toolchain: board facts come from the composed profiles,
// and `flash SRC` builds the image with the driver first.
package org.fidembed.cli;

import org.fidembed.board.FlashMethod;
import org.fidembed.board.Profiles;
import org.fidembed.board.Target;
import org.fidembed.driver.Build;
import org.fidembed.flasher.BootEntry;
import org.fidembed.flasher.CoreKind;
import org.fidembed.flasher.Dialect;
import org.fidembed.flasher.FlashTarget;
import org.fidembed.flasher.MemoryRegion;
import org.fidembed.flasher.cli.BoardCatalog;
import org.fidembed.flasher.cli.BoardFacts;
import org.fidembed.image.Uf2;
import org.fidembed.flasher.serial.UsbId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class CliBoardCatalog implements BoardCatalog {

    @Override public Optional<BoardFacts> lookup(String board) {
        Target t;
        try {
            t = Profiles.load(board);
        } catch (org.fidembed.board.ProfileException e) {
            return Optional.empty();
        }
        return Optional.of(facts(t));
    }

    @Override public List<BoardFacts> boards() {
        List<BoardFacts> out = new ArrayList<>();
        for (Target t : Profiles.all()) if (t.flash().isPresent()) out.add(facts(t));
        return out;
    }

    @Override public Path buildImage(String board, Path src) throws BuildFailedException {
        try {
            Path out = Files.createTempDirectory("fid-embed-flash");
            Build.Result r = Build.build(new Build.Request(src, board, out, null, false, false, false, false), Main.out, Main.err);
            if (r.exitCode() != 0) throw new BuildFailedException("the build of " + src + " for " + board + " failed");
            return r.elf();
        } catch (java.io.IOException e) {
            throw new BuildFailedException("cannot build " + src + ": " + e.getMessage());
        } catch (Build.UsageError e) {
            throw new BuildFailedException(e.getMessage());
        }
    }

    @Override public String toolchainVersion() { return "fid-embed " + Main.VERSION; }

    static BoardFacts facts(Target t) {
        MemoryRegion flash = new MemoryRegion(t.codeRegion().origin(), t.codeRegion().length());
        MemoryRegion ram = new MemoryRegion(t.dataRegion().origin(), t.dataRegion().length());
        CoreKind core = t.isCortexM() ? CoreKind.CORTEX_M : CoreKind.RISCV;
        if (t.flash().isEmpty()) {
            // a QEMU board: no bootloader, but its image facts serve `bundle`
            FlashTarget ft = new FlashTarget(t.name(), t.chip(), Dialect.STM32, core, 0, flash, pageSizeFor(flash), Optional.of(ram),
                    BootEntry.manual(), 115200);
            return new BoardFacts(ft, List.of(), Uf2.familyForChip(t.chip()));
        }
        FlashMethod m = t.flash().get();
        Dialect dialect = m.protocol() == FlashMethod.Protocol.GD32V_USART ? Dialect.GD32V : Dialect.STM32;
        BootEntry entry = m.bootEntry() instanceof org.fidembed.board.BootEntry.Lines l ? BootEntry.parse(l.sequence())
                : new BootEntry.Manual(((org.fidembed.board.BootEntry.Manual) m.bootEntry()).instructions());
        FlashTarget ft = new FlashTarget(t.name(), t.chip(), dialect, core, m.chipId(), flash, m.pageSize(), Optional.of(ram), entry, m.defaultBaud());
        List<UsbId> usb = new ArrayList<>();
        for (FlashMethod.UsbId u : m.usbIds()) usb.add(new UsbId(u.vid(), u.pid()));
        return new BoardFacts(ft, usb, Uf2.familyForChip(t.chip()));
    }

    private static int pageSizeFor(MemoryRegion r) {
        for (int p = 1024; p >= 256; p /= 2) if (r.size() % p == 0) return p;
        return 256;
    }
}
