// The entry point of board-profiles: load a shipped board by name or a user's board file by path, list
// the shipped boards, and render the table `fid-embed boards` prints.
package org.fidembed.board;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class Profiles {
    private Profiles() { }

    /**
     * A shipped board name ({@code lm3s6965evb}) or the path of a user's {@code .toml} board file, which
     * may inherit a shipped chip or board ({@code inherits = "chip:stm32f103c8"}).
     *
     * @throws ProfileException with a message naming the file and key at fault, or listing the known
     *                          boards when the name is unknown
     */
    public static Target load(String nameOrPath) {
        return load(nameOrPath, Optional.empty());
    }

    /**
     * As {@link #load(String)}, with the memory profile chosen by the caller (a shipped memory profile name
     * such as {@code constrained}, or the path of a memory profile file) instead of the board's.
     */
    public static Target load(String nameOrPath, String memoryProfile) {
        return load(nameOrPath, Optional.of(memoryProfile));
    }

    private static Target load(String nameOrPath, Optional<String> memory) {
        if (looksLikePath(nameOrPath)) return ProfileLoader.loadFile(Path.of(nameOrPath), memory);
        String name = nameOrPath.startsWith("board:") ? nameOrPath.substring("board:".length()) : nameOrPath;
        return ProfileLoader.loadShipped(name, memory);
    }

    /**
     * As {@link #load(String)}, with a project's layer (its fid.toml's [capabilities]) merged over the board,
     * key by key, before the target is validated: an error names the project's file.
     */
    public static Target load(String nameOrPath, ProfileLayer project) {
        if (looksLikePath(nameOrPath)) return ProfileLoader.loadFile(Path.of(nameOrPath), Optional.empty(), Optional.of(project));
        String name = nameOrPath.startsWith("board:") ? nameOrPath.substring("board:".length()) : nameOrPath;
        return ProfileLoader.loadShipped(name, Optional.empty(), Optional.of(project));
    }

    /** A user's board file. */
    public static Target load(Path file) {
        return ProfileLoader.loadFile(file, Optional.empty());
    }

    /** Whether {@link #load(String)} will read {@code arg} as a file path rather than a shipped name. */
    public static boolean looksLikePath(String arg) {
        return arg.endsWith(".toml") || arg.indexOf('/') >= 0 || arg.indexOf('\\') >= 0;
    }

    /** The shipped board names, sorted. */
    public static List<String> list() {
        return Shipped.list(Shipped.Kind.BOARD);
    }

    /** The shipped memory profile names, sorted. */
    public static List<String> memoryProfiles() {
        return Shipped.list(Shipped.Kind.MEMORY);
    }

    /** Every shipped board, loaded (a broken shipped profile is a bug: its ProfileException propagates). */
    public static List<Target> all() {
        List<Target> out = new ArrayList<>();
        for (String n : list()) out.add(load(n));
        return out;
    }

    /** The table of {@code fid-embed boards}: name, CPU, flash, RAM, QEMU machine or flash method. */
    public static String table() {
        return table(all());
    }

    /** The same table for any targets (e.g. shipped boards plus a user's). */
    public static String table(List<Target> targets) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"BOARD", "CPU", "FLASH", "RAM", "RUNS ON"});
        for (Target t : targets) {
            String runs = t.qemu().map(Qemu::shortForm)
                    .or(() -> t.flash().map(f -> "flash: " + f.protocol().id() + " bootloader, " + f.defaultBaud() + " baud"))
                    .orElse("-");
            rows.add(new String[]{t.name(), t.cpuSummary(), size(t.codeRegion().length()), size(t.dataRegion().length()), runs});
        }
        int[] width = new int[5];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean right = i == 2 || i == 3;
                String cell = right ? " ".repeat(width[i] - r[i].length()) + r[i] : r[i] + " ".repeat(width[i] - r[i].length());
                line.append(cell);
                if (i < r.length - 1) line.append("  ");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** 262144 -> "256 KiB", 4194304 -> "4 MiB", 100 -> "100 B". */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " B";
    }
}
