// Text renderings of an Allocation: the one-line-per-region memory report (docs/memory.md), the full report that
// overflow errors carry, and a verbose listing of every object and frame (like TinyGo's -size full).
package org.fidembed.alloc;

import org.fidembed.board.MemoryRegion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

public final class Reports {
    private Reports() {}

    /** How many objects the full report lists. */
    public static final int LARGEST = 10;

    /**
     * The memory report (docs/memory.md), one line per region, e.g.
     * <pre>
     * FLASH   1234 / 262144 B  ( 0.5%)
     * RAM      512 /  65536 B  ( 0.8%)  static 256, stack bound 256 (main 192, isr 64)
     * </pre>
     * Names are padded to the longest name, numbers to the widest number of all lines.
     */
    public static String memory(Allocation a) {
        int nameWidth = a.regions().stream().mapToInt(u -> u.region().name().length()).max().orElse(0);
        int numberWidth = a.regions().stream()
                .mapToInt(u -> Math.max(digits(u.used()), digits(u.region().length()))).max().orElse(1);
        StringBuilder sb = new StringBuilder();
        for (RegionUsage u : a.regions()) {
            sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %" + numberWidth + "d / %" + numberWidth
                    + "d B  (%4.1f%%)", u.region().name(), u.used(), u.region().length(), u.percent()));
            String detail = switch (u.region().kind()) {
                case FLASH -> "";
                case RAM -> "  static " + u.staticBytes() + (u.holdsStack() ? ", " + stackPart(a) : "");
            };
            sb.append(detail).append('\n');
        }
        return sb.toString();
    }

    /** {@code stack bound 256 (main 192, isr 64)}, or {@code stack bound unknown} when it was not proven. */
    private static String stackPart(Allocation a) {
        return a.stack().map(s -> "stack bound " + s.program() + " (main " + s.main().bound() + ", isr "
                + s.interrupts() + ")").orElse("stack bound unknown");
    }

    /**
     * The report an overflow error carries, since nothing links: the regions, the ten largest objects with
     * their locations, and the deepest call path of main and of each interrupt level with every frame's size.
     */
    public static String full(Allocation a) {
        StringBuilder sb = new StringBuilder();
        regions(a, sb);
        sb.append('\n');
        List<PlacedObject> largest = a.placement().objects().stream()
                .sorted(Comparator.comparingLong(PlacedObject::size).reversed().thenComparing(PlacedObject::symbol))
                .limit(LARGEST).toList();
        sb.append("largest objects (").append(largest.size()).append(" of ").append(a.placement().objects().size())
                .append("):\n");
        objects(largest, sb);
        sb.append('\n');
        stack(a, false, sb);
        return sb.toString();
    }

    /**
     * Everything: regions, sections, every static object by address, every function by frame size (largest
     * first), the deepest path of every entry point, and the padding.
     */
    public static String verbose(Allocation a) {
        StringBuilder sb = new StringBuilder();
        regions(a, sb);
        sb.append('\n').append(details(a));
        return sb.toString();
    }

    /**
     * The verbose report without its region table: sections, objects, functions, paths and padding (for a
     * caller that reports the regions itself, from the linked image).
     */
    public static String details(Allocation a) {
        StringBuilder sb = new StringBuilder();
        sb.append("sections:\n");
        Table sections = new Table("LLRRRRRL");
        sections.row("section", "region", "address", "size", "align", "code", "data", "contents");
        for (PlacedSection s : a.placement().sections())
            sections.row(s.name(), s.section().region(), s.base().isPresent() ? hex(s.base().getAsLong()) : "-",
                    s.size(), s.alignment(), s.codeSize(), s.objectBytes(), s.section().contents().describe());
        sections.render(sb);
        sb.append("\nstatic objects (").append(a.placement().objects().size()).append(", by address):\n");
        List<PlacedObject> byAddress = new ArrayList<>(a.placement().objects());
        byAddress.sort(Comparator.comparingLong((PlacedObject o) -> o.address().orElse(Long.MAX_VALUE))
                .thenComparing(PlacedObject::section).thenComparingLong(PlacedObject::offset));
        objects(byAddress, sb);
        List<Function> functions = new ArrayList<>(a.input().callGraph().functions());
        functions.sort(Comparator.comparingLong(Function::frameSize).reversed().thenComparing(Function::symbol));
        sb.append("\nfunctions (").append(functions.size()).append(", by frame size):\n");
        Table fns = new Table("RLLL");
        fns.row("frame", "function", "location", "recursion depth");
        for (Function f : functions)
            fns.row(f.frameSize(), f.symbol(), f.location(),
                    f.recursionDepth().isPresent() ? String.valueOf(f.recursionDepth().getAsLong()) : "");
        fns.render(sb);
        sb.append('\n');
        stack(a, true, sb);
        sb.append("\npadding: ").append(a.placement().totalPadding()).append(" B\n");
        return sb.toString();
    }

    private static void regions(Allocation a, StringBuilder sb) {
        sb.append("memory regions:\n");
        Table t = new Table("LLRLRRL");
        t.row("region", "origin", "length", "attr", "used", "%", "of which");
        for (RegionUsage u : a.regions()) {
            MemoryRegion r = u.region();
            String parts = switch (r.kind()) {
                case FLASH -> "code " + u.code() + ", constants " + u.data();
                // code in RAM only when functions run from RAM; otherwise the static bytes are all data
                case RAM -> "static " + u.staticBytes() + (u.code() > 0 ? " (code " + u.code() + ", data " + u.data() + ")" : "")
                        + (u.holdsStack() ? ", " + stackPart(a) : "");
            };
            t.row(r.name(), hex(r.origin()), r.length(), r.attrs(), u.used(),
                    String.format(Locale.ROOT, "%.1f", u.percent()), parts);
        }
        t.render(sb);
    }

    private static void objects(List<PlacedObject> objects, StringBuilder sb) {
        Table t = new Table("RRLLLL");
        t.row("size", "align", "section", "address", "symbol", "location");
        for (PlacedObject o : objects)
            t.row(o.size(), o.object().alignment(), o.section(),
                    o.address().isPresent() ? hex(o.address().getAsLong()) : "+" + o.offset(), o.symbol(),
                    o.object().location());
        t.render(sb);
    }

    private static void stack(Allocation a, boolean everyHandler, StringBuilder sb) {
        if (a.stack().isEmpty()) {
            sb.append("stack bound: not proven (see the errors)\n");
            return;
        }
        StackBounds s = a.stack().get();
        sb.append("stack bound ").append(s.program()).append(" B = main ").append(s.main().bound())
                .append(" B + interrupts ").append(s.interrupts()).append(" B; reserve ").append(s.reserve())
                .append(" B (margin ").append(s.margin()).append(" B, aligned to ").append(s.alignment())
                .append(")\n");
        if (!s.levels().isEmpty())
            sb.append("interrupt levels: ").append(s.levels().stream()
                    .map(l -> l.level() + " " + l.bound() + " B (" + l.deepest().label()
                            + (l.handlers().size() > 1 ? ", deepest of " + l.handlers().stream()
                            .map(EntryBound::label).collect(Collectors.joining(", ")) : "") + ")")
                    .collect(Collectors.joining("; "))).append('\n');
        path(s.main(), sb);
        List<EntryBound> shown = everyHandler ? s.handlers()
                : s.levels().stream().map(LevelBound::deepest).toList();
        for (EntryBound h : shown) path(h, sb);
    }

    private static void path(EntryBound e, StringBuilder sb) {
        sb.append("deepest path of ").append(e.label()).append(" (").append(e.bound()).append(" B");
        e.priority().ifPresent(p -> sb.append(", priority ").append(p));
        if (e.entryOverhead() > 0) sb.append(", entry overhead ").append(e.entryOverhead()).append(" B");
        sb.append("):\n");
        Table t = new Table("RRRLLL");
        t.row("bytes", "frame", "times", "function", "location", "reached");
        for (Frame f : e.path())
            t.row(f.bytes(), f.frameSize(), f.repetitions() > 1 ? "x" + f.repetitions() : "", f.function(),
                    f.location(), f.reached().describe());
        t.render(sb);
    }

    private static String hex(long address) { return String.format(Locale.ROOT, "0x%08x", address); }

    private static int digits(long n) { return Long.toString(n).length(); }

    /** Columns of text, left (L) or right (R) aligned, two spaces apart, indented by two. */
    private static final class Table {
        private final String align;
        private final List<String[]> rows = new ArrayList<>();

        Table(String align) { this.align = align; }

        void row(Object... cells) {
            String[] r = new String[cells.length];
            for (int i = 0; i < cells.length; i++) r[i] = String.valueOf(cells[i]);
            rows.add(r);
        }

        void render(StringBuilder sb) {
            int[] width = new int[align.length()];
            for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder("  ");
                for (int i = 0; i < r.length; i++) {
                    if (i > 0) line.append("  ");
                    String pad = " ".repeat(width[i] - r[i].length());
                    line.append(align.charAt(i) == 'R' ? pad + r[i] : r[i] + pad);
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
        }
    }
}
