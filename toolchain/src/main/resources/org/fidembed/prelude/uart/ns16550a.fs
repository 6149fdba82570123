/// UART driver for the NS16550A (RISC-V virt): byte registers, LSR (offset 5) bit 5 = THR empty,
/// bit 0 = data ready.
module Fid.Uart

open Fid.Hardware

let init () = ()

let write (b: byte) =
    while Mmio.read8 (Fid.Board.UartBase + 5un) &&& 0x20uy = 0uy do
        ()
    Mmio.write8 Fid.Board.UartBase b

let tryRead () : byte voption =
    if Mmio.read8 (Fid.Board.UartBase + 5un) &&& 1uy = 0uy then ValueNone
    else ValueSome (Mmio.read8 Fid.Board.UartBase)
