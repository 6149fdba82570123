// `fid-embed test`, the part without QEMU: which files make up the test firmware, which functions in
// them are [<Test>]s, the F# source of the runner that calls them, and what one run's UART output
// says about each test.
package org.fidembed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.fidembed.ast.Ast;
import org.fidembed.diag.Diagnostics;
import org.fidembed.diag.SourceFile;
import org.fidembed.driver.Build;
import org.fidembed.driver.Project;
import org.fidembed.parse.Parser;
import org.fidembed.syntax.Lexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

public final class TestSuite {
    private TestSuite() { }

    /** The module of the generated runner (and its file, FidTestMain.fs). */
    public static final String RUNNER_MODULE = "FidTestMain";
    /** Every line the runner prints about a test starts with this. */
    public static final String MARK = "##fid-test ";

    /** A source of the test firmware: its name in messages (and in the build folder) and its file. */
    public record Source(String displayName, Path path) { }

    /** A [<Test>]: the qualified name the runner calls it by, and where it is defined. */
    public record TestFn(String name, String callName, String file, int line) { }

    /**
     * The sources of the test firmware, in compilation order. A `.fs` file is taken as it is; a project
     * folder gives its `sources` and then its `tests` (a key of fid.toml; default: its files named
     * `*Tests.fs` or `*Test.fs` that are not sources); a folder without fid.toml gives its `.fs` files in
     * name order. Files that hold an [<EntryPoint>] are left out: the runner supplies `main`.
     */
    public static List<Source> sources(List<Path> srcs) {
        List<Source> all = new ArrayList<>();
        for (Path src : srcs) {
            if (!Files.exists(src)) throw new Build.UsageError("no such file or folder: " + src + " (give .fs files or project folders)");
            if (Files.isRegularFile(src)) {
                if (!src.toString().endsWith(".fs")) throw new Build.UsageError(src + " is not an F# source (.fs) file or a project folder");
                all.add(new Source(src.getFileName().toString(), src));
            } else {
                all.addAll(folderSources(src));
            }
        }
        List<Source> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Source s : all) {
            if (!seen.add(s.path().toAbsolutePath().normalize())) continue;
            if (hasEntryPoint(s)) continue;
            if (!names.add(s.displayName())) {
                throw new Build.UsageError("two test sources are named " + s.displayName() + "; rename one of them");
            }
            out.add(s);
        }
        return out;
    }

    private static List<Source> folderSources(Path dir) {
        Path toml = dir.resolve("fid.toml");
        List<Source> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(toml)) {
                Project p;
                try {
                    p = Project.load(dir);
                } catch (Project.ProjectException e) {
                    throw new Build.UsageError(e.getMessage());
                }
                Set<Path> inSources = new HashSet<>();
                for (Project.Source s : p.sources()) {
                    out.add(new Source(s.displayName(), s.path()));
                    inSources.add(s.path().toAbsolutePath().normalize());
                }
                JsonNode tests = new TomlMapper().readTree(toml.toFile()).get("tests");
                if (tests != null) {
                    if (!tests.isArray()) throw new Build.UsageError(toml + ": key 'tests' must list the test files in compilation order");
                    for (JsonNode t : tests) {
                        Path f = dir.resolve(t.asText());
                        if (!Files.isRegularFile(f)) throw new Build.UsageError(toml + ": test file '" + t.asText() + "' does not exist");
                        out.add(new Source(t.asText().replace('\\', '/'), f));
                    }
                } else {
                    for (Path f : fsFiles(dir)) {
                        String n = f.getFileName().toString();
                        boolean testFile = n.endsWith("Tests.fs") || n.endsWith("Test.fs");
                        if (testFile && !inSources.contains(f.toAbsolutePath().normalize())) out.add(new Source(n, f));
                    }
                }
            } else {
                for (Path f : fsFiles(dir)) out.add(new Source(f.getFileName().toString(), f));
                if (out.isEmpty()) throw new Build.UsageError(dir + " has no fid.toml and no .fs files");
            }
        } catch (IOException e) {
            throw new Build.UsageError("cannot read " + dir + ": " + e.getMessage());
        }
        return out;
    }

    private static List<Path> fsFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".fs") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static Ast.FileAst parse(Source s) {
        try {
            Diagnostics d = new Diagnostics();
            SourceFile sf = Lexer.decode(s.displayName(), Files.readAllBytes(s.path()), false, d);
            return Parser.parse(sf, d);
        } catch (IOException e) {
            throw new Build.UsageError("cannot read " + s.path() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return null; // the build reports what does not parse
        }
    }

    static boolean hasEntryPoint(Source s) {
        Ast.FileAst f = parse(s);
        if (f == null) return false;
        List<TestFn> found = new ArrayList<>();
        List<String> entry = new ArrayList<>();
        walk(f.decls(), List.of(), "EntryPoint", s.displayName(), found, entry);
        return !entry.isEmpty();
    }

    /** The [<Test>] functions of the sources, in file and declaration order. */
    public static List<TestFn> tests(List<Source> sources) {
        List<TestFn> out = new ArrayList<>();
        for (Source s : sources) {
            Ast.FileAst f = parse(s);
            if (f == null) continue;
            List<String> path = new ArrayList<>(f.modulePath());
            if (path.isEmpty()) path.add(implicitModule(s.displayName()));
            walk(f.decls(), path, "Test", s.displayName(), out, new ArrayList<>());
        }
        return out;
    }

    /** F#'s module name for a file without `module` or `namespace`: its base name, capitalised. */
    static String implicitModule(String displayName) {
        String base = displayName.replaceAll(".*/", "").replaceAll("\\.fs$", "");
        return base.isEmpty() ? "Program" : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    private static void walk(List<Ast.Decl> decls, List<String> path, String attr, String file, List<TestFn> out, List<String> names) {
        for (Ast.Decl d : decls) {
            if (d instanceof Ast.ModuleDecl m) {
                List<String> inner = new ArrayList<>(path);
                inner.add(m.name());
                walk(m.body(), inner, attr, file, out, names);
            } else if (d instanceof Ast.LetDecl l) {
                for (Ast.Binding b : l.bindings()) {
                    if (b.name() == null) continue;
                    boolean marked = b.attrs().stream().anyMatch(a -> a.name().equals(attr));
                    if (!marked) continue;
                    names.add(b.name());
                    StringBuilder call = new StringBuilder();
                    for (String p : path) call.append(ident(p)).append('.');
                    call.append(ident(b.name()));
                    String shown = String.join(".", path) + (path.isEmpty() ? "" : ".") + b.name();
                    out.add(new TestFn(shown, call.toString(), file, b.nameLoc() == null ? 0 : b.nameLoc().line()));
                }
            }
        }
    }

    /** A name as F# source: plain when it is an identifier, otherwise in double backticks. */
    static String ident(String name) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_']*") && !KEYWORDS.contains(name)) return name;
        return "``" + name + "``";
    }

    private static final Set<String> KEYWORDS = Set.of("abstract", "and", "as", "assert", "base", "begin", "class", "default",
            "delegate", "do", "done", "downcast", "downto", "elif", "else", "end", "exception", "extern", "false", "finally",
            "fixed", "for", "fun", "function", "global", "if", "in", "inherit", "inline", "interface", "internal", "lazy",
            "let", "match", "member", "module", "mutable", "namespace", "new", "not", "null", "of", "open", "or", "override",
            "private", "public", "rec", "return", "select", "sig", "static", "struct", "then", "to", "true", "try", "type",
            "upcast", "use", "val", "void", "when", "while", "with", "yield");

    /**
     * The runner: `main` calls test number {@code start} and every later one, printing a mark before
     * and after each. A panic inside a test ends the run there, so the host knows which test it was.
     */
    public static String runner(List<TestFn> tests, int start) {
        StringBuilder sb = new StringBuilder();
        sb.append("/// Generated by fid-embed test: calls each [<Test>] from number Start on; a panic ends the run in the test that caused it.\n");
        sb.append("module ").append(RUNNER_MODULE).append("\n\n");
        sb.append("[<Literal>]\nlet Start = ").append(start).append("\n\n");
        sb.append("let run (index: int) (test: unit -> unit) =\n");
        sb.append("    if index >= Start then\n");
        sb.append("        printfn \"").append(MARK).append("run %d\" index\n");
        sb.append("        test ()\n");
        sb.append("        printfn \"").append(MARK).append("pass %d\" index\n\n");
        sb.append("[<EntryPoint>]\nlet main _ =\n");
        for (int i = 0; i < tests.size(); i++) sb.append("    run ").append(i).append(' ').append(tests.get(i).callName()).append('\n');
        sb.append("    printfn \"").append(MARK).append("done\"\n");
        sb.append("    0\n");
        return sb.toString();
    }

    /**
     * What one run of the runner said: the tests that passed, the one that was running when the run
     * ended (-1: none), whether all were run, each test's own output, and output outside any test.
     */
    public record Run(List<Integer> passed, int running, boolean done, Map<Integer, String> output, String outside) { }

    public static Run parse(String uart) {
        List<Integer> passed = new ArrayList<>();
        Map<Integer, StringBuilder> out = new LinkedHashMap<>();
        StringBuilder outside = new StringBuilder();
        int running = -1;
        boolean done = false;
        String[] lines = uart.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            if (k == lines.length - 1 && line.isEmpty()) break;
            int m = line.indexOf(MARK);
            String text = m < 0 ? line : line.substring(0, m);
            StringBuilder into = running >= 0 ? out.computeIfAbsent(running, x -> new StringBuilder()) : outside;
            if (m < 0 || !text.isEmpty()) into.append(text).append('\n');
            if (m < 0) continue;
            String[] w = line.substring(m + MARK.length()).trim().split("\\s+");
            try {
                switch (w[0]) {
                    case "run" -> running = Integer.parseInt(w[1]);
                    case "pass" -> { passed.add(Integer.parseInt(w[1])); running = -1; }
                    case "done" -> done = true;
                    default -> { }
                }
            } catch (RuntimeException e) {
                // a test printed something that looks like a mark: keep it as output
            }
        }
        Map<Integer, String> texts = new LinkedHashMap<>();
        for (Map.Entry<Integer, StringBuilder> e : out.entrySet()) texts.put(e.getKey(), trimEnd(e.getValue().toString()));
        return new Run(passed, running, done, texts, trimEnd(outside.toString()));
    }

    private static String trimEnd(String s) {
        int n = s.length();
        while (n > 0 && s.charAt(n - 1) == '\n') n--;
        return s.substring(0, n);
    }
}
