// Fid.Hal.Delay on Cortex-M: busy-waits on the SysTick counter (SYST_CSR 0xE000E010, RVR +4, CVR +8).
// If SysTick is off it is started free-running without its interrupt; if Fid.Timer runs it, the wait
// counts down its period as it is, so ticks go on.
namespace Fid.Hal

open Fid.Hardware

module Delay =
    let private csr = 0xE000E010un
    let private rvr = 0xE000E014un
    let private cvr = 0xE000E018un

    /// Waits until SysTick has counted `counts` times.
    let private wait (counts: uint32) =
        if Mmio.read32 csr &&& 1u = 0u then
            Mmio.write32 rvr 0xFFFFFFu
            Mmio.write32 cvr 0u
            Mmio.write32 csr 5u
        let period = (Mmio.read32 rvr &&& 0xFFFFFFu) + 1u
        let mutable left = counts
        let mutable last = Mmio.read32 cvr
        while left > 0u do
            let now = Mmio.read32 cvr
            let passed = if now <= last then last - now else last + period - now
            left <- if passed >= left then 0u else left - passed
            last <- now

    /// The counts of one microsecond at SysTick's clock (CSR bit 2: the CPU clock, else the reference clock).
    let private perMicrosecond () =
        let hz = if Mmio.read32 csr &&& 4u <> 0u || Mmio.read32 csr &&& 1u = 0u then uint32 Fid.Board.CpuHz else uint32 Fid.Board.TimerRefHz
        max 1u (hz / 1_000_000u)

    /// Waits n microseconds (n up to about 10 seconds' worth at the board's clock).
    let us (n: int) = if n > 0 then wait (uint32 n * perMicrosecond ())

    /// Waits n milliseconds.
    let ms (n: int) =
        for _ in 1 .. n do
            us 1000
