// The extra acceptance run: a conformance suite kept outside the repository, in the header format of
// the in-tree suite (SuiteCase), on every QEMU board. Its folder comes from -Dfid.conformance=DIR or
// $FID_CONFORMANCE (.ci/run hands it in when it has one); without it, one skipped test says so.
// -Dfid.conformance.boards=B,C keeps the boards given.
package org.fidembed.qemutests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

class ConformanceTest {
    static final String ABSENT = "(not given)";

    /** The suite's folder, or null when none was handed in. */
    static Path suite() {
        String dir = System.getProperty("fid.conformance", System.getenv("FID_CONFORMANCE"));
        return dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
    }

    static Stream<Arguments> cases() throws IOException {
        Path dir = suite();
        if (dir == null || !Files.isDirectory(dir)) return Stream.of(Arguments.of(ABSENT, "every board"));
        List<Arguments> out = new ArrayList<>();
        List<Path> tests = SuiteCase.files(dir);
        for (String board : Firmware.selectedBoards("fid.conformance.boards")) {
            for (Path t : tests) out.add(Arguments.of(dir.relativize(t).toString(), board));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void conformance(String test, String board) throws IOException {
        Path dir = suite();
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), dir == null
                ? "the conformance suite is not given (-Dfid.conformance=DIR, as .ci/run passes it): the extra run is skipped; the in-tree suite is LanguageSuiteTest"
                : "the conformance suite " + dir + " is absent: the extra run is skipped");
        SuiteCase c = SuiteCase.read(dir.resolve(test));
        Assumptions.assumeTrue(c.appliesTo(board), test + " does not apply to " + board);
        c.check(board, false);
    }
}
