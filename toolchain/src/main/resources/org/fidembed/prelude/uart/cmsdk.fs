/// UART driver for the ARM CMSDK APB UART (mps2-an385): STATE bit 0 = TX full, bit 1 = RX full;
/// CTRL bits 0 and 1 enable TX and RX (QEMU sends nothing until TX is enabled).
module Fid.Uart

open Fid.Hardware

let init () = Mmio.write32 (Fid.Board.UartBase + 8un) 3u

let write (b: byte) =
    while Mmio.read32 (Fid.Board.UartBase + 4un) &&& 1u <> 0u do
        ()
    Mmio.write32 Fid.Board.UartBase (uint32 b)

let tryRead () : byte voption =
    if Mmio.read32 (Fid.Board.UartBase + 4un) &&& 2u = 0u then ValueNone
    else ValueSome (byte (Mmio.read32 Fid.Board.UartBase))
