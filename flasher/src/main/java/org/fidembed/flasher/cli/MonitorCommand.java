// `fid-embed monitor --port P [--baud N] [--elf ELF]`: prints the board's UART output and forwards standard
// input to it; with an ELF, addresses in fault lines get function names. Runs until Ctrl-C or --duration;
// exit 1 if the port goes away. `flash --monitor` runs the same session after flashing.
package org.fidembed.flasher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.fidembed.diag.Style;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.LineMode;
import org.fidembed.flasher.monitor.Monitor;
import org.fidembed.flasher.monitor.SymbolTable;
import org.fidembed.flasher.serial.SerialLink;
import org.fidembed.image.ImageFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Print what a board writes on its UART and send it standard input; decode fault addresses with the ELF.")
public final class MonitorCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", description = "serial port; omitted: the only known USB-serial bridge attached")
    String port;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "baud rate (default ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--line", paramLabel = "8N1|8E1", converter = Converters.Line.class, defaultValue = "8N1",
            description = "framing of the board's UART (default ${DEFAULT-VALUE})")
    LineMode line;

    @Option(names = "--elf", paramLabel = "ELF", description = "resolve addresses in fault lines to function names, and explain fid-embed's fault lines at the F# source line (file, line, function, cause)")
    Path elf;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "stop after this many seconds (default: until interrupted)")
    double seconds;

    @Option(names = "--no-color", description = "no colour in messages (also: the NO_COLOR environment variable)")
    boolean noColor;

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
        Style style = ctx.style(noColor);
        if (seconds < 0) {
            err.println(style.error("error") + ": --duration must not be negative");
            return 2;
        }
        Optional<SymbolTable> symbols = Optional.empty();
        if (elf != null) {
            if (!Files.exists(elf)) {
                err.println(style.error("error") + ": --elf " + elf + ": no such file");
                return 2;
            }
            if (Files.isDirectory(elf)) {
                err.println(style.error("error") + ": --elf " + elf + ": is a folder, not an ELF image (give build/BOARD/NAME.elf)");
                return 2;
            }
            try {
                symbols = Optional.of(SymbolTable.fromElf(elf));
            } catch (ImageFormatException e) {
                err.println(style.error("error") + ": --elf " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println(style.error("error") + ": --elf " + elf + ": cannot read it (" + e.getMessage() + ")");
                return 1;
            }
        }
        Optional<String> p = ctx.resolvePort(port, err, style);
        if (p.isEmpty()) {
            return 2;
        }
        return session(ctx, p.get(), baud, line, symbols, out, err, style, stop::get, Duration.ofNanos((long) (seconds * 1e9)));
    }

    /** Opens the port and monitors it, forwarding standard input; 0 when stopped, 1 when the port fails. */
    static int session(CommandContext ctx, String port, int baud, LineMode line, Optional<SymbolTable> symbols, PrintStream out,
            PrintStream err, Style style, BooleanSupplier stop, Duration duration) {
        try (SerialLink link = ctx.opener().open(port, baud, line)) {
            err.println("monitoring " + link.name() + " at " + baud + " baud " + line
                    + (duration.isZero() ? " (Ctrl-C ends; standard input goes to the board)" : " for " + duration.toMillis() / 1000.0 + " s"));
            Monitor.run(link, symbols, out, stop, duration, ctx.stdin());
            return 0;
        } catch (FlashException e) {
            err.println(style.error("error") + ": " + e.getMessage());
            return 1;
        }
    }
}
