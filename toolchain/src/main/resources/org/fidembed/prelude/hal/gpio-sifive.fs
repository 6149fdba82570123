// Fid.Hal.Gpio on the FE310's GPIO0 (32 pins). A pin is the port's base address plus its number (the
// board's pins are in Fid.Device.Board); register offsets come from the SVD.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Gpio =
    let inline portOf (pin: unativeint) : unativeint = Pin.port 0x1000un pin

    let private value = GPIO0.value.Address - GPIO0.Base
    let private inputEn = GPIO0.input_en.Address - GPIO0.Base
    let private outputEn = GPIO0.output_en.Address - GPIO0.Base
    let private port = GPIO0.port.Address - GPIO0.Base

    let private change (reg: unativeint) (bit: uint32) (on: bool) =
        Mmio.write32 reg (if on then Mmio.read32 reg ||| bit else Mmio.read32 reg &&& ~~~bit)

    /// Makes the pin an output (input enabled too, so it reads back its level).
    let output (pin: unativeint) =
        change (portOf pin + inputEn) (Pin.bit pin) true
        change (portOf pin + outputEn) (Pin.bit pin) true
    /// Makes the pin an input.
    let input (pin: unativeint) =
        change (portOf pin + outputEn) (Pin.bit pin) false
        change (portOf pin + inputEn) (Pin.bit pin) true
    /// Drives the pin high: one load and one store (the port register has no set/clear alias).
    let inline set (pin: unativeint) = Mmio.write32 (portOf pin + port) (Mmio.read32 (portOf pin + port) ||| Pin.bit pin)
    /// Drives the pin low: one load and one store.
    let inline clear (pin: unativeint) = Mmio.write32 (portOf pin + port) (Mmio.read32 (portOf pin + port) &&& ~~~(Pin.bit pin))
    /// The pin's level (value): one load.
    let inline read (pin: unativeint) : bool = Mmio.read32 (portOf pin + value) &&& Pin.bit pin <> 0u
    /// Inverts the pin: one load and one store.
    let inline toggle (pin: unativeint) = Mmio.write32 (portOf pin + port) (Mmio.read32 (portOf pin + port) ^^^ Pin.bit pin)
