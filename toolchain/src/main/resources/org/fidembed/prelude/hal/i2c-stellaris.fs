// Fid.Hal.I2c on the Stellaris I2C master, by polling. A bus is its master's base address (I2C0.Base);
// register offsets and bits come from Fid.Device (I2C0's layout, shared by every I2C block), the clock
// gate from SYSCTL.RCGC1. Each step writes MCS and waits while BUSY; the controller always finishes a step,
// so a missing device is an error (MCS ERROR with ADRACK or DATACK), never a hang.
namespace Fid.Hal

open Fid.Hardware
open Fid.Device

module I2c =
    let private msa = I2C0.MSA.Address - I2C0.Base
    let private mcs = I2C0.MCS.Address - I2C0.Base
    let private mdr = I2C0.MDR.Address - I2C0.Base
    let private mtpr = I2C0.MTPR.Address - I2C0.Base
    let private mcr = I2C0.MCR.Address - I2C0.Base
    let private run = I2C0.MCS.RUN.Mask
    let private start = I2C0.MCS.START.Mask
    let private stop = I2C0.MCS.STOP.Mask
    let private ack = I2C0.MCS.ACK.Mask

    /// Clocks the master (RCGC1 bit I2C0 + 2n for I2Cn, 4 KiB apart), enables it and sets SCL to the
    /// fastest rate not above hz: SCL = clock / (20 x (TPR + 1)). The pins (SCL, SDA) are the program's
    /// to hand to the controller (GPIO AFSEL, open drain on SDA).
    let init (bus: unativeint) (hz: uint32) =
        let n = int ((bus - I2C0.Base) >>> 12)
        SYSCTL.RCGC1.modify (fun r -> r ||| (1u <<< (SYSCTL.RCGC1.I2C0.Offset + 2 * n)))
        // the datasheet asks for 3 clocks before a newly clocked peripheral's registers are used
        Cpu.nop ()
        Cpu.nop ()
        Cpu.nop ()
        Mmio.write32 (bus + mcr) I2C0.MCR.MFE.Mask
        let clk = uint32 Fid.Board.CpuHz
        let per = if hz = 0u then 128u else (clk + 20u * hz - 1u) / (20u * hz)
        Mmio.write32 (bus + mtpr) (min 127u (max 1u per - 1u))

    /// One step of a transfer: writes MCS and waits for the controller; on an error a STOP frees the bus
    /// (unless arbitration was lost: the bus is then the other master's).
    let private step (bus: unativeint) (command: uint32) : Result<unit, I2cError> =
        Mmio.write32 (bus + mcs) command
        while Mmio.read32 (bus + mcs) &&& I2C0.MCS.BUSY.Mask <> 0u do ()
        let status = Mmio.read32 (bus + mcs)
        if status &&& I2C0.MCS.ERROR.Mask = 0u then Ok ()
        elif status &&& I2C0.MCS.ARBLST.Mask <> 0u then Error ArbitrationLost
        else
            if command &&& stop = 0u then Mmio.write32 (bus + mcs) stop
            Error Nack

    /// Sends the bytes after a START and the address; STOP after the last one when `last`.
    let private send (bus: unativeint) (addr: byte) (data: byte[]) (last: bool) : Result<unit, I2cError> =
        Mmio.write32 (bus + msa) (uint32 addr <<< 1)
        let mutable result = Ok ()
        let mutable i = 0
        while i < data.Length && result = Ok () do
            Mmio.write32 (bus + mdr) (uint32 data.[i])
            let first = if i = 0 then start else 0u
            let final = if i = data.Length - 1 && last then stop else 0u
            result <- step bus (run ||| first ||| final)
            i <- i + 1
        result

    /// Reads buf.Length bytes after a (repeated) START and the address, acknowledging all but the last; STOP.
    let private receive (bus: unativeint) (addr: byte) (buf: byte[]) : Result<unit, I2cError> =
        Mmio.write32 (bus + msa) ((uint32 addr <<< 1) ||| I2C0.MSA.RS.Mask)
        let mutable result = Ok ()
        let mutable i = 0
        while i < buf.Length && result = Ok () do
            let first = if i = 0 then start else 0u
            let final = if i = buf.Length - 1 then stop else ack
            result <- step bus (run ||| first ||| final)
            if result = Ok () then buf.[i] <- byte (Mmio.read32 (bus + mdr))
            i <- i + 1
        result

    /// Writes the bytes to the device at the 7-bit address: START, address, data, STOP. An empty write
    /// sends nothing (this controller cannot send an address alone) and is Ok ().
    let write (bus: unativeint) (addr: byte) (data: byte[]) : Result<unit, I2cError> = send bus addr data true

    /// Reads buf.Length bytes from the device at the 7-bit address into buf.
    let read (bus: unativeint) (addr: byte) (buf: byte[]) : Result<unit, I2cError> = receive bus addr buf

    /// Writes the bytes, then, after a repeated START, reads buf.Length bytes (a register read).
    let writeRead (bus: unativeint) (addr: byte) (data: byte[]) (buf: byte[]) : Result<unit, I2cError> =
        match send bus addr data (buf.Length = 0) with
        | Ok () -> receive bus addr buf
        | e -> e
