// What a running flash reports: notes for the user, phase starts, byte counts, phase ends.
// A sealed family so that a renderer handles every kind (see cli.ProgressPrinter).
package org.fidembed.flasher;

import java.time.Duration;

public sealed interface ProgressEvent {
    /** How much a note matters: INFO is shown on a terminal only; ACTION (do this now) and WARNING always. */
    enum Level { INFO, ACTION, WARNING }

    /** Something the user should read (chip facts, a boot instruction, a warning or retry). */
    record Note(String text, Level level) implements ProgressEvent {
        public boolean warning() {
            return level == Level.WARNING;
        }
    }

    /** A phase begins; total is in the phase's unit (bytes, or pages for ERASE). */
    record Started(Phase phase, long total) implements ProgressEvent {}

    /** done of total units finished after elapsed since the phase began. */
    record Advanced(Phase phase, long done, long total, Duration elapsed) implements ProgressEvent {}

    /** A phase ends. */
    record Finished(Phase phase, long total, Duration elapsed) implements ProgressEvent {}
}
