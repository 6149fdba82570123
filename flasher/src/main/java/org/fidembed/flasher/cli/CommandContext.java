// What the flasher's commands share and tests replace: the board catalog, how ports are listed and opened,
// whether standard output is a terminal (live progress bars) or not (one line per phase), standard input
// (what `monitor` forwards to the board) and whether NO_COLOR asks for plain text.
package org.fidembed.flasher.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fidembed.diag.Style;
import org.fidembed.flasher.Flasher;
import org.fidembed.flasher.serial.JSerialLink;
import org.fidembed.flasher.serial.PortInfo;
import org.fidembed.flasher.serial.Ports;

public record CommandContext(BoardCatalog catalog, Supplier<List<PortInfo>> portLister, Flasher.LinkOpener opener,
        boolean terminal, InputStream stdin) {

    public CommandContext(BoardCatalog catalog, Supplier<List<PortInfo>> portLister, Flasher.LinkOpener opener, boolean terminal) {
        this(catalog, portLister, opener, terminal, InputStream.nullInputStream());
    }

    public static CommandContext standard(BoardCatalog catalog) {
        return new CommandContext(catalog, Ports::list, JSerialLink::open, System.console() != null, System.in);
    }

    /** Colour on a terminal unless NO_COLOR is set or --no-color was given. */
    Style style(boolean noColor) {
        return Style.choose(terminal, noColor);
    }

    /** The port to use: the given one, or the only known bridge attached (said on err), or empty (said on err). */
    Optional<String> resolvePort(String given, PrintStream err, Style style) {
        if (given != null) {
            return Optional.of(given);
        }
        Ports.Choice c = Ports.choose(Ports.describe(portLister.get(), catalog.boardsByBridge()));
        if (c instanceof Ports.Choice.Chosen ch) {
            err.println(ch.message());
            return Optional.of(ch.listing().port().path());
        } else if (c instanceof Ports.Choice.NoneFound n) {
            err.println(style.error("error") + ": " + n.message());
        } else if (c instanceof Ports.Choice.Ambiguous a) {
            err.println(style.error("error") + ": " + a.message());
        } else {
            throw new IllegalStateException("unknown port choice " + c);
        }
        return Optional.empty();
    }

    /** The boards that use the bridge on a port (by its USB ID), for choosing a board when --board is missing. */
    List<String> boardsOnPort(String port) {
        return Ports.describe(portLister.get(), catalog.boardsByBridge()).stream()
                .filter(l -> l.port().path().equals(port)).findFirst().map(Ports.Listing::boards).orElse(List.of());
    }
}
