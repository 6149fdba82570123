// How to start QEMU for a board, exactly as docs/boards.md gives it; the image goes last (-kernel IMAGE.elf).
// stderrNoise lists lines QEMU prints on every start that are not the firmware's business.
package org.fidembed.board;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public record Qemu(String executable, String machine, List<String> args, List<String> stderrNoise) {

    public Qemu {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(machine, "machine");
        args = List.copyOf(args);
        stderrNoise = List.copyOf(stderrNoise);
    }

    /** {@code executable -M machine args... -kernel image}. stdin must be open (a pipe or /dev/null). */
    public List<String> commandLine(Path image) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.add("-M");
        cmd.add(machine);
        cmd.addAll(args);
        cmd.add("-kernel");
        cmd.add(image.toString());
        return List.copyOf(cmd);
    }

    /** {@code qemu-system-arm -M lm3s6965evb}, as the board table shows it. */
    public String shortForm() { return executable + " -M " + machine; }
}
