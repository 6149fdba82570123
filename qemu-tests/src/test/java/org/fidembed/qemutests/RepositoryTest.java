// The repository stands on its own: no file points outside it (a path into a neighbouring folder or
// a machine's absolute path) or at an issue tracker's numbers, except .ci/run, which hands CI's extra
// suites to the tests; and every relative link of the documentation leads to a file that exists.
package org.fidembed.qemutests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class RepositoryTest {
    /** Folders that hold build output, not sources. */
    static final Set<String> SKIPPED = Set.of(".git", "target", "build", ".fid-embed", ".fid", ".cifuzz-corpus", "node_modules");

    static List<Path> files() throws IOException {
        Path root = Firmware.repo();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).toString().split("/").length > 0)
                    .filter(p -> { for (Path part : root.relativize(p)) if (SKIPPED.contains(part.toString())) return false; return true; })
                    .forEach(out::add);
        }
        return out;
    }

    static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|/work/|/home/[a-z]|(?i)\\bissues? #?\\d+");

    @Test
    void noFilePointsOutsideTheRepositoryOrAtIssueNumbers() throws IOException {
        Path root = Firmware.repo();
        List<String> found = new ArrayList<>();
        for (Path f : files()) {
            String rel = root.relativize(f).toString();
            // .ci/run hands CI's extra suites in; this file spells out the patterns it looks for
            if (rel.equals(".ci/run") || f.getFileName().toString().equals("RepositoryTest.java")) continue;
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            Matcher m = OUTSIDE.matcher(text);
            while (m.find()) {
                int line = 1;
                for (int i = 0; i < m.start(); i++) if (text.charAt(i) == '\n') line++;
                found.add(rel + ":" + line + ": " + m.group());
            }
        }
        assertTrue(found.isEmpty(), "references outside the repository:\n" + String.join("\n", found));
    }

    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkOfTheDocumentationExists() throws IOException {
        Path root = Firmware.repo();
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path f : files()) {
            if (!f.toString().endsWith(".md")) continue;
            Matcher m = LINK.matcher(Files.readString(f));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*") || target.startsWith("#")) continue;
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                links++;
                if (!Files.exists(f.getParent().resolve(path))) broken.add(root.relativize(f) + ": " + target);
            }
        }
        assertTrue(links > 20, "the documentation has links: " + links);
        assertTrue(broken.isEmpty(), "links to nothing:\n" + String.join("\n", broken));
    }

    @Test
    void theReadmeLinksEveryPageOfTheDocs() throws IOException {
        String readme = Files.readString(Firmware.repo().resolve("README.md"));
        try (Stream<Path> s = Files.list(Firmware.repo().resolve("docs"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                assertTrue(readme.contains("(docs/" + p.getFileName() + ")"), "README.md does not link docs/" + p.getFileName());
            }
        }
    }
}
