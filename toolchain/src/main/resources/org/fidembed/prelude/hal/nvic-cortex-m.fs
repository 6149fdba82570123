// Fid.Hal.Nvic on Cortex-M: enables and disables an external interrupt (IRQ n, Fid.Device.Irq) in the
// NVIC's set-enable and clear-enable registers (ISER at 0xE000E100, ICER at 0xE000E180, 32 IRQs a word).
namespace Fid.Hal

open Fid.Hardware

module Nvic =
    /// Lets IRQ n interrupt (its handler is [<Interrupt("NAME")>]; interrupts must be enabled too).
    let enable (irq: int) = Mmio.write32 (0xE000E100un + unativeint (irq / 32) * 4un) (1u <<< (irq % 32))
    /// Stops IRQ n from interrupting.
    let disable (irq: int) = Mmio.write32 (0xE000E180un + unativeint (irq / 32) * 4un) (1u <<< (irq % 32))
    /// Clears a pending IRQ n (ICPR at 0xE000E280).
    let unpend (irq: int) = Mmio.write32 (0xE000E280un + unativeint (irq / 32) * 4un) (1u <<< (irq % 32))
