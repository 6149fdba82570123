/// UART driver for the lowRISC/OpenTitan UART (QEMU's opentitan): CTRL 0x10 bits 0 and 1 enable TX and
/// RX (QEMU sends nothing until TX is enabled), STATUS 0x14 (bit 0 TX full, bit 2 TX empty, bit 5 RX
/// empty), RDATA 0x18, WDATA 0x1C. QEMU drains the 16-byte TX FIFO on a timer of the virtual clock, so
/// what was written may not have left yet: the exit calls flush, which waits until it has.
/// CTRL bits 16-31 (NCO) set the baud rate: baud = NCO * clock / 2^20.
module Fid.Uart

open Fid.Hardware

let init () =
    let nco = uint32 ((uint64 Fid.Board.UartBaud <<< 20) / uint64 Fid.Board.UartClockHz) &&& 0xFFFFu
    Mmio.write32 (Fid.Board.UartBase + 0x10un) ((nco <<< 16) ||| 3u)

let write (b: byte) =
    while Mmio.read32 (Fid.Board.UartBase + 0x14un) &&& 1u <> 0u do
        ()
    Mmio.write32 (Fid.Board.UartBase + 0x1Cun) (uint32 b)

/// Waits until the TX FIFO is empty (the exit calls it).
let flush () =
    while Mmio.read32 (Fid.Board.UartBase + 0x14un) &&& 4u = 0u do
        ()

let tryRead () : byte voption =
    if Mmio.read32 (Fid.Board.UartBase + 0x14un) &&& 0x20u <> 0u then ValueNone
    else ValueSome (byte (Mmio.read32 (Fid.Board.UartBase + 0x18un)))
