// Receives ProgressEvents from Flasher.flash; the CLI renders them, tests record them.
// Called on the flashing thread; implementations must be quick and must not throw.
package org.fidembed.flasher;

@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = e -> {};

    void on(ProgressEvent event);
}
