// How a serial board is flashed: the bootloader protocol, how to tell its chip from look-alikes (the Get
// ID answer, the bootloader version, the Get command list, the flash-size register), the flash page size
// (erase unit), erase and write times, how to enter the bootloader, the default baud and the usual bridges.
package org.fidembed.board;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

public record FlashMethod(Protocol protocol, Identity identity, int pageSize, Duration pageErase, Duration blockWrite,
                          BootEntry bootEntry, int defaultBaud, List<UsbBridge> usbIds) {

    public enum Protocol {
        /** STM32 system memory bootloader, USART protocol (AN3155), 8E1. */
        STM32_USART("stm32-usart", "STM32 system bootloader (AN3155)"),
        /** GD32V system memory bootloader: the AN3155 protocol with GigaDevice's differences. */
        GD32V_USART("gd32v-usart", "GD32V system bootloader (AN3155 dialect)");

        private final String id;
        private final String description;

        Protocol(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() { return id; }

        public String description() { return description; }
    }

    /**
     * What a bootloader says about its chip. Two chips may share a chip ID (the GD32VF103 answers Get ID
     * like an STM32F103), so the version, the command list and the flash-size register tell them apart.
     *
     * @param chipId            the product ID of Get ID
     * @param bootloaderVersion the version byte of Get, if known
     * @param commands          the Get command list, if known (empty: not checked)
     * @param flashSizeRegister where the chip stores its flash size in KiB (16 bits), if it has such a register
     * @param flashSizeKib      what that register holds on this chip
     */
    public record Identity(int chipId, OptionalInt bootloaderVersion, List<Integer> commands, OptionalLong flashSizeRegister,
                           OptionalInt flashSizeKib) {
        public Identity {
            commands = List.copyOf(commands);
            if (chipId < 0 || chipId > 0xFFFF) throw new IllegalArgumentException("chip ID must be 16-bit");
            if (flashSizeRegister.isPresent() != flashSizeKib.isPresent())
                throw new IllegalArgumentException("the flash-size register and its value come together");
        }

        public static Identity of(int chipId) {
            return new Identity(chipId, OptionalInt.empty(), List.of(), OptionalLong.empty(), OptionalInt.empty());
        }
    }

    /** A USB-serial bridge a board carries, with its name for `fid-embed ports`. */
    public record UsbBridge(UsbId id, String name) {
        public UsbBridge {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    public FlashMethod {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(bootEntry, "bootEntry");
        Objects.requireNonNull(pageErase, "pageErase");
        Objects.requireNonNull(blockWrite, "blockWrite");
        usbIds = List.copyOf(usbIds);
        if (pageSize <= 0 || Integer.bitCount(pageSize) != 1) throw new IllegalArgumentException("page size must be a power of two");
        if (defaultBaud <= 0) throw new IllegalArgumentException("baud must be positive");
    }

    public int chipId() { return identity.chipId(); }

    /** The same method entered another way (a --boot-entry sequence on the command line). */
    public FlashMethod withBootEntry(BootEntry entry) {
        return new FlashMethod(protocol, identity, pageSize, pageErase, blockWrite, entry, defaultBaud, usbIds);
    }
}
