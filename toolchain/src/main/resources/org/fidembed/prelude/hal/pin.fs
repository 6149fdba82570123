// Fid.Hal.Pin: what every GPIO driver takes a pin apart into. A pin (Fid.Device.Board.Led) is its GPIO
// port's base address plus its number 0-31; ports are aligned to their size, so the low bits are the number.
namespace Fid.Hal

module Pin =
    /// The pin's number in its port.
    let inline number (pin: unativeint) : int = int (pin &&& 0x1Fun)
    /// The pin's bit in its port's registers.
    let inline bit (pin: unativeint) : uint32 = 1u <<< number pin
    /// The base address of the pin's port, for ports of portSize bytes (a power of two).
    let inline port (portSize: unativeint) (pin: unativeint) : unativeint = pin &&& ~~~(portSize - 1un)
