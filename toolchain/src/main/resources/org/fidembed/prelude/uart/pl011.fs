/// UART driver for the ARM PL011 (lm3s6965evb): FR bit 5 = TX FIFO full, bit 4 = RX FIFO empty.
module Fid.Uart

open Fid.Hardware

let init () = Mmio.write32 (Fid.Board.UartBase + 0x30un) 0x301u

let write (b: byte) =
    while Mmio.read32 (Fid.Board.UartBase + 0x18un) &&& 0x20u <> 0u do
        ()
    Mmio.write32 Fid.Board.UartBase (uint32 b)

let tryRead () : byte voption =
    if Mmio.read32 (Fid.Board.UartBase + 0x18un) &&& 0x10u <> 0u then ValueNone
    else ValueSome (byte (Mmio.read32 Fid.Board.UartBase))
