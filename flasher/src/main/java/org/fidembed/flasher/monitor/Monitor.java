// `fid-embed monitor`: copies what the board writes on its UART to the terminal, line by line, and with an
// ELF decorates addresses in fault lines (HardFault, panic, trap: pc/lr/mepc...) with function names;
// what arrives on standard input goes to the board.
package org.fidembed.flasher.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fidembed.flasher.FlashException;
import org.fidembed.flasher.serial.SerialLink;

public final class Monitor {
    private static final Pattern FAULT = Pattern.compile(
            "(?i)(hard ?fault|fault|panic|exception|trap|abort|mepc|mcause|\\bpc\\b|\\blr\\b|\\bra\\b)");
    private static final Pattern ADDRESS = Pattern.compile("0[xX]([0-9a-fA-F]{1,8})\\b");

    private Monitor() {}

    /**
     * Prints lines from the link until stop says so, maxDuration passes (ZERO: no limit) or the port goes away
     * (DISCONNECTED). Returns the number of lines printed.
     */
    public static long run(SerialLink link, Optional<SymbolTable> symbols, PrintStream out, BooleanSupplier stop,
            Duration maxDuration) throws FlashException {
        return run(link, symbols, out, stop, maxDuration, InputStream.nullInputStream());
    }

    /**
     * As above, and forwards what arrives on input (standard input) to the board as it comes, byte for byte,
     * until input ends or the monitor stops.
     */
    public static long run(SerialLink link, Optional<SymbolTable> symbols, PrintStream out, BooleanSupplier stop,
            Duration maxDuration, InputStream input) throws FlashException {
        AtomicBoolean done = new AtomicBoolean();
        Thread forward = new Thread(() -> forward(input, link, done), "monitor-stdin");
        forward.setDaemon(true);
        forward.start();
        try {
            return copy(link, symbols, out, () -> stop.getAsBoolean(), maxDuration);
        } finally {
            done.set(true);
        }
    }

    /** Standard input to the board (a daemon thread: a read blocked on a terminal does not keep the JVM alive). */
    private static void forward(InputStream input, SerialLink link, AtomicBoolean done) {
        byte[] buf = new byte[256];
        try {
            int n;
            while (!done.get() && (n = input.read(buf)) >= 0) {
                if (n > 0 && !done.get()) {
                    link.write(buf, 0, n);
                }
            }
        } catch (IOException | FlashException e) {
            // input closed or the port went away (the reading side reports that): nothing more to forward
        }
    }

    private static long copy(SerialLink link, Optional<SymbolTable> symbols, PrintStream out, BooleanSupplier stop,
            Duration maxDuration) throws FlashException {
        long end = maxDuration.isZero() ? Long.MAX_VALUE : System.nanoTime() + maxDuration.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        long lines = 0;
        boolean lastWasCr = false;
        try {
            while (!stop.getAsBoolean() && System.nanoTime() < end) {
                long slice = Math.min(end, System.nanoTime() + 200_000_000L);
                int n = link.read(buf, 0, buf.length, slice);
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n' && lastWasCr) {
                        lastWasCr = false;
                        continue;
                    }
                    lastWasCr = b == '\r';
                    if (b == '\n' || b == '\r') {
                        printLine(line.toString(StandardCharsets.UTF_8), symbols, out);
                        lines++;
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
                out.flush();
            }
        } finally {
            if (line.size() > 0) {
                printLine(line.toString(StandardCharsets.UTF_8), symbols, out);
                lines++;
            }
            out.flush();
        }
        return lines;
    }

    /** A line as it arrived (fault lines decorated), then the crash report at the source after a fault line. */
    private static void printLine(String text, Optional<SymbolTable> symbols, PrintStream out) {
        out.println(decorate(text, symbols));
        symbols.flatMap(s -> s.explain(text)).ifPresent(r -> {
            for (String l : r.split("\n")) out.println("fid-embed: " + l);
        });
    }

    /**
     * A fault at a trap (trap strategy) becomes "panic at FILE:LINE:COL"; otherwise adds " <function+0xoff>"
     * after each address in a fault line that falls inside a known function.
     */
    public static String decorate(String line, Optional<SymbolTable> symbols) {
        if (symbols.isEmpty() || !FAULT.matcher(line).find()) {
            return line;
        }
        String decoded = symbols.get().traps().decode(line);
        if (!decoded.equals(line)) {
            return decoded;
        }
        Matcher m = ADDRESS.matcher(line);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            long addr = Long.parseLong(m.group(1), 16);
            b.append(line, last, m.end());
            symbols.get().describe(addr).ifPresent(name -> b.append(" <").append(name).append('>'));
            last = m.end();
        }
        b.append(line.substring(last));
        return b.toString();
    }
}
