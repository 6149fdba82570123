// Unit tests of `fid-embed test` without QEMU: which files are test sources, which functions are
// tests (and the names the runner calls them by), the generated runner, and reading a run's output.
// The runs themselves are tested under QEMU in qemu-tests (FidTestCommandTest).
package org.fidembed.cli;

import org.fidembed.FrontEnd;
import org.fidembed.driver.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestSuiteTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aProjectGivesItsSourcesWithoutMainThenItsTestFiles() throws IOException {
        write("proj/fid.toml", "name = \"p\"\nsources = [\"Lib.fs\", \"Main.fs\"]\n");
        write("proj/Lib.fs", "module Lib\n\nlet twice x = 2 * x\n");
        write("proj/Main.fs", "module Main\n\n[<EntryPoint>]\nlet main _ = Lib.twice 0\n");
        write("proj/LibTests.fs", "module LibTests\n\nopen Fid.Testing\n\n[<Test>]\nlet doubles () = assert (Lib.twice 2 = 4)\n");
        write("proj/Other.fs", "module Other\n");
        List<TestSuite.Source> s = TestSuite.sources(List.of(dir.resolve("proj")));
        assertEquals(List.of("Lib.fs", "LibTests.fs"), s.stream().map(TestSuite.Source::displayName).toList());
    }

    @Test
    void theTestsKeyOfFidTomlNamesTheTestFiles() throws IOException {
        write("proj/fid.toml", "name = \"p\"\nsources = [\"Lib.fs\"]\ntests = [\"check/B.fs\", \"check/A.fs\"]\n");
        write("proj/Lib.fs", "module Lib\n");
        write("proj/check/A.fs", "module A\n");
        write("proj/check/B.fs", "module B\n");
        write("proj/LibTests.fs", "module LibTests\n");
        assertEquals(List.of("Lib.fs", "check/B.fs", "check/A.fs"),
                TestSuite.sources(List.of(dir.resolve("proj"))).stream().map(TestSuite.Source::displayName).toList());
        write("proj/fid.toml", "name = \"p\"\nsources = [\"Lib.fs\"]\ntests = [\"Missing.fs\"]\n");
        Build.UsageError e = assertThrows(Build.UsageError.class, () -> TestSuite.sources(List.of(dir.resolve("proj"))));
        assertTrue(e.getMessage().contains("test file 'Missing.fs' does not exist"), e.getMessage());
    }

    @Test
    void testsAreFoundInNestedModulesAndImplicitModules() throws IOException {
        Path a = write("a/RingTests.fs", "module Fw.RingTests\n\nopen Fid.Testing\n\n[<Test>]\nlet first () = ()\n\nlet helper () = ()\n\n"
                + "module Inner =\n    [<Test>]\n    let ``with spaces`` () = ()\n");
        Path b = write("b/loose.fs", "[<Fid.Testing.Test>]\nlet alone () = ()\n");
        List<TestSuite.TestFn> t = TestSuite.tests(TestSuite.sources(List.of(a, b)));
        assertEquals(List.of("Fw.RingTests.first", "Fw.RingTests.Inner.with spaces", "Loose.alone"), t.stream().map(TestSuite.TestFn::name).toList());
        assertEquals("Fw.RingTests.Inner.``with spaces``", t.get(1).callName());
        assertEquals(12, t.get(1).line());
        assertEquals("loose.fs", t.get(2).file());
    }

    @Test
    void twoSourcesWithOneNameAreABadCommandLine() throws IOException {
        Path a = write("a/T.fs", "module A\n");
        Path b = write("b/T.fs", "module B\n");
        assertThrows(Build.UsageError.class, () -> TestSuite.sources(List.of(a, b)));
        assertThrows(Build.UsageError.class, () -> TestSuite.sources(List.of(dir.resolve("nope.fs"))));
    }

    @Test
    void theRunnerIsAValidProgramThatStartsAtTheGivenTest() {
        List<TestSuite.TestFn> tests = List.of(new TestSuite.TestFn("T.a", "T.a", "T.fs", 3), new TestSuite.TestFn("T.b c", "T.``b c``", "T.fs", 5));
        String runner = TestSuite.runner(tests, 1);
        assertTrue(runner.contains("let Start = 1\n"), runner);
        assertTrue(runner.contains("    run 0 T.a\n    run 1 T.``b c``\n"), runner);
        String program = "module T\n\nopen Fid.Testing\n\n[<Test>]\nlet a () = ()\n\n[<Test>]\nlet ``b c`` () = assert true\n";
        FrontEnd.Result r = FrontEnd.check(program + "\n" + runner.replace("module " + TestSuite.RUNNER_MODULE, "module " + TestSuite.RUNNER_MODULE + " =")
                .replaceAll("(?m)^(?!module|$)", "    "));
        assertTrue(r.errors().isEmpty(), () -> r.errors().get(0).render());
    }

    @Test
    void aRunsOutputTellsPassedRunningAndEachTestsOutput() {
        String m = TestSuite.MARK;
        TestSuite.Run r = TestSuite.parse("init\n" + m + "run 0\nhello\n" + m + "pass 0\n" + m + "run 1\npartial" + m + "pass 1\n"
                + m + "run 2\nx = 3\npanic: assertion failed at T.fs:9:5\n");
        assertEquals(List.of(0, 1), r.passed());
        assertEquals(2, r.running());
        assertFalse(r.done());
        assertEquals("hello", r.output().get(0));
        assertEquals("partial", r.output().get(1));
        assertEquals("x = 3\npanic: assertion failed at T.fs:9:5", r.output().get(2));
        assertEquals("init", r.outside());
        TestSuite.Run all = TestSuite.parse(m + "run 0\n" + m + "pass 0\n" + m + "done\n");
        assertTrue(all.done());
        assertEquals(-1, all.running());
    }
}
