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
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvdInterruptsTest {

    /** One board of each chip that names an SVD. */
    static Map<String, Target> chipsWithSvd() {
        Map<String, Target> out = new LinkedHashMap<>();
        for (Target t : Profiles.all()) t.svd().ifPresent(svd -> out.putIfAbsent(svd, t));
        return out;
    }

    @Test
    void everyChipNamesAShippedSvd() {
        Map<String, Target> chips = chipsWithSvd();
        assertEquals(9, chips.size(), "chips with an SVD: " + chips.keySet());
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
