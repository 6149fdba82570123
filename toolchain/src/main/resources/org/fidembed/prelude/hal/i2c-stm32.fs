// Fid.Hal.I2c on the STM32F1, STM32F4 and GD32VF103 I2C (ST's first I2C design; the GD32's profile gives its
// registers ST's names): master, 7-bit addresses, by polling with bounded waits, so a missing device is Error Nack,
// never a hang. A bus is its I2C's base address (I2C1.Base on ST, I2C0.Base on the GD32); offsets and bits from Fid.Device.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module I2c =
    let private cr1 = I2C1.CR1.Address - I2C1.Base
    let private cr2 = I2C1.CR2.Address - I2C1.Base
    let private dr = I2C1.DR.Address - I2C1.Base
    let private sr1 = I2C1.SR1.Address - I2C1.Base
    let private sr2 = I2C1.SR2.Address - I2C1.Base
    let private ccr = I2C1.CCR.Address - I2C1.Base
    let private trise = I2C1.TRISE.Address - I2C1.Base
    /// Polls of a flag before a wait gives up (well over a byte's time at 10 kHz on a 168 MHz core).
    let private patience = 200_000

    /// Clocks the I2C (those at 0x4000_5400 and 0x4000_5800: two APB1 enable bits in a row from I2C1EN), then sets
    /// the bus clock's MHz (FREQ), SCL (CCR: standard mode up to 100 kHz, fast mode above) and the rise time, and
    /// enables it. The bus clock is taken to be the CPU clock, as after reset. The pins (SCL, SDA) are the program's
    /// to hand to the I2C (alternate function, open drain).
    let init (bus: unativeint) (hz: uint32) =
        RCC.APB1ENR.modify (fun r -> r ||| (1u <<< (RCC.APB1ENR.I2C1EN.Offset + int ((bus >>> 10) &&& 3un) - 1)))
        Mmio.write32 (bus + cr1) 0u
        let clk = uint32 Fid.Board.CpuHz
        let mhz = min 50u (max 2u (clk / 1_000_000u))
        Mmio.write32 (bus + cr2) (mhz <<< I2C1.CR2.FREQ.Offset)
        let rate = max 1u hz
        if rate <= 100_000u then
            Mmio.write32 (bus + ccr) ((max 4u (clk / (2u * rate)) &&& 0xFFFu) <<< I2C1.CCR.CCR.Offset)
            Mmio.write32 (bus + trise) (mhz + 1u)
        else
            Mmio.write32 (bus + ccr) (((max 1u (clk / (3u * rate)) &&& 0xFFFu) <<< I2C1.CCR.CCR.Offset) ||| uint32 I2C1.CCR.F_S.Mask)
            Mmio.write32 (bus + trise) (mhz * 300u / 1000u + 1u)
        Mmio.write32 (bus + cr1) (uint32 I2C1.CR1.PE.Mask)

    let private stop (bus: unativeint) = Mmio.write32 (bus + cr1) (Mmio.read32 (bus + cr1) ||| uint32 I2C1.CR1.STOP.Mask)

    /// Waits until SR1 has one of the flags: Ok, or, on a NACK (AF) or a lost arbitration (ARLO), the error with the
    /// flag cleared and (after a NACK) a STOP sent; a wait that runs out (nothing answers, a bus held low) is a Nack.
    let private until (bus: unativeint) (flags: uint32) : Result<unit, I2cError> =
        let mutable left = patience
        let mutable s = Mmio.read32 (bus + sr1)
        while s &&& (flags ||| uint32 I2C1.SR1.AF.Mask ||| uint32 I2C1.SR1.ARLO.Mask) = 0u && left > 0 do
            left <- left - 1
            s <- Mmio.read32 (bus + sr1)
        if s &&& uint32 I2C1.SR1.ARLO.Mask <> 0u then
            Mmio.write32 (bus + sr1) (s &&& ~~~(uint32 I2C1.SR1.ARLO.Mask))
            Error ArbitrationLost
        elif s &&& flags <> 0u then Ok ()
        else
            Mmio.write32 (bus + sr1) (s &&& ~~~(uint32 I2C1.SR1.AF.Mask))
            stop bus
            Error Nack

    /// A (repeated) START and the address byte; Ok once the device acknowledged it (ADDR, cleared by SR1 then SR2).
    let private address (bus: unativeint) (addr: byte) (reading: bool) (ack: bool) : Result<unit, I2cError> =
        let c = Mmio.read32 (bus + cr1)
        Mmio.write32 (bus + cr1) ((if ack then c ||| uint32 I2C1.CR1.ACK.Mask else c &&& ~~~(uint32 I2C1.CR1.ACK.Mask)) ||| uint32 I2C1.CR1.START.Mask)
        match until bus (uint32 I2C1.SR1.SB.Mask) with
        | Ok () ->
            Mmio.write32 (bus + dr) ((uint32 addr <<< 1) ||| (if reading then 1u else 0u))
            let r = until bus (uint32 I2C1.SR1.ADDR.Mask)
            if r = Ok () then
                Mmio.read32 (bus + sr1) |> ignore
                Mmio.read32 (bus + sr2) |> ignore
            r
        | e -> e

    /// The bytes after the address, each once the data register is free; then the last one's end (BTF).
    let private send (bus: unativeint) (addr: byte) (data: byte[]) : Result<unit, I2cError> =
        let mutable result = address bus addr false false
        let mutable i = 0
        while i < data.Length && result = Ok () do
            result <- until bus (uint32 I2C1.SR1.TxE.Mask)
            if result = Ok () then Mmio.write32 (bus + dr) (uint32 data.[i])
            i <- i + 1
        if result = Ok () then until bus (uint32 I2C1.SR1.BTF.Mask) else result

    /// buf.Length bytes after the address, acknowledging all but the last (ACK off and STOP before it comes).
    let private receive (bus: unativeint) (addr: byte) (buf: byte[]) : Result<unit, I2cError> =
        let mutable result = address bus addr true (buf.Length > 1)
        let mutable i = 0
        while i < buf.Length && result = Ok () do
            if i = buf.Length - 1 then
                Mmio.write32 (bus + cr1) ((Mmio.read32 (bus + cr1) &&& ~~~(uint32 I2C1.CR1.ACK.Mask)) ||| uint32 I2C1.CR1.STOP.Mask)
            result <- until bus (uint32 I2C1.SR1.RxNE.Mask)
            if result = Ok () then buf.[i] <- byte (Mmio.read32 (bus + dr))
            i <- i + 1
        if buf.Length = 0 && result = Ok () then stop bus
        result

    /// Writes the bytes to the device at the 7-bit address: START, address, data, STOP.
    let write (bus: unativeint) (addr: byte) (data: byte[]) : Result<unit, I2cError> =
        let r = send bus addr data
        if r = Ok () then stop bus
        r

    /// Reads buf.Length bytes from the device at the 7-bit address into buf.
    let read (bus: unativeint) (addr: byte) (buf: byte[]) : Result<unit, I2cError> = receive bus addr buf

    /// Writes the bytes, then, after a repeated START, reads buf.Length bytes (a register read).
    let writeRead (bus: unativeint) (addr: byte) (data: byte[]) (buf: byte[]) : Result<unit, I2cError> =
        match send bus addr data with
        | Ok () -> receive bus addr buf
        | e -> e
