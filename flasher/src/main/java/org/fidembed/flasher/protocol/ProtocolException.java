// A recoverable hitch in the bootloader conversation: a NACK, no answer in time (a lost ACK),
// or a byte that makes no sense (noise, lost sync). The flasher retries or resyncs; each kind is handled.
package org.fidembed.flasher.protocol;

public abstract sealed class ProtocolException extends Exception
        permits ProtocolException.Nack, ProtocolException.NoResponse, ProtocolException.Garbled {

    ProtocolException(String message) {
        super(message);
    }

    /** The bootloader answered NACK (0x1F). */
    public static final class Nack extends ProtocolException {
        public Nack(String message) {
            super(message);
        }
    }

    /** Nothing (or not enough) arrived before the deadline. */
    public static final class NoResponse extends ProtocolException {
        public NoResponse(String message) {
            super(message);
        }
    }

    /** A byte arrived that the protocol does not allow here. */
    public static final class Garbled extends ProtocolException {
        public Garbled(String message) {
            super(message);
        }
    }
}
