// examples/README.md says it is generated: `tools/examples-readme --check` must pass, with this build's
// toolchain (FID_EMBED_CMD runs the CLI on the test class path, not the launcher's own Maven build).
// When it fails, run tools/examples-readme and commit the new README.
package org.fidembed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExamplesReadmeTest {
    @Test
    @Timeout(600)
    void theGeneratedGalleryIsUpToDate() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path tool = root.resolve("tools/examples-readme");
        assumeTrue(Files.isExecutable(tool), "tools/examples-readme is not here");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of("python3", tool.toString(), "--check")).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("FID_EMBED_CMD", java + " -Xss16m -cp " + System.getProperty("java.class.path") + " org.fidembed.cli.Main");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "tools/examples-readme --check failed (run tools/examples-readme to update examples/README.md):\n" + output);
    }
}
