// A layer from outside the profile files, merged over a board like any other layer: a project's own
// settings from its fid.toml (today its [capabilities]), named by that file in every error.
package org.fidembed.board;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * @param label the file it comes from (errors say LABEL:LINE: key ...)
 * @param root  its tables, e.g. {@code {"capabilities": {"mve": "none"}}}
 */
public record ProfileLayer(String label, ObjectNode root) {
    /** The tables a project may set over its board. */
    public static final List<String> TABLES = List.of("capabilities");

    public ProfileLayer {
        Objects.requireNonNull(label, "label");
        root = root.deepCopy();
    }
}
