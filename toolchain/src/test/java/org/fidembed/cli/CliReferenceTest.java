// docs/cli.md is generated from picocli's model of the commands (CliReference) and must be what the
// commands say now: a changed option or description without `tools/cli-reference` fails here. The
// reference names every command and every option, with its defaults expanded.
package org.fidembed.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CliReferenceTest {
    static Path doc() {
        return Path.of("").toAbsolutePath().getParent().resolve("docs/cli.md");
    }

    @Test
    void docsCliMdIsUpToDate() throws Exception {
        assertTrue(Files.isRegularFile(doc()), "docs/cli.md is missing: run tools/cli-reference");
        String want = CliReference.markdown(Main.commandLine());
        assertEquals(want, Files.readString(doc()), "docs/cli.md is out of date: run tools/cli-reference and commit the result");
    }

    @Test
    void everyCommandAndOptionIsInTheReference() {
        CommandLine root = Main.commandLine();
        String md = CliReference.markdown(root);
        root.getSubcommands().forEach((name, cl) -> {
            if (name.equals("help")) return;
            assertTrue(md.contains("\n## fid-embed " + name + "\n"), "no section for " + name);
            cl.getCommandSpec().options().forEach(o -> {
                if (!o.usageHelp() && !o.versionHelp()) assertTrue(md.contains(o.longestName()), name + " " + o.longestName());
            });
        });
        assertFalse(md.contains("${"), "a description's variable was not expanded");
        assertTrue(md.contains("| 124 | for run, the timeout passed"), "the exit codes are listed");
    }
}
