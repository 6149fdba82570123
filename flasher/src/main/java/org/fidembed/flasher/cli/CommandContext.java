// What the flasher's commands share and tests replace: the board catalog, how ports are listed and opened,
// and whether standard output is a terminal (live progress) or not (one summary line).
package org.fidembed.flasher.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fidembed.flasher.Flasher;
import org.fidembed.flasher.serial.JSerialLink;
import org.fidembed.flasher.serial.PortInfo;
import org.fidembed.flasher.serial.Ports;

public record CommandContext(BoardCatalog catalog, Supplier<List<PortInfo>> portLister, Flasher.LinkOpener opener,
        boolean terminal) {

    public static CommandContext standard(BoardCatalog catalog) {
        return new CommandContext(catalog, Ports::list, JSerialLink::open, System.console() != null);
    }

    /** The port to use: the given one, or the only known bridge attached (said on err), or empty (said on err). */
    Optional<String> resolvePort(String given, java.io.PrintStream err) {
        if (given != null) {
            return Optional.of(given);
        }
        Ports.Choice c = Ports.choose(Ports.describe(portLister.get(), catalog.boardsByBridge()));
        if (c instanceof Ports.Choice.Chosen ch) {
            err.println(ch.message());
            return Optional.of(ch.listing().port().path());
        } else if (c instanceof Ports.Choice.NoneFound n) {
            err.println("error: " + n.message());
        } else if (c instanceof Ports.Choice.Ambiguous a) {
            err.println("error: " + a.message());
        } else {
            throw new IllegalStateException("unknown port choice " + c);
        }
        return Optional.empty();
    }
}
