/// The GPIO ports of the LM3S6965 (ARM PrimeCell PL061, Stellaris variant). The data register is
/// reached through 256 addresses: bits 9..2 of the address mask which pins a read sees and a
/// write changes, so single pins are set without a read-modify-write.
module Pl061

open Fid.Hardware

type Port = { Name: char; Base: unativeint }

let portD = { Name = 'D'; Base = 0x40007000un }
let portF = { Name = 'F'; Base = 0x40025000un }

let private dir = 0x400un
let private den = 0x51Cun
/// System control: run-mode clock gating for the GPIO ports (RCGC2), bit n = port n.
let private rcgc2 = 0x400FE108un

let private data (p: Port) (pins: byte) = p.Base + (unativeint pins <<< 2)

/// Turns on the port's clock and makes the given pins digital outputs (the others inputs).
let init (p: Port) (outputs: byte) =
    let bit = 1u <<< (int p.Name - int 'A')
    Mmio.write32 rcgc2 (Mmio.read32 rcgc2 ||| bit)
    // the datasheet asks for 3 clocks before the port's registers are used
    Cpu.nop ()
    Cpu.nop ()
    Cpu.nop ()
    Mmio.write32 (p.Base + dir) (uint32 outputs)
    Mmio.write32 (p.Base + den) 0xFFu

/// Writes value to the pins in mask only (one store, no read-modify-write).
let write (p: Port) (mask: byte) (value: byte) = Mmio.write32 (data p mask) (uint32 value)

/// Reads the pins in mask; the other bits read 0.
let read (p: Port) (mask: byte) = byte (Mmio.read32 (data p mask))

let directions (p: Port) = byte (Mmio.read32 (p.Base + dir))

/// The PrimeCell identification: peripheral ID 0..3 and cell ID 0..3, one byte in each word.
let identify (p: Port) =
    let mutable peripheral = 0u
    let mutable cell = 0u
    for k in 0 .. 3 do
        peripheral <- peripheral ||| ((Mmio.read32 (p.Base + 0xFE0un + unativeint (4 * k)) &&& 0xFFu) <<< (8 * k))
        cell <- cell ||| ((Mmio.read32 (p.Base + 0xFF0un + unativeint (4 * k)) &&& 0xFFu) <<< (8 * k))
    peripheral, cell
