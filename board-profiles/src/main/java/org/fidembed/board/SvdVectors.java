// Where a chip's vector table names (the profile's, which programs use) and its SVD's interrupts knowingly
// differ: renamed interrupts, profile vectors the SVD lacks, and SVD interrupts the chip does not have.
package org.fidembed.board;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param renamed  profile name to the SVD's name of the same interrupt ({@code USB_HP_CAN1_TX = "USB_HP_CAN_TX"})
 * @param missing  profile vectors the SVD does not list
 * @param extra    SVD interrupts the chip does not have (the SVD covers more of its family)
 */
public record SvdVectors(Map<String, String> renamed, List<String> missing, List<String> extra) {
    public static final SvdVectors NONE = new SvdVectors(Map.of(), List.of(), List.of());

    public SvdVectors {
        renamed = Collections.unmodifiableMap(new LinkedHashMap<>(renamed));
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
    }
}
