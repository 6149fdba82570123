// Fid.Hal.Gpio on the GD32VF103's GPIO ports (the STM32F1 layout under other names). A pin is its port's base address plus its number (the
// board's pins are in Fid.Device.Board); register offsets and the clock enable bits come from the SVD.
// BOP and BC change their pin alone, each in one store.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Gpio =
    let inline portOf (pin: unativeint) : unativeint = Pin.port 0x400un pin

    let private crl = GPIOA.CTL0.Address - GPIOA.Base
    let private idr = GPIOA.ISTAT.Address - GPIOA.Base
    let private odr = GPIOA.OCTL.Address - GPIOA.Base
    let private bsrr = GPIOA.BOP.Address - GPIOA.Base
    let private brr = GPIOA.BC.Address - GPIOA.Base

    /// Clocks the port (RCU APB2EN: PAEN and the ports after it, 1 KiB apart), then sets the pin's 4-bit mode in CTL0/CTL1.
    let private configure (pin: unativeint) (mode: uint32) =
        let p = portOf pin
        let port = int ((p - GPIOA.Base) >>> 10)
        RCU.APB2EN.modify (fun r -> r ||| (1u <<< (RCU.APB2EN.PAEN.Offset + port)))
        let n = Pin.number pin
        let cr = p + crl + (if n >= 8 then 4un else 0un)
        let shift = (n % 8) * 4
        Mmio.write32 cr ((Mmio.read32 cr &&& ~~~(0xFu <<< shift)) ||| (mode <<< shift))

    /// Makes the pin a push-pull output, 2 MHz (mode 0b0010).
    let output (pin: unativeint) = configure pin 0x2u
    /// Makes the pin a floating input (mode 0b0100).
    let input (pin: unativeint) = configure pin 0x4u
    /// Drives the pin high: one store (BOP).
    let inline set (pin: unativeint) = Mmio.write32 (portOf pin + bsrr) (Pin.bit pin)
    /// Drives the pin low: one store (BC).
    let inline clear (pin: unativeint) = Mmio.write32 (portOf pin + brr) (Pin.bit pin)
    /// The pin's level (ISTAT): one load.
    let inline read (pin: unativeint) : bool = Mmio.read32 (portOf pin + idr) &&& Pin.bit pin <> 0u
    /// Inverts the pin: one load (OCTL) and one store.
    let inline toggle (pin: unativeint) =
        if Mmio.read32 (portOf pin + odr) &&& Pin.bit pin <> 0u then clear pin else set pin
