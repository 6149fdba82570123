// `fid-embed ports`: name, description and USB VID:PID of each serial port, the bridge chip it is,
// and which board profiles use that bridge; a bridge several boards share is said to need --board.
package org.fidembed.flasher.cli;

import java.util.concurrent.Callable;
import org.fidembed.flasher.serial.Ports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "List serial ports (name, description, USB VID:PID) and the boards that use each bridge.")
public final class PortsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;

    private final CommandContext ctx;

    public PortsCommand(BoardCatalog catalog) {
        this(CommandContext.standard(catalog));
    }

    public PortsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var listings = Ports.describe(ctx.portLister().get(), ctx.catalog().boardsByBridge());
        spec.commandLine().getOut().print(Ports.format(listings));
        for (Ports.Listing l : listings) {
            if (l.boards().size() > 1) {
                spec.commandLine().getOut().println("note: " + l.port().path() + " is a bridge that boards "
                        + String.join(" and ", l.boards()) + " share: `flash` needs --board " + String.join(" or --board ", l.boards())
                        + " (or an ELF image, whose machine decides)");
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
