// Fid.Hal.Gpio on the Stellaris GPIO ports (ARM PrimeCell PL061). A pin is its port's base address
// plus its number (the board's pins are in Fid.Device.Board); register offsets come from the SVD (GPIOA's
// layout, shared by every port). The data register is reached through an address mask, so set, clear
// and read touch their pin alone, each in one access.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Gpio =
    let inline portOf (pin: unativeint) : unativeint = Pin.port 0x1000un pin
    /// The data register's address that sees this pin only.
    let inline dataOf (pin: unativeint) : unativeint = portOf pin + (unativeint (Pin.bit pin) <<< 2)

    let private dir = GPIOA.DIR.Address - GPIOA.Base
    let private den = GPIOA.DEN.Address - GPIOA.Base

    /// Clocks the pin's port (RCGC2 bit n for port n: A-D from GPIOA.Base, E-G from GPIOE.Base, 4 KiB apart).
    let private enable (pin: unativeint) =
        let p = portOf pin
        let n = if p < GPIOE.Base then int ((p - GPIOA.Base) >>> 12) else 4 + int ((p - GPIOE.Base) >>> 12)
        SYSCTL.RCGC2.modify (fun r -> r ||| (1u <<< n))
        // the datasheet asks for 3 clocks before the port's registers are used
        Cpu.nop ()
        Cpu.nop ()
        Cpu.nop ()

    let private configure (pin: unativeint) (out: bool) =
        enable pin
        let p = portOf pin
        let d = Mmio.read32 (p + dir)
        Mmio.write32 (p + dir) (if out then d ||| Pin.bit pin else d &&& ~~~(Pin.bit pin))
        Mmio.write32 (p + den) (Mmio.read32 (p + den) ||| Pin.bit pin)

    /// Makes the pin a digital output (its port clocked).
    let output (pin: unativeint) = configure pin true
    /// Makes the pin a digital input (its port clocked).
    let input (pin: unativeint) = configure pin false
    /// Drives the pin high: one store.
    let inline set (pin: unativeint) = Mmio.write32 (dataOf pin) 0xFFu
    /// Drives the pin low: one store.
    let inline clear (pin: unativeint) = Mmio.write32 (dataOf pin) 0u
    /// The pin's level (an output reads back what it drives): one load.
    let inline read (pin: unativeint) : bool = Mmio.read32 (dataOf pin) <> 0u
    /// Inverts the pin: one load and one store.
    let inline toggle (pin: unativeint) = Mmio.write32 (dataOf pin) (Mmio.read32 (dataOf pin) ^^^ 0xFFu)
