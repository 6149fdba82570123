// How a serial board enters its ROM bootloader: by hand (instructions shown to the user), or by driving the
// bridge's modem lines in a sequence ("+dtr" asserts DTR, "-rts" releases RTS, "wait:50" waits 50 ms).
package org.fidembed.board;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

public sealed interface BootEntry {

    /** The syntax of one step of a line sequence. */
    Pattern STEP = Pattern.compile("[+-](dtr|rts)|wait:[0-9]{1,5}");

    record Manual(String instructions) implements BootEntry {
        public Manual {
            Objects.requireNonNull(instructions, "instructions");
        }
    }

    /** enter: put the chip into its bootloader and reset it; exit: reset it into the firmware. */
    record Lines(List<String> enter, List<String> exit) implements BootEntry {
        public Lines {
            enter = List.copyOf(enter);
            exit = List.copyOf(exit);
            for (String s : enter) if (!STEP.matcher(s).matches()) throw new IllegalArgumentException("bad line step '" + s + "'");
            for (String s : exit) if (!STEP.matcher(s).matches()) throw new IllegalArgumentException("bad line step '" + s + "'");
        }
    }
}
