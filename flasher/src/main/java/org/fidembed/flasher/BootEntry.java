// How a board gets into its serial bootloader: modem lines wired to RESET/BOOT0 (driven by DTR/RTS),
// or by hand (the flasher prints what to do). Sequences use stm32flash's -i syntax: "-rts&dtr,-dtr:rts&dtr,-dtr".
package org.fidembed.flasher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public sealed interface BootEntry permits BootEntry.Manual, BootEntry.Signals {

    enum Line { DTR, RTS }

    /** Drive one modem line; then wait delayMillis before the next step. */
    record Step(Line line, boolean asserted, int delayMillis) {}

    /** No wiring: a person sets BOOT0 and presses reset; the instruction is printed before the sync attempts. */
    record Manual(String instruction) implements BootEntry {}

    /** Wired: the entry sequence runs before sync, the exit sequence (if any) after a successful flash. */
    record Signals(List<Step> enter, List<Step> exit) implements BootEntry {
        public Signals {
            enter = List.copyOf(enter);
            exit = List.copyOf(exit);
        }
    }

    static Manual manual() {
        return new Manual("put the board into its bootloader: hold BOOT0 high (jumper to 1), press and release RESET");
    }

    /**
     * Parses "ENTRY[:EXIT]" where each sequence is signals separated by ',' (100 ms pause) or '&' (no pause);
     * a signal is dtr or rts, '-' in front releases it instead of asserting it.
     */
    static Signals parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("boot entry '" + spec + "': at most one ':' between entry and exit");
        }
        return new Signals(sequence(parts[0], spec), parts.length == 2 ? sequence(parts[1], spec) : List.of());
    }

    private static List<Step> sequence(String seq, String spec) {
        List<Step> steps = new ArrayList<>();
        if (seq.isBlank()) {
            return steps;
        }
        int i = 0;
        String s = seq.trim().toLowerCase(Locale.ROOT);
        while (i < s.length()) {
            boolean release = false;
            if (s.charAt(i) == '-') {
                release = true;
                i++;
            }
            Line line;
            if (s.startsWith("dtr", i)) {
                line = Line.DTR;
            } else if (s.startsWith("rts", i)) {
                line = Line.RTS;
            } else {
                throw new IllegalArgumentException("boot entry '" + spec + "': expected dtr or rts at position " + i);
            }
            i += 3;
            int delay = 0;
            if (i < s.length()) {
                char sep = s.charAt(i);
                if (sep == ',') {
                    delay = 100;
                } else if (sep != '&') {
                    throw new IllegalArgumentException("boot entry '" + spec + "': expected ',' or '&' at position " + i);
                }
                i++;
            } else {
                delay = 100;
            }
            steps.add(new Step(line, !release, delay));
        }
        return steps;
    }
}
