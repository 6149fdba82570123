/// UART driver for the nRF51 UART (microbit): tasks and events, ENABLE = 4 at 0x500, TXD at 0x51C,
/// EVENTS_TXDRDY at 0x11C, RXD at 0x518, EVENTS_RXDRDY at 0x108.
module Fid.Uart

open Fid.Hardware

let init () =
    Mmio.write32 (Fid.Board.UartBase + 0x500un) 4u
    Mmio.write32 (Fid.Board.UartBase + 0x008un) 1u
    Mmio.write32 Fid.Board.UartBase 1u

let write (b: byte) =
    Mmio.write32 (Fid.Board.UartBase + 0x11Cun) 0u
    Mmio.write32 (Fid.Board.UartBase + 0x51Cun) (uint32 b)
    while Mmio.read32 (Fid.Board.UartBase + 0x11Cun) = 0u do
        ()

let tryRead () : byte voption =
    if Mmio.read32 (Fid.Board.UartBase + 0x108un) = 0u then ValueNone
    else
        Mmio.write32 (Fid.Board.UartBase + 0x108un) 0u
        ValueSome (byte (Mmio.read32 (Fid.Board.UartBase + 0x518un)))
