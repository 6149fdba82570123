// Reads lld's link map: where every input section landed (address, size, alignment) inside which
// output section. The memory report and the static allocator's check use it: it is the linker's
// own account of every static object, strings included, after unused sections were dropped.
package org.fidembed.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** symbols: every symbol the map lists (functions and objects the image kept). */
public record LinkMap(Map<String, OutSection> outputs, List<InSection> inputs, List<String> symbols) {

    public record OutSection(String name, long vma, long lma, long size, long align) { }
    /** An input section: its object file, its name, and where it went. */
    public record InSection(String output, String file, String name, long vma, long lma, long size, long align) { }

    public static LinkMap read(Path map) throws IOException {
        Map<String, OutSection> outs = new LinkedHashMap<>();
        List<InSection> ins = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        String current = null;
        for (String line : Files.readAllLines(map)) {
            if (line.isBlank() || line.trim().startsWith("VMA")) continue;
            // four numbers, then the rest: an output section (1 space), an input section (9), a symbol (17)
            int[] pos = {0};
            long[] nums = new long[4];
            boolean ok = true;
            for (int k = 0; k < 4 && ok; k++) {
                String tok = token(line, pos);
                if (tok == null) { ok = false; break; }
                try {
                    nums[k] = k == 3 ? Long.parseLong(tok) : Long.parseUnsignedLong(tok, 16);
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok) continue;
            int start = pos[0];
            int text = start;
            while (text < line.length() && line.charAt(text) == ' ') text++;
            if (text >= line.length()) continue;
            int indent = text - start;
            String rest = line.substring(text).trim();
            if (indent <= 2) {
                current = rest;
                outs.put(current, new OutSection(current, nums[0], nums[1], nums[2], nums[3]));
            } else if (indent <= 10 && rest.contains(":(") && rest.endsWith(")") && current != null) {
                int open = rest.lastIndexOf(":(");
                ins.add(new InSection(current, rest.substring(0, open), rest.substring(open + 2, rest.length() - 1), nums[0], nums[1], nums[2], nums[3]));
            } else if (indent > 10 && current != null) {
                symbols.add(rest);
            }
        }
        return new LinkMap(outs, ins, symbols);
    }

    private static String token(String line, int[] pos) {
        int i = pos[0];
        while (i < line.length() && line.charAt(i) == ' ') i++;
        int j = i;
        while (j < line.length() && line.charAt(j) != ' ') j++;
        if (i == j) return null;
        pos[0] = j;
        return line.substring(i, j);
    }
}
