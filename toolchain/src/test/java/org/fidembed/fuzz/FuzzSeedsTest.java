// The fuzzers' seeds, taken at test time from where the programs live instead of kept as copies: every
// test of the in-tree language suite (qemu-tests/src/test/language) and every example source goes
// through both fuzz targets' checks (FrontEndFuzzTest.parseOnce and compileOnce), as the inputs of
// FrontEndFuzzTestInputs/ do. tools/fuzz hands the same files to Jazzer as its starting corpus.
package org.fidembed.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class FuzzSeedsTest {
    /** The repository root (the tests run in toolchain/). */
    static Path repo() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** The seed programs, as paths relative to the repository. */
    static List<String> seeds() throws IOException {
        try (Stream<Path> suite = Files.walk(repo().resolve("qemu-tests/src/test/language"));
             Stream<Path> examples = Files.walk(repo().resolve("examples"))) {
            return Stream.concat(suite, examples).filter(p -> p.toString().endsWith(".fs") && Files.isRegularFile(p))
                    .map(p -> repo().relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void theSeedsAreTheLanguageSuiteAndTheExamples() throws IOException {
        List<String> s = seeds();
        assertTrue(s.stream().filter(p -> p.startsWith("qemu-tests/")).count() >= 100, "the language suite is there: " + s.size());
        assertTrue(s.stream().anyMatch(p -> p.startsWith("examples/")), "the examples are there");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void neverCrashesTheParserOrTheCompiler(String seed) throws Exception {
        byte[] source = Files.readAllBytes(repo().resolve(seed));
        FrontEndFuzzTest.parseOnce(source);
        FrontEndFuzzTest.compileOnce(source);
    }
}
