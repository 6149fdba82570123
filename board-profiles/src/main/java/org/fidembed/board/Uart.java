// The UART a board's console uses (QEMU's serial0): which driver, where, and the clock that feeds it.
// The kind's id() names the prelude driver file the compiler picks (uart/<id>.fs).
package org.fidembed.board;

import java.util.Objects;

public record Uart(Kind kind, long base, long clockHz, int baud) {

    public enum Kind {
        PL011("pl011"), CMSDK("cmsdk"), NRF51("nrf51"), STM32_USART("stm32-usart"), NS16550A("ns16550a"), SIFIVE("sifive");

        private final String id;

        Kind(String id) { this.id = id; }

        public String id() { return id; }
    }

    public Uart {
        Objects.requireNonNull(kind, "kind");
        if (clockHz <= 0 || baud <= 0) throw new IllegalArgumentException("UART clock and baud must be positive");
    }
}
