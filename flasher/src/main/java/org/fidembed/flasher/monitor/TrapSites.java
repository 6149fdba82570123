// The panic sites of an image built with the trap strategy: the compiler's .fid.panic section (not
// loaded) holds, for each undefined instruction it placed, its address (a word) and "FILE:LINE:COL".
package org.fidembed.flasher.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fidembed.image.ElfFile;
import org.fidembed.image.ImageFormatException;

public final class TrapSites {
    public static final String SECTION = ".fid.panic";
    /** The fault handler's line for a processor fault: "panic: fault (cause 0x...) at pc 0x...". */
    private static final Pattern FAULT_LINE = Pattern.compile("panic: fault \\(cause 0x[0-9a-f]{8}(?: [A-Z0-9_]+)*\\) at pc 0x([0-9a-f]{8})");

    private final Map<Long, String> sites;

    public TrapSites(Map<Long, String> sites) { this.sites = Map.copyOf(sites); }

    /** No sites (an image without traps). */
    public static TrapSites none() { return new TrapSites(Map.of()); }

    /** The sites of an ELF (none when it has no such section). Addresses lose the Thumb bit. */
    public static TrapSites of(ElfFile elf) throws ImageFormatException {
        Optional<ElfFile.Section> sec = elf.section(SECTION);
        if (sec.isEmpty()) return none();
        ByteBuffer b = ByteBuffer.wrap(elf.contents(sec.get())).order(ByteOrder.LITTLE_ENDIAN);
        Map<Long, String> out = new TreeMap<>();
        while (b.remaining() >= 5) {
            long pc = b.getInt() & 0xFFFF_FFFEL;
            int start = b.position(), end = start;
            while (end < b.limit() && b.get(end) != 0) end++;
            String loc = new String(b.array(), start, end - start, StandardCharsets.UTF_8);
            b.position(Math.min(b.limit(), (end + 1 + 3) & ~3));
            if (pc != 0 && !loc.isEmpty()) out.put(pc, loc); // 0: the function was dropped by the linker
        }
        return new TrapSites(out);
    }

    public int size() { return sites.size(); }

    /** The addresses of the traps, ascending. */
    public java.util.List<Long> addresses() { return sites.keySet().stream().sorted().toList(); }

    /** FILE:LINE:COL of the trap at an address. */
    public Optional<String> at(long pc) { return Optional.ofNullable(sites.get(pc & ~1L)); }

    /** decode of each line of a text (its line ends kept). */
    public String decodeLines(String text) {
        if (sites.isEmpty()) return text;
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("(?<=\n)")) sb.append(decode(line));
        return sb.toString();
    }

    /**
     * A fault line at a trap becomes the line the location strategy prints, "panic at FILE:LINE:COL";
     * any other line is returned as it is.
     */
    public String decode(String line) {
        if (sites.isEmpty()) return line;
        Matcher m = FAULT_LINE.matcher(line);
        if (!m.find()) return line;
        Optional<String> loc = at(Long.parseLong(m.group(1), 16));
        return loc.map(l -> line.substring(0, m.start()) + "panic at " + l + line.substring(m.end())).orElse(line);
    }
}
