// The UART a board's console uses (QEMU's serial0): which driver, where, and the clock that feeds it.
// The kind's id() names the prelude driver file the compiler picks (uart/<id>.fs). setup: register
// writes the start-up code makes before the driver's init (a real chip's clock gate and pin function).
package org.fidembed.board;

import java.util.List;
import java.util.Objects;

public record Uart(Kind kind, long base, long clockHz, int baud, List<RegisterWrite> setup) {

    /** The 32-bit register at {@code address} becomes {@code (old & ~clear) | set}. */
    public record RegisterWrite(long address, long clear, long set) { }

    public Uart(Kind kind, long base, long clockHz, int baud) { this(kind, base, clockHz, baud, List.of()); }

    public enum Kind {
        PL011("pl011"), CMSDK("cmsdk"), NRF51("nrf51"), STM32_USART("stm32-usart"), NS16550A("ns16550a"), SIFIVE("sifive"), IBEX("ibex");

        private final String id;

        Kind(String id) { this.id = id; }

        public String id() { return id; }
    }

    public Uart {
        Objects.requireNonNull(kind, "kind");
        if (clockHz <= 0 || baud <= 0) throw new IllegalArgumentException("UART clock and baud must be positive");
        setup = List.copyOf(setup);
    }
}
