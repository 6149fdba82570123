// Collects the measured stack high-water marks beside the proven bounds of every run, and writes
// them to target/stack-bounds.tsv when the tests end, for the report of how close the bound is.
package org.fidembed.qemutests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class StackLog {
    private StackLog() { }

    private static final List<String> ROWS = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StackLog::write));
    }

    static synchronized void record(String program, String board, long highWater, long bound, long mainBound) {
        ROWS.add(program + "\t" + board + "\t" + highWater + "\t" + bound + "\t" + mainBound);
    }

    private static synchronized void write() {
        if (ROWS.isEmpty()) return;
        try {
            Path out = Path.of("target", "stack-bounds.tsv");
            Files.createDirectories(out.getParent());
            List<String> lines = new ArrayList<>();
            lines.add("program\tboard\thigh_water\tbound\tmain_bound");
            lines.addAll(ROWS);
            Files.write(out, lines);
        } catch (IOException ignored) {
            // a report only
        }
    }
}
