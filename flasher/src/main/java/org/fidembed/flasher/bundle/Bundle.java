// A firmware bundle read back and checked: its manifest (and the bytes it was signed as, with the
// signature if any) and the verified bytes of each image file.
// image() decodes the image to flash; every image in the bundle must agree with it.
package org.fidembed.flasher.bundle;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public record Bundle(String origin, BundleManifest manifest, byte[] manifestBytes, Optional<byte[]> signature,
        Map<String, byte[]> files) {
    public Bundle {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        manifestBytes = manifestBytes.clone();
    }

    @Override
    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }
}
