// Renders flash progress: on a terminal an updating line per phase (bytes, rate), otherwise nothing until
// the end and then one summary line. Warnings always go to standard error as they happen.
package org.fidembed.flasher.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.fidembed.flasher.FlashResult;
import org.fidembed.flasher.LineMode;
import org.fidembed.flasher.Phase;
import org.fidembed.flasher.PhaseTimes;
import org.fidembed.flasher.ProgressEvent;
import org.fidembed.flasher.ProgressListener;

public final class ProgressPrinter implements ProgressListener {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private boolean lineOpen;
    private Phase openPhase;

    public ProgressPrinter(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void on(ProgressEvent e) {
        if (e instanceof ProgressEvent.Note n) {
            switch (n.level()) {
                case WARNING -> {
                    closeLine();
                    err.println("warning: " + n.text());
                }
                case ACTION -> {
                    closeLine();
                    (terminal ? out : err).println(n.text());
                }
                case INFO -> {
                    if (terminal) {
                        closeLine();
                        out.println(n.text());
                    }
                }
            }
        } else if (e instanceof ProgressEvent.Started s) {
            if (terminal && s.phase() != Phase.CONNECT && s.phase() != Phase.START) {
                show(s.phase(), 0, s.total(), Duration.ZERO, false);
            }
        } else if (e instanceof ProgressEvent.Advanced a) {
            if (terminal) {
                show(a.phase(), a.done(), a.total(), a.elapsed(), false);
            }
        } else if (e instanceof ProgressEvent.Finished f) {
            if (terminal && f.phase() != Phase.CONNECT && f.phase() != Phase.START) {
                show(f.phase(), f.total(), f.total(), f.elapsed(), true);
            }
        } else {
            throw new IllegalStateException("unknown progress event " + e);
        }
    }

    private void show(Phase p, long done, long total, Duration elapsed, boolean last) {
        String unit = p == Phase.ERASE ? " pages" : " B";
        String rate = "";
        if (p != Phase.ERASE && !elapsed.isZero() && done > 0) {
            rate = String.format(Locale.ROOT, "  %.1f KiB/s", PhaseTimes.rate(done, elapsed) / 1024);
        }
        String text = String.format(Locale.ROOT, "%-8s %8d/%d%s%s%s", p.label(), done, total, unit, rate,
                last ? String.format(Locale.ROOT, "  done in %.2f s", elapsed.toNanos() / 1e9) : "");
        if (lineOpen && openPhase != p) {
            out.println(); // the boot page is programmed after the others are verified: keep both lines
        }
        out.print("\r" + text + "\033[K");
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

    /** The one line printed after a flash (on a terminal, after the phase lines). */
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
