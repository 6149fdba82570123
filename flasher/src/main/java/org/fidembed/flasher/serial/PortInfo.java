// One serial port as the operating system reports it: device path, description, USB IDs when it is on USB.
// Plain data, so that listing logic can be tested without hardware.
package org.fidembed.flasher.serial;

import org.fidembed.board.UsbId;

import java.util.Optional;

public record PortInfo(String path, String description, Optional<UsbId> usb, String serialNumber) {}
