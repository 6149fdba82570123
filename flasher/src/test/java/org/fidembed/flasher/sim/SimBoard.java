// Test fixture: a socat pseudo-terminal pair with the bootloader simulator on one end; the flasher
// opens the other end through jSerialComm exactly as it would open a USB bridge.
package org.fidembed.flasher.sim;

import java.io.IOException;

public final class SimBoard implements AutoCloseable {
    private final PtyPair pty;
    private final BootloaderSimulator sim;

    private SimBoard(PtyPair pty, BootloaderSimulator sim) {
        this.pty = pty;
        this.sim = sim;
    }

    public static SimBoard start(BootloaderSimulator.Config cfg) throws IOException {
        PtyPair pty = PtyPair.open();
        try {
            return new SimBoard(pty, BootloaderSimulator.start(cfg, pty.simPath(), pty::pull));
        } catch (RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    public String port() {
        return pty.hostPath();
    }

    public BootloaderSimulator sim() {
        return sim;
    }

    public PtyPair pty() {
        return pty;
    }

    @Override
    public void close() {
        pty.pull();
        sim.close();
        pty.close();
    }
}
