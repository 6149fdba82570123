// Fid.Hal.Spi on the STM32F1, STM32F4 and GD32VF103 SPI (one register layout; the GD32's profile gives its registers
// ST's names): master, SPI mode 0, 8-bit frames, by polling. A bus is its SPI's base address (SPI1.Base on ST,
// SPI0.Base on the GD32); offsets and bits come from Fid.Device (SPI2's layout, shared by every SPI).
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module Spi =
    let private cr1 = SPI2.CR1.Address - SPI2.Base
    let private sr = SPI2.SR.Address - SPI2.Base
    let private dr = SPI2.DR.Address - SPI2.Base

    /// Clocks the SPI: the one at 0x4001_3000 on APB2 (its enable bit SPI1EN), those at 0x4000_3800 and
    /// 0x4000_3C00 on APB1 (two enable bits in a row from SPI2EN), on all three families.
    let private enable (spi: unativeint) =
        if spi &&& 0x10000un <> 0un then RCC.APB2ENR.modify (fun r -> r ||| uint32 RCC.APB2ENR.SPI1EN.Mask)
        else RCC.APB1ENR.modify (fun r -> r ||| (1u <<< (RCC.APB1ENR.SPI2EN.Offset + int ((spi >>> 10) &&& 1un))))

    /// Clocks the SPI and makes it a master of 8-bit frames in SPI mode 0 (clock idle low, data taken on the rising
    /// edge), its NSS managed by software, at the fastest rate not above hz: the bus clock (the CPU clock, as after
    /// reset) over 2, 4, ... 256. The pins (SCK, MOSI, MISO) are the program's to hand to the SPI.
    let init (spi: unativeint) (hz: uint32) =
        enable spi
        Mmio.write32 (spi + cr1) 0u
        let clk = uint32 Fid.Board.CpuHz
        let mutable br = 0u
        while br < 7u && clk / (2u <<< int br) > hz do
            br <- br + 1u
        let master = uint32 SPI2.CR1.MSTR.Mask ||| uint32 SPI2.CR1.SSM.Mask ||| uint32 SPI2.CR1.SSI.Mask
        Mmio.write32 (spi + cr1) (master ||| (br <<< SPI2.CR1.BR.Offset))
        Mmio.write32 (spi + cr1) (Mmio.read32 (spi + cr1) ||| uint32 SPI2.CR1.SPE.Mask)

    /// Sends one byte and returns the byte received meanwhile.
    let transfer (spi: unativeint) (b: byte) : byte =
        while Mmio.read32 (spi + sr) &&& uint32 SPI2.SR.TXE.Mask = 0u do ()
        Mmio.write32 (spi + dr) (uint32 b)
        while Mmio.read32 (spi + sr) &&& uint32 SPI2.SR.RXNE.Mask = 0u do ()
        byte (Mmio.read32 (spi + dr))

    /// Sends the bytes in order; what comes back is dropped.
    let write (spi: unativeint) (data: byte[]) =
        for b in data do
            transfer spi b |> ignore
