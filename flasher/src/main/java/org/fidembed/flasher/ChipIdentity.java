// Tells a chip from its look-alikes: the STM32F103 and the GD32VF103 both answer Get ID with 0x410, so the
// bootloader version, the Get command list and the flash-size register (the facts the chip profiles give)
// decide. Used before anything is erased, so that an ARM image never goes onto a RISC-V chip.
package org.fidembed.flasher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.fidembed.board.FlashMethod.Identity;
import org.fidembed.board.Target;

public final class ChipIdentity {
    private ChipIdentity() {}

    /** What the connected bootloader said about its chip (the flash size when the register could be read). */
    public record Observed(int chipId, int version, List<Integer> commands, OptionalInt flashKib) {
        public Observed {
            commands = List.copyOf(commands);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "chip ID 0x%03X, bootloader %d.%d", chipId, version >> 4, version & 0xF)
                    + (flashKib.isPresent() ? ", " + flashKib.getAsInt() + " KiB flash" : "");
        }
    }

    /** How the observed chip differs from the profile's identity; empty when it is the profile's chip. */
    public static List<String> differences(Identity want, Observed got) {
        List<String> out = new ArrayList<>();
        if (want.chipId() != got.chipId()) {
            out.add(String.format(Locale.ROOT, "chip ID 0x%03X, not 0x%03X", got.chipId(), want.chipId()));
        }
        if (want.bootloaderVersion().isPresent() && want.bootloaderVersion().getAsInt() != got.version()) {
            int v = want.bootloaderVersion().getAsInt();
            out.add(String.format(Locale.ROOT, "bootloader %d.%d, not %d.%d", got.version() >> 4, got.version() & 0xF, v >> 4, v & 0xF));
        }
        if (!want.commands().isEmpty() && !want.commands().equals(got.commands())) {
            out.add("Get lists commands " + hex(got.commands()) + ", not " + hex(want.commands()));
        }
        if (want.flashSizeKib().isPresent() && got.flashKib().isPresent() && want.flashSizeKib().getAsInt() != got.flashKib().getAsInt()) {
            out.add(got.flashKib().getAsInt() + " KiB of flash, not " + want.flashSizeKib().getAsInt() + " KiB");
        }
        return out;
    }

    /** The first known board whose chip the observation fits, other than the expected board. */
    public static Optional<Target> lookalike(Observed got, Target expected, List<Target> known) {
        return known.stream().filter(t -> !t.name().equals(expected.name()) && t.flash().isPresent()
                && !t.chip().equals(expected.chip())
                && differences(t.flash().get().identity(), got).isEmpty()).findFirst();
    }

    /** "chip ID 0x410, bootloader 2.2, 64 KiB flash" for a profile's identity. */
    public static String describe(Identity id) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "chip ID 0x%03X", id.chipId()));
        id.bootloaderVersion().ifPresent(v -> b.append(String.format(Locale.ROOT, ", bootloader %d.%d", v >> 4, v & 0xF)));
        id.flashSizeKib().ifPresent(k -> b.append(", ").append(k).append(" KiB flash"));
        return b.toString();
    }

    private static String hex(List<Integer> cmds) {
        return cmds.stream().map(c -> String.format(Locale.ROOT, "%02X", c)).collect(Collectors.joining(" "));
    }
}
