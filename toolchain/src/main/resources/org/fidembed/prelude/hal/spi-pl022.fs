// Fid.Hal.Spi on the ARM PrimeCell PL022 (the Stellaris SSI): master, SPI mode 0, 8-bit frames, by
// polling. A bus is its SSI's base address (SSI0.Base); register offsets and bits come from Fid.Device
// (SSI0's layout, shared by every SSI), the clock gate from SYSCTL.RCGC1.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Spi =
    let private cr0 = SSI0.CR0.Address - SSI0.Base
    let private cr1 = SSI0.CR1.Address - SSI0.Base
    let private dr = SSI0.DR.Address - SSI0.Base
    let private sr = SSI0.SR.Address - SSI0.Base
    let private cpsr = SSI0.CPSR.Address - SSI0.Base

    /// The smallest divisor CPSDVSR x (1 + SCR) of the system clock that is at least `total`, as
    /// (CPSDVSR, SCR): CPSDVSR is even, 2 to 254, and SCR 0 to 255.
    let private divisors (total: uint32) : uint32 * uint32 =
        let mutable best = 0xFFFFFFFFu
        let mutable cps = 254u
        let mutable scr = 255u
        let mutable c = 2u
        while c <= 254u do
            let s1 = max 1u ((total + c - 1u) / c)
            if s1 <= 256u && c * s1 < best then
                best <- c * s1
                cps <- c
                scr <- s1 - 1u
            c <- c + 2u
        (cps, scr)

    /// Clocks the SSI (RCGC1 bit SSI0 + n for SSIn, 4 KiB apart) and makes it a master of 8-bit frames in
    /// SPI mode 0 (clock idle low, data taken on the rising edge) at the fastest rate not above hz. The
    /// pins (SSInClk, SSInTx, SSInRx, SSInFss) are the program's to hand to the SSI (GPIO AFSEL).
    let init (spi: unativeint) (hz: uint32) =
        let n = int ((spi - SSI0.Base) >>> 12)
        SYSCTL.RCGC1.modify (fun r -> r ||| (1u <<< (SYSCTL.RCGC1.SSI0.Offset + n)))
        // the datasheet asks for 3 clocks before a newly clocked peripheral's registers are used
        Cpu.nop ()
        Cpu.nop ()
        Cpu.nop ()
        Mmio.write32 (spi + cr1) 0u
        let clk = uint32 Fid.Board.CpuHz
        let total = if hz = 0u then 0xFFFFFFFFu else (clk + hz - 1u) / hz
        let (cps, scr) = divisors total
        Mmio.write32 (spi + cpsr) cps
        let frame = SSI0.CR0.DSS.insert SSI0.CR0.DSS.DATA8 (SSI0.CR0.FRF.insert SSI0.CR0.FRF.MOTOROLA 0u)
        Mmio.write32 (spi + cr0) (SSI0.CR0.SCR.insert (byte scr) frame)
        Mmio.write32 (spi + cr1) SSI0.CR1.SSE.Mask

    /// Sends one byte and returns the byte received meanwhile.
    let transfer (spi: unativeint) (b: byte) : byte =
        while Mmio.read32 (spi + sr) &&& SSI0.SR.TNF.Mask = 0u do ()
        Mmio.write32 (spi + dr) (uint32 b)
        while Mmio.read32 (spi + sr) &&& SSI0.SR.RNE.Mask = 0u do ()
        byte (Mmio.read32 (spi + dr))

    /// Sends the bytes in order; what comes back is dropped.
    let write (spi: unativeint) (data: byte[]) =
        for b in data do
            transfer spi b |> ignore
