// `fid-embed monitor --port P [--baud N] [--elf ELF]`: prints the board's UART output; with an ELF,
// addresses in fault lines get function names. Runs until Ctrl-C or --duration; exit 1 if the port goes away.
package org.fidembed.flasher.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.LineMode;
import org.fidembed.image.ImageFormatException;
import org.fidembed.flasher.monitor.Monitor;
import org.fidembed.flasher.monitor.SymbolTable;
import org.fidembed.flasher.serial.SerialLink;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Print what a board writes on its UART; decode fault addresses with the ELF.")
public final class MonitorCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", description = "serial port; omitted: the only known USB-serial bridge attached")
    String port;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "baud rate (default ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--line", paramLabel = "8N1|8E1", converter = Converters.Line.class, defaultValue = "8N1",
            description = "framing of the board's UART (default ${DEFAULT-VALUE})")
    LineMode line;

    @Option(names = "--elf", paramLabel = "ELF", description = "resolve addresses in fault lines to function names")
    Path elf;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "stop after this many seconds (default: until interrupted)")
    double seconds;

    @CommandLine.Spec
    CommandSpec spec;

    private final CommandContext ctx;
    private final AtomicBoolean stop = new AtomicBoolean();

    public MonitorCommand(BoardCatalog catalog) {
        this(CommandContext.standard(catalog));
    }

    public MonitorCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Ends a running monitor (the CLI's interrupt handler, or a test). */
    public void stop() {
        stop.set(true);
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        if (seconds < 0) {
            err.println("error: --duration must not be negative");
            return 2;
        }
        Optional<SymbolTable> symbols = Optional.empty();
        if (elf != null) {
            if (!Files.exists(elf)) {
                err.println("error: " + elf + ": no such file");
                return 2;
            }
            try {
                symbols = Optional.of(SymbolTable.fromElf(elf));
            } catch (ImageFormatException | java.io.IOException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        }
        Optional<String> p = ctx.resolvePort(port, err);
        if (p.isEmpty()) {
            return 2;
        }
        try (SerialLink link = ctx.opener().open(p.get(), baud, line)) {
            err.println("monitoring " + link.name() + " at " + baud + " baud " + line
                    + (seconds > 0 ? " for " + seconds + " s" : " (Ctrl-C ends)"));
            Monitor.run(link, symbols, out, stop::get, Duration.ofNanos((long) (seconds * 1e9)));
            return 0;
        } catch (FlashException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
