// fid.toml is checked like a board profile: an unknown key is an error at its line with a did-you-mean,
// a syntax error gives its line and column, and `name` must be a plain file name (it names the images).
package org.fidembed.driver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ProjectTest {
    Project.ProjectException fails(Path dir, String toml) throws Exception {
        Files.writeString(dir.resolve("Main.fs"), "module Main\n[<EntryPoint>]\nlet main _ = 0\n");
        Files.writeString(dir.resolve("fid.toml"), toml);
        return assertThrows(Project.ProjectException.class, () -> Project.load(dir));
    }

    @Test
    void anUnknownKeyIsAnErrorAtItsLineWithADidYouMean(@TempDir Path dir) throws Exception {
        Project.ProjectException e = fails(dir, "name = \"app\"\nsources = [\"Main.fs\"]\nbaord = \"lm3s6965evb\"\n");
        assertEquals(dir.resolve("fid.toml") + ":3: unknown key 'baord' (did you mean 'board'?); fid.toml knows name, sources, board, "
                + "linker-script, panic, tests, example, capabilities", e.getMessage());
    }

    @Test
    void thePanicStrategyIsOneOfThree(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Main.fs"), "module Main\n[<EntryPoint>]\nlet main _ = 0\n");
        Files.writeString(dir.resolve("fid.toml"), "name = \"app\"\nsources = [\"Main.fs\"]\npanic = \"trap\"\n");
        assertEquals(org.fidembed.board.PanicStrategy.TRAP, Project.load(dir).panic());
        Files.writeString(dir.resolve("fid.toml"), "name = \"app\"\nsources = [\"Main.fs\"]\n");
        assertNull(Project.load(dir).panic(), "none: the board's");
        Project.ProjectException e = fails(dir, "name = \"app\"\nsources = [\"Main.fs\"]\npanic = \"abort\"\n");
        assertEquals(dir.resolve("fid.toml") + ":3: key 'panic' must be \"message\", \"location\" or \"trap\", found \"abort\"", e.getMessage());
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn(@TempDir Path dir) throws Exception {
        Project.ProjectException e = fails(dir, "name = \"app\"\nsources = [\"Main.fs\"\n");
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(dir.resolve("fid.toml").toString()) + ":\\d+:\\d+: invalid TOML: .+"),
                e.getMessage());
    }

    @Test
    void theNameMustBeAPlainFileName(@TempDir Path dir) throws Exception {
        for (String bad : new String[] {"../escaped", "a/b", "..", "/abs", ""}) {
            Project.ProjectException e = fails(dir, "name = \"" + bad + "\"\nsources = [\"Main.fs\"]\n");
            assertTrue(e.getMessage().startsWith(dir.resolve("fid.toml") + ":1: name '" + bad + "' must be a plain file name"), e.getMessage());
        }
        Files.writeString(dir.resolve("fid.toml"), "name = \"app-1.2_x\"\nsources = [\"Main.fs\"]\n");
        assertEquals("app-1.2_x", Project.load(dir).name());
    }

    @Test
    void everyShippedExampleIsAValidProject() throws Exception {
        try (var s = Files.list(Path.of("../examples"))) {
            for (Path p : s.filter(d -> Files.exists(d.resolve("fid.toml"))).toList()) assertNotNull(Project.load(p).name(), p.toString());
        }
    }
}
