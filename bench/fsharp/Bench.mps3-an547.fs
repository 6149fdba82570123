/// The benchmark markers on mps3-an547: a read of the Cortex-M55's CPUID (0xE000ED00). The
/// instruction-counting plugin counts what runs between the first and the second read; the value is not used.
module Bench

open Fid.Hardware

let mark () = Mmio.read32 0xE000ED00un |> ignore

/// A value the compiler cannot know (SAU_TYPE), for the empty benchmark.
let opaque () = Mmio.read32 0xE000EDD4un
