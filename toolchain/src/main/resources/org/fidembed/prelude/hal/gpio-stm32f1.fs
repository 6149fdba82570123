// Fid.Hal.Gpio on the STM32F1's GPIO ports and the GD32VF103's (the same layout; that chip's profile gives its registers
// ST's names in [drivers.names]). A pin is its port's base address plus its number (Fid.Device.Board); register offsets
// and the clock enable bits come from the SVD. BSRR and BRR change their pin alone, each in one store.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Gpio =
    let inline portOf (pin: unativeint) : unativeint = Pin.port 0x400un pin

    let private crl = GPIOA.CRL.Address - GPIOA.Base
    let private idr = GPIOA.IDR.Address - GPIOA.Base
    let private odr = GPIOA.ODR.Address - GPIOA.Base
    let private bsrr = GPIOA.BSRR.Address - GPIOA.Base
    let private brr = GPIOA.BRR.Address - GPIOA.Base

    /// Clocks the port (APB2ENR: IOPAEN and the ports after it, 1 KiB apart), then sets the pin's 4-bit mode in CRL/CRH.
    let private configure (pin: unativeint) (mode: uint32) =
        let p = portOf pin
        let port = int ((p - GPIOA.Base) >>> 10)
        RCC.APB2ENR.modify (fun r -> r ||| (1u <<< (RCC.APB2ENR.IOPAEN.Offset + port)))
        let n = Pin.number pin
        let cr = p + crl + (if n >= 8 then 4un else 0un)
        let shift = (n % 8) * 4
        Mmio.write32 cr ((Mmio.read32 cr &&& ~~~(0xFu <<< shift)) ||| (mode <<< shift))

    /// Makes the pin a push-pull output, 2 MHz (mode 0b0010).
    let output (pin: unativeint) = configure pin 0x2u
    /// Makes the pin a floating input (mode 0b0100).
    let input (pin: unativeint) = configure pin 0x4u
    /// Drives the pin high: one store (BSRR).
    let inline set (pin: unativeint) = Mmio.write32 (portOf pin + bsrr) (Pin.bit pin)
    /// Drives the pin low: one store (BRR).
    let inline clear (pin: unativeint) = Mmio.write32 (portOf pin + brr) (Pin.bit pin)
    /// The pin's level (IDR): one load.
    let inline read (pin: unativeint) : bool = Mmio.read32 (portOf pin + idr) &&& Pin.bit pin <> 0u
    /// Inverts the pin: one load (ODR) and one store.
    let inline toggle (pin: unativeint) =
        if Mmio.read32 (portOf pin + odr) &&& Pin.bit pin <> 0u then clear pin else set pin
