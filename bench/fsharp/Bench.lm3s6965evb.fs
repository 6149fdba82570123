/// The benchmark markers on lm3s6965evb: a read of SYSCTL DID0 (0x400FE000). The instruction-counting
/// plugin counts what runs between the first and the second read; the value is not used.
module Bench

open Fid.Hardware

let mark () = Mmio.read32 0x400FE000un |> ignore

/// A value the compiler cannot know (DID1), for the empty benchmark.
let opaque () = Mmio.read32 0x400FE004un
