// Collects the diagnostics of one compilation. A phase that cannot go on after an error throws
// CompileAbort; the driver catches it and prints everything collected so far.
package org.fidembed.diag;

import java.util.ArrayList;
import java.util.List;

public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();
    private static final int MAX_ERRORS = 50;

    public void add(Diagnostic d) {
        for (Diagnostic x : all) if (x.loc().equals(d.loc()) && x.message().equals(d.message())) return;
        all.add(d);
        if (errorCount() >= MAX_ERRORS) throw new CompileAbort();
    }
    public void error(Loc loc, String message) { add(Diagnostic.error(loc, message)); }
    public void error(Loc loc, String message, String hint) { add(new Diagnostic(Diagnostic.Severity.ERROR, loc, message, hint)); }
    public void warning(Loc loc, String message) { add(Diagnostic.warning(loc, message)); }

    /** Reports an error and stops the current phase. */
    public CompileAbort fatal(Loc loc, String message) { error(loc, message); return new CompileAbort(); }

    /** Forgets diagnostics added after the first count (used when the parser backtracks). */
    public void truncate(int count) { while (all.size() > count) all.remove(all.size() - 1); }

    public boolean hasErrors() { return errorCount() > 0; }
    public long errorCount() { return all.stream().filter(Diagnostic::isError).count(); }
    public List<Diagnostic> all() { return List.copyOf(all); }

    public List<Diagnostic> sorted() {
        List<Diagnostic> s = new ArrayList<>(all);
        s.sort(null);
        return s;
    }
}
