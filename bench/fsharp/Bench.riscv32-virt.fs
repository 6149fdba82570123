/// The benchmark markers on riscv32-virt: a read of the boot ROM at 0x1000. The instruction-counting
/// plugin counts what runs between the first and the second read; the value is not used.
module Bench

open Fid.Hardware

let mark () = Mmio.read32 0x1000un |> ignore

/// A value the compiler cannot know (the next boot ROM word), for the empty benchmark.
let opaque () = Mmio.read32 0x1004un
