// How a serial board enters its ROM bootloader: by hand (instructions shown to the user), or by driving the
// bridge's DTR/RTS lines, written in stm32flash's -i syntax ("-rts&dtr,-dtr:rts&dtr,-dtr"), as the flasher reads it.
package org.fidembed.board;

import java.util.Objects;
import java.util.regex.Pattern;

public sealed interface BootEntry {

    record Manual(String instructions) implements BootEntry {
        public Manual {
            Objects.requireNonNull(instructions, "instructions");
        }
    }

    /**
     * {@code ENTRY[:EXIT]}: each a list of {@code dtr}/{@code rts} separated by {@code ,} (then a pause) or
     * {@code &} (no pause); a leading {@code -} releases the line instead of asserting it.
     */
    record Lines(String sequence) implements BootEntry {
        private static final String SEQ = "(-?(dtr|rts)([,&]-?(dtr|rts))*)";
        /** The accepted syntax. */
        public static final Pattern SYNTAX = Pattern.compile(SEQ + "(:" + SEQ + "?)?");

        public Lines {
            Objects.requireNonNull(sequence, "sequence");
            if (!SYNTAX.matcher(sequence).matches()) throw new IllegalArgumentException("bad DTR/RTS sequence '" + sequence + "'");
        }

        /** The part that enters the bootloader. */
        public String enter() {
            int colon = sequence.indexOf(':');
            return colon < 0 ? sequence : sequence.substring(0, colon);
        }

        /** The part that resets into the firmware after flashing; empty if none. */
        public String exit() {
            int colon = sequence.indexOf(':');
            return colon < 0 ? "" : sequence.substring(colon + 1);
        }
    }
}
