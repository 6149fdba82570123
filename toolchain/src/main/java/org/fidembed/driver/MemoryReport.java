// The memory report of a linked image, read from its ELF sections: what each region of the board holds
// (code and constants, static data, the stack reserve the link made), the same figures for `build` and
// `size`. Every stack figure says what it is: the reserve (in the image) or the proven bound (from build).
package org.fidembed.driver;

import org.fidembed.alloc.StackBounds;
import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Target;
import org.fidembed.image.ElfFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public record MemoryReport(List<Usage> regions) {

    /** One region: flash-like bytes (code, constants, load images), static RAM data, the stack reserve. */
    public record Usage(MemoryRegion region, long image, long statics, long stack) {
        public long used() { return image + statics + stack; }
    }

    public MemoryReport {
        regions = List.copyOf(regions);
    }

    /** Each allocated section counts where it runs; its load image counts again where it is stored. */
    public static MemoryReport of(Target t, ElfFile elf) {
        List<Usage> out = new ArrayList<>();
        for (MemoryRegion r : t.regions()) {
            long image = 0, statics = 0, stack = 0;
            for (ElfFile.Section s : elf.sections()) {
                if ((s.flags() & ElfFile.SHF_ALLOC) == 0 || s.size() == 0) continue;
                boolean nobits = s.type() == ElfFile.SHT_NOBITS;
                if (r.contains(s.addr())) {
                    if (s.name().startsWith(".stack")) stack += s.size();
                    else if (r.kind() == MemoryRegion.Kind.RAM && !r.equals(t.codeRegion())) statics += s.size();
                    else image += s.size();
                } else if (!nobits && r.contains(elf.loadAddress(s))) {
                    image += s.size(); // the .data image in flash
                }
            }
            if (image + statics + stack > 0 || r.equals(t.codeRegion()) || r.equals(t.dataRegion()))
                out.add(new Usage(r, image, statics, stack));
        }
        return new MemoryReport(out);
    }

    public Optional<Usage> region(String name) {
        return regions.stream().filter(u -> u.region().name().equals(name)).findFirst();
    }

    /**
     * One line per region: {@code RAM  376 / 20480 B  ( 1.8%)  static 120, stack reserve 256, stack bound 192
     * (main 96, isr 96)}: used = static + the reserve the link made; the proven bound only when build has it.
     */
    public String render(Optional<StackBounds> bound) { return render(bound, Optional.empty()); }

    /** The same; the code region's line ends with the panic strategy in force ({@code panics: trap}) when build knows it. */
    public String render(Optional<StackBounds> bound, Optional<org.fidembed.board.PanicStrategy> panic) {
        int name = regions.stream().mapToInt(u -> u.region().name().length()).max().orElse(0);
        int num = regions.stream().mapToInt(u -> Math.max(Long.toString(u.used()).length(), Long.toString(u.region().length()).length()))
                .max().orElse(1);
        StringBuilder sb = new StringBuilder();
        for (Usage u : regions) {
            sb.append(String.format(Locale.ROOT, "%-" + name + "s %" + num + "d / %" + num + "d B  (%4.1f%%)", u.region().name(), u.used(),
                    u.region().length(), 100.0 * u.used() / u.region().length()));
            if (u.region().kind() != MemoryRegion.Kind.RAM) panic.ifPresent(p -> sb.append("  panics: ").append(p.id()));
            if (u.region().kind() == MemoryRegion.Kind.RAM && !(u.statics() == 0 && u.stack() == 0)) {
                sb.append("  static ").append(u.statics());
                if (u.stack() > 0) {
                    sb.append(", stack reserve ").append(u.stack());
                    bound.ifPresent(b -> sb.append(", stack bound ").append(b.program()).append(" (main ").append(b.main().bound())
                            .append(", isr ").append(b.interrupts()).append(')'));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
