/// The hardware access of fid-embed programs (language.md §14). fid-embed replaces each member
/// with an intrinsic (volatile MMIO accesses, CPU instructions); these bodies only let the ordinary
/// F# compiler type-check a program that opens Fid.Hardware.
module Fid.Hardware

type InterruptAttribute(vector: string) =
    inherit System.Attribute()
    member _.Vector = vector

type SectionAttribute(name: string) =
    inherit System.Attribute()
    member _.Name = name

module Mmio =
    let read8 (addr: unativeint) : byte = ignore addr; 0uy
    let read16 (addr: unativeint) : uint16 = ignore addr; 0us
    let read32 (addr: unativeint) : uint32 = ignore addr; 0u
    let write8 (addr: unativeint) (value: byte) : unit = ignore addr; ignore value
    let write16 (addr: unativeint) (value: uint16) : unit = ignore addr; ignore value
    let write32 (addr: unativeint) (value: uint32) : unit = ignore addr; ignore value

module Cpu =
    let nop () : unit = ()
    let wfi () : unit = ()
    let disableInterrupts () : unit = ()
    let enableInterrupts () : unit = ()
    let cycles () : uint32 = 0u
