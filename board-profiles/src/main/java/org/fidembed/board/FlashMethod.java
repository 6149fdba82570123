// How a serial board is flashed: the bootloader protocol, the chip ID its Get ID command returns, the flash
// page size (erase unit), how to enter the bootloader, the default baud rate and the usual USB serial bridges.
package org.fidembed.board;

import java.util.List;
import java.util.Objects;

public record FlashMethod(Protocol protocol, int chipId, int pageSize, BootEntry bootEntry, int defaultBaud, List<UsbId> usbIds) {

    public enum Protocol {
        /** STM32 system memory bootloader, USART protocol (AN3155), 8E1. */
        STM32_USART("stm32-usart"),
        /** GD32V system memory bootloader: the AN3155 protocol with GigaDevice's differences. */
        GD32V_USART("gd32v-usart");

        private final String id;

        Protocol(String id) { this.id = id; }

        public String id() { return id; }
    }

    /** A USB vendor/product ID pair, printed like lsusb does: {@code 1a86:7523}. */
    public record UsbId(int vid, int pid, String name) {
        public UsbId {
            Objects.requireNonNull(name, "name");
            if (vid < 0 || vid > 0xFFFF || pid < 0 || pid > 0xFFFF) throw new IllegalArgumentException("USB IDs are 16-bit");
        }

        @Override public String toString() { return String.format("%04x:%04x", vid, pid); }
    }

    public FlashMethod {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(bootEntry, "bootEntry");
        usbIds = List.copyOf(usbIds);
        if (pageSize <= 0 || Integer.bitCount(pageSize) != 1) throw new IllegalArgumentException("page size must be a power of two");
        if (defaultBaud <= 0) throw new IllegalArgumentException("baud must be positive");
    }
}
