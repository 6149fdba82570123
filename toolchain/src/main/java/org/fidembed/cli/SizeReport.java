// `fid-embed size`: the memory report of an existing image, read from its ELF sections and placed
// into the board's regions (load images count in flash, run-time copies in RAM; the stack as reserved).
package org.fidembed.cli;

import org.fidembed.board.MemoryRegion;
import org.fidembed.board.Target;
import org.fidembed.image.ElfFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

final class SizeReport {
    private SizeReport() { }

    static String render(Target t, Path elfPath, boolean verbose) throws Exception {
        ElfFile elf = ElfFile.parse(elfPath.toString(), Files.readAllBytes(elfPath));
        Map<String, long[]> use = new LinkedHashMap<>();
        for (MemoryRegion r : t.regions()) use.put(r.name(), new long[2]);
        long stack = 0;
        StringBuilder sections = new StringBuilder();
        for (ElfFile.Section s : elf.sections()) {
            if ((s.flags() & ElfFile.SHF_ALLOC) == 0 || s.size() == 0) continue;
            if (s.name().startsWith(".stack")) stack += s.size();
            for (MemoryRegion r : t.regions()) {
                if (r.contains(s.addr())) {
                    long[] u = use.get(r.name());
                    if (s.name().startsWith(".stack")) u[1] += s.size(); else u[0] += s.size();
                }
            }
            // the load image of initialised data sits in flash as well
            if (s.type() != ElfFile.SHT_NOBITS && !t.codeRegion().contains(s.addr()) && t.dataRegion().contains(s.addr())) {
                use.get(t.codeRegion().name())[0] += s.size();
            }
            sections.append(String.format("  %-20s 0x%08x %8d B%n", s.name(), s.addr(), s.size()));
        }
        StringBuilder sb = new StringBuilder();
        for (MemoryRegion r : t.regions()) {
            long[] u = use.get(r.name());
            long used = u[0] + u[1];
            if (used == 0 && r != t.codeRegion() && r != t.dataRegion()) continue;
            sb.append(String.format("%-6s %6d / %6d B  (%4.1f%%)", r.name(), used, r.length(), 100.0 * used / r.length()));
            if (r == t.dataRegion()) sb.append(String.format("  static %d, stack %d", u[0], u[1]));
            sb.append('\n');
        }
        if (verbose) sb.append("sections:\n").append(sections);
        return sb.toString();
    }
}
