// Fid.Hal.Delay on RISC-V: busy-waits on the low word of the machine timer (mtime, Fid.Board.MtimeAddr,
// counting at Fid.Board.TimerHz); differences of the low word are right across its wrap.
namespace Fid.Hal

open Fid.Hardware

module Delay =
    /// Waits n microseconds.
    let us (n: int) =
        if n > 0 then
            let ticks = uint32 n * max 1u (uint32 Fid.Board.TimerHz / 1_000_000u)
            let start = Mmio.read32 Fid.Board.MtimeAddr
            while Mmio.read32 Fid.Board.MtimeAddr - start < ticks do
                ()

    /// Waits n milliseconds.
    let ms (n: int) =
        for _ in 1 .. n do
            us 1000
