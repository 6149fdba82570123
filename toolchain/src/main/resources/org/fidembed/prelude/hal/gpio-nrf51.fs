// Fid.Hal.Gpio on the nRF51's GPIO port (one port of 32 pins). A pin is the port's base address plus
// its number (the board's pins are in Fid.Device.Board); register offsets come from the SVD. OUTSET,
// OUTCLR and DIRSET/DIRCLR change their pin alone, each in one store.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Gpio =
    let inline portOf (pin: unativeint) : unativeint = Pin.port 0x1000un pin

    let private outset = GPIO.OUTSET.Address - GPIO.Base
    let private outclr = GPIO.OUTCLR.Address - GPIO.Base
    let private outr = GPIO.OUT.Address - GPIO.Base
    let private inr = GPIO.IN.Address - GPIO.Base
    let private dirset = GPIO.DIRSET.Address - GPIO.Base
    let private dirclr = GPIO.DIRCLR.Address - GPIO.Base
    let private pinCnf = GPIO.PIN_CNF.Address - GPIO.Base

    /// PIN_CNF[n]: direction as given, input buffer connected (so an output reads back its level).
    let private configure (pin: unativeint) (out: bool) =
        let p = portOf pin
        let n = unativeint (Pin.number pin)
        Mmio.write32 (p + pinCnf + n * 4un) (if out then 1u else 0u)
        Mmio.write32 (p + (if out then dirset else dirclr)) (Pin.bit pin)

    /// Makes the pin an output (input buffer connected).
    let output (pin: unativeint) = configure pin true
    /// Makes the pin an input.
    let input (pin: unativeint) = configure pin false
    /// Drives the pin high: one store (OUTSET).
    let inline set (pin: unativeint) = Mmio.write32 (portOf pin + outset) (Pin.bit pin)
    /// Drives the pin low: one store (OUTCLR).
    let inline clear (pin: unativeint) = Mmio.write32 (portOf pin + outclr) (Pin.bit pin)
    /// The pin's level (IN): one load.
    let inline read (pin: unativeint) : bool = Mmio.read32 (portOf pin + inr) &&& Pin.bit pin <> 0u
    /// Inverts the pin: one load (OUT) and one store.
    let inline toggle (pin: unativeint) =
        if Mmio.read32 (portOf pin + outr) &&& Pin.bit pin <> 0u then clear pin else set pin
