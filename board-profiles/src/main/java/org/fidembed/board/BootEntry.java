// How a serial board enters its ROM bootloader: by hand (instructions shown to the user when the sync
// fails), or by driving the bridge's DTR/RTS lines with a sequence in stm32flash's -i syntax
// ("-rts&dtr,-dtr:rts&dtr,-dtr"), from the profile or from the command line.
package org.fidembed.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

public sealed interface BootEntry {

    enum Line { DTR, RTS }

    /** Drive one modem line; then wait delayMillis before the next step. */
    record Step(Line line, boolean asserted, int delayMillis) { }

    /** No wiring: a person sets BOOT0 and presses reset. */
    record Manual(String instructions) implements BootEntry {
        public Manual {
            Objects.requireNonNull(instructions, "instructions");
        }
    }

    /** Wired: the entry sequence runs before sync, the exit sequence (if any) after a successful flash. */
    record Lines(String sequence, List<Step> enter, List<Step> exit) implements BootEntry {
        public Lines {
            Objects.requireNonNull(sequence, "sequence");
            enter = List.copyOf(enter);
            exit = List.copyOf(exit);
        }
    }

    /** The generic instruction for a board whose profile gives none. */
    static Manual manual() {
        return new Manual("put the board into its bootloader: hold BOOT0 high (jumper to 1), press and release RESET");
    }

    String SEQ = "(-?(dtr|rts)([,&]-?(dtr|rts))*)";
    /** The accepted syntax: {@code ENTRY[:EXIT]}. */
    Pattern SYNTAX = Pattern.compile(SEQ + "(:" + SEQ + "?)?");

    /**
     * Parses "ENTRY[:EXIT]": each part lists signals separated by ',' (then a 100 ms pause) or '&' (no
     * pause); a signal is dtr or rts, and '-' in front releases it instead of asserting it.
     */
    static Lines parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (!SYNTAX.matcher(s).matches())
            throw new IllegalArgumentException("boot entry '" + spec + "': expected stm32flash's -i syntax ENTRY[:EXIT], e.g. "
                    + "\"-rts&dtr,-dtr:rts&dtr,-dtr\" (dtr/rts, ',' pauses, '&' does not, '-' releases)");
        int colon = s.indexOf(':');
        return new Lines(s, steps(colon < 0 ? s : s.substring(0, colon)), colon < 0 ? List.of() : steps(s.substring(colon + 1)));
    }

    private static List<Step> steps(String seq) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < seq.length()) {
            boolean release = seq.charAt(i) == '-';
            if (release) i++;
            Line line = seq.startsWith("dtr", i) ? Line.DTR : Line.RTS;
            i += 3;
            int delay = i >= seq.length() || seq.charAt(i) == ',' ? 100 : 0;
            i++;
            steps.add(new Step(line, !release, delay));
        }
        return steps;
    }
}
