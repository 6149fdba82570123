// The manifest of a firmware bundle: which board and chip it is for, which toolchain built it,
// and for every image file its format, load address, size and SHA-256.
package org.fidembed.flasher.bundle;

import java.util.List;
import org.fidembed.image.Images;

public record BundleManifest(String format, String board, String chip, int chipId, String toolchain, List<Entry> images) {
    public static final String FORMAT = "fid-embed-fwpkg/1";

    public record Entry(String file, Images.Format format, long address, long size, String sha256) {}

    public BundleManifest {
        images = List.copyOf(images);
    }
}
