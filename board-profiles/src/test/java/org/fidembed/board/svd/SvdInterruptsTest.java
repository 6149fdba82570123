// The interrupts of each chip's SVD against the vector table of its profile: every SVD interrupt within
// the table has the profile's name at its slot, and (for a vendor SVD, which describes every interrupt)
// every named slot is an SVD interrupt, but for the differences the profile declares ([vectors] svd-names,
// not-in-svd, svd-only). Differences are printed in one list.
package org.fidembed.board.svd;

import org.fidembed.board.Profiles;
import org.fidembed.board.SvdVectors;
import org.fidembed.board.Target;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvdInterruptsTest {

    /** One board of each chip that names an SVD. */
    static Map<String, Target> chipsWithSvd() {
        Map<String, Target> out = new LinkedHashMap<>();
        for (Target t : Profiles.all()) t.svd().ifPresent(svd -> out.putIfAbsent(svd, t));
        return out;
    }

    private static String readme() {
        try (var in = SvdInterruptsTest.class.getResourceAsStream("/org/fidembed/board/profiles/svd/README.md")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyChipNamesAShippedSvd() {
        Map<String, Target> chips = chipsWithSvd();
        // the files of svd/README.md's table: each is some chip's, and each chip's is there
        Set<String> listed = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| ([A-Za-z0-9_.-]+\\.svd) \\|").matcher(readme());
        while (m.find()) listed.add(m.group(1));
        assertEquals(listed, new TreeSet<>(chips.keySet()), "the SVD files of svd/README.md against those the chips name");
        for (String svd : chips.keySet()) assertTrue(SvdReader.readShipped(svd).peripherals().size() > 0, svd);
    }

    @Test
    void svdInterruptsMatchTheVectorTable() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Target> e : chipsWithSvd().entrySet()) {
            Target t = e.getValue();
            if (!t.isCortexM()) continue;
            Svd.Device d = SvdReader.readShipped(e.getKey());
            boolean ours = d.description().contains("fid-embed");
            Map<Integer, String> svd = new TreeMap<>();
            for (Svd.Interrupt i : d.interrupts()) {
                String before = svd.putIfAbsent(i.value(), i.name());
                if (before != null && !before.equals(i.name())) problems.add(e.getKey() + ": IRQ " + i.value() + " is both " + before + " and " + i.name());
            }
            List<String> vectors = t.vectorNames();
            SvdVectors known = t.svdVectors();
            for (Map.Entry<Integer, String> i : svd.entrySet()) {
                int slot = 16 + i.getKey();
                if (slot >= vectors.size() || known.extra().contains(i.getValue())) continue;
                String profile = known.renamed().getOrDefault(vectors.get(slot), vectors.get(slot));
                if (!profile.equals(i.getValue())) problems.add(e.getKey() + ": IRQ " + i.getKey() + " is " + i.getValue() + " in the SVD, '" + profile + "' in the profile");
                checked++;
            }
            for (String extra : known.extra())
                if (!svd.containsValue(extra)) problems.add(e.getKey() + ": svd-only " + extra + " is not in the SVD");
            if (ours) continue;
            for (int slot = 16; slot < vectors.size(); slot++) {
                String v = vectors.get(slot);
                boolean inSvd = svd.containsKey(slot - 16);
                if (!v.isEmpty() && !inSvd && !known.missing().contains(v))
                    problems.add(e.getKey() + ": IRQ " + (slot - 16) + " " + v + " of the profile is not in the SVD");
                if (inSvd && known.missing().contains(v)) problems.add(e.getKey() + ": not-in-svd " + v + " is in the SVD");
            }
        }
        assertTrue(checked > 200, "checked " + checked + " interrupts");
        assertEquals(List.of(), problems);
    }
}
