// Function symbols of an ELF for turning addresses into "name+0xoff": sorted ranges, binary search.
// On ARM the Thumb bit of an address (an LR value, a vector) is ignored when looking it up. From an
// ELF it also explains the firmware's fault lines at the source line (FaultReport), and with the
// image's trap sites a fault at a trap decodes to its source location.
package org.fidembed.flasher.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fidembed.image.ElfFile;
import org.fidembed.image.FaultReport;
import org.fidembed.image.ImageFormatException;

public final class SymbolTable {
    private final List<ElfFile.Symbol> functions;
    private final boolean thumb;
    private final Optional<FaultReport> faults;
    private final TrapSites traps;

    public SymbolTable(List<ElfFile.Symbol> functions, boolean thumb) { this(functions, thumb, Optional.empty(), TrapSites.none()); }

    public SymbolTable(List<ElfFile.Symbol> functions, boolean thumb, TrapSites traps) { this(functions, thumb, Optional.empty(), traps); }

    private SymbolTable(List<ElfFile.Symbol> functions, boolean thumb, Optional<FaultReport> faults, TrapSites traps) {
        this.functions = functions.stream().sorted(java.util.Comparator.comparingLong(ElfFile.Symbol::address)).toList();
        this.thumb = thumb;
        this.faults = faults;
        this.traps = traps;
    }

    public static SymbolTable fromElf(Path elf) throws IOException, ImageFormatException {
        ElfFile f = ElfFile.parse(elf.toString(), Files.readAllBytes(elf));
        return new SymbolTable(f.functions(), f.machine() == ElfFile.EM_ARM, Optional.of(new FaultReport(f)), TrapSites.of(f));
    }

    /** The crash report of a fault line at the source (file, line, function, cause), when this came from an ELF. */
    public Optional<String> explain(String line) {
        return faults.flatMap(r -> r.explain(line));
    }

    /** The trap sites of the image (trap strategy), to decode a fault at a trap into its location. */
    public TrapSites traps() { return traps; }

    public int size() {
        return functions.size();
    }

    /** "main+0x1c" for an address inside a function (up to the next one when the size is unknown). */
    public Optional<String> describe(long address) {
        long a = thumb ? address & ~1L : address;
        int lo = 0;
        int hi = functions.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (functions.get(mid).address() <= a) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        ElfFile.Symbol s = functions.get(found);
        long end = s.size() > 0 ? s.address() + s.size()
                : found + 1 < functions.size() ? functions.get(found + 1).address() : s.address() + 1;
        if (a >= end) {
            return Optional.empty();
        }
        long off = a - s.address();
        return Optional.of(off == 0 ? s.name() : s.name() + "+0x" + Long.toHexString(off));
    }
}
