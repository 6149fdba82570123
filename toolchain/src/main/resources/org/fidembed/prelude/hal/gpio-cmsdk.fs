// Fid.Hal.Gpio on ARM's MPS2/MPS3 FPGA images: the CMSDK AHB GPIO ports (16 pins each; set, clear and read one access
// each through the masked byte registers) and the user LEDs of the FPGAIO block (LED0: output pins only, changed by a
// load and a store). A pin is its port's base address plus its number (Fid.Device.Board); offsets come from the SVD.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Gpio =
    let inline portOf (pin: unativeint) : unativeint = Pin.port 0x1000un pin

    let private data = GPIO0.DATA.Address - GPIO0.Base
    let private dataOut = GPIO0.DATAOUT.Address - GPIO0.Base
    let private outEnSet = GPIO0.OUTENSET.Address - GPIO0.Base
    let private outEnClr = GPIO0.OUTENCLR.Address - GPIO0.Base
    let private altFuncClr = GPIO0.ALTFUNCCLR.Address - GPIO0.Base
    let private lowByte = GPIO0.MASKLOWBYTE.Address - GPIO0.Base
    let private highByte = GPIO0.MASKHIGHBYTE.Address - GPIO0.Base
    let private led = FPGAIO.LED0.Address - FPGAIO.Base

    /// Whether the pin is one of the FPGAIO's user LEDs rather than a GPIO port's pin.
    let inline isLed (pin: unativeint) : bool = portOf pin = FPGAIO.Base

    /// The masked data register that sees this pin only: bits 9:2 of its address select pins 0-7 (or 8-15).
    let inline maskedOf (pin: unativeint) : unativeint =
        let bit = unativeint (Pin.bit pin)
        if Pin.number pin < 8 then portOf pin + lowByte + (bit <<< 2) else portOf pin + highByte + ((bit >>> 8) <<< 2)

    /// Lights or darkens an FPGAIO user LED: one load and one store of LED0.
    let changeLed (pin: unativeint) (on: bool) =
        let a = portOf pin + led
        Mmio.write32 a (if on then Mmio.read32 a ||| Pin.bit pin else Mmio.read32 a &&& ~~~(Pin.bit pin))

    let private direction (pin: unativeint) (enable: unativeint) =
        if not (isLed pin) then
            Mmio.write32 (portOf pin + altFuncClr) (Pin.bit pin)
            Mmio.write32 (portOf pin + enable) (Pin.bit pin)

    /// Makes the pin an output (a GPIO pin: its alternate function off; an LED is always one).
    let output (pin: unativeint) = direction pin outEnSet
    /// Makes the pin an input (a GPIO pin; an LED stays an output).
    let input (pin: unativeint) = direction pin outEnClr
    /// Drives the pin high: one store (the masked register) on a GPIO port.
    let inline set (pin: unativeint) = if isLed pin then changeLed pin true else Mmio.write32 (maskedOf pin) 0xFFFFu
    /// Drives the pin low: one store on a GPIO port.
    let inline clear (pin: unativeint) = if isLed pin then changeLed pin false else Mmio.write32 (maskedOf pin) 0u
    /// The pin's level (DATA; an LED's LED0 bit): one load.
    let inline read (pin: unativeint) : bool = Mmio.read32 (portOf pin + (if isLed pin then led else data)) &&& Pin.bit pin <> 0u
    /// Inverts the pin: one load (DATAOUT, or LED0) and a set or clear.
    let inline toggle (pin: unativeint) =
        if Mmio.read32 (portOf pin + (if isLed pin then led else dataOut)) &&& Pin.bit pin <> 0u then clear pin else set pin
