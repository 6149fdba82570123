// The flasher's picocli subcommands in one place, for the toolchain CLI to register:
// flash, ports, monitor and bundle, all bound to the catalog the CLI provides.
package org.fidembed.flasher.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

public final class FlasherCommands {
    private FlasherCommands() {}

    /** name → command object, for CommandLine.addSubcommand(name, object). */
    public static Map<String, Object> create(BoardCatalog catalog) {
        return create(CommandContext.standard(catalog));
    }

    public static Map<String, Object> create(CommandContext ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flash", new FlashCommand(ctx));
        m.put("ports", new PortsCommand(ctx));
        m.put("monitor", new MonitorCommand(ctx));
        m.put("bundle", new BundleCommand(ctx));
        return m;
    }

    /** Adds all four to a parent command line. */
    public static CommandLine register(CommandLine parent, BoardCatalog catalog) {
        create(catalog).forEach(parent::addSubcommand);
        return parent;
    }
}
