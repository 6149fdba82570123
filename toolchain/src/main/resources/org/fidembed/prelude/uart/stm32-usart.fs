/// UART driver for the STM32 USART (netduinoplus2, bluepill; GD32VF103's USART is the same): SR bit 7 =
/// TX empty, bit 5 = RX not empty; BRR = clock / baud (16x oversampling, rounded); CR1 = UE | TE | RE
/// enables it (QEMU drops received bytes until RE is set). The profile's [uart] setup has already
/// turned on the USART's clock and put its TX pin in its alternate function.
module Fid.Uart

open Fid.Hardware

let init () =
    let brr = (Fid.Board.UartClockHz + Fid.Board.UartBaud / 2) / Fid.Board.UartBaud
    Mmio.write32 (Fid.Board.UartBase + 0x08un) (uint32 brr)
    Mmio.write32 (Fid.Board.UartBase + 0x0Cun) 0x200Cu

let write (b: byte) =
    while Mmio.read32 Fid.Board.UartBase &&& 0x80u = 0u do
        ()
    Mmio.write32 (Fid.Board.UartBase + 4un) (uint32 b)

let tryRead () : byte voption =
    if Mmio.read32 Fid.Board.UartBase &&& 0x20u = 0u then ValueNone
    else ValueSome (byte (Mmio.read32 (Fid.Board.UartBase + 4un)))
