// The in-tree language suite (qemu-tests/src/test/language/SECTION/NNN-name.fs, a folder per section of
// docs/language.md) on every QEMU board: run tests compare the UART output (a panic's location
// included) and the exit code, compile-fail tests the error's location and text. For a quicker loop,
// -Dfid.language.only=TEXT keeps the tests whose path contains TEXT and -Dfid.language.boards=B,C the
// boards given.
package org.fidembed.qemutests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class LanguageSuiteTest {
    static Path root() {
        return Firmware.repo().resolve("qemu-tests/src/test/language");
    }

    static List<String> boards() {
        return Firmware.selectedBoards("fid.language.boards");
    }

    static Stream<Arguments> cases() throws IOException {
        String only = System.getProperty("fid.language.only", "");
        List<Arguments> out = new ArrayList<>();
        for (String board : boards()) {
            for (Path t : SuiteCase.files(root())) {
                String name = root().relativize(t).toString();
                if (name.contains(only)) out.add(Arguments.of(name, board));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void language(String test, String board) throws IOException {
        SuiteCase c = SuiteCase.read(root().resolve(test));
        Assumptions.assumeTrue(c.appliesTo(board), test + " does not apply to " + board);
        c.check(board, true);
    }

    /** Each folder is a section of docs/language.md ("NN-name", NN its number) holding NNN-name.fs tests. */
    @Test
    void everySectionHasRunAndCompileFailTestsAndEveryTestIsWellFormed() throws IOException {
        String doc = Files.readString(Firmware.repo().resolve("docs/language.md"));
        List<Path> sections;
        try (Stream<Path> s = Files.list(root())) {
            sections = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(sections.isEmpty(), "no sections under " + root());
        Pattern folder = Pattern.compile("(\\d\\d)-[a-z-]+");
        for (Path sec : sections) {
            Matcher m = folder.matcher(sec.getFileName().toString());
            assertTrue(m.matches(), "a section folder is named NN-name: " + sec);
            int n = Integer.parseInt(m.group(1));
            assertTrue(doc.contains("\n## " + n + ". "), "docs/language.md has no section " + n + " for " + sec.getFileName());
            int run = 0, fail = 0;
            for (Path t : SuiteCase.files(sec)) {
                assertTrue(t.getFileName().toString().matches("\\d{3}-[a-z0-9-]+\\.fs"), "a test is named NNN-name.fs: " + t);
                SuiteCase c = SuiteCase.read(t);
                assertNull(c.headerProblem(), () -> t + ": " + c.headerProblem());
                if (c.error() != null) fail++;
                else run++;
            }
            assertTrue(run > 0, sec.getFileName() + " has no run test");
            assertTrue(fail > 0, sec.getFileName() + " has no compile-fail test");
        }
    }
}
