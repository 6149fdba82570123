// A diagnostic as a value (severity, file, line, column, message, hint), never an exception: the driver
// prints them once, sorted. Overflow errors also carry the full memory report, since nothing links.
package org.fidembed.alloc;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

public record Diagnostic(Severity severity, SourceLoc location, String message, Optional<String> hint,
                         Optional<String> report) implements Comparable<Diagnostic> {
    public enum Severity { ERROR, WARNING }

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
            .thenComparing(Diagnostic::severity).thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(report, "report");
    }

    public static Diagnostic error(SourceLoc at, String message, String hint) {
        return new Diagnostic(Severity.ERROR, at, message, Optional.ofNullable(hint), Optional.empty());
    }

    public static Diagnostic warning(SourceLoc at, String message, String hint) {
        return new Diagnostic(Severity.WARNING, at, message, Optional.ofNullable(hint), Optional.empty());
    }

    public Diagnostic withReport(String fullReport) {
        return new Diagnostic(severity, location, message, hint, Optional.of(fullReport));
    }

    public String file() { return location.file(); }

    public int line() { return location.line(); }

    public int column() { return location.column(); }

    public boolean isError() { return severity == Severity.ERROR; }

    /** {@code FILE:LINE:COL: error: MESSAGE} (cli.md); the driver adds the source line and caret. */
    public String headline() {
        String kind = switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
        };
        return location + ": " + kind + ": " + message;
    }

    @Override public int compareTo(Diagnostic o) { return ORDER.compare(this, o); }

    @Override public String toString() { return headline(); }
}
