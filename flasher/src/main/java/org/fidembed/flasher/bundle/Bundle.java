// A firmware bundle read back and checked: its manifest and the verified bytes of each image file.
// image() decodes the image to flash; every image in the bundle must agree with it.
package org.fidembed.flasher.bundle;

import java.util.Map;
import java.util.TreeMap;

public record Bundle(String origin, BundleManifest manifest, Map<String, byte[]> files) {
    public Bundle {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }
}
