// expect-exit: 0
// expect-output: 001-mmio.out
module MmioAccess

open Fid.Hardware

// a scratch word near the top of RAM, far above this program's stack and data
let scratch = Fid.Board.RamStart + unativeint Fid.Board.RamSize - 64un

[<EntryPoint>]
let main _ =
    Mmio.write32 scratch 0x11223344u
    printfn "%08x" (Mmio.read32 scratch)
    // every board here is little-endian: the lowest address holds the lowest byte
    printfn "%02x %02x %04x %04x" (Mmio.read8 scratch) (Mmio.read8 (scratch + 3un)) (Mmio.read16 scratch) (Mmio.read16 (scratch + 2un))
    Mmio.write8 (scratch + 1un) 0xAAuy
    Mmio.write16 (scratch + 2un) 0xBEEFus
    printfn "%08x" (Mmio.read32 scratch)
    // read-modify-write of single bits, as a driver does
    Mmio.write32 scratch (Mmio.read32 scratch &&& ~~~0xFFu ||| 0x5Au)
    printfn "%08x" (Mmio.read32 scratch)
    printfn "%b %b" (Fid.Board.Name.Length > 0) (Fid.Board.RamSize > 0)
    0
