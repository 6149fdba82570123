/// UART driver for the SiFive UART (sifive-e, FE310): txdata bit 31 = full, rxdata bit 31 = empty
/// (reading rxdata pops a byte); txctrl and rxctrl bit 0 enable.
module Fid.Uart

open Fid.Hardware

let init () =
    Mmio.write32 (Fid.Board.UartBase + 8un) 1u
    Mmio.write32 (Fid.Board.UartBase + 0x0Cun) 1u

let write (b: byte) =
    while Mmio.read32 Fid.Board.UartBase &&& 0x80000000u <> 0u do
        ()
    Mmio.write32 Fid.Board.UartBase (uint32 b)

let tryRead () : byte voption =
    let v = Mmio.read32 (Fid.Board.UartBase + 4un)
    if v &&& 0x80000000u <> 0u then ValueNone else ValueSome (byte v)
