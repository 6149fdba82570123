// Fid.Hal.Gpio on the STM32F4's GPIO ports. A pin is its port's base address plus its number (the
// board's pins are in Fid.Device.Board); register offsets and the clock enable bits come from the SVD.
// BSRR sets or resets its pin alone in one store.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Gpio =
    let inline portOf (pin: unativeint) : unativeint = Pin.port 0x400un pin

    let private moder = GPIOA.MODER.Address - GPIOA.Base
    let private idr = GPIOA.IDR.Address - GPIOA.Base
    let private odr = GPIOA.ODR.Address - GPIOA.Base
    let private bsrr = GPIOA.BSRR.Address - GPIOA.Base

    /// Clocks the port (AHB1ENR: GPIOAEN and the ports after it, 1 KiB apart), then sets the pin's 2-bit mode.
    let private configure (pin: unativeint) (mode: uint32) =
        let p = portOf pin
        let port = int ((p - GPIOA.Base) >>> 10)
        RCC.AHB1ENR.modify (fun r -> r ||| (1u <<< (RCC.AHB1ENR.GPIOAEN.Offset + port)))
        let shift = Pin.number pin * 2
        Mmio.write32 (p + moder) ((Mmio.read32 (p + moder) &&& ~~~(3u <<< shift)) ||| (mode <<< shift))

    /// Makes the pin a push-pull output (MODER 0b01).
    let output (pin: unativeint) = configure pin 1u
    /// Makes the pin an input (MODER 0b00).
    let input (pin: unativeint) = configure pin 0u
    /// Drives the pin high: one store (BSRR set half).
    let inline set (pin: unativeint) = Mmio.write32 (portOf pin + bsrr) (Pin.bit pin)
    /// Drives the pin low: one store (BSRR reset half).
    let inline clear (pin: unativeint) = Mmio.write32 (portOf pin + bsrr) (Pin.bit pin <<< 16)
    /// The pin's level (IDR): one load.
    let inline read (pin: unativeint) : bool = Mmio.read32 (portOf pin + idr) &&& Pin.bit pin <> 0u
    /// Inverts the pin: one load (ODR) and one store.
    let inline toggle (pin: unativeint) =
        if Mmio.read32 (portOf pin + odr) &&& Pin.bit pin <> 0u then clear pin else set pin
