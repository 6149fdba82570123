// Renders flash progress: on a terminal a bar per phase with percentage, rate and time left, redrawn in
// place; off a terminal one line per phase when it ends. Warnings (yellow) and actions go to standard
// error as they happen; colour follows the Style (off with NO_COLOR or --no-color).
package org.fidembed.flasher.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.fidembed.diag.Style;
import org.fidembed.flasher.FlashResult;
import org.fidembed.flasher.LineMode;
import org.fidembed.flasher.Phase;
import org.fidembed.flasher.PhaseTimes;
import org.fidembed.flasher.ProgressEvent;
import org.fidembed.flasher.ProgressListener;

public final class ProgressPrinter implements ProgressListener {
    static final int BAR = 30;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Style style;
    private boolean lineOpen;
    private Phase openPhase;

    public ProgressPrinter(PrintStream out, PrintStream err, boolean terminal) {
        this(out, err, terminal, Style.PLAIN);
    }

    public ProgressPrinter(PrintStream out, PrintStream err, boolean terminal, Style style) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.style = style;
    }

    @Override
    public void on(ProgressEvent e) {
        if (e instanceof ProgressEvent.Note n) {
            note(n);
        } else if (e instanceof ProgressEvent.Started s) {
            if (terminal && shown(s.phase())) {
                show(s.phase(), 0, s.total(), Duration.ZERO, false);
            }
        } else if (e instanceof ProgressEvent.Advanced a) {
            if (terminal && shown(a.phase())) {
                show(a.phase(), a.done(), a.total(), a.elapsed(), false);
            }
        } else if (e instanceof ProgressEvent.Finished f) {
            if (!shown(f.phase())) {
                return;
            }
            if (terminal) {
                show(f.phase(), f.total(), f.total(), f.elapsed(), true);
            } else {
                out.println(String.format(Locale.ROOT, "%s: %d%s in %.2f s%s", f.phase().label(), f.total(), unit(f.phase()),
                        f.elapsed().toNanos() / 1e9, rate(f.phase(), f.total(), f.elapsed())));
            }
        } else {
            throw new IllegalStateException("unknown progress event " + e);
        }
    }

    private void note(ProgressEvent.Note n) {
        switch (n.level()) {
            case WARNING -> {
                closeLine();
                err.println(style.warning("warning") + ": " + n.text());
            }
            case ACTION -> {
                closeLine();
                err.println(n.text());
            }
            case INFO -> {
                if (terminal) {
                    closeLine();
                    out.println(n.text());
                }
            }
        }
    }

    private static boolean shown(Phase p) {
        return p != Phase.CONNECT && p != Phase.START;
    }

    private static String unit(Phase p) {
        return p == Phase.ERASE ? " pages" : " B";
    }

    private static String rate(Phase p, long done, Duration elapsed) {
        if (p == Phase.ERASE || elapsed.isZero() || done == 0) {
            return "";
        }
        return String.format(Locale.ROOT, ", %.1f KiB/s", PhaseTimes.rate(done, elapsed) / 1024);
    }

    /** {@code program  [##########          ]  50%  12.3 KiB/s  0:02 left}. */
    static String bar(Phase p, long done, long total, Duration elapsed, boolean last) {
        double frac = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(frac * BAR);
        String left = "";
        if (last) {
            left = String.format(Locale.ROOT, "  done in %.2f s", elapsed.toNanos() / 1e9);
        } else if (done > 0 && !elapsed.isZero()) {
            long secs = (long) Math.ceil(elapsed.toNanos() / 1e9 * (total - done) / done);
            left = String.format(Locale.ROOT, "  %d:%02d left", secs / 60, secs % 60);
        }
        return String.format(Locale.ROOT, "%-8s [%s%s] %3d%%  %d/%d%s%s%s", p.label(), "#".repeat(filled), " ".repeat(BAR - filled),
                Math.round(frac * 100), done, total, unit(p), rate(p, done, elapsed).replace(",", " "), left);
    }

    private void show(Phase p, long done, long total, Duration elapsed, boolean last) {
        if (lineOpen && openPhase != p) {
            out.println(); // the boot page is programmed after the others are verified: keep both lines
        }
        out.print("\r" + bar(p, done, total, elapsed, last) + "\033[K");
        lineOpen = true;
        openPhase = p;
        if (last) {
            out.println();
            lineOpen = false;
        }
        out.flush();
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    /** The one line printed after a flash (after the phase lines). */
    public static String summary(FlashResult.Flashed r, String board, int baud, LineMode line) {
        PhaseTimes t = r.times();
        double rate = t.programRate(r.imageBytes());
        double share = rate / line.bytesPerSecond(baud) * 100;
        String recov = r.stats().recoveries();
        return String.format(Locale.ROOT,
                "flashed %d bytes to %s (chip ID 0x%03X) on %s in %.2f s: %d pages erased, programmed at %.1f KiB/s (%.0f%% of %d baud %s), %s%s%s",
                r.imageBytes(), board, r.device().chipId(), r.port(), t.total().toNanos() / 1e9, r.pagesErased(), rate / 1024,
                share, baud, line.label(), r.verified() ? "verified" : "NOT verified (--no-verify)",
                r.started() ? ", started" : "", recov.isEmpty() ? "" : "; recovered from " + recov);
    }

    public void finish() {
        closeLine();
    }
}
